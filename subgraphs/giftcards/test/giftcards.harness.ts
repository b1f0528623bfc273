import type { EventContract } from '@bloom/kernel';
import {
  orderCanceled,
  orderConfirmed,
  orderDelivered,
  orderPickedUp,
  orderPlaced,
  orderPreparing,
  orderReadyForPickup,
  orderShipping,
  productCreated,
} from '@bloom/schema';
import { type SubgraphHarness, newId, startSubgraph, waitFor } from '@bloom/testing';
import { OrderStateMark } from '../src/orders/order-line.entities.js';
import { type GiftcardsConfig, loadGiftcardsConfig } from '../src/giftcards.config.js';
import { type GiftcardsServer, buildServer } from '../src/server.js';
import { graphql } from './generated/index.js';

export { newId };

export type FeedState =
  'CONFIRMED' | 'PREPARING' | 'SHIPPING' | 'DELIVERED' | 'READY' | 'PICKED_UP' | 'CANCELED';

export interface OrderedProduct {
  productId: string;
  flowerId: number;
}

/** One line id per ordered product, as a tuple when the products are one. */
export type LineIds<P extends readonly unknown[]> = { -readonly [K in keyof P]: string };

export interface GiftcardsHarness extends SubgraphHarness<GiftcardsConfig, GiftcardsServer> {
  /** The service's public base URL (share links, images). */
  baseUrl: string;
  /** Publishes orders.order.placed (the real contract) and returns the line ids. */
  placeOrder<const P extends readonly OrderedProduct[]>(input: {
    customerId: string;
    products: P;
    orderId?: string;
  }): Promise<{ orderId: string; lineIds: LineIds<P> }>;
  /** Publishes the event that moves an order to `state`. */
  moveOrder(orderId: string, customerId: string, state: FeedState): Promise<void>;
  publishProduct(productId: string, representativeFlowerId: number): Promise<void>;
  /** Resolves once the projection has seen the order reach `state` (PENDING: placed). */
  projected(orderId: string, state: string): Promise<void>;
}

const STORE_ID = 'store-1';

/** Starts a real giftcards subgraph on a free port with its own database and stream namespace. */
export async function startGiftcards(
  label: string,
  env: Record<string, string> = {},
): Promise<GiftcardsHarness> {
  const base = await startSubgraph({
    name: 'giftcards',
    label,
    dbVariable: 'GIFTCARDS_DB',
    env,
    loadConfig: loadGiftcardsConfig,
    build: buildServer,
  });
  // The producers' side: orders and products events on the same namespace.
  const publish = async <T>(contract: EventContract<string, T>, subjectId: string, payload: T) => {
    await base.publish(contract, payload, { subjectId });
  };
  const parties = (orderId: string, customerId: string) => ({
    orderId,
    orderNumber: `B-${orderId.slice(-6)}`,
    storeId: STORE_ID,
    customerId,
    sellerId: null,
  });
  return Object.assign(base, {
    baseUrl: base.server.deps.publicUrl(),
    placeOrder: async <const P extends readonly OrderedProduct[]>({
      customerId,
      products,
      orderId = newId(),
    }: {
      customerId: string;
      products: P;
      orderId?: string;
    }) => {
      await publish(orderPlaced, orderId, {
        orderId,
        storeId: STORE_ID,
        customerId,
        lines: products.map((p) => ({
          productId: p.productId,
          quantity: 1,
          flowers: [
            { flowerId: p.flowerId, count: 5 },
            { flowerId: 18, count: 2 },
          ],
        })),
        fulfilment: { type: 'DELIVERY' },
        subtotal: 50_000,
        placedAt: new Date().toISOString(),
      });
      // One id per product, in order: the tuple the products were.
      const lineIds = products.map((p) => `${orderId}:${p.productId}`) as LineIds<P>;
      return { orderId, lineIds };
    },
    moveOrder: async (orderId: string, customerId: string, state: FeedState) => {
      const ref = parties(orderId, customerId);
      const at = new Date().toISOString();
      switch (state) {
        case 'CONFIRMED':
          return publish(orderConfirmed, orderId, { orderId, storeId: STORE_ID, customerId });
        case 'PREPARING':
          return publish(orderPreparing, orderId, ref);
        case 'SHIPPING':
          return publish(orderShipping, orderId, ref);
        case 'DELIVERED':
          return publish(orderDelivered, orderId, { ...ref, deliveredAt: at });
        case 'READY':
          return publish(orderReadyForPickup, orderId, ref);
        case 'PICKED_UP':
          return publish(orderPickedUp, orderId, { ...ref, pickedUpAt: at, automatic: false });
        case 'CANCELED':
          return publish(orderCanceled, orderId, {
            orderId,
            storeId: STORE_ID,
            customerId,
            reason: 'changed my mind',
            canceledBy: 'CUSTOMER',
          });
      }
    },
    publishProduct: (productId: string, representativeFlowerId: number) =>
      publish(productCreated, productId, {
        productId,
        storeId: STORE_ID,
        name: '테스트 꽃다발',
        price: 50_000,
        status: 'ON_SALE',
        isSubscription: false,
        category: 'BOUQUET',
        tags: [],
        recipe: [
          { flowerId: representativeFlowerId, count: 3, representative: true },
          { flowerId: 18, count: 10, representative: false },
        ],
        representativeFlowerId,
        updatedAt: new Date().toISOString(),
      }),
    projected: async (orderId: string, state: string) => {
      await waitFor(
        () => base.server.orm.em.fork().findOne(OrderStateMark, { _id: `${orderId}:${state}` }),
        { what: `${orderId} ${state} projected` },
      );
    },
  });
}

// Error arms shared by the operations of the harness and of the test files.
graphql(`
  fragment InputErrorFields on UserError {
    ... on InvalidInputError {
      field
    }
    code
    message
  }
`);
graphql(`
  fragment SharedCardRefusalFields on SharedCardResult {
    ... on ShareLinkRateLimitedError {
      retryAfterSeconds
    }
    ... on UserError {
      code
      message
    }
  }
`);

export const WRITE = graphql(`
  mutation WriteGiftCard($i: WriteGiftCardInput!) {
    writeGiftCard(input: $i) {
      __typename
      ... on GiftCardShare {
        shareSecret
        shareUrl
        card {
          id
          orderLineId
          orderId
          message
          fromName
          template {
            key
            imageUrl
          }
        }
      }
      ... on GiftCardExistsError {
        cardId
      }
      ...InputErrorFields
    }
  }
`);
