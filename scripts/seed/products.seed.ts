import { bouquetImage } from './bouquet-image.generator.js';
import type { SeedApi } from './seed.api.js';

/**
 * Demo products: fifteen per demo store (every category, tag and reference flower appears),
 * plus one subscription product per store, each with an illustration drawn from its recipe
 * (bouquet-image.generator.ts) uploaded through the normal signed upload URL. Runs after the
 * stores step; safe to run again (products whose name the store already has are skipped).
 */

const PASSWORD = 'bloom1234';
const SELLERS = [
  'seller1@bloom.test',
  'seller2@bloom.test',
  'seller3@bloom.test',
  'seller4@bloom.test',
];

type Category = 'BOUQUET' | 'BASKET' | 'BOX' | 'WREATH';
type Tag =
  'FOR_LOVER' | 'FOR_FRIEND' | 'AIR_PURIFYING' | 'OPENING' | 'PROMOTION' | 'WEDDING' | 'FUNERAL';

interface DemoProduct {
  name: string;
  summary: string;
  category: Category;
  tags: Tag[];
  price: number;
  /** [flowerId, stems]; the first flower is the representative one. */
  recipe: [number, number][];
  note: string;
}

const p = (
  name: string,
  summary: string,
  category: Category,
  tags: Tag[],
  price: number,
  recipe: [number, number][],
  note: string,
): DemoProduct => ({ name, summary, category, tags, price, recipe, note });

