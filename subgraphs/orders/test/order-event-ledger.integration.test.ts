import { type EventEnvelope, createEvent } from '@bloom/kernel';
import { orderConfirmed } from '@bloom/schema';
import { dropDatabase, freshDatabaseName, testEnv } from '@bloom/testing';
import { MongoClient } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OrderEventLedger } from '../src/admin/order-event.entity.js';

const dbName = freshDatabaseName('orders_ledger');
let client: MongoClient;
/** insert commands sent to order_events. */
let writes = 0;

beforeAll(async () => {
  client = new MongoClient(testEnv.MONGO_URL, { monitorCommands: true });
  client.on('commandStarted', (event) => {
    if (event.commandName === 'insert' && event.command.insert === 'order_events') writes += 1;
  });
  await client.connect();
});
afterAll(async () => {
  await client.close();
  await dropDatabase(dbName);
});

const confirmed = (orderId: string): EventEnvelope =>
  createEvent(
    orderConfirmed,
    { source: 'orders', subjectId: orderId, sequence: 1, traceId: '', id: `${orderId}:confirmed` },
    { orderId, storeId: 'store-1', customerId: 'customer-1' },
  );

describe('the order event ledger', () => {
  it('stores each of 300 racing events once, redeliveries included, in far fewer writes', async () => {
    const db = client.db(dbName);
    const ledger = new OrderEventLedger(db);
    const events = Array.from({ length: 300 }, (_, i) => confirmed(`order-${i}`));
    // Every event twice (a redelivery while the first is in flight), all at once.
    await Promise.all(
      [...events, ...events].map((event) =>
        ledger.keep((event.payload as { orderId: string }).orderId, event),
      ),
    );
    const batched = writes;
    // A later redelivery of one already stored resolves and changes nothing.
    await ledger.keep('order-7', confirmed('order-7'));
    const stored = await db.collection<{ _id: string }>('order_events').find({}).toArray();
    expect(stored).toHaveLength(300);
    expect(new Set(stored.map((d) => d._id)).size).toBe(300);
    expect(stored.find((d) => d._id === 'order-7:confirmed')).toMatchObject({
      orderId: 'order-7',
      type: orderConfirmed.type,
      source: 'orders',
    });
    // 600 keeps: the first alone, then batches of at most 256.
    expect(batched).toBeGreaterThanOrEqual(4);
    expect(batched).toBeLessThanOrEqual(5);
  });

  it('rejects every waiter of a write that fails, and writes again afterwards', async () => {
    const closed = new MongoClient(testEnv.MONGO_URL);
    await closed.connect();
    await closed.close();
    const ledger = new OrderEventLedger(closed.db(dbName));
    const outcomes = await Promise.allSettled([
      ledger.keep('order-a', confirmed('order-a')),
      ledger.keep('order-b', confirmed('order-b')),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected']);
    await expect(ledger.keep('order-c', confirmed('order-c'))).rejects.toThrow();
  });
});
