import type { EventEnvelope } from '@bloom/kernel';
import { userDeleted, userSuspended } from '@bloom/schema';
import { dataOf, expectUnion, waitFor } from '@bloom/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SELLER_ACCOUNTS_CONSUMER } from '../src/sellers/seller-account.consumer.js';
import { graphql } from './generated/index.js';
import {
  ADMIN,
  ADMIN_ID,
  CREATE_STORE,
  type StoresHarness,
  customer,
  newId,
  seller,
  startStores,
  storeInput,
} from './stores.harness.js';

const STATUS = graphql(`
  query StoreStatusOf($id: ID!) {
    store(id: $id) {
      status
    }
  }
`);
const CLOSE = graphql(`
  mutation CloseOwnStore($id: ID!) {
    closeStore(storeId: $id) {
      __typename
      ... on Store {
        status
      }
    }
  }
`);
/** Longer than the relay's 1 s sweep: an event that was going to be published has been. */
const SETTLE_MS = 1_500;

let h: StoresHarness;
beforeAll(async () => {
  h = await startStores('seller-accounts');
});
afterAll(async () => h.close());

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const statusOf = async (storeId: string) => {
  const res = await h.call(STATUS, { id: storeId }, ADMIN);
  return dataOf(res).store?.status;
};

/** Waits until the stores consumer has finished handling an event (its processed record). */
const handled = (event: EventEnvelope) =>
  waitFor(
    () =>
      h.db
        .collection('processed_events')
        .findOne({ _id: `${SELLER_ACCOUNTS_CONSUMER}:${event.id}` as never, state: 'done' }),
    { what: `stores handling ${event.type} ${event.id}` },
  );

/** Publishes an identity event as identity would and waits until stores has handled it. */
async function deliver(event: EventEnvelope): Promise<void> {
  await h.bus.publish(event);
  await handled(event);
}

const suspension = (userId: string, reason = '정산 정보 도용') =>
  h.envelope(userSuspended, { userId, reason, suspendedBy: ADMIN_ID }, { subjectId: userId });
const deletion = (userId: string) => h.envelope(userDeleted, { userId }, { subjectId: userId });

const eventsOf = (type: string, storeId: string) =>
  h.events.ofType(type).filter((e) => e.subjectId === storeId);
const statusEntries = (storeId: string) =>
  h.db.collection('store_status_log').countDocuments({ storeId });

describe("a seller's account is suspended", () => {
  it('suspends the store once, as an admin suspension does, however often the event comes', async () => {
    const { sellerId, storeId } = await h.openStore();
    const event = suspension(sellerId);
    // The same message twice (JetStream drops the copy), then straight into the handler again
    // (a redelivery after the processed record), then a second copy with another event id.
    await h.bus.publish(event);
    await deliver(event);
    await h.server.sellerAccounts.handle(event);
    await deliver(suspension(sellerId));

    expect(await statusOf(storeId)).toBe('SUSPENDED');
    const suspended = await h.eventFor('stores.store.suspended', { storeId });
    expect(suspended.payload).toEqual({
      storeId,
      sellerId,
      reason: 'SELLER_SUSPENDED: 정산 정보 도용',
      suspendedBy: ADMIN_ID,
    });
    expect(suspended.traceId).toBe(event.traceId);
    await sleep(SETTLE_MS);
    expect(eventsOf('stores.store.suspended', storeId)).toHaveLength(1);
    expect(await statusEntries(storeId)).toBe(1);

    // The store is out of the public listing, as under an admin suspension.
    const listed = await h.call(
      graphql(`
        query ListedStoresAfterSuspension {
          stores(first: 100) {
            nodes {
              id
            }
          }
        }
      `),
    );
    expect(listed.data?.stores.nodes.map((n) => n.id)).not.toContain(storeId);
  });

  it('moves the store once when copies of the event are handled at the same time', async () => {
    const { sellerId, storeId } = await h.openStore();
    const same = suspension(sellerId);
    const results = await Promise.allSettled([
      ...Array.from({ length: 4 }, () => h.server.sellerAccounts.handle(same)),
      ...Array.from({ length: 4 }, () => h.server.sellerAccounts.handle(suspension(sellerId))),
    ]);
    // A copy that finds the same event in progress fails and would be redelivered.
    expect(results.filter((r) => r.status === 'fulfilled').length).toBeGreaterThanOrEqual(5);
    expect(await statusOf(storeId)).toBe('SUSPENDED');
    expect(await statusEntries(storeId)).toBe(1);
    await h.eventFor('stores.store.suspended', { storeId });
    await sleep(SETTLE_MS);
    expect(eventsOf('stores.store.suspended', storeId)).toHaveLength(1);
  });

  it('leaves a closed store closed', async () => {
    const { sellerId, storeId } = await h.openStore();
    const closed = await h.call(CLOSE, { id: storeId }, seller(sellerId));
    expect(expectUnion(closed.data?.closeStore, 'Store').status).toBe('CLOSED');
    await h.eventFor('stores.store.closed', { storeId });

    await deliver(suspension(sellerId));
    expect(await statusOf(storeId)).toBe('CLOSED');
    expect(await statusEntries(storeId)).toBe(1);
    await sleep(SETTLE_MS);
    expect(eventsOf('stores.store.suspended', storeId)).toHaveLength(0);
    expect(eventsOf('stores.store.closed', storeId)).toHaveLength(1);
  });

  it('changes nothing for a user without a store', async () => {
    const customerId = newId();
    const before = h.events.events.length;
    await deliver(suspension(customerId));
    await deliver(deletion(customerId));
    expect(await h.db.collection('stores').countDocuments({ sellerId: customerId })).toBe(0);
    await sleep(SETTLE_MS);
    const storeEvents = h.events.events
      .slice(before)
      .filter((e) => e.type.startsWith('stores.store.'));
    expect(storeEvents).toEqual([]);
  });
});