/** Fifteen products per store, in store order (seller1's first). */
const CATALOGUE: DemoProduct[][] = [
  [
    p(
      '레드 로맨스 꽃다발',
      '빨간 장미 20송이와 안개꽃',
      'BOUQUET',
      ['FOR_LOVER'],
      59000,
      [
        [1, 20],
        [18, 1],
      ],
      '기념일에 가장 많이 찾는 클래식한 구성이에요.',
    ),
    p(
      '첫사랑 주황 장미 다발',
      '설렘을 담은 주황 장미',
      'BOUQUET',
      ['FOR_LOVER', 'FOR_FRIEND'],
      42000,
      [
        [3, 15],
        [18, 1],
      ],
      '따뜻한 색감으로 고백하는 날에 잘 어울려요.',
    ),
    p(
      '핑크 블라썸 바구니',
      '분홍 장미와 카네이션 바구니',
      'BASKET',
      ['FOR_FRIEND'],
      48000,
      [
        [4, 10],
        [13, 5],
      ],
      '친구 생일이나 축하 자리에 부담 없이 보내기 좋아요.',
    ),
    p(
      '감사 카네이션 꽃바구니',
      '고마운 마음을 전하는 카네이션',
      'BASKET',
      [],
      39000,
      [
        [13, 15],
        [18, 1],
      ],
      '어버이날과 스승의 날에 특히 사랑받는 바구니예요.',
    ),
    p(
      '해바라기 응원 꽃다발',
      '한결같은 응원을 담은 해바라기',
      'BOUQUET',
      ['FOR_FRIEND', 'PROMOTION'],
      35000,
      [
        [12, 5],
        [20, 5],
      ],
      '새 출발을 응원하는 밝은 꽃다발이에요.',
    ),
    p(
      '순백 웨딩 부케',
      '하얀 장미와 리시안셔스 부케',
      'BOUQUET',
      ['WEDDING'],
      85000,
      [
        [2, 15],
        [8, 5],
      ],
      '신부 부케로 제작하며 리본 색을 고를 수 있어요.',
    ),
    p(
      '근조 국화 화환',
      '삼가 고인의 명복을 빕니다',
      'WREATH',
      ['FUNERAL'],
      120000,
      [
        [11, 60],
        [2, 10],
      ],
      '장례식장으로 당일 배송해 드려요.',
    ),
    p(
      '개업 축하 3단 화환',
      '번창을 기원하는 노란 화환',
      'WREATH',
      ['OPENING'],
      110000,
      [
        [7, 30],
        [14, 20],
      ],
      '리본 문구를 자유롭게 적어 주세요.',
    ),
    p(
      '라벤더 힐링 박스',
      '희망을 담은 라벤더 꽃상자',
      'BOX',
      ['AIR_PURIFYING', 'FOR_FRIEND'],
      45000,
      [
        [10, 20],
        [19, 5],
      ],
      '은은한 향이 오래가는 꽃상자예요.',
    ),
    p(
      '튤립 봄날 꽃다발',
      '애정을 전하는 튤립 열 송이',
      'BOUQUET',
      ['FOR_LOVER'],
      38000,
      [[16, 10]],
      '봄 시즌 한정 색상이 섞여 있어요.',
    ),
    p(
      '작약 프리미엄 박스',
      '수줍게 피어나는 작약',
      'BOX',
      ['FOR_LOVER', 'WEDDING'],
      98000,
      [
        [21, 7],
        [18, 1],
      ],
      '5–6월 제철 작약만 사용해요.',
    ),
    p(
      '승진 축하 수국 바구니',
      '진심을 담은 수국과 델피늄',
      'BASKET',
      ['PROMOTION'],
      75000,
      [
        [9, 5],
        [22, 3],
      ],
      '사무실에 두기 좋은 크기예요.',
    ),
    p(
      '데이지 미니 다발',
      '사랑스러운 데이지 한 줌',
      'BOUQUET',
      ['FOR_FRIEND'],
      19000,
      [[20, 10]],
      '가볍게 마음을 전하기 좋은 작은 다발이에요.',
    ),
    p(
      '블루 미라클 박스',
      '기적을 뜻하는 파랑 장미',
      'BOX',
      ['FOR_LOVER', 'PROMOTION'],
      89000,
      [
        [5, 10],
        [22, 3],
      ],
      '특별한 날을 위한 한정 구성이에요.',
    ),
    p(
      '공기정화 그린 바구니',
      '스타티스와 라벤더 바구니',
      'BASKET',
      ['AIR_PURIFYING', 'OPENING'],
      52000,
      [
        [19, 10],
        [10, 10],
      ],
      '드라이플라워로도 오래 즐길 수 있어요.',
    ),
  ],
  [
    p(
      '영원한 사랑 보라 장미',
      '보라 장미 열다섯 송이',
      'BOUQUET',
      ['FOR_LOVER'],
      65000,
      [
        [6, 15],
        [18, 1],
      ],
      '프러포즈 꽃다발로 인기가 많아요.',
    ),
    p(
      '노란 장미 우정 다발',
      '노란 장미와 프리지아',
      'BOUQUET',
      ['FOR_FRIEND'],
      40000,
      [
        [7, 15],
        [15, 5],
      ],
      '오랜 친구에게 보내는 밝은 꽃다발이에요.',
    ),
    p(
      '프리지아 졸업 꽃다발',
      '영원한 우정을 담은 프리지아',
      'BOUQUET',
      ['FOR_FRIEND'],
      32000,
      [[15, 15]],
      '졸업식 시즌에 가장 많이 나가는 꽃다발이에요.',
    ),
    p(
      '거베라 컬러 박스',
      '알록달록 거베라 꽃상자',
      'BOX',
      ['FOR_FRIEND', 'OPENING'],
      43000,
      [
        [14, 12],
        [20, 5],
      ],
      '가게 카운터에 두기 좋은 크기예요.',
    ),
    p(
      '라넌큘러스 파스텔 다발',
      '매력적인 라넌큘러스',
      'BOUQUET',
      ['FOR_LOVER'],
      55000,
      [
        [17, 10],
        [8, 3],
      ],
      '겹겹의 꽃잎이 풍성한 파스텔 톤이에요.',
    ),
    p(
      '델피늄 블루 바구니',
      '행복을 전하는 델피늄',
      'BASKET',
      ['PROMOTION', 'OPENING'],
      68000,
      [
        [22, 8],
        [9, 3],
      ],
      '시원한 파란빛이 돋보이는 바구니예요.',
    ),
    p(
      '조문용 하얀 국화 바구니',
      '마음을 담은 근조 바구니',
      'BASKET',
      ['FUNERAL'],
      70000,
      [
        [11, 30],
        [18, 2],
      ],
      '빈소에 놓기 좋은 단정한 구성이에요.',
    ),
    p(
      '웨딩 테이블 센터피스',
      '리시안셔스와 작약 꽃상자',
      'BOX',
      ['WEDDING'],
      92000,
      [
        [8, 15],
        [21, 5],
      ],
      '예식장 테이블 장식으로 제작해요.',
    ),
    p(
      '카네이션 용돈 박스',
      '부모님께 드리는 감사 꽃상자',
      'BOX',
      [],
      47000,
      [
        [13, 10],
        [4, 3],
      ],
      '용돈 봉투를 넣을 수 있는 칸이 있어요.',
    ),
    p(
      '분홍 장미 100송이',
      '행복한 사랑을 담은 백 송이',
      'BOUQUET',
      ['FOR_LOVER'],
      199000,
      [
        [4, 100],
        [18, 3],
      ],
      '이틀 전 주문을 권해 드려요.',
    ),
    p(
      '스타티스 드라이 다발',
      '오래 두고 보는 스타티스',
      'BOUQUET',
      ['AIR_PURIFYING'],
      27000,
      [[19, 15]],
      '말려도 색이 그대로 남아요.',
    ),
    p(
      '개업 축하 쌀 화환',
      '쌀과 꽃으로 만든 축하 화환',
      'WREATH',
      ['OPENING', 'PROMOTION'],
      130000,
      [
        [12, 20],
        [14, 20],
      ],
      '행사 후 쌀은 기부할 수 있어요.',
    ),
    p(
      '안개꽃 구름 다발',
      '순수한 사랑의 안개꽃',
      'BOUQUET',
      ['FOR_LOVER', 'FOR_FRIEND'],
      33000,
      [[18, 8]],
      '구름처럼 풍성한 안개꽃만 담았어요.',
    ),
    p(
      '해바라기 개업 바구니',
      '번창을 비는 해바라기',
      'BASKET',
      ['OPENING'],
      62000,
      [
        [12, 10],
        [7, 5],
      ],
      '노란빛으로 가게를 환하게 밝혀요.',
    ),
    p(
      '추모 근조 3단 화환',
      '고인을 기리는 3단 화환',
      'WREATH',
      ['FUNERAL'],
      150000,
      [
        [11, 80],
        [2, 20],
      ],
      '전국 장례식장 배송이 가능해요.',
    ),
  ],
  [
    p(
      '바다빛 수국 다발',
      '해운대 바다를 닮은 수국',
      'BOUQUET',
      ['FOR_FRIEND'],
      46000,
      [
        [9, 5],
        [22, 2],
      ],
      '시원한 색감의 여름 꽃다발이에요.',
    ),
    p(
      '해운대 선셋 박스',
      '주황 장미와 거베라 꽃상자',
      'BOX',
      ['FOR_LOVER'],
      58000,
      [
        [3, 10],
        [14, 5],
      ],
      '노을빛 꽃으로 채운 꽃상자예요.',
    ),
    p(
      '화이트 웨딩 화환',
      '결혼식장에 보내는 축하 화환',
      'WREATH',
      ['WEDDING'],
      140000,
      [
        [2, 40],
        [8, 20],
      ],
      '예식 시간에 맞춰 설치해 드려요.',
    ),
    p(
      '취임 축하 장미 화환',
      '빨강과 노랑 장미 화환',
      'WREATH',
      ['PROMOTION'],
      125000,
      [
        [1, 40],
        [7, 20],
      ],
      '취임식과 승진 축하에 보내요.',
    ),
    p(
      '튤립 러브 박스',
      '튤립과 분홍 장미 꽃상자',
      'BOX',
      ['FOR_LOVER'],
      72000,
      [
        [16, 15],
        [4, 5],
      ],
      '뚜껑을 여는 순간이 즐거운 선물이에요.',
    ),
    p(
      '라벤더 향기 바구니',
      '향기 가득 라벤더 바구니',
      'BASKET',
      ['AIR_PURIFYING'],
      49000,
      [[10, 25]],
      '침실에 두면 잠이 잘 와요.',
    ),
    p(
      '빨간 장미 한 송이',
      '마음을 전하는 한 송이',
      'BOUQUET',
      ['FOR_LOVER'],
      9900,
      [
        [1, 1],
        [18, 1],
      ],
      '가볍게 사랑을 표현하고 싶을 때 좋아요.',
    ),
    p(
      '데이지 소풍 바구니',
      '데이지와 프리지아 바구니',
      'BASKET',
      ['FOR_FRIEND'],
      36000,
      [
        [20, 15],
        [15, 5],
      ],
      '피크닉 분위기의 귀여운 바구니예요.',
    ),
    p(
      '근조 흰 장미 바구니',
      '흰 장미와 국화로 전하는 위로',
      'BASKET',
      ['FUNERAL'],
      85000,
      [
        [2, 20],
        [11, 10],
      ],
      '조문 가실 때 들고 가기 좋아요.',
    ),
    p(
      '파랑 장미 기적 다발',
      '기적을 담은 파랑 장미',
      'BOUQUET',
      ['FOR_LOVER'],
      79000,
      [
        [5, 12],
        [18, 1],
      ],
      '특별한 고백을 위한 꽃다발이에요.',
    ),
    p(
      '작약 웨딩 부케',
      '작약만으로 만든 부케',
      'BOUQUET',
      ['WEDDING'],
      99000,
      [[21, 10]],
      '제철 작약으로 만드는 신부 부케예요.',
    ),
    p(
      '스타티스 라벤더 박스',
      '오래가는 보랏빛 꽃상자',
      'BOX',
      ['AIR_PURIFYING', 'FOR_FRIEND'],
      39000,
      [
        [19, 10],
        [10, 5],
      ],
      '드라이플라워로 변해도 예뻐요.',
    ),
    p(
      '카네이션 감사 다발',
      '감사 인사를 전하는 카네이션',
      'BOUQUET',
      [],
      29000,
      [[13, 12]],
      '스승의 날 선물로 많이 찾으세요.',
    ),
    p(
      '거베라 응원 다발',
      '신비로운 거베라 다발',
      'BOUQUET',
      ['FOR_FRIEND', 'PROMOTION'],
      31000,
      [[14, 10]],
      '시험, 합격, 승진을 응원해요.',
    ),
    p(
      '리시안셔스 클래식 박스',
      '리시안셔스와 흰 장미',
      'BOX',
      ['WEDDING', 'FOR_LOVER'],
      66000,
      [
        [8, 12],
        [2, 5],
      ],
      '변치 않는 사랑을 담은 꽃상자예요.',
    ),
  ],
  [
    p(
      '제주 유채빛 노란 장미',
      '노란 장미와 해바라기',
      'BOUQUET',
      ['FOR_FRIEND'],
      44000,
      [
        [7, 15],
        [12, 3],
      ],
      '제주의 봄을 담은 노란 꽃다발이에요.',
    ),
    p(
      '수국 정원 바구니',
      '수국과 스타티스 바구니',
      'BASKET',
      ['OPENING', 'AIR_PURIFYING'],
      82000,
      [
        [9, 8],
        [19, 5],
      ],
      '개업한 가게에 오래 두기 좋아요.',
    ),
    p(
      '보라 장미 라벤더 다발',
      '보라 장미와 라벤더',
      'BOUQUET',
      ['FOR_LOVER'],
      57000,
      [
        [6, 10],
        [10, 5],
      ],
      '영원한 사랑을 약속하는 꽃다발이에요.',
    ),
    p(
      '근조 국화 바구니',
      '평화를 비는 국화 바구니',
      'BASKET',
      ['FUNERAL'],
      65000,
      [[11, 40]],
      '단정한 흰 국화로만 만들어요.',
    ),
    p(
      '개업 축하 해바라기 화환',
      '해바라기로 만든 개업 화환',
      'WREATH',
      ['OPENING'],
      115000,
      [
        [12, 40],
        [14, 10],
      ],
      '제주 전 지역 당일 설치가 가능해요.',
    ),
    p(
      '결혼 축하 리시안셔스 화환',
      '리시안셔스와 분홍 장미 화환',
      'WREATH',
      ['WEDDING'],
      135000,
      [
        [8, 40],
        [4, 20],
      ],
      '파스텔 톤의 웨딩 화환이에요.',
    ),
    p(
      '승진 축하 프리미엄 박스',
      '델피늄과 빨간 장미 꽃상자',
      'BOX',
      ['PROMOTION'],
      105000,
      [
        [22, 10],
        [1, 10],
      ],
      '임원 승진 선물로 많이 보내요.',
    ),
    p(
      '프리지아 봄 박스',
      '프리지아와 데이지 꽃상자',
      'BOX',
      ['FOR_FRIEND'],
      37000,
      [
        [15, 15],
        [20, 5],
      ],
      '상큼한 향의 봄 꽃상자예요.',
    ),
    p(
      '라넌큘러스 웨딩 다발',
      '라넌큘러스와 흰 장미',
      'BOUQUET',
      ['WEDDING', 'FOR_LOVER'],
      77000,
      [
        [17, 15],
        [2, 5],
      ],
      '스몰 웨딩 부케로 잘 어울려요.',
    ),
    p(
      '튤립 믹스 바구니',
      '여러 색 튤립 스무 송이',
      'BASKET',
      ['FOR_FRIEND'],
      53000,
      [[16, 20]],
      '집들이 선물로 인기가 많아요.',
    ),
    p(
      '델피늄 하늘 다발',
      '하늘빛 델피늄과 안개꽃',
      'BOUQUET',
      ['FOR_FRIEND'],
      41000,
      [
        [22, 6],
        [18, 1],
      ],
      '행복을 비는 파란 꽃다발이에요.',
    ),
    p(
      '분홍 카네이션 바구니',
      '분홍 카네이션과 장미',
      'BASKET',
      ['FOR_LOVER'],
      45000,
      [
        [13, 10],
        [4, 5],
      ],
      '부드러운 분홍빛 바구니예요.',
    ),
    p(
      '오렌지 장미 비타민 박스',
      '주황 장미와 거베라',
      'BOX',
      ['FOR_FRIEND'],
      49000,
      [
        [3, 12],
        [14, 3],
      ],
      '기운을 북돋는 비타민 컬러예요.',
    ),
    p(
      '하얀 장미 추모 다발',
      '흰 장미와 국화 추모 다발',
      'BOUQUET',
      ['FUNERAL'],
      50000,
      [
        [2, 15],
        [11, 5],
      ],
      '추모식과 기일에 보내요.',
    ),
    p(
      '제주 레드 로즈 박스',
      '빨간 장미 서른 송이 꽃상자',
      'BOX',
      ['FOR_LOVER', 'OPENING'],
      88000,
      [[1, 30]],
      '동백처럼 붉은 장미를 가득 담았어요.',
    ),
  ],
];

