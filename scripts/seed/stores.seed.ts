import type { SeedApi } from './seed.api.js';

/**
 * Demo stores for the four sellers the identity step creates and approves: profile, delivery
 * policy, pickup settings, stock of all 22 flowers and two coupons each. Every call is
 * idempotent (an existing store is kept, stock is set absolutely, a taken coupon code is
 * skipped), so running the seed again changes nothing.
 */

const PASSWORD = 'bloom1234';
const DAY_MS = 86_400_000;

interface DemoStore {
  email: string;
  name: string;
  description: string;
  phone: string;
  address: {
    regionCode: string;
    districtCode: string;
    street: string;
    detail: string;
    zipCode: string;
    latitude: number;
    longitude: number;
  };
  businessHours: { opensAt: string; closesAt: string; closedWeekdays: number[] };
  settlementAccount: { bank: string; accountNumber: string; accountHolder: string };
  deliveryPolicy: {
    fee: number;
    freeDeliveryThreshold: number | null;
    sameDayCutoff: string;
    windows: { start: string; end: string }[];
  };
  pickup: { enabled: boolean; slotCapacity: number };
  coupons: {
    name: string;
    code: string;
    discountAmount: number;
    minOrderAmount: number;
    issueLimit: number;
    /** Only orders received this way may use it; absent: delivery and pickup alike. */
    onlyFor?: 'DELIVERY' | 'PICKUP';
  }[];
}

const standardWindows = [
  { start: '10:00', end: '13:00' },
  { start: '13:00', end: '16:00' },
  { start: '16:00', end: '19:00' },
];

