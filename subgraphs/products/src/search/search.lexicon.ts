import {
  type CategoryKeyValue,
  FLOWERS,
  type FlowerColorValue,
  type TagKeyValue,
} from '../catalog/catalog.data.js';
import { ProductSort } from '../products/product-sort.js';
import type { OccasionValue } from './search-filters.js';

/**
 * The offline parser's rule tables. Each entry lists the phrases (Korean and English) that
 * signal something and what they mean. Korean phrases match anywhere (particles attach to
 * words: 꽃다발을, 생일에); English phrases match whole words. When phrases overlap, the
 * longest wins, so 빨간 장미 beats 빨간, 여자친구 beats 친구 and 비싼 beats 싼.
 */

export type Effect =
  | { kind: 'category'; key: CategoryKeyValue }
  | { kind: 'tag'; key: TagKeyValue }
  /** A person the gift is for; dropped when an occasion tag (wedding, funeral...) is present. */
  | { kind: 'recipient'; key: TagKeyValue }
  | { kind: 'occasion'; key: OccasionValue }
  /** An occasion the phrase suggests when no other is named: a teacher → TEACHERS_DAY. */
  | { kind: 'impliedOccasion'; key: OccasionValue }
  /** A recipient the phrase suggests when no one else is named: an anniversary → FOR_LOVER. */
  | { kind: 'impliedRecipient'; key: TagKeyValue }
  | { kind: 'flowers'; ids: number[] }
  | { kind: 'color'; key: FlowerColorValue }
  | { kind: 'sort'; key: ProductSort }
  /** Claims the phrase without effect, so a shorter phrase inside it is not misread. */
  | { kind: 'ignore' };

export interface LexiconEntry {
  /** Korean phrases: a space means an optional space. */
  ko?: string[];
  /** English phrases: whole words; `'` is optional, a space may also be a hyphen. */
  en?: string[];
  /** Phrases that need more context than a word list gives. */
  patterns?: RegExp[];
  effects: Effect[];
}

const category = (key: CategoryKeyValue): Effect => ({ kind: 'category', key });
const tag = (key: TagKeyValue): Effect => ({ kind: 'tag', key });
const recipient = (key: TagKeyValue): Effect => ({ kind: 'recipient', key });
const occasion = (key: OccasionValue): Effect => ({ kind: 'occasion', key });
const impliedOccasion = (key: OccasionValue): Effect => ({ kind: 'impliedOccasion', key });
const impliedRecipient = (key: TagKeyValue): Effect => ({ kind: 'impliedRecipient', key });
const flowers = (...ids: number[]): Effect => ({ kind: 'flowers', ids });
const color = (key: FlowerColorValue): Effect => ({ kind: 'color', key });
const sort = (key: ProductSort): Effect => ({ kind: 'sort', key });
const ignore: Effect = { kind: 'ignore' };

/** When several occasions are mentioned, the most specific one is reported. */
export const OCCASION_PRIORITY: readonly OccasionValue[] = [
  'FUNERAL',
  'WEDDING',
  'OPENING',
  'PROMOTION',
  'PROPOSAL',
  'VALENTINE',
  'ANNIVERSARY',
  'BIRTHDAY',
  'PARENTS_DAY',
  'TEACHERS_DAY',
  'GRADUATION',
  'HOUSEWARMING',
  'GET_WELL',
  'APOLOGY',
  'CONGRATULATIONS',
];

/**
 * Tags for flowers sent to a place (a funeral hall, a shop, an office); with one of them, "for a
 * friend" adds nothing. A wedding is the couple's own day, so a friend's wedding is also a gift
 * for the friend and keeps FOR_FRIEND.
 */
export const VENUE_TAGS: readonly TagKeyValue[] = ['FUNERAL', 'OPENING', 'PROMOTION'];

/** Tags that say who the flowers are for, not what they are for. */
export const RECIPIENT_TAGS: readonly TagKeyValue[] = ['FOR_LOVER', 'FOR_FRIEND'];

const TEACHERS = {
  ko: ['선생님', '선생', '스승님', '스승', '은사님', '은사', '교수님', '담임', '쌤'],
  en: ['teacher', 'teachers', 'homeroom teacher', 'professor', 'professors', 'tutor'],
};