const SUBSCRIPTIONS: DemoProduct[] = [
  p(
    '[정기구독] 하늘정원 계절 꽃',
    '매주 바뀌는 제철 꽃 한 다발',
    'BOUQUET',
    [],
    29000,
    [
      [16, 10],
      [18, 1],
    ],
    '매주 플로리스트가 고른 제철 꽃을 보내 드려요.',
  ),
  p(
    '[정기구독] 마포 꽃다방 위클리',
    '격주로 받는 작은 꽃다발',
    'BOUQUET',
    [],
    25000,
    [
      [15, 10],
      [20, 5],
    ],
    '작은 화병에 꽂기 좋은 크기예요.',
  ),
  p(
    '[정기구독] 해운대 바다 꽃',
    '바다 색을 닮은 꽃 정기배송',
    'BOUQUET',
    [],
    32000,
    [
      [9, 3],
      [22, 3],
    ],
    '파란 계열 꽃으로 구성해요.',
  ),
  p(
    '[정기구독] 제주 꽃 편지',
    '한 달에 한 번 제주에서 오는 꽃',
    'BOUQUET',
    [],
    35000,
    [
      [7, 10],
      [12, 3],
    ],
    '제주 농장에서 바로 보내는 꽃이에요.',
  ),
];

const CREATE = `mutation($input: CreateProductInput!) {
  createProduct(input: $input) { __typename ... on Product { id } ... on UserError { code message } }
}`;

