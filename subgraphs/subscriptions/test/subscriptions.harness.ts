import type { Caller } from '@bloom/kernel';
import { productCreated, storeOpened } from '@bloom/schema';
import {
  type GraphQLResponse,
  type SubgraphHarness,
  TestClock,
  callerHeaders,
  customerCaller,
  dataOf,
  expectUnion,
  gqlRequest,
  sellerCaller,
  startSubgraph,
  waitFor,
} from '@bloom/testing';
import type { BillingKeys } from '../src/billing/billing-keys.js';
import { CardRefusedError } from '../src/billing/billing-keys.js';
import { type SubscriptionsServer, buildServer } from '../src/server.js';
import { addDays } from '../src/calendar/cycle-calendar.js';
import { type SubscriptionsConfig, loadSubscriptionsConfig } from '../src/subscriptions.config.js';
import { FakeOrders } from './fake-orders.js';
import { graphql } from './generated/index.js';
import type {
  CardInput,
  FlowerSubscriptionFieldsFragment,
  GetFlowerSubscriptionQuery,
  SubscribeInput,
  SubscribeResultFieldsFragment,
  SubscriptionAddressInput,
} from './generated/graphql.js';

/** Issues billing keys without a PG; card numbers ending 0000 are refused, 4444 decline later. */
export class FakeBillingKeys implements BillingKeys {
  issued = 0;
  issue(input: { customerKey: string; card: { number: string } }) {
    if (input.card.number.endsWith('0000')) {
      return Promise.reject(new CardRefusedError('INVALID_CARD_NUMBER', 'Check the card number.'));
    }
    this.issued += 1;
    const last4 = input.card.number.slice(-4);
    return Promise.resolve({
      billingKey: `bk_${last4 === '4444' ? 'declining' : 'ok'}_${this.issued}`,
      cardLast4: last4,
      maskedCardNumber: `****${last4}`,
    });
  }
}

export interface SubscriptionsHarness extends SubgraphHarness<
  SubscriptionsConfig,
  SubscriptionsServer
> {
  orders: FakeOrders;
  billing: FakeBillingKeys;
  /** Sets the service's clock. */
  setNow(at: Date | string): void;
  /**
   * Publishes a store (fee 3,000, free from 50,000, windows 10:00-13:00 and 14:00-18:00) and its
   * subscription product, and waits for the projections.
   */
  seedStore(storeId: string, sellerId: string, productId: string, price: number): Promise<void>;
  /** `subscribe` with a valid monthly input for `productId`, changed by `overrides`. */
  subscribe(
    productId: string,
    overrides?: Partial<SubscribeInput>,
    caller?: TestCaller,
  ): Promise<SubscribeResultFieldsFragment>;
  /** `subscribe` that must succeed: the new subscription, or a thrown error showing the result. */
  subscribed(
    productId: string,
    overrides?: Partial<SubscribeInput>,
    caller?: TestCaller,
  ): Promise<Subscription>;
  /** `flowerSubscription(id)` with FlowerSubscriptionFields. */
  get(id: string, caller?: TestCaller): Promise<GraphQLResponse<GetFlowerSubscriptionQuery>>;
  /** `flowerSubscription(id)` that must be found, or a thrown error showing the response. */
  read(id: string, caller?: TestCaller): Promise<FlowerSubscriptionFieldsFragment>;
  /** Runs the scheduler once a day (10:00 in Seoul) from `from` for `days` days. */
  runDaily(from: string, days: number): Promise<number>;
  /**
   * Sets every live subscription aside (canceled, asleep) straight in the database, so a test
   * whose clock jumps months ahead sees only its own subscriptions in the scheduler's runs.
   */
  setAside(): Promise<void>;
  /** Starts a second server on the same database and namespace (a second process). */
  startTwin(): Promise<SubscriptionsServer>;
}

/** A signed caller with the user id the tests look its data up by. */
export type TestCaller = Partial<Caller> & { userId: string };
const actor = (make: (userId: string) => Partial<Caller>, userId: string): TestCaller => ({
  ...make(userId),
  userId,
});