/**
 * People other than a partner. Any of them vetoes the FOR_LOVER an anniversary implies
 * ("부모님 결혼기념일", "our company's anniversary"); they are only looked for, not claimed, so
 * the words stay keywords.
 */
export const NOT_A_PARTNER = {
  ko: [
    ...TEACHERS.ko,
    '부모',
    '엄마',
    '아빠',
    '어머니',
    '아버지',
    '어머님',
    '아버님',
    '시어머니',
    '시아버지',
    '장인어른',
    '장모님',
    '할머니',
    '할아버지',
    '아들',
    '딸',
    '조카',
    '동생',
    '언니',
    '누나',
    '형님',
    '동료',
    '상사',
    '사장님',
    '팀장님',
    '회사',
    '창립',
    '사무실',
    '가게',
    '고객',
  ],
  en: [
    ...TEACHERS.en,
    'parents',
    'parent',
    'mom',
    'mum',
    'mother',
    'dad',
    'father',
    'grandma',
    'grandpa',
    'grandmother',
    'grandfather',
    'grandparents',
    'in laws',
    'son',
    'daughter',
    'baby',
    'niece',
    'nephew',
    'sister',
    'brother',
    'aunt',
    'uncle',
    'colleague',
    'coworker',
    'boss',
    'company',
    'office',
    'business',
    'shop',
    'store',
    'customer',
    'client',
  ],
};

const COLOR_WORDS: Record<FlowerColorValue, { ko: string[]; en: string[]; rose: number }> = {
  RED: { ko: ['빨간', '빨강', '빨간색', '빨강색', '붉은', '레드'], en: ['red'], rose: 1 },
  WHITE: {
    ko: ['하얀', '흰', '흰색', '하얀색', '하양', '화이트', '백색'],
    en: ['white'],
    rose: 2,
  },
  ORANGE: { ko: ['주황', '주황색', '오렌지', '오렌지색'], en: ['orange'], rose: 3 },
  PINK: { ko: ['분홍', '분홍색', '핑크', '핑크색', '연분홍'], en: ['pink'], rose: 4 },
  BLUE: { ko: ['파란', '파랑', '파란색', '파랑색', '블루', '하늘색'], en: ['blue'], rose: 5 },
  PURPLE: {
    ko: ['보라', '보라색', '보랏빛', '퍼플', '연보라', '자주색'],
    en: ['purple', 'violet', 'lilac'],
    rose: 6,
  },
  YELLOW: { ko: ['노란', '노랑', '노란색', '노랑색', '옐로', '옐로우'], en: ['yellow'], rose: 7 },
};

const ROSE_IDS = [1, 2, 3, 4, 5, 6, 7];

/** Other names buyers use for the catalog flowers (the catalog's own names are added too). */
const FLOWER_NAMES: Record<number, { ko: string[]; en: string[] }> = {
  2: { ko: ['백장미'], en: [] },
  8: { ko: ['리시안서스', '리시안', '유스토마'], en: ['lisianthus', 'eustoma'] },
  9: { ko: ['수국'], en: ['hydrangea', 'hydrangeas'] },
  10: { ko: ['라벤더'], en: ['lavender', 'lavenders'] },
  11: { ko: ['국화', '국화꽃', '소국', '대국'], en: ['chrysanthemum', 'chrysanthemums'] },
  12: { ko: ['해바라기'], en: ['sunflower', 'sunflowers'] },
  13: { ko: ['카네이션'], en: ['carnation', 'carnations'] },
  14: { ko: ['거베라'], en: ['gerbera', 'gerberas', 'gerbera daisy', 'gerbera daisies'] },
  15: { ko: ['프리지아', '프리지어'], en: ['freesia', 'freesias'] },
  16: { ko: ['튤립'], en: ['tulip', 'tulips'] },
  17: { ko: ['라넌큘러스', '라넌'], en: ['ranunculus', 'ranunculi', 'ranunculuses'] },
  18: { ko: ['안개꽃'], en: ['gypsophila', "baby's breath"] },
  19: { ko: ['스타티스'], en: ['statice'] },
  20: { ko: ['데이지'], en: ['daisy', 'daisies'] },
  21: { ko: ['작약'], en: ['peony', 'peonies'] },
  22: { ko: ['델피늄', '델피니움'], en: ['delphinium', 'delphiniums', 'larkspur'] },
};

