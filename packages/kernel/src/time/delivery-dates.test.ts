import { describe, expect, it } from 'vitest';
import { deliveryDateOptions, deliveryProblem } from './delivery-dates.js';

const rules = {
  sameDayCutoff: '14:00',
  windows: [
    { start: '10:00', end: '13:00' },
    { start: '16:00', end: '19:00' },
  ],
  closedWeekdays: [0],
};
// Monday 2026-03-02 in Seoul: 11:00 (before the cut-off) and 15:00 (after it).
const morning = new Date('2026-03-02T02:00:00.000Z');
const afternoon = new Date('2026-03-02T06:00:00.000Z');

describe('delivery dates', () => {
  it('offers today only before the cut-off and only windows still ahead, skipping closed days', () => {
    const early = deliveryDateOptions(rules, morning, 2);
    expect(early[0]).toMatchObject({ date: '2026-03-02', sameDay: true });
    expect(early[0]?.windows.map((w) => w.start)).toEqual(['16:00']);
    expect(early[1]?.windows).toHaveLength(2);
    expect(deliveryDateOptions(rules, afternoon, 2).map((d) => d.date)).toEqual(['2026-03-03']);
    const saturday = new Date('2026-03-07T06:00:00.000Z');
    expect(deliveryDateOptions(rules, saturday, 3).map((d) => d.date)).toEqual(['2026-03-09']);
  });

  it('accepts exactly what it offers', () => {
    for (const now of [morning, afternoon]) {
      for (const option of deliveryDateOptions(rules, now, 14)) {
        for (const w of option.windows) {
          expect(deliveryProblem(rules, option.date, `${w.start}-${w.end}`, now)).toBeNull();
        }
      }
    }
  });

  it('names why a date or window cannot be ordered', () => {
    expect(deliveryProblem(rules, '2026-03-01', '10:00-13:00', morning)).toBe('PAST_DATE');
    expect(deliveryProblem(rules, '2026-02-30', '10:00-13:00', morning)).toBe('PAST_DATE');
    expect(deliveryProblem(rules, '2026-03-08', '10:00-13:00', morning)).toBe('CLOSED_DAY');
    expect(deliveryProblem(rules, '2026-03-02', '16:00-19:00', afternoon)).toBe('AFTER_CUTOFF');
    // Before the cut-off, but the morning window has already started.
    expect(deliveryProblem(rules, '2026-03-02', '10:00-13:00', morning)).toBe('WINDOW_NOT_OFFERED');
    expect(deliveryProblem(rules, '2026-03-03', '11:00-12:00', morning)).toBe('WINDOW_NOT_OFFERED');
    expect(deliveryProblem(rules, '2026-03-03', '10:00-13:00', afternoon)).toBeNull();
  });
});
