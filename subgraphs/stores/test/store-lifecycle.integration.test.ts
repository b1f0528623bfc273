import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, expectUnion } from '@bloom/testing';
import { graphql } from './generated/index.js';
import type { CreateStoreInput } from './generated/graphql.js';
import {
  ADMIN,
  CREATE_STORE,
  type StoresHarness,
  customer,
  newId,
  seller,
  startStores,
  storeInput,
} from './stores.harness.js';

const UPDATE_STORE = graphql(`
  mutation UpdateStore($storeId: ID!, $input: UpdateStoreInput!) {
    updateStore(storeId: $storeId, input: $input) {
      __typename
      ...StoreFields
      ...InputErrorFields
    }
  }
`);
graphql(`
  fragment StoreStatusFields on StoreStatusResult {
    __typename
    ... on Store {
      id
      status
    }
    ... on StoreStatusTransitionError {
      code
      currentStatus
    }
    ... on UserError {
      code
    }
  }
`);
const SUSPEND = graphql(`
  mutation SuspendStore($id: ID!, $reason: String!) {
    suspendStore(storeId: $id, reason: $reason) {
      ...StoreStatusFields
    }
  }
`);
const REOPEN = graphql(`
  mutation ReopenStore($id: ID!) {
    reopenStore(storeId: $id) {
      ...StoreStatusFields
    }
  }
`);
const CLOSE = graphql(`
  mutation CloseStore($id: ID!) {
    closeStore(storeId: $id) {
      ...StoreStatusFields
    }
  }
`);

let h: StoresHarness;
beforeAll(async () => {
  h = await startStores('lifecycle');
});
afterAll(async () => h.close());

describe('opening a store', () => {
  it('lets an approved seller open one store and announces it', async () => {
    const sellerId = await h.approveSeller();
    const res = await h.call(CREATE_STORE, { input: storeInput() }, seller(sellerId));
    const store = res.data?.createStore;
    expect(store).toMatchObject({
      __typename: 'Store',
      name: '하늘정원 플라워',
      status: 'OPEN',
      address: { regionName: '서울', districtName: '강남구' },
      deliveryPolicy: { fee: 3000, freeDeliveryThreshold: 50000 },
      pickup: { enabled: true, slotCapacity: 3 },
    });
    const { id: storeId } = expectUnion(store, 'Store');
    const opened = await h.events.waitForType('stores.store.opened');
    expect(opened.find((e) => e.subjectId === storeId)?.payload).toMatchObject({
      storeId,
      sellerId,
      regionCode: '11',
      status: 'OPEN',
    });

    const again = await h.call(CREATE_STORE, { input: storeInput() }, seller(sellerId));
    expect(again.data?.createStore).toMatchObject({ code: 'STORE_EXISTS' });

    const mine = await h.call(
      graphql(`
        query MyStore {
          myStore {
            id
          }
        }
      `),
      {},
      seller(sellerId),
    );
    expect(mine.data?.myStore?.id).toBe(storeId);
    const viaUser = await h.call(
      graphql(`
        query StoreOfUser($r: [_Any!]!) {
          _entities(representations: $r) {
            ... on User {
              id
              store {
                id
                name
              }
            }
          }
        }
      `),
      {
        r: [
          { __typename: 'User', id: sellerId },
          { __typename: 'User', id: newId() },
        ],
      },
    );
    expect(viaUser.data?._entities).toEqual([
      { id: sellerId, store: { id: storeId, name: '하늘정원 플라워' } },
      // An asymmetric matcher is typed `any`; it is only compared, never read.
      { id: expect.any(String) as unknown, store: null },
    ]);
  });

  it('opens exactly one store from ten simultaneous attempts', async () => {
    const sellerId = await h.approveSeller();
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        h.call(CREATE_STORE, { input: storeInput({ name: `동시 ${i}` }) }, seller(sellerId)),
      ),
    );
    const kinds = results.map((r) => r.data?.createStore.__typename);
    expect(kinds.filter((k) => k === 'Store')).toHaveLength(1);
    expect(
      results.filter((r) => {
        const store = r.data?.createStore;
        return store?.__typename !== 'Store' && store?.code === 'STORE_EXISTS';
      }),
    ).toHaveLength(9);
    expect(await h.db.collection('stores').countDocuments({ sellerId })).toBe(1);
  });

  it('refuses sellers identity has not approved and callers without the SELLER role', async () => {
    // A SELLER token but no approval event (yet): a typed, retryable error.
    const unapproved = await h.call(CREATE_STORE, { input: storeInput() }, seller(newId()));
    expect(unapproved.data?.createStore).toMatchObject({ code: 'SELLER_NOT_APPROVED' });
    // A pending applicant has no SELLER role at all.
    const pending = await h.call(CREATE_STORE, { input: storeInput() }, customer());
    expect(errorCode(pending)).toBe('FORBIDDEN');
    const anonymous = await h.call(CREATE_STORE, { input: storeInput() });
    expect(errorCode(anonymous)).toBe('UNAUTHENTICATED');
  });

  it('validates the input field by field', async () => {
    const sellerId = await h.approveSeller();
    const cases: [Partial<CreateStoreInput>, string, string][] = [
      [{ name: '  ' }, 'name', 'INVALID_TEXT'],
      [{ phone: '12345' }, 'phone', 'INVALID_PHONE'],
      [
        { address: { ...storeInput().address, districtCode: '26110' } },
        'address.districtCode',
        'UNKNOWN_DISTRICT',
      ],
      [
        { businessHours: { opensAt: '20:00', closesAt: '10:00' } },
        'businessHours.closesAt',
        'INVALID_HOURS',
      ],
      [
        {
          settlementAccount: { bank: '없는은행', accountNumber: '1234567890', accountHolder: '김' },
        },
        'settlementAccount.bank',
        'UNKNOWN_BANK',
      ],
      [
        {
          deliveryPolicy: {
            fee: 3000,
            sameDayCutoff: '14:00',
            windows: [
              { start: '10:00', end: '13:00' },
              { start: '12:00', end: '15:00' },
            ],
          },
        },
        'deliveryPolicy.windows',
        'INVALID_WINDOWS',
      ],
    ];
    for (const [overrides, field, code] of cases) {
      const res = await h.call(CREATE_STORE, { input: storeInput(overrides) }, seller(sellerId));
      expect(res.data?.createStore, field).toMatchObject({
        __typename: 'InvalidInputError',
        field,
        code,
      });
    }
  });
});