/**
 * Flower language (꽃말): the meaning a buyer wants, mapped to the flowers that carry it. The
 * catalog's own meanings are added below; these are the other ways people say them.
 */
const MEANING_SYNONYMS: { ko: string[]; en: string[]; meaning: string }[] = [
  {
    meaning: 'thanks',
    ko: ['고마움', '고마운 마음', '고맙다는', '감사함'],
    en: ['thank you', 'gratitude', 'grateful', 'thankful', 'appreciation'],
  },
  { meaning: 'eternal friendship', ko: ['우정'], en: ['friendship'] },
  {
    meaning: 'unchanging love',
    ko: ['변하지 않는 사랑', '변치않는 사랑', '한결같은 사랑'],
    en: ['everlasting love', 'lasting love', 'undying love', 'constant love'],
  },
  { meaning: 'true heart', ko: ['진심을', '진정성'], en: ['sincerity', 'sincere'] },
  { meaning: 'single-minded devotion', ko: ['한결같은 마음'], en: ['devotion', 'loyalty'] },
  { meaning: 'attractiveness', ko: ['매력적'], en: ['attraction', 'charm', 'charming'] },
  { meaning: 'pure love', ko: ['순수'], en: ['purity', 'innocence'] },
  { meaning: 'bashfulness', ko: ['수줍'], en: ['shyness', 'shy'] },
  { meaning: 'happiness', ko: [], en: ['joy'] },
  { meaning: 'mystery', ko: ['신비로운'], en: ['mysterious'] },
  { meaning: 'hope', ko: [], en: ['hopeful'] },
  { meaning: 'peace', ko: [], en: ['peaceful'] },
  { meaning: 'miracle', ko: [], en: ['miracles'] },
];

function flowerEntries(): LexiconEntry[] {
  const entries: LexiconEntry[] = [];
  for (const flower of FLOWERS) {
    const extra = FLOWER_NAMES[flower.id] ?? { ko: [], en: [] };
    entries.push({
      ko: [flower.name.ko, ...extra.ko],
      en: [flower.name.en, `${flower.name.en}s`, ...extra.en],
      effects: [flowers(flower.id)],
    });
  }
  // Colour + rose is one catalog flower: 빨간 장미 = red rose (1), white roses = 2.
  for (const [key, words] of Object.entries(COLOR_WORDS)) {
    entries.push({
      ko: words.ko.flatMap((c) => [`${c} 장미`, `${c} 장미꽃`, `${c} 로즈`]),
      en: words.en.flatMap((c) => [`${c} rose`, `${c} roses`]),
      effects: [flowers(words.rose)],
    });
    entries.push({ ko: words.ko, en: words.en, effects: [color(key as FlowerColorValue)] });
  }
  entries.push({
    ko: ['장미', '장미꽃', '로즈'],
    en: ['rose', 'roses'],
    effects: [flowers(...ROSE_IDS)],
  });
  return entries;
}

function meaningEntries(): LexiconEntry[] {
  const byMeaning = new Map<string, { ids: number[]; ko: Set<string>; en: Set<string> }>();
  for (const flower of FLOWERS) {
    const slot = byMeaning.get(flower.language.en) ?? { ids: [], ko: new Set(), en: new Set() };
    slot.ids.push(flower.id);
    slot.ko.add(flower.language.ko);
    slot.en.add(flower.language.en);
    byMeaning.set(flower.language.en, slot);
  }
  for (const synonym of MEANING_SYNONYMS) {
    const slot = byMeaning.get(synonym.meaning);
    if (!slot) throw new Error(`flower language ${synonym.meaning} is not in the catalog`);
    synonym.ko.forEach((word) => slot.ko.add(word));
    synonym.en.forEach((word) => slot.en.add(word));
  }
  return [...byMeaning.values()].map((slot) => ({
    ko: [...slot.ko],
    // "love" needs context (patterns below): "I love", "would love it" are not a meaning.
    en: [...slot.en].filter((word) => word !== 'love' && word !== 'hope'),
    effects: [flowers(...slot.ids)],
  }));
}

