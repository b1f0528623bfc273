import {
  type PaymentsEmulator,
  loadPaymentsEmulatorConfig,
  startPaymentsEmulator,
} from '@bloom/payments-emulator';
import { type GraphQLResponse, waitFor } from '@bloom/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProductAs, customerToken, skyGardenSeller } from '../src/actors.js';
import { graphql } from '../src/generated/index.js';
import type { OrdersCheckoutMutation, OrdersOrderQuery } from '../src/generated/graphql.js';
import { present } from '../src/present.js';
import { type System, startSystem } from '../src/system.harness.js';

/*
 * Checkout through the gateway with the real identity, stores, products and orders subgraphs
 * and the payment sandbox over HTTP: products and stores reach orders as events, the saga runs
 * over JetStream (reserve at stores → capture at the PG → confirm), and the cart joins
 * Store.deliveryPolicy and Product fields from their owners by federation.
 */

let sys: System;
let pg: PaymentsEmulator;
beforeAll(async () => {
  pg = await startPaymentsEmulator(loadPaymentsEmulatorConfig({ PORT: '0', LOG_LEVEL: 'silent' }));
  sys = await startSystem(['identity', 'stores', 'products', 'orders', 'giftcards'], {
    PAYMENTS_URL: pg.url,
  });
}, 120_000);
afterAll(async () => {
  await sys?.close();
  await pg?.close();
});

const ORDER = graphql(`
  query OrdersOrder($id: ID!) {
    order(id: $id) {
      id
      status
      total
      failure {
        code
      }
      store {
        id
        name
      }
      lines {
        product {
          id
          name
        }
        quantity
      }
    }
  }
`);
const CHECKOUT = graphql(`
  mutation OrdersCheckout($i: CheckoutInput!) {
    checkout(input: $i) {
      __typename
      ... on CheckoutSuccess {
        orders {
          id
          status
          total
        }
      }
      ... on UserError {
        code
        message
      }
    }
  }
`);
const LINE_CARD = graphql(`
  query OrdersLineCard($id: ID!) {
    order(id: $id) {
      lines {
        id
        hasGiftCard
        giftCard {
          message
        }
      }
    }
  }
`);

/** The id of the first order a checkout placed; '' when it placed none. */
const placedOrderId = (res: GraphQLResponse<OrdersCheckoutMutation>) => {
  const result = res.data?.checkout;
  return (result?.__typename === 'CheckoutSuccess' ? result.orders[0]?.id : undefined) ?? '';
};

/** The order once the saga settled it (confirmed or failed), else null. */
const settled = (res: GraphQLResponse<OrdersOrderQuery>) => {
  const order = res.data?.order;
  return order?.status === 'CONFIRMED' || order?.status === 'FAILED' ? order : null;
};

/** 12:00 Asia/Seoul tomorrow: inside business hours, on the 30-minute grid, in the future. */
const tomorrowNoonSeoul = () => {
  const seoulNow = new Date(Date.now() + 9 * 3600_000);
  return new Date(
    Date.UTC(seoulNow.getUTCFullYear(), seoulNow.getUTCMonth(), seoulNow.getUTCDate() + 1, 3, 0),
  );
};

