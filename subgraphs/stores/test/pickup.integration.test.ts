import { orderFailed, orderPlaced } from '@bloom/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nextSlot } from '../src/pickup/pickup-slots.js';
import { addDays, seoulParts } from '@bloom/kernel';
import { dataOf } from '@bloom/testing';
import { graphql } from './generated/index.js';
import {
  type StoresHarness,
  auditLedger,
  placedOrder,
  seller,
  setStock,
  startStores,
} from './stores.harness.js';

const SLOTS = graphql(`
  query StorePickupSlots($id: ID!, $date: String!) {
    store(id: $id) {
      pickupSlots(date: $date) {
        startsAt
        endsAt
        label
        capacity
        booked
        remaining
        bookable
      }
    }
  }
`);

const HOURS = { opensAt: '11:00', closesAt: '21:00', closedWeekdays: [] };

let h: StoresHarness;
beforeAll(async () => {
  h = await startStores('pickup');
});
afterAll(async () => h.close());

const outcome = async (orderId: string) =>
  h.db.collection('saga_steps').findOne({ _id: `${orderId}:reserve` as never });

/** The first slot at least a day ahead, so the test never races the clock. */
const tomorrowSlot = () =>
  nextSlot(
    { businessHours: HOURS, pickup: { enabled: true, slotCapacity: 3 } },
    new Date(h.now().getTime() + 86_400_000),
  ) as Date;

describe('pickup slots', () => {
  it('lists 30-minute slots within business hours in Seoul time', async () => {
    const { storeId } = await h.openStore({ businessHours: HOURS });
    const date = addDays(seoulParts(h.now()).date, 1);
    const res = await h.call(SLOTS, { id: storeId, date });
    const slots = dataOf(res).store?.pickupSlots;
    expect(slots).toHaveLength(20);
    expect(slots?.[0]).toMatchObject({
      label: '11:00–11:30',
      capacity: 3,
      booked: 0,
      bookable: true,
    });
    expect(slots?.[19]?.label).toBe('20:30–21:00');
    // 11:00 in Seoul is 02:00 UTC.
    expect(slots?.[0]?.startsAt).toBe(`${date}T02:00:00.000Z`);
    const bad = await h.call(SLOTS, { id: storeId, date: '2020-01-01' });
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('books a slot of capacity 3 exactly three times under 30 simultaneous orders', async () => {
    const { sellerId, storeId } = await h.openStore({ businessHours: HOURS });
    await setStock(h, sellerId, storeId, [{ flowerId: 1, available: 100 }]);
    const slotStart = tomorrowSlot();
    const orders = Array.from({ length: 30 }, () =>
      placedOrder(storeId, [{ flowerId: 1, count: 2 }], { slotStart }),
    );
    const started = Date.now();
    await Promise.all(
      orders.map((o) => h.server.saga.handle(h.envelope(orderPlaced, o, { subjectId: o.orderId }))),
    );
    const duration = Date.now() - started;
    const results = await Promise.all(orders.map((o) => outcome(o.orderId)));
    const reserved = results.filter((r) => r?.outcome === 'RESERVED');
    const full = results.filter((r) => (r?.data as { reason?: string }).reason === 'SLOT_FULL');
    const seats = await h.db.collection('pickup_seats').countDocuments({ storeId });
    const audit = await auditLedger(h, storeId, 1);
    console.log(
      `[race] 30 pickup bookings of one slot with capacity 3: ${reserved.length} booked, ` +
        `${full.length} SLOT_FULL, ${seats} seats taken; flowers of refused orders returned ` +
        `(available ${audit.available}, reserved ${audit.reserved}); ${duration} ms`,
    );
    expect(reserved).toHaveLength(3);
    expect(full).toHaveLength(27);
    expect(seats).toBe(3);
    expect([audit.available, audit.reserved, audit.problems.length]).toEqual([94, 6, 0]);

    const date = seoulParts(slotStart).date;
    const slots = dataOf(await h.call(SLOTS, { id: storeId, date })).store?.pickupSlots;
    const slot = slots?.find((s) => s.startsAt === slotStart.toISOString());
    expect(slot).toMatchObject({ booked: 3, remaining: 0, bookable: false });

    // A failed order gives its seat back; the next order gets it.
    const [first] = reserved;
    await h.server.saga.handle(
      h.envelope(orderFailed, {
        orderId: first?.orderId as string,
        storeId,
        reason: 'PAYMENT_DECLINED',
      }),
    );
    const released = await h.eventFor('stores.inventory.released', { orderId: first?.orderId });
    expect(released.payload).toMatchObject({ slotReleased: true });
    const late = placedOrder(storeId, [{ flowerId: 1, count: 1 }], { slotStart });
    await h.server.saga.handle(h.envelope(orderPlaced, late, { subjectId: late.orderId }));
    expect(await outcome(late.orderId)).toMatchObject({ outcome: 'RESERVED' });
    const reservedEvent = await h.eventFor('stores.inventory.reserved', { orderId: late.orderId });
    expect(reservedEvent.payload).toMatchObject({
      pickup: { slotStart: slotStart.toISOString() },
    });
  }, 120_000);

  it('refuses slots in the past, off the grid, outside hours or when pickup is off', async () => {
    const { sellerId, storeId } = await h.openStore({
      businessHours: HOURS,
      pickup: { enabled: true, slotCapacity: 2 },
    });
    await setStock(h, sellerId, storeId, [{ flowerId: 2, available: 10 }]);
    const tomorrow = addDays(seoulParts(h.now()).date, 1);
    const cases = [
      new Date(h.now().getTime() - 3_600_000),
      new Date(`${tomorrow}T02:10:00.000Z`),
      new Date(`${tomorrow}T13:00:00.000Z`),
    ];
    for (const slotStart of cases) {
      const order = placedOrder(storeId, [{ flowerId: 2, count: 1 }], { slotStart });
      await h.server.saga.handle(h.envelope(orderPlaced, order, { subjectId: order.orderId }));
      expect((await outcome(order.orderId))?.data, slotStart.toISOString()).toMatchObject({
        reason: 'SLOT_UNAVAILABLE',
      });
    }
    await h.call(
      graphql(`
        mutation TurnPickupOff($id: ID!) {
          updatePickupSettings(storeId: $id, input: { enabled: false, slotCapacity: 2 }) {
            __typename
          }
        }
      `),
      { id: storeId },
      seller(sellerId),
    );
    const off = placedOrder(storeId, [{ flowerId: 2, count: 1 }], { slotStart: tomorrowSlot() });
    await h.server.saga.handle(h.envelope(orderPlaced, off, { subjectId: off.orderId }));
    expect((await outcome(off.orderId))?.data).toMatchObject({ reason: 'SLOT_UNAVAILABLE' });
    expect((await auditLedger(h, storeId, 2)).available).toBe(10);
  });
});