const FIXED_ENTRIES: LexiconEntry[] = [
  // Categories.
  {
    ko: ['꽃다발', '다발', '핸드타이드', '꽃 한 다발'],
    en: ['bouquet', 'bouquets', 'bunch of flowers', 'bunch', 'hand tied', 'posy'],
    effects: [category('BOUQUET')],
  },
  {
    ko: ['부케', '웨딩 부케', '신부 부케'],
    en: ['bridal bouquet', 'wedding bouquet'],
    effects: [category('BOUQUET'), tag('WEDDING'), occasion('WEDDING')],
  },
  {
    ko: ['꽃바구니', '바구니', '플라워 바스켓'],
    en: ['basket', 'baskets', 'flower basket'],
    effects: [category('BASKET')],
  },
  {
    ko: ['꽃상자', '꽃박스', '플라워 박스', '박스', '상자', '용돈 박스'],
    en: ['box', 'boxes', 'flower box', 'hatbox', 'hat box', 'gift box'],
    effects: [category('BOX')],
  },
  {
    ko: ['화환', '3단 화환', '쌀 화환', '스탠드 화환'],
    en: ['wreath', 'wreaths', 'standing wreath', 'flower stand', 'standing spray'],
    effects: [category('WREATH')],
  },
  {
    ko: ['축하 화환'],
    en: ['congratulatory wreath'],
    effects: [category('WREATH'), occasion('CONGRATULATIONS')],
  },
  {
    ko: ['근조 화환', '근조화'],
    en: ['funeral wreath', 'funeral wreaths', 'condolence wreath', 'sympathy wreath'],
    effects: [category('WREATH'), tag('FUNERAL'), occasion('FUNERAL')],
  },

  // Occasions that are tags.
  {
    ko: ['결혼', '결혼식', '웨딩', '예식', '혼례', '신부', '신혼'],
    en: [
      'wedding',
      'weddings',
      'marriage',
      'bride',
      'bridal',
      'getting married',
      'newlyweds',
      'married',
    ],
    effects: [tag('WEDDING'), occasion('WEDDING')],
  },
  {
    ko: [
      '장례',
      '장례식',
      '조문',
      '조의',
      '근조',
      '추모',
      '빈소',
      '조화',
      '부고',
      '애도',
      '영결식',
      '발인',
      '상갓집',
      '문상',
    ],
    en: [
      'funeral',
      'funerals',
      'condolence',
      'condolences',
      'sympathy',
      'memorial',
      'mourning',
      'bereavement',
      'passed away',
      'rest in peace',
      'your loss',
    ],
    effects: [tag('FUNERAL'), occasion('FUNERAL')],
  },
  {
    ko: [
      '개업',
      '개점',
      '오픈',
      '창업',
      '개원',
      '가게 오픈',
      '매장 오픈',
      '이전 개업',
      '확장 이전',
      '새 가게',
      '새로 오픈',
      '새로 개업',
    ],
    en: [
      'opening',
      'grand opening',
      'opened',
      'new shop',
      'new store',
      'new business',
      'new restaurant',
      'new cafe',
      'new office',
      'new salon',
      'new clinic',
      'store opening',
      'shop opening',
      'business opening',
      'launch',
    ],
    effects: [tag('OPENING'), occasion('OPENING')],
  },
  {
    ko: ['승진', '취임', '진급', '영전', '임명', '취임식'],
    en: ['promotion', 'promoted', 'inauguration', 'new position', 'new role', 'new job'],
    effects: [tag('PROMOTION'), occasion('PROMOTION')],
  },
  {
    ko: ['공기정화', '공기 정화', '공기청정', '미세먼지'],
    en: [
      'air purifying',
      'air purifier',
      'purify the air',
      'purifies the air',
      'clean air',
      'cleans the air',
      'fresh air',
    ],
    effects: [tag('AIR_PURIFYING')],
  },

  // Recipients.
  {
    ko: [
      '연인',
      '애인',
      '여자친구',
      '여자 친구',
      '여친',
      '남자친구',
      '남자 친구',
      '남친',
      '아내',
      '와이프',
      '남편',
      '배우자',
      '커플',
      '그녀',
      '사랑하는 사람',
      '사랑하는 그녀',
      '사랑하는 그',
    ],
    en: [
      'girlfriend',
      'boyfriend',
      'gf',
      'bf',
      'lover',
      'partner',
      'wife',
      'husband',
      'fiancee',
      'fiancée',
      'fiance',
      'sweetheart',
      'my love',
      'significant other',
      'romantic',
      'couple',
    ],
    effects: [recipient('FOR_LOVER')],
  },
  {
    ko: ['친구', '절친', '베프', '동창', '여사친', '남사친'],
    en: ['friend', 'friends', 'best friend', 'bff', 'buddy', 'pal', 'roommate'],
    effects: [recipient('FOR_FRIEND')],
  },

  // Occasions without a tag of their own.
  {
    ko: ['생일', '생신', '탄생일', '환갑', '칠순', '팔순'],
    en: ['birthday', 'birthdays', 'bday', 'b day'],
    effects: [occasion('BIRTHDAY')],
  },
  {
    ko: ['기념일', '결혼기념일', '결혼 기념일', '100일', '주년'],
    en: ['anniversary', 'wedding anniversary'],
    // "결혼 10주년" is an anniversary, not a wedding.
    patterns: [/결혼\s*\d+\s*주년/gu],
    effects: [occasion('ANNIVERSARY'), impliedRecipient('FOR_LOVER')],
  },
  {
    ko: ['프러포즈', '프로포즈', '청혼', '고백'],
    en: ['proposal', 'propose', 'proposing', 'confession'],
    effects: [occasion('PROPOSAL'), recipient('FOR_LOVER')],
  },
  {
    ko: ['발렌타인', '밸런타인', '화이트데이', '화이트 데이', '로즈데이', '로즈 데이'],
    en: ["valentine's day", "valentine's", 'valentine', 'valentines', 'white day', 'rose day'],
    effects: [occasion('VALENTINE'), recipient('FOR_LOVER')],
  },
  {
    ko: ['어버이날', '어버이 날', '어머니날', '아버지날'],
    en: ["mother's day", "father's day", "parents' day", 'parents day'],
    effects: [occasion('PARENTS_DAY')],
  },
  {
    ko: ['스승의 날', '스승의날'],
    en: ["teacher's day", "teachers' day"],
    effects: [occasion('TEACHERS_DAY')],
  },
  { ...TEACHERS, effects: [impliedOccasion('TEACHERS_DAY')] },
  {
    ko: ['졸업', '졸업식'],
    en: ['graduation', 'graduating', 'graduate', 'commencement'],
    effects: [occasion('GRADUATION')],
  },
  {
    ko: ['집들이', '이사', '입주', '새 집'],
    en: ['housewarming', 'house warming', 'new home', 'new house', 'new apartment', 'moving in'],
    effects: [occasion('HOUSEWARMING')],
  },
  {
    ko: ['병문안', '쾌유', '문병', '회복'],
    en: ['get well', 'get well soon', 'hospital', 'recovery', 'feel better'],
    effects: [occasion('GET_WELL')],
  },
  {
    ko: ['사과', '화해', '미안'],
    en: ['apology', 'apologize', 'apologise', 'sorry'],
    effects: [occasion('APOLOGY')],
  },
  {
    ko: ['축하'],
    en: ['congratulations', 'congrats', 'congratulate', 'celebrate', 'celebration'],
    effects: [occasion('CONGRATULATIONS')],
  },

  // Sort hints.
  {
    ko: [
      '인기',
      '잘 팔리는',
      '잘 나가는',
      '베스트',
      '많이 팔린',
      '많이 팔리는',
      '판매량',
      '판매순',
      '유명한',
    ],
    en: [
      'popular',
      'most popular',
      'best seller',
      'best sellers',
      'bestseller',
      'bestsellers',
      'best selling',
      'top selling',
      'most sold',
      'trending',
    ],
    effects: [sort(ProductSort.POPULAR)],
  },
  {
    ko: [
      '저렴',
      '싼',
      '싸게',
      '싸고',
      '저가',
      '가성비',
      '가격 낮은',
      '낮은 가격',
      '비싸지 않은',
      '가격순',
    ],
    en: [
      'cheap',
      'cheaper',
      'cheapest',
      'affordable',
      'inexpensive',
      'budget friendly',
      'low price',
      'lowest price',
      'low to high',
    ],
    effects: [sort(ProductSort.PRICE_ASC)],
  },
  {
    ko: ['비싼', '고급', '프리미엄', '럭셔리', '가격 높은', '높은 가격', '고가'],
    en: [
      'expensive',
      'most expensive',
      'premium',
      'luxury',
      'luxurious',
      'high end',
      'high to low',
      'fancy',
    ],
    effects: [sort(ProductSort.PRICE_DESC)],
  },
  {
    ko: ['최신', '신상', '새로 나온', '새로 들어온', '신제품', '새 상품', '최근', '신규'],
    en: [
      'newest',
      'latest',
      'new arrival',
      'new arrivals',
      'just arrived',
      'recent',
      'recently added',
      'brand new',
      "what's new",
    ],
    // "new" alone is a sort hint only before a product word: not "new store", "new year".
    patterns: [
      /(?<![a-z])new(?=\s+(?:products?|items?|listings?|ones?|flowers?|bouquets?|baskets?|box|boxes|wreaths?|stuff|in)\b|\s*$)/gu,
    ],
    effects: [sort(ProductSort.NEWEST)],
  },
  {
    ko: ['오래된', '등록순'],
    en: ['oldest', 'earliest', 'first listed'],
    effects: [sort(ProductSort.OLDEST)],
  },
  {
    ko: ['리뷰순', '후기순'],
    en: ['most reviewed', 'most reviews', 'many reviews', 'lots of reviews', 'reviewed the most'],
    patterns: [/(?:리뷰|후기)(?:가|이)?\s*(?:많은|많이|많고|제일 많은|가장 많은)/gu],
    effects: [sort(ProductSort.MOST_REVIEWED)],
  },
  {
    ko: ['평점', '별점', '평이 좋은', '평가가 좋은', '평가 좋은', '만족도'],
    en: [
      'best rated',
      'top rated',
      'highest rated',
      'highly rated',
      'best reviewed',
      'well reviewed',
      'good reviews',
      'great reviews',
      'high rating',
      'high ratings',
      'five star',
      '5 star',
    ],
    patterns: [/(?:리뷰|후기)(?:가|이)?\s*(?:좋은|좋고|좋았던|최고)/gu],
    effects: [sort(ProductSort.BEST_RATED)],
  },

  // Phrases that would otherwise be misread.
  {
    ko: ['사랑하는', '이사님', '이사장', '조화로운', '조화롭게', '조화를', '가격대'],
    en: [
      'new year',
      'new years',
      'new baby',
      'new mom',
      'business partner',
      'best wishes',
      'lovely',
    ],
    effects: [ignore],
  },
];

/** Flowers whose language (English) is exactly this meaning. */
const speaking = (meaning: string): number[] =>
  FLOWERS.filter((flower) => flower.language.en === meaning).map((flower) => flower.id);

/** English meanings that are also common verbs: "I love", "would love it", "hope you". */
const CONTEXT_ENTRIES: LexiconEntry[] = [
  {
    patterns: [
      /(?<!\b(?:i|we|you|they|she|he|would|will|'d|to|who|do|really)\s)(?<![a-z])love(?![a-z])(?!\s+(?:it|this|that|them|you|these|those|to)\b)/gu,
    ],
    effects: [flowers(...speaking('love'))],
  },
  {
    patterns: [
      /(?<!\b(?:i|we|you|they|she|he|to)\s)(?<![a-z])hope(?![a-z])(?!\s+(?:you|she|he|they|it|that|this)\b)/gu,
    ],
    effects: [flowers(...speaking('hope'))],
  },
];

export const LEXICON: readonly LexiconEntry[] = [
  ...FIXED_ENTRIES,
  ...CONTEXT_ENTRIES,
  ...flowerEntries(),
  ...meaningEntries(),
];