describe('editing a store', () => {
  it('lets the owner edit and publishes the new snapshot; nobody else can', async () => {
    const a = await h.openStore();
    const b = await h.openStore({ name: '마포 꽃다방' });
    const res = await h.call(
      UPDATE_STORE,
      { storeId: a.storeId, input: { name: '하늘정원 본점', phone: '010-1234-5678' } },
      seller(a.sellerId),
    );
    expect(res.data?.updateStore).toMatchObject({ name: '하늘정원 본점', phone: '010-1234-5678' });
    const updated = await h.events.waitForType('stores.store.updated');
    expect(updated.find((e) => e.subjectId === a.storeId)?.payload).toMatchObject({
      name: '하늘정원 본점',
    });

    const byOtherSeller = await h.call(
      UPDATE_STORE,
      { storeId: a.storeId, input: { name: '탈취' } },
      seller(b.sellerId),
    );
    expect(errorCode(byOtherSeller)).toBe('FORBIDDEN');
    const byCustomer = await h.call(
      UPDATE_STORE,
      { storeId: a.storeId, input: { name: '탈취' } },
      customer(a.sellerId),
    );
    expect(errorCode(byCustomer)).toBe('FORBIDDEN');
  });

  it('sets the delivery policy and computes fees and delivery dates from it', async () => {
    const { sellerId, storeId } = await h.openStore();
    const res = await h.call(
      graphql(`
        mutation UpdateDeliveryPolicy($id: ID!, $input: StoreDeliveryPolicyInput!) {
          updateDeliveryPolicy(storeId: $id, input: $input) {
            __typename
            ... on Store {
              deliveryPolicy {
                fee
                freeDeliveryThreshold
                sameDayCutoff
                windows {
                  start
                  end
                }
              }
              below: deliveryFee(subtotal: 39999)
              free: deliveryFee(subtotal: 40000)
              deliveryDates(days: 3) {
                date
                sameDay
                windows {
                  start
                  end
                  startsAt
                }
              }
            }
          }
        }
      `),
      {
        id: storeId,
        input: {
          fee: 4000,
          freeDeliveryThreshold: 40000,
          sameDayCutoff: '23:59',
          windows: [
            { start: '18:00', end: '21:00' },
            { start: '09:00', end: '12:00' },
          ],
        },
      },
      seller(sellerId),
    );
    const store = expectUnion(res.data?.updateDeliveryPolicy, 'Store');
    expect(store.deliveryPolicy).toEqual({
      fee: 4000,
      freeDeliveryThreshold: 40000,
      sameDayCutoff: '23:59',
      windows: [
        { start: '09:00', end: '12:00' },
        { start: '18:00', end: '21:00' },
      ],
    });
    expect(store.below).toBe(4000);
    expect(store.free).toBe(0);
    expect(store.deliveryDates.length).toBeGreaterThanOrEqual(2);
    for (const day of store.deliveryDates) {
      for (const window of day.windows) {
        expect(new Date(window.startsAt).getTime()).toBeGreaterThan(Date.now() - 1000);
      }
    }
  });

  it('hides settlement details from everyone but the store and admins', async () => {
    const { sellerId, storeId } = await h.openStore();
    const query = graphql(`
      query StoreSettlement($id: ID!) {
        store(id: $id) {
          settlementAccount {
            bank
          }
          lowStockThreshold
        }
      }
    `);
    const publicView = await h.call(query, { id: storeId });
    expect(publicView.data?.store).toEqual({ settlementAccount: null, lowStockThreshold: null });
    const ownerView = await h.call(query, { id: storeId }, seller(sellerId));
    expect(ownerView.data?.store).toEqual({
      settlementAccount: { bank: '국민은행' },
      lowStockThreshold: 50,
    });
    const adminView = await h.call(query, { id: storeId }, ADMIN);
    expect(adminView.data?.store?.settlementAccount?.bank).toBe('국민은행');
  });
});

