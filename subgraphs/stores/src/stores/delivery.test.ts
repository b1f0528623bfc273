import { describe, expect, it } from 'vitest';
import { deliveryDates, deliveryFee } from './delivery.js';
import type { StoreDeliveryPolicy } from './store.entity.js';

const policy = {
  fee: 3000,
  freeDeliveryThreshold: 50000,
  sameDayCutoff: '14:00',
  windows: [
    { start: '10:00', end: '13:00' },
    { start: '16:00', end: '19:00' },
  ],
} as StoreDeliveryPolicy;
const store = {
  deliveryPolicy: policy,
  businessHours: { opensAt: '10:00', closesAt: '20:00', closedWeekdays: [0] },
  pickup: { enabled: true, slotCapacity: 3 },
};

describe('delivery', () => {
  it('charges the fee below the free threshold only', () => {
    expect(deliveryFee(policy, 49_999)).toBe(3000);
    expect(deliveryFee(policy, 50_000)).toBe(0);
    expect(deliveryFee({ ...policy, freeDeliveryThreshold: null }, 1e9)).toBe(3000);
  });

  it('offers today only before the cut-off and only windows still ahead', () => {
    // Monday 2026-03-02, 11:00 in Seoul: same day possible, only the afternoon window left.
    const morning = deliveryDates(store, new Date('2026-03-02T02:00:00.000Z'), 2);
    expect(morning[0]).toMatchObject({ date: '2026-03-02', sameDay: true });
    expect(morning[0]?.windows.map((w) => w.start)).toEqual(['16:00']);
    expect(morning[1]?.windows).toHaveLength(2);
    // 15:00 is past the cut-off: tomorrow first.
    const afternoon = deliveryDates(store, new Date('2026-03-02T06:00:00.000Z'), 2);
    expect(afternoon.map((d) => d.date)).toEqual(['2026-03-03']);
    // Saturday: Sunday is closed.
    const saturday = deliveryDates(store, new Date('2026-03-07T06:00:00.000Z'), 3);
    expect(saturday.map((d) => d.date)).toEqual(['2026-03-09']);
  });
});