export const CUSTOMER = actor(customerCaller, 'customer-1');
export const OTHER = actor(customerCaller, 'customer-2');
export const SELLER = actor(sellerCaller, 'seller-1');
export const OTHER_SELLER = actor(sellerCaller, 'seller-2');
// zipCode and line2 are the input's defaults, spelled out: the generated type requires them.
export const ADDRESS: SubscriptionAddressInput = {
  recipientName: 'Kim',
  phone: '010-1234-5678',
  line1: 'Seoul 1',
  zipCode: '',
  line2: '',
};
export const CARD: CardInput = { number: '4111111111111111', expiryYear: 2030, expiryMonth: 12 };
/** A card whose billing key the fake orders decline. */
export const DECLINING_CARD: CardInput = { ...CARD, number: '5555555555554444' };

/** A subscription as `subscribe` and the change mutations return it. */
export type Subscription = Extract<
  SubscribeResultFieldsFragment,
  { __typename?: 'FlowerSubscription' }
>;

export async function startSubscriptions(
  label: string,
  start: string,
  env: Record<string, string> = {},
): Promise<SubscriptionsHarness> {
  const clock = new TestClock();
  clock.set(start);
  const billing = new FakeBillingKeys();
  const base = await startSubgraph({
    name: 'subscriptions',
    label,
    dbVariable: 'SUBSCRIPTIONS_DB',
    env: { SUBSCRIPTION_SCHEDULER_INTERVAL_MS: '0', ...env },
    loadConfig: loadSubscriptionsConfig,
    build: (config, overrides) => buildServer(config, { ...overrides, billing, scheduler: false }),
    clock,
  });
  const orders = new FakeOrders(base.bus);
  await orders.start();
  const publish = base.publish.bind(base);
  const closeBase = base.close.bind(base);
  const harness: SubscriptionsHarness = Object.assign(base, {
    orders,
    billing,
    setNow: (at: Date | string) => clock.set(at),
    subscribe: async (
      productId: string,
      overrides: Partial<SubscribeInput> = {},
      caller: TestCaller = CUSTOMER,
    ) => {
      const response = await gqlRequest(
        base.server.url,
        SUBSCRIBE,
        {
          input: {
            productId,
            quantity: 1,
            cycle: 'MONTHLY',
            firstDeliveryDate: '2025-01-31',
            address: ADDRESS,
            card: CARD,
            ...overrides,
          },
        },
        callerHeaders(caller),
      );
      return dataOf(response).subscribe;
    },
    subscribed: async (
      productId: string,
      overrides: Partial<SubscribeInput> = {},
      caller: TestCaller = CUSTOMER,
    ) => expectUnion(await harness.subscribe(productId, overrides, caller), 'FlowerSubscription'),
    get: (id: string, caller: TestCaller = CUSTOMER) =>
      gqlRequest(base.server.url, GET, { id }, callerHeaders(caller)),
    read: async (id: string, caller: TestCaller = CUSTOMER) => {
      const response = await harness.get(id, caller);
      const subscription = dataOf(response).flowerSubscription;
      if (!subscription) throw new Error(`no subscription ${id}: ${JSON.stringify(response)}`);
      return subscription;
    },
    runDaily: async (from: string, days: number) => {
      let created = 0;
      for (let i = 0; i < days; i += 1) {
        clock.set(`${addDays(from, i)}T01:00:00Z`);
        created += (await base.server.scheduler.runOnce()).cyclesCreated;
      }
      return created;
    },
    seedStore: async (storeId: string, sellerId: string, productId: string, price: number) => {
      await publish(
        storeOpened,
        {
          storeId,
          sellerId,
          name: `Store ${storeId}`,
          status: 'OPEN',
          regionCode: '11',
          districtCode: '11680',
          latitude: 37.5,
          longitude: 127.0,
          deliveryPolicy: {
            fee: 3000,
            freeDeliveryThreshold: 50000,
            sameDayCutoff: '14:00',
            windows: [
              { start: '10:00', end: '13:00' },
              { start: '14:00', end: '18:00' },
            ],
          },
          pickup: { enabled: false, slotCapacity: 1 },
        },
        { subjectId: storeId },
      );
      await publish(
        productCreated,
        {
          productId,
          storeId,
          name: 'Weekly bouquet',
          price,
          status: 'ON_SALE',
          isSubscription: true,
          category: null,
          tags: [],
          recipe: [{ flowerId: 1, count: 5, representative: true }],
          representativeFlowerId: 1,
          updatedAt: new Date().toISOString(),
        },
        { subjectId: productId },
      );
      const { db } = base;
      await waitFor(
        async () =>
          (await db.collection('product_projections').findOne({ _id: productId as never })) &&
          (await db.collection('store_projections').findOne({ _id: storeId as never })),
        { what: 'catalog projections' },
      );
    },
    setAside: async () => {
      await base.db
        .collection('subscriptions')
        .updateMany(
          { status: { $in: ['ACTIVE', 'SUSPENDED', 'CANCELED'] } },
          { $set: { status: 'CANCELED', wakeAt: null } },
        );
    },
    startTwin: () => base.replica(),
    close: async () => {
      await orders.stop();
      await closeBase();
    },
  });
  return harness;
}