interface FlowerInfo {
  id: number;
  name: { ko: string };
  language: { ko: string };
}

/** Checks the demo data covers what the storefront shows: every category, tag and flower. */
function checkCoverage(): void {
  const all = CATALOGUE.flat();
  const categories = new Set(all.map((item) => item.category));
  const tags = new Set(all.flatMap((item) => item.tags));
  const flowers = new Set(all.flatMap((item) => item.recipe.map(([id]) => id)));
  if (all.length < 60 || categories.size < 4 || tags.size < 7 || flowers.size < 22) {
    throw new Error('products seed: demo catalogue does not cover every category, tag and flower');
  }
}

export async function seedProducts(api: SeedApi): Promise<void> {
  checkCoverage();
  const flowers = (
    await api.call<{ flowers: FlowerInfo[] }>(`{ flowers { id name { ko } language { ko } } }`)
  ).flowers;
  const flowerOf = new Map(flowers.map((flower) => [flower.id, flower]));
  let created = 0;
  let photoProblem = false;

  const upload = async (
    token: string,
    item: DemoProduct,
    isSubscription: boolean,
  ): Promise<string[]> => {
    if (photoProblem) return [];
    try {
      const ticket = await api.call<{ createImageUpload: { uploadUrl: string } }>(
        `mutation { createImageUpload { uploadUrl } }`,
        {},
        token,
      );
      // Upload URLs are relative to the public origin, which the gateway serves.
      const response = await fetch(api.resolve(ticket.createImageUpload.uploadUrl), {
        method: 'PUT',
        headers: { 'content-type': 'image/png' },
        body: bouquetImage({
          seed: item.name,
          category: isSubscription ? null : item.category,
          recipe: item.recipe,
        }),
      });
      if (!response.ok) throw new Error(`upload answered ${response.status}`);
      return [((await response.json()) as { key: string }).key];
    } catch (error) {
      // Photos are decoration: without a reachable upload URL the products still get made.
      photoProblem = true;
      api.log(
        `products: photos skipped (${error instanceof Error ? error.message : String(error)})`,
      );
      return [];
    }
  };

  for (const [index, email] of SELLERS.entries()) {
    const token = await api.logIn(email, PASSWORD);
    const existing = await api.call<{ sellerProducts: { nodes: { name: string }[] } }>(
      `{ sellerProducts(first: 100) { nodes { name } } }`,
      {},
      token,
    );
    const have = new Set(existing.sellerProducts.nodes.map((node) => node.name));
    const items = [
      ...(CATALOGUE[index] ?? []).map((item) => ({ item, isSubscription: false })),
      ...(SUBSCRIPTIONS[index] ? [{ item: SUBSCRIPTIONS[index], isSubscription: true }] : []),
    ];
    for (const { item, isSubscription } of items) {
      if (have.has(item.name)) continue;
      const [representative] = item.recipe[0] ?? [1];
      const flower = flowerOf.get(representative);
      const description = [
        `${item.summary}.`,
        flower ? `대표 꽃 ${flower.name.ko}의 꽃말은 '${flower.language.ko}'이에요.` : '',
        item.note,
      ]
        .filter(Boolean)
        .join(' ');
      const input = {
        name: item.name,
        summary: item.summary,
        description,
        price: item.price,
        category: isSubscription ? null : item.category,
        tags: isSubscription ? [] : item.tags,
        isSubscription,
        images: await upload(token, item, isSubscription),
        recipe: item.recipe.map(([flowerId, count], i) => ({
          flowerId,
          count,
          representative: i === 0,
        })),
      };
      await createWhenStoreIsKnown(api, token, input, email);
      created += 1;
    }
  }
  api.log(`products: ${created} created`);
}

/**
 * The products service learns of a store from the stores events, a moment after the stores
 * step opened it: retry while it answers NoStoreError.
 */
async function createWhenStoreIsKnown(
  api: SeedApi,
  token: string,
  input: Record<string, unknown>,
  seller: string,
): Promise<void> {
  for (let attempt = 0; attempt < 60; attempt += 1) {
    const data = await api.call<{
      createProduct: { __typename: string; code?: string; message?: string };
    }>(CREATE, { input }, token);
    const result = data.createProduct;
    if (result.__typename === 'Product') return;
    if (result.__typename !== 'NoStoreError') {
      throw new Error(`products seed: ${String(input.name)}: ${result.code}: ${result.message}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`products seed: ${seller} has no open store (did the stores step run?)`);
}
