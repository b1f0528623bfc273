import { EventBus, type EventContract, createEvent } from '@bloom/kernel';
import { couponCreated, inventoryAdjusted, productCreated, storeOpened } from '@bloom/schema';
import {
  type GraphQLResponse,
  type SubgraphHarness,
  customerCaller,
  expectUnion,
  newId,
  startSubgraph,
  waitFor,
} from '@bloom/testing';
import { type OrdersConfig, loadOrdersConfig } from '../src/orders.config.js';
import { type OrdersServer, buildServer } from '../src/server.js';
import { FakePayments } from './fake-payments.js';
import { FakeStores } from './fake-stores.js';
import { graphql } from './generated/index.js';
import type { CheckoutMutation, DeliveryInput } from './generated/graphql.js';

export { newId };

export interface OrdersHarness extends SubgraphHarness<OrdersConfig, OrdersServer> {
  payments: FakePayments;
  stores: FakeStores;
}

export async function startOrders(
  label: string,
  env: Record<string, string> = {},
  options: { sweeperMs?: number } = {},
): Promise<OrdersHarness> {
  const payments = new FakePayments();
  const base = await startSubgraph({
    name: 'orders',
    label,
    dbVariable: 'ORDERS_DB',
    env: {
      SAGA_SWEEP_INTERVAL_MS: String(options.sweeperMs ?? 3_600_000),
      SAGA_RESUME_AFTER_MS: '2000',
      // The tests' clock jumps past a 30 s deadline; production waits longer (orders.config).
      SAGA_STEP_TIMEOUT_MS: '30000',
      ...env,
    },
    loadConfig: loadOrdersConfig,
    build: (config, overrides) =>
      buildServer(config, { ...overrides, payments, sweeper: options.sweeperMs !== undefined }),
  });
  const stores = new FakeStores(base.bus);
  await stores.start();
  const closeBase = base.close.bind(base);
  return Object.assign(base, {
    payments,
    stores,
    close: async () => {
      await stores.stop();
      await closeBase();
    },
  });
}

/** Publishes a store (owner, delivery policy), two products and a coupon, as stores and products would. */
export async function publishCatalog(
  bus: EventBus,
  stores: FakeStores,
  options: { fee?: number; threshold?: number | null; stems?: number; price?: number } = {},
) {
  let sequence = 0;
  const publish = async <T>(contract: EventContract<string, T>, payload: T) => {
    sequence += 1;
    await bus.publish(
      createEvent(
        contract,
        { source: 'test', subjectId: 'catalog', sequence, traceId: '' },
        payload,
      ),
    );
  };
  const storeId = newId();
  const sellerId = newId();
  const productId = newId();
  const productB = newId();
  const couponId = newId();
  await publish(storeOpened, {
    storeId,
    sellerId,
    name: '하늘정원 플라워',
    status: 'OPEN',
    regionCode: '11',
    districtCode: '11440',
    latitude: 37.55,
    longitude: 126.9,
    deliveryPolicy: {
      fee: options.fee ?? 3000,
      freeDeliveryThreshold: options.threshold === undefined ? 50000 : options.threshold,
      sameDayCutoff: '14:00',
      windows: [{ start: '10:00', end: '13:00' }],
    },
    pickup: { enabled: true, slotCapacity: 5 },
  });
  const product = (id: string, name: string, price: number, flowerId: number, count: number) =>
    publish(productCreated, {
      productId: id,
      storeId,
      name,
      price,
      status: 'ON_SALE',
      isSubscription: false,
      category: 'BOUQUET',
      tags: [],
      recipe: [{ flowerId, count, representative: true }],
      representativeFlowerId: flowerId,
      updatedAt: new Date().toISOString(),
    });
  await product(productId, '빨간 장미 꽃다발', options.price ?? 20000, 1, 1);
  await product(productB, '안개꽃 한 단', 5000, 2, 2);
  await publish(couponCreated, {
    couponId,
    storeId,
    name: '봄맞이 할인',
    code: 'SPRING',
    discountAmount: 3000,
    minOrderAmount: 10000,
    startsAt: new Date(Date.now() - 86400_000).toISOString(),
    endsAt: new Date(Date.now() + 30 * 86400_000).toISOString(),
    issueLimit: 100,
  });
  stores.setStock(storeId, 1, options.stems ?? 1000);
  stores.setStock(storeId, 2, 1000);
  // What stores reports of that stock, so checkout's early stock check sees it too.
  await publish(inventoryAdjusted, {
    storeId,
    adjustmentId: newId(),
    actorId: sellerId,
    reason: null,
    changes: [],
    stock: [
      { flowerId: 1, available: options.stems ?? 1000, seq: 1 },
      { flowerId: 2, available: 1000, seq: 1 },
    ],
  });
  return { storeId, sellerId, productId, productB, couponId };
}

