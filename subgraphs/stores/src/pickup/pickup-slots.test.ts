import { describe, expect, it } from 'vitest';
import { nextSlot, slotMinutes, slotProblem, slotsOn } from './pickup-slots.js';

const store = {
  businessHours: { opensAt: '11:00', closesAt: '21:00', closedWeekdays: [0] },
  pickup: { enabled: true, slotCapacity: 3 },
};
// 2026-03-02 is a Monday; 2026-03-01 a Sunday (closed).
const now = new Date('2026-03-02T00:00:00.000Z'); // 09:00 in Seoul

describe('pickup slots', () => {
  it('offers every 30 minutes from opening to the last half hour', () => {
    const minutes = slotMinutes(store);
    expect(minutes[0]).toBe(11 * 60);
    expect(minutes.at(-1)).toBe(20 * 60 + 30);
    expect(minutes).toHaveLength(20);
    expect(slotsOn(store, '2026-03-02')[0]?.label).toBe('11:00–11:30');
    expect(slotsOn(store, '2026-03-01')).toEqual([]);
  });

  it('accepts only future, on-grid slots within hours on open days', () => {
    expect(slotProblem(store, new Date('2026-03-02T02:00:00.000Z'), now)).toBeNull();
    expect(slotProblem(store, new Date('2026-03-02T02:15:00.000Z'), now)).toBe('OFF_GRID');
    expect(slotProblem(store, new Date('2026-03-02T12:00:00.000Z'), now)).toBe('OUTSIDE_HOURS');
    expect(slotProblem(store, new Date('2026-03-01T02:00:00.000Z'), now)).toBe('PAST');
    expect(slotProblem(store, new Date('2026-03-08T02:00:00.000Z'), now)).toBe('CLOSED_DAY');
    expect(
      slotProblem(
        { ...store, pickup: { enabled: false, slotCapacity: 3 } },
        new Date('2026-03-02T02:00:00.000Z'),
        now,
      ),
    ).toBe('PICKUP_OFF');
  });

  it('finds the next slot', () => {
    expect(nextSlot(store, now)?.toISOString()).toBe('2026-03-02T02:00:00.000Z');
    // Saturday evening after closing: Sunday is closed, so Monday 11:00.
    expect(nextSlot(store, new Date('2026-03-07T12:30:00.000Z'))?.toISOString()).toBe(
      '2026-03-09T02:00:00.000Z',
    );
  });
});
