import { bearer, gqlRequest, waitFor } from '@bloom/testing';
import { graphql } from './generated/index.js';
import type { System } from './system.harness.js';

/*
 * What many journeys do before the part they test: add to the cart, check out for delivery,
 * wait for the saga, move the order along as its seller. One copy, so a change to checkout
 * changes every journey's set-up at once.
 */

/** Seoul's day `days` from now, YYYY-MM-DD (tomorrow is always open for delivery). */
export const seoulDay = (days = 0): string =>
  new Date(Date.now() + 9 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);

/** The journeys' recipient and address, delivered on `date` in the morning window. */
export const deliveryTo = (date = seoulDay(1)) => ({
  recipientName: '김수진',
  phone: '01012345678',
  zipCode: '04524',
  street: '서울 중구 세종대로 110',
  detail: '3층',
  deliveryDate: date,
  window: '10:00-13:00',
});

const ADD_TO_CART = graphql(`
  mutation ActionsAddToCart($p: ID!, $q: Int!) {
    addToCart(productId: $p, quantity: $q) {
      __typename
    }
  }
`);
const CHECKOUT = graphql(`
  mutation ActionsCheckout($i: CheckoutInput!) {
    checkout(input: $i) {
      __typename
      ... on CheckoutSuccess {
        orders {
          id
        }
      }
      ... on UserError {
        code
        message
      }
    }
  }
`);
const STATUS = graphql(`
  query ActionsOrderStatus($id: ID!) {
    order(id: $id) {
      status
    }
  }
`);
const ADVANCE = graphql(`
  mutation ActionsAdvance($id: ID!, $to: OrderStatus!, $t: String) {
    advanceOrder(orderId: $id, to: $to, trackingNumber: $t) {
      __typename
    }
  }
`);

/**
 * Puts `quantity` of each product in the customer's cart (once orders knows the product) and
 * checks the cart out for delivery; resolves with the first order's id once it is CONFIRMED.
 */
export async function placeCartOrder(
  sys: System,
  token: string,
  order: {
    productIds: string[];
    quantity?: number;
    key: string;
    expectedTotal: number;
    /** Sent with the checkout request only (e.g. a `traceparent`). */
    headers?: Record<string, string>;
  },
): Promise<string> {
  for (const p of order.productIds) {
    await waitFor(
      async () =>
        (await sys.call(ADD_TO_CART, { p, q: order.quantity ?? 1 }, token)).data?.addToCart
          .__typename === 'Cart',
      { what: 'product projected into orders', timeoutMs: 15_000 },
    );
  }
  const placed = await gqlRequest(
    sys.gatewayUrl,
    CHECKOUT,
    {
      i: {
        idempotencyKey: order.key,
        fulfilment: 'DELIVERY',
        delivery: deliveryTo(),
        expectedTotal: order.expectedTotal,
      },
    },
    { ...bearer(token), ...order.headers },
  );
  const result = placed.data?.checkout;
  const orderId = result?.__typename === 'CheckoutSuccess' ? result.orders[0]?.id : undefined;
  if (!orderId) throw new Error(`checkout failed: ${JSON.stringify(placed)}`);
  await waitFor(
    async () =>
      (await sys.call(STATUS, { id: orderId }, token)).data?.order?.status === 'CONFIRMED',
    { what: 'order confirmed', timeoutMs: 30_000 },
  );
  return orderId;
}

/** The seller prepares, ships and delivers a confirmed delivery order. */
export async function deliverOrder(sys: System, sellerToken: string, orderId: string) {
  for (const [to, t] of [
    ['PREPARING', null],
    ['SHIPPING', '123456789012'],
    ['DELIVERED', null],
  ] as const) {
    const moved = await sys.call(ADVANCE, { id: orderId, to, t }, sellerToken);
    if (moved.data?.advanceOrder.__typename !== 'Order') {
      throw new Error(`could not move ${orderId} to ${to}: ${JSON.stringify(moved)}`);
    }
  }
}