/** The catalog of publishCatalog, once orders has projected it. */
export async function seedCatalog(
  h: OrdersHarness,
  options: { fee?: number; threshold?: number | null; stems?: number; price?: number } = {},
) {
  const { storeId, sellerId, productId, productB, couponId } = await publishCatalog(
    h.bus,
    h.stores,
    options,
  );
  // The projections are written by the orders consumers; wait until checkout can see them.
  await waitFor(
    async () => {
      const { db } = h;
      const [stores, products, coupons, stock] = await Promise.all([
        db.collection('store_projections').countDocuments({ _id: storeId as never }),
        db
          .collection('product_projections')
          .countDocuments({ _id: { $in: [productId, productB] } as never }),
        db.collection('coupon_projections').countDocuments({ _id: couponId as never }),
        db.collection('flower_stock_projections').countDocuments({ storeId }),
      ]);
      return stores === 1 && products === 2 && coupons === 1 && stock === 2;
    },
    { what: 'catalog projections' },
  );
  return { storeId, sellerId, productId, productB, couponId };
}

export const customer = () => {
  const id = newId();
  return { id, caller: customerCaller(id) };
};

export const DELIVERY = (days = 1): DeliveryInput => ({
  recipientName: '김수진',
  phone: '010-1234-5678',
  zipCode: '04524',
  street: '서울 중구 세종대로 110',
  detail: '3층',
  deliveryDate: new Date(Date.now() + 9 * 3600_000 + days * 86400_000).toISOString().slice(0, 10),
  window: '10:00-13:00',
  note: '문 앞에 놓아주세요',
});

/** The fields of a stored order the tests read straight from the database. */
export interface StoredOrder {
  storeId: string;
  status: string;
  failure?: { code: string; message: string } | null;
}

graphql(`
  fragment OrderFields on Order {
    id
    number
    status
    fulfilment
    subtotal
    discount
    deliveryFee
    total
    trackingNumber
    failure {
      code
      message
    }
    cancellation {
      code
      message
    }
    lines {
      id
      productName
      unitPrice
      quantity
      amount
    }
  }
`);

export const CHECKOUT = graphql(`
  mutation Checkout($i: CheckoutInput!) {
    checkout(input: $i) {
      __typename
      ... on CheckoutSuccess {
        total
        replayed
        orders {
          ...OrderFields
        }
      }
      ... on TotalMismatchError {
        clientTotal
        serverTotal
      }
      ... on UserError {
        code
        message
      }
    }
  }
`);

/** The first order a successful checkout created; throws with the answer otherwise. */
export function firstOrder(res: GraphQLResponse<CheckoutMutation>) {
  const order = expectUnion(res.data?.checkout, 'CheckoutSuccess').orders[0];
  if (!order) throw new Error(`expected an order, got ${JSON.stringify(res)}`);
  return order;
}

/** An order's status, as its customer, seller or an admin sees it. */
export const ORDER_STATUS = graphql(`
  query OrderStatusOf($id: ID!) {
    order(id: $id) {
      status
    }
  }
`);