describe('orders through the gateway', () => {
  it('cart by store → delivery checkout → saga confirms; pickup too; each sees only their own', async () => {
    const owner = await skyGardenSeller(sys);
    const storeId = owner.storeId;
    await sys.call(
      graphql(`
        mutation OrdersSetFlowerStock($s: ID!) {
          setFlowerStock(storeId: $s, items: [{ flowerId: 1, available: 10 }]) {
            __typename
          }
        }
      `),
      { s: storeId },
      owner.token,
    );
    const productId = await createProductAs(sys, owner.token, {
      name: '빨간 장미 꽃다발',
      summary: '사랑의 고백',
      description: '빨간 장미 두 송이',
      price: 20000,
      category: 'BOUQUET',
      recipe: [{ flowerId: 1, count: 2, representative: true }],
    });

    const token = await customerToken(sys, 'minji@bloom.test');
    // The product reaches orders as an event: retry until orders knows it.
    await waitFor(
      async () => {
        const added = await sys.call(
          graphql(`
            mutation OrdersAddToCart($p: ID!) {
              addToCart(productId: $p, quantity: 2) {
                __typename
              }
            }
          `),
          { p: productId },
          token,
        );
        return added.data?.addToCart.__typename === 'Cart';
      },
      { what: 'product projected into orders', timeoutMs: 15_000 },
    );
    const cart = await sys.call(
      graphql(`
        query OrdersCart {
          cart {
            total
            groups {
              subtotal
              deliveryFee
              store {
                id
                name
                deliveryPolicy {
                  fee
                  freeDeliveryThreshold
                }
              }
              lines {
                quantity
                product {
                  id
                  name
                  price
                }
              }
            }
          }
        }
      `),
      {},
      token,
    );
    expect(cart.data?.cart).toMatchObject({
      total: 43000,
      groups: [
        {
          subtotal: 40000,
          deliveryFee: 3000,
          store: {
            id: storeId,
            name: '하늘정원 플라워',
            deliveryPolicy: { fee: 3000, freeDeliveryThreshold: 50000 },
          },
          lines: [
            { quantity: 2, product: { id: productId, name: '빨간 장미 꽃다발', price: 20000 } },
          ],
        },
      ],
    });

    const delivery = await sys.call(
      CHECKOUT,
      {
        i: {
          idempotencyKey: 'e2e-delivery-0001',
          fulfilment: 'DELIVERY',
          delivery: {
            recipientName: '김수진',
            phone: '010-1234-5678',
            zipCode: '04524',
            street: '서울 중구 세종대로 110',
            deliveryDate: tomorrowNoonSeoul().toISOString().slice(0, 10),
            window: '10:00-13:00',
          },
          expectedTotal: 43000,
        },
      },
      token,
    );
    const orderId = placedOrderId(delivery);
    expect(orderId, JSON.stringify(delivery)).toBeTruthy();
    const confirmed = await waitFor(
      async () => settled(await sys.call(ORDER, { id: orderId }, token)),
      { what: 'delivery order settled', timeoutMs: 30_000 },
    );
    expect(confirmed).toMatchObject({
      status: 'CONFIRMED',
      total: 43000,
      store: { id: storeId, name: '하늘정원 플라워' },
      lines: [{ quantity: 2, product: { id: productId, name: '빨간 장미 꽃다발' } }],
    });
    const { payments } = (await (await fetch(`${pg.url}/__emulator/payments`)).json()) as {
      payments: { orderId: string; status: string; amount: number }[];
    };
    expect(payments.filter((p) => p.orderId === orderId)).toEqual([
      expect.objectContaining({ status: 'CAPTURED', amount: 43000 }),
    ]);

    // The buyer writes a message card for the line; the order line shows it (giftcards extends
    // orders' OrderLine through federation).
    const lineId = present(
      (await sys.call(LINE_CARD, { id: orderId }, token)).data?.order?.lines[0],
      'the order line',
    ).id;
    expect((await sys.call(LINE_CARD, { id: orderId }, token)).data?.order?.lines[0]).toEqual({
      id: lineId,
      hasGiftCard: false,
      giftCard: null,
    });
    const written = await waitFor(
      async () => {
        const res = await sys.call(
          graphql(`
            mutation OrdersWriteGiftCard($i: WriteGiftCardInput!) {
              writeGiftCard(input: $i) {
                __typename
                ... on UserError {
                  code
                }
              }
            }
          `),
          {
            i: { orderLineId: lineId, message: '생일 축하해!\n늘 고마워', templateKey: 'PINK_01' },
          },
          token,
        );
        const result = res.data?.writeGiftCard;
        return result?.__typename === 'GiftCardShare' ? result : null;
      },
      { what: 'giftcards to learn the order line', timeoutMs: 15_000 },
    );
    expect(written.__typename).toBe('GiftCardShare');
    expect((await sys.call(LINE_CARD, { id: orderId }, token)).data?.order?.lines[0]).toEqual({
      id: lineId,
      hasGiftCard: true,
      giftCard: { message: '생일 축하해!\n늘 고마워' },
    });

    const pickup = await sys.call(
      CHECKOUT,
      {
        i: {
          idempotencyKey: 'e2e-pickup-0001',
          buyNow: { productId, quantity: 1 },
          fulfilment: 'PICKUP',
          pickupSlots: [{ storeId, startsAt: tomorrowNoonSeoul().toISOString() }],
          expectedTotal: 20000,
        },
      },
      token,
    );
    const pickupId = placedOrderId(pickup);
    const pickupOrder = await waitFor(
      async () => settled(await sys.call(ORDER, { id: pickupId }, token)),
      { what: 'pickup order settled', timeoutMs: 30_000 },
    );
    expect(pickupOrder).toMatchObject({ status: 'CONFIRMED', total: 20000 });

    // Stores consumed 2 × 2 + 1 × 2 stems of flower 1; asking for more than is left fails.
    const stock = async () =>
      present(
        (
          await sys.call(
            graphql(`
              query OrdersStoreInventory {
                me {
                  store {
                    inventory {
                      flowerId
                      available
                    }
                  }
                }
              }
            `),
            {},
            owner.token,
          )
        ).data?.me?.store?.inventory,
        'the store inventory',
      ).find((f) => f.flowerId === 1)?.available;
    expect(await stock()).toBe(4);
    const tooMany = await sys.call(
      CHECKOUT,
      {
        i: {
          idempotencyKey: 'e2e-too-many-0001',
          buyNow: { productId, quantity: 3 },
          fulfilment: 'PICKUP',
          pickupSlots: [{ storeId, startsAt: tomorrowNoonSeoul().toISOString() }],
          expectedTotal: 60000,
        },
      },
      token,
    );
    // Orders knows the stock from stores' events, so it refuses before placing anything.
    expect(tooMany.data?.checkout).toMatchObject({
      __typename: 'NotEnoughStockError',
      code: 'INSUFFICIENT_STOCK',
    });
    expect(await stock()).toBe(4);

    // Seller's board; another customer sees nothing.
    const board = await sys.call(
      graphql(`
        query OrdersStoreOrders($s: ID!) {
          storeOrders(storeId: $s) {
            totalCount
            nodes {
              id
              status
            }
          }
        }
      `),
      { s: storeId },
      owner.token,
    );
    expect(board.data?.storeOrders.totalCount).toBe(2);
    // The User and Store entities carry their orders across subgraphs.
    const mine = await sys.call(
      graphql(`
        query OrdersMyOrderCount {
          me {
            orders {
              totalCount
            }
          }
        }
      `),
      {},
      token,
    );
    expect(mine.data?.me?.orders.totalCount).toBe(2);
    const storeBoard = await sys.call(
      graphql(`
        query OrdersMyStoreOrderCount {
          myStore {
            orders(first: 1) {
              totalCount
            }
          }
        }
      `),
      {},
      owner.token,
    );
    expect(storeBoard.data?.myStore?.orders.totalCount).toBe(2);
    const other = await customerToken(sys, 'other@bloom.test');
    expect((await sys.call(ORDER, { id: orderId }, other)).data?.order).toBeNull();
  }, 120_000);
});