describe("a seller's account is deleted", () => {
  it('closes the store once and the seller cannot open another', async () => {
    const { sellerId, storeId } = await h.openStore();
    const event = deletion(sellerId);
    await h.bus.publish(event);
    await deliver(event);
    await h.server.sellerAccounts.handle(event);
    await deliver(deletion(sellerId));

    expect(await statusOf(storeId)).toBe('CLOSED');
    const closed = await h.eventFor('stores.store.closed', { storeId });
    expect(closed.payload).toEqual({ storeId, sellerId, closedBy: 'SYSTEM' });
    await sleep(SETTLE_MS);
    expect(eventsOf('stores.store.closed', storeId)).toHaveLength(1);
    expect(await statusEntries(storeId)).toBe(1);

    // The approval went with the account.
    expect(
      await h.db.collection('approved_sellers').findOne({ _id: sellerId as never }),
    ).toBeNull();
    const again = await h.call(CREATE_STORE, { input: storeInput() }, seller(sellerId));
    expect(again.data?.createStore).toMatchObject({ code: 'SELLER_NOT_APPROVED' });
  });

  it('closes a store that was suspended with its owner', async () => {
    const { sellerId, storeId } = await h.openStore();
    await deliver(suspension(sellerId));
    expect(await statusOf(storeId)).toBe('SUSPENDED');
    await deliver(deletion(sellerId));
    expect(await statusOf(storeId)).toBe('CLOSED');
    const closed = await h.eventFor('stores.store.closed', { storeId });
    expect(closed.sequence).toBe(2);
    expect(await statusEntries(storeId)).toBe(2);
  });

  it('leaves an already closed store closed', async () => {
    const { sellerId, storeId } = await h.openStore();
    await h.call(CLOSE, { id: storeId }, seller(sellerId));
    await h.eventFor('stores.store.closed', { storeId });

    await deliver(deletion(sellerId));
    expect(await statusOf(storeId)).toBe('CLOSED');
    expect(await statusEntries(storeId)).toBe(1);
    await sleep(SETTLE_MS);
    const closed = eventsOf('stores.store.closed', storeId);
    expect(closed).toHaveLength(1);
    expect(closed[0]?.payload).toMatchObject({ closedBy: sellerId });
  });

  it('does not touch other stores', async () => {
    const other = await h.openStore();
    await deliver(deletion(newId()));
    await deliver(suspension(customer().userId as string));
    expect(await statusOf(other.storeId)).toBe('OPEN');
    expect(await statusEntries(other.storeId)).toBe(0);
  });
});