graphql(`
  fragment FlowerSubscriptionFields on FlowerSubscription {
    id
    status
    cycle
    quantity
    nextBillingDate
    nextDeliveryDate
    paused
    endsAfterCycle
    cardLast4
    deliveryWindow
    suspendedReason
    pause {
      from
      until
    }
    address {
      line1
    }
    nextCharge {
      subtotal
      deliveryFee
      total
    }
    cycles {
      cycle
      deliveryDate
      deliveryWindow
      kind
      subtotal
      deliveryFee
      amount
    }
  }
`);
// The error arms of the result unions that include InvalidInputError.
graphql(`
  fragment InputErrorFields on UserError {
    code
    message
    ... on InvalidInputError {
      field
    }
  }
`);
graphql(`
  fragment SubscribeResultFields on SubscribeResult {
    __typename
    ... on FlowerSubscription {
      ...FlowerSubscriptionFields
    }
    ...InputErrorFields
  }
`);
graphql(`
  fragment SubscriptionChangeFields on SubscriptionChangeResult {
    __typename
    ... on FlowerSubscription {
      ...FlowerSubscriptionFields
    }
    ...InputErrorFields
  }
`);
// The card change's union has no InvalidInputError member.
graphql(`
  fragment SubscriptionCardChangeFields on SubscriptionCardChangeResult {
    __typename
    ... on FlowerSubscription {
      ...FlowerSubscriptionFields
    }
    ... on UserError {
      code
      message
    }
  }
`);

const SUBSCRIBE = graphql(`
  mutation Subscribe($input: SubscribeInput!) {
    subscribe(input: $input) {
      ...SubscribeResultFields
    }
  }
`);
const GET = graphql(`
  query GetFlowerSubscription($id: ID!) {
    flowerSubscription(id: $id) {
      ...FlowerSubscriptionFields
    }
  }
`);

// The changes both test files make, each answering SubscriptionChangeFields.
export const SKIP_NEXT_CYCLE = graphql(`
  mutation SkipNextSubscriptionCycle($id: ID!, $cycle: Int) {
    skipNextSubscriptionCycle(id: $id, cycle: $cycle) {
      ...SubscriptionChangeFields
    }
  }
`);
export const PAUSE = graphql(`
  mutation PauseSubscription($id: ID!, $from: String!, $until: String!) {
    pauseSubscription(id: $id, from: $from, until: $until) {
      ...SubscriptionChangeFields
    }
  }
`);
export const RESUME = graphql(`
  mutation ResumeSubscription($id: ID!) {
    resumeSubscription(id: $id) {
      ...SubscriptionChangeFields
    }
  }
`);
export const CANCEL = graphql(`
  mutation CancelSubscription($id: ID!) {
    cancelSubscription(id: $id) {
      ...SubscriptionChangeFields
    }
  }
`);
export const CHANGE_DATE = graphql(`
  mutation ChangeSubscriptionDate($id: ID!, $date: String!) {
    changeSubscriptionDate(id: $id, date: $date) {
      ...SubscriptionChangeFields
    }
  }
`);
export const CHANGE_ADDRESS = graphql(`
  mutation ChangeSubscriptionAddress(
    $id: ID!
    $address: SubscriptionAddressInput!
    $deliveryWindow: String
  ) {
    changeSubscriptionAddress(id: $id, address: $address, deliveryWindow: $deliveryWindow) {
      ...SubscriptionChangeFields
    }
  }
`);
export const CHANGE_CARD = graphql(`
  mutation ChangeSubscriptionCard($id: ID!, $card: CardInput!) {
    changeSubscriptionCard(id: $id, card: $card) {
      ...SubscriptionCardChangeFields
    }
  }
`);
