import type { CheckoutInput, ProductSummaryFragment } from '../src/generated/graphql.js';

/** A product as BrowseProducts / SearchProducts select it. */
export function productNode(n: number): ProductSummaryFragment {
  return {
    id: `p${n}`,
    storeId: 's1',
    name: `꽃다발 ${n}`,
    summary: '빨간 장미',
    price: 20000 + n,
    category: 'BOUQUET',
    tags: ['FOR_LOVER'],
    saleStatus: 'ON_SALE',
    isSubscription: false,
    ratingAverage: 4.5,
    ratingCount: 2,
    salesCount: 10,
    availableQuantity: 3,
    images: [],
    store: { id: 's1', name: '하늘정원 플라워' },
  };
}

/** A buy-now delivery checkout, as the orders tests place one. */
export const checkoutInput = (idempotencyKey = 'key-1'): CheckoutInput => ({
  buyNow: { productId: 'p1', quantity: 1 },
  fulfilment: 'DELIVERY',
  delivery: {
    recipientName: '김수진',
    phone: '010-1234-5678',
    zipCode: '04524',
    street: '서울 중구 세종대로 110',
    detail: '3층',
    deliveryDate: '2030-01-02',
    window: '10:00-13:00',
  },
  expectedTotal: 23000,
  idempotencyKey,
});