export const demoStores: DemoStore[] = [
  {
    email: 'seller1@bloom.test',
    name: '하늘정원 플라워',
    description: '강남역 11번 출구 앞, 매일 아침 양재 꽃시장에서 들여오는 제철 꽃다발 전문점.',
    phone: '02-555-0101',
    address: {
      regionCode: '11',
      districtCode: '11680',
      street: '서울 강남구 테헤란로 152',
      detail: '1층 101호',
      zipCode: '06236',
      latitude: 37.5006,
      longitude: 127.0366,
    },
    businessHours: { opensAt: '10:00', closesAt: '21:00', closedWeekdays: [] },
    settlementAccount: {
      bank: '국민은행',
      accountNumber: '123-456-789012',
      accountHolder: '김하늘',
    },
    deliveryPolicy: {
      fee: 3000,
      freeDeliveryThreshold: 50000,
      sameDayCutoff: '15:00',
      windows: standardWindows,
    },
    pickup: { enabled: true, slotCapacity: 4 },
    coupons: [
      {
        name: '첫 주문 3천원 할인',
        code: 'HANEUL3000',
        discountAmount: 3000,
        minOrderAmount: 30000,
        issueLimit: 200,
      },
      {
        name: '기념일 1만원 할인',
        code: 'HANEUL-ANNIV',
        discountAmount: 10000,
        minOrderAmount: 80000,
        issueLimit: 50,
      },
    ],
  },
  {
    email: 'seller2@bloom.test',
    name: '마포 꽃다방',
    description: '홍대 골목의 작은 꽃방. 드라이플라워와 계절 꽃 한 다발을 함께 즐겨보세요.',
    phone: '02-332-0202',
    address: {
      regionCode: '11',
      districtCode: '11440',
      street: '서울 마포구 와우산로 94',
      detail: '2층',
      zipCode: '04066',
      latitude: 37.5509,
      longitude: 126.9227,
    },
    businessHours: { opensAt: '11:00', closesAt: '20:00', closedWeekdays: [1] },
    settlementAccount: {
      bank: '카카오뱅크',
      accountNumber: '3333-01-2345678',
      accountHolder: '이서연',
    },
    deliveryPolicy: {
      fee: 3500,
      freeDeliveryThreshold: 60000,
      sameDayCutoff: '14:00',
      windows: [
        { start: '12:00', end: '15:00' },
        { start: '15:00', end: '18:00' },
      ],
    },
    pickup: { enabled: true, slotCapacity: 3 },
    coupons: [
      {
        name: '홍대 방문 픽업 2천원',
        code: 'MAPO2000',
        discountAmount: 2000,
        minOrderAmount: 20000,
        issueLimit: 300,
        onlyFor: 'PICKUP',
      },
      {
        name: '꽃다방 단골 5천원',
        code: 'MAPO-REGULAR',
        discountAmount: 5000,
        minOrderAmount: 50000,
        issueLimit: 100,
      },
    ],
  },
  {
    email: 'seller3@bloom.test',
    name: '해운대 플로리스트',
    description: '바다가 보이는 꽃집. 결혼식·개업 화환과 꽃바구니를 부산 전 지역에 배송합니다.',
    phone: '051-742-0303',
    address: {
      regionCode: '26',
      districtCode: '26350',
      street: '부산 해운대구 해운대해변로 264',
      detail: '상가동 105호',
      zipCode: '48099',
      latitude: 35.1587,
      longitude: 129.1604,
    },
    businessHours: { opensAt: '09:00', closesAt: '20:00', closedWeekdays: [0] },
    settlementAccount: {
      bank: '신한은행',
      accountNumber: '110-234-567890',
      accountHolder: '박준호',
    },
    deliveryPolicy: {
      fee: 4000,
      freeDeliveryThreshold: 70000,
      sameDayCutoff: '13:00',
      windows: standardWindows,
    },
    pickup: { enabled: true, slotCapacity: 2 },
    coupons: [
      {
        name: '부산 배송 4천원 할인',
        code: 'BUSAN4000',
        discountAmount: 4000,
        minOrderAmount: 40000,
        issueLimit: 150,
      },
      {
        name: '개업 화환 1만5천원',
        code: 'OPENING15',
        discountAmount: 15000,
        minOrderAmount: 120000,
        issueLimit: 30,
      },
    ],
  },
  {
    email: 'seller4@bloom.test',
    name: '제주 동백꽃방',
    description: '제주 동백과 유채, 제철 들꽃으로 엮은 꽃다발. 공항 픽업도 편하게.',
    phone: '064-722-0404',
    address: {
      regionCode: '50',
      districtCode: '50110',
      street: '제주특별자치도 제주시 중앙로 213',
      detail: '1층',
      zipCode: '63166',
      latitude: 33.5007,
      longitude: 126.5292,
    },
    businessHours: { opensAt: '10:00', closesAt: '19:00', closedWeekdays: [3] },
    settlementAccount: {
      bank: '농협은행',
      accountNumber: '351-1234-5678-03',
      accountHolder: '최유진',
    },
    deliveryPolicy: {
      fee: 5000,
      freeDeliveryThreshold: null,
      sameDayCutoff: '12:00',
      windows: [{ start: '13:00', end: '18:00' }],
    },
    pickup: { enabled: true, slotCapacity: 5 },
    coupons: [
      {
        name: '제주 여행 기념 3천원',
        code: 'JEJU3000',
        discountAmount: 3000,
        minOrderAmount: 25000,
        issueLimit: 200,
      },
      {
        name: '동백 시즌 7천원',
        code: 'CAMELLIA7',
        discountAmount: 7000,
        minOrderAmount: 60000,
        issueLimit: 80,
      },
    ],
  },
];

/** Stems per flower (ids 1..22): varied per store, a few under the low-stock threshold of 50. */
export const demoStock = (storeIndex: number) =>
  Array.from({ length: 22 }, (_, i) => ({
    flowerId: i + 1,
    available: 30 + (((i + 1) * 37 + storeIndex * 53) % 170),
  }));

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Result = { __typename: string; id?: string; code?: string; message?: string };

function expectType(result: Result, typename: string, what: string, allowed: string[] = []) {
  if (result.__typename !== typename && !allowed.includes(result.code ?? '')) {
    throw new Error(`${what}: ${result.code ?? result.__typename}: ${result.message ?? ''}`);
  }
}