describe('store status', () => {
  it('lets admins suspend and reopen; the seller can neither lift nor impose it', async () => {
    const { sellerId, storeId } = await h.openStore();
    const bySeller = await h.call(SUSPEND, { id: storeId, reason: 'x' }, seller(sellerId));
    expect(errorCode(bySeller)).toBe('FORBIDDEN');

    const suspended = await h.call(SUSPEND, { id: storeId, reason: '민원 다수' }, ADMIN);
    expect(suspended.data?.suspendStore).toMatchObject({
      __typename: 'Store',
      status: 'SUSPENDED',
    });
    const [event] = (await h.events.waitForType('stores.store.suspended')).filter(
      (e) => e.subjectId === storeId,
    );
    expect(event?.payload).toMatchObject({ storeId, sellerId, reason: '민원 다수' });

    const sellerReopen = await h.call(REOPEN, { id: storeId }, seller(sellerId));
    expect(sellerReopen.data?.reopenStore).toMatchObject({
      code: 'INVALID_STATUS_TRANSITION',
      currentStatus: 'SUSPENDED',
    });
    const sellerClose = await h.call(CLOSE, { id: storeId }, seller(sellerId));
    expect(
      expectUnion(sellerClose.data?.closeStore, 'StoreStatusTransitionError').currentStatus,
    ).toBe('SUSPENDED');

    const reopened = await h.call(REOPEN, { id: storeId }, ADMIN);
    expect(expectUnion(reopened.data?.reopenStore, 'Store').status).toBe('OPEN');
    await h.events.waitForType('stores.store.reopened');
  });

  it('lets the seller close and reopen their own store', async () => {
    const { sellerId, storeId } = await h.openStore();
    const closed = await h.call(CLOSE, { id: storeId }, seller(sellerId));
    expect(expectUnion(closed.data?.closeStore, 'Store').status).toBe('CLOSED');
    const listed = await h.call(
      graphql(`
        query ListedStoresAfterClose {
          stores(first: 100) {
            nodes {
              id
            }
          }
        }
      `),
    );
    expect(listed.data?.stores.nodes.map((n) => n.id)).not.toContain(storeId);
    const reopened = await h.call(REOPEN, { id: storeId }, seller(sellerId));
    expect(expectUnion(reopened.data?.reopenStore, 'Store').status).toBe('OPEN');
  });

  it('lets exactly one of five simultaneous suspensions happen', async () => {
    const { storeId } = await h.openStore();
    const results = await Promise.all(
      Array.from({ length: 5 }, (_, i) => h.call(SUSPEND, { id: storeId, reason: `r${i}` }, ADMIN)),
    );
    const kinds = results.map((r) => r.data?.suspendStore.__typename);
    expect(kinds.filter((k) => k === 'Store')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'StoreStatusTransitionError')).toHaveLength(4);
    expect(await h.db.collection('store_status_log').countDocuments({ storeId })).toBe(1);
  });

  it('resolves Store references in one batch', async () => {
    const a = await h.openStore();
    const b = await h.openStore();
    const res = await h.call(
      graphql(`
        query StoreReferences($r: [_Any!]!) {
          _entities(representations: $r) {
            ... on Store {
              id
              name
              status
            }
          }
        }
      `),
      {
        r: [
          { __typename: 'Store', id: a.storeId },
          { __typename: 'Store', id: b.storeId },
          { __typename: 'Store', id: 'nope' },
        ],
      },
    );
    expect(res.data?._entities.map((e) => e?.id ?? null)).toEqual([a.storeId, b.storeId, null]);
  });
});
