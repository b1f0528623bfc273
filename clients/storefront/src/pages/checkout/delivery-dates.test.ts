import { describe, expect, it } from 'vitest';
import type { DeliveryDate, OrderGroup } from './checkout.types.js';
import { commonDeliveryDates } from './delivery-dates.js';

const group = (id: string, deliveryDates: DeliveryDate[]): OrderGroup => ({
  store: {
    id,
    name: id,
    status: 'OPEN',
    pickup: { enabled: false },
    businessHours: { opensAt: '09:00', closesAt: '20:00', closedWeekdays: [] },
    deliveryPolicy: { fee: 3000, freeDeliveryThreshold: null },
    deliveryDates,
  },
  lines: [],
  subtotal: 0,
  deliveryFee: 3000,
});

describe('commonDeliveryDates', () => {
  it("is one store's days and windows as they are", () => {
    const dates = commonDeliveryDates([
      group('a', [
        { date: '2026-12-03', sameDay: true, windows: [{ start: '14:00', end: '17:00' }] },
        {
          date: '2026-12-04',
          sameDay: false,
          windows: [
            { start: '14:00', end: '17:00' },
            { start: '10:00', end: '13:00' },
          ],
        },
      ]),
    ]);
    expect(dates).toEqual([
      { date: '2026-12-03', sameDay: true, windows: ['14:00-17:00'] },
      { date: '2026-12-04', sameDay: false, windows: ['10:00-13:00', '14:00-17:00'] },
    ]);
  });

  it('keeps the days every store delivers on, with the windows all of them offer', () => {
    const dates = commonDeliveryDates([
      group('a', [
        {
          date: '2026-12-03',
          sameDay: false,
          windows: [
            { start: '10:00', end: '13:00' },
            { start: '14:00', end: '17:00' },
          ],
        },
        { date: '2026-12-04', sameDay: false, windows: [{ start: '10:00', end: '13:00' }] },
        { date: '2026-12-05', sameDay: false, windows: [{ start: '10:00', end: '13:00' }] },
      ]),
      group('b', [
        {
          date: '2026-12-03',
          sameDay: false,
          windows: [
            { start: '12:00', end: '15:00' },
            { start: '14:00', end: '17:00' },
          ],
        },
        // Overlapping is not enough: each store accepts only its own windows.
        { date: '2026-12-04', sameDay: false, windows: [{ start: '12:00', end: '15:00' }] },
      ]),
    ]);
    expect(dates).toEqual([{ date: '2026-12-03', sameDay: false, windows: ['14:00-17:00'] }]);
  });

  it('is nothing for no stores', () => {
    expect(commonDeliveryDates([])).toEqual([]);
  });
});