const MY_STORE = `{ myStore { id } }`;
const CREATE_STORE = `mutation($i: CreateStoreInput!) {
  createStore(input: $i) { __typename ... on Store { id } ... on UserError { code message } }
}`;
const UPDATE_POLICY = `mutation($id: ID!, $i: StoreDeliveryPolicyInput!) {
  updateDeliveryPolicy(storeId: $id, input: $i) { __typename ... on UserError { code message } }
}`;
const UPDATE_PICKUP = `mutation($id: ID!, $i: PickupSettingsInput!) {
  updatePickupSettings(storeId: $id, input: $i) { __typename ... on UserError { code message } }
}`;
const SET_STOCK = `mutation($id: ID!, $items: [FlowerQuantityInput!]!) {
  setFlowerStock(storeId: $id, items: $items, reason: "demo stock") { __typename ... on UserError { code message } }
}`;
const CREATE_COUPON = `mutation($id: ID!, $i: CreateCouponInput!) {
  createCoupon(storeId: $id, input: $i) { __typename ... on UserError { code message } }
}`;
const MY_COUPONS = `{ myStore { coupons(includeEnded: true) { id code onlyFor } } }`;
const UPDATE_COUPON = `mutation($id: ID!, $i: UpdateCouponInput!) {
  updateCoupon(couponId: $id, input: $i) { __typename ... on UserError { code message } }
}`;

/**
 * A coupon an earlier seed made keeps its code, so creating it again is skipped; its
 * delivery/pickup limit is brought to the demo's (databases seeded before coupons had one).
 */
async function alignCouponLimits(api: SeedApi, token: string, store: DemoStore): Promise<void> {
  const mine = await api.call<{
    myStore: { coupons: { id: string; code: string; onlyFor: string | null }[] } | null;
  }>(MY_COUPONS, {}, token);
  for (const existing of mine.myStore?.coupons ?? []) {
    const demo = store.coupons.find((c) => c.code === existing.code);
    const wanted = demo?.onlyFor ?? null;
    if (!demo || existing.onlyFor === wanted) continue;
    const updated = await api.call<{ updateCoupon: Result }>(
      UPDATE_COUPON,
      { id: existing.id, i: wanted ? { onlyFor: wanted } : { anyFulfilment: true } },
      token,
    );
    expectType(updated.updateCoupon, 'Coupon', `coupon ${existing.code}`);
  }
}

/** Opens the store, waiting briefly for the seller's approval to reach the stores service. */
async function ensureStore(api: SeedApi, token: string, store: DemoStore): Promise<string> {
  for (let attempt = 0; attempt < 30; attempt++) {
    const existing = await api.call<{ myStore: { id: string } | null }>(MY_STORE, {}, token);
    if (existing.myStore) return existing.myStore.id;
    const { email: _email, coupons: _coupons, ...input } = store;
    const created = await api.call<{ createStore: Result }>(CREATE_STORE, { i: input }, token);
    if (created.createStore.id) return created.createStore.id;
    if (created.createStore.code !== 'SELLER_NOT_APPROVED') {
      expectType(created.createStore, 'Store', `store of ${store.email}`);
    }
    await sleep(1_000);
  }
  throw new Error(`store of ${store.email}: the seller approval never reached stores`);
}

export async function seedStores(api: SeedApi): Promise<void> {
  const now = Date.now();
  for (const [index, store] of demoStores.entries()) {
    const token = await api.logIn(store.email, PASSWORD);
    const storeId = await ensureStore(api, token, store);
    const policy = await api.call<{ updateDeliveryPolicy: Result }>(
      UPDATE_POLICY,
      { id: storeId, i: store.deliveryPolicy },
      token,
    );
    expectType(policy.updateDeliveryPolicy, 'Store', `delivery policy of ${store.name}`);
    const pickup = await api.call<{ updatePickupSettings: Result }>(
      UPDATE_PICKUP,
      { id: storeId, i: store.pickup },
      token,
    );
    expectType(pickup.updatePickupSettings, 'Store', `pickup of ${store.name}`);
    const stock = await api.call<{ setFlowerStock: Result }>(
      SET_STOCK,
      { id: storeId, items: demoStock(index) },
      token,
    );
    expectType(stock.setFlowerStock, 'InventoryUpdate', `stock of ${store.name}`);
    for (const coupon of store.coupons) {
      const created = await api.call<{ createCoupon: Result }>(
        CREATE_COUPON,
        {
          id: storeId,
          i: {
            ...coupon,
            startsAt: new Date(now - DAY_MS).toISOString(),
            endsAt: new Date(now + 90 * DAY_MS).toISOString(),
          },
        },
        token,
      );
      expectType(created.createCoupon, 'Coupon', `coupon ${coupon.code}`, ['COUPON_CODE_TAKEN']);
    }
    await alignCouponLimits(api, token, store);
  }
  api.log(`stores: ${demoStores.length} stores with stock, delivery, pickup and coupons`);
}
