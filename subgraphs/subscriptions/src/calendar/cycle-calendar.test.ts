import { describe, expect, it } from 'vitest';
import {
  type CycleState,
  type Schedule,
  addMonths,
  chargeDate,
  cyclesDue,
  dayOf,
  deliveryDate,
  nextDelivered,
  parseDay,
  pauseProblem,
  startOfDay,
} from './cycle-calendar.js';

const schedule = (kind: Schedule['kind'], anchorDate: string, anchorCycle = 1): Schedule => ({
  kind,
  anchorDate,
  anchorCycle,
});

const dates = (s: Schedule, count: number) =>
  Array.from({ length: count }, (_, i) => deliveryDate(s, s.anchorCycle + i));

describe('cycle calendar', () => {
  it('reads instants as Asia/Seoul days (UTC+9), not UTC days', () => {
    expect(dayOf(new Date('2025-01-31T14:59:59.999Z'))).toBe('2025-01-31');
    expect(dayOf(new Date('2025-01-31T15:00:00Z'))).toBe('2025-02-01');
    expect(dayOf(new Date('2024-12-31T15:30:00Z'))).toBe('2025-01-01');
    expect(startOfDay('2025-03-01').toISOString()).toBe('2025-02-28T15:00:00.000Z');
    expect(startOfDay('2024-02-29').toISOString()).toBe('2024-02-28T15:00:00.000Z');
    expect(dayOf(startOfDay('2025-03-01'))).toBe('2025-03-01');
    expect(dayOf(new Date(startOfDay('2025-03-01').getTime() - 1))).toBe('2025-02-28');
  });

  it('steps weekly, every two weeks and every four weeks', () => {
    expect(dates(schedule('WEEKLY', '2025-12-24'), 3)).toEqual([
      '2025-12-24',
      '2025-12-31',
      '2026-01-07',
    ]);
    expect(dates(schedule('BIWEEKLY', '2024-02-22'), 3)).toEqual([
      '2024-02-22',
      '2024-03-07',
      '2024-03-21',
    ]);
    expect(dates(schedule('FOUR_WEEKLY', '2025-01-30'), 3)).toEqual([
      '2025-01-30',
      '2025-02-27',
      '2025-03-27',
    ]);
  });

  it('keeps the anchor day across month ends (Jan 31 → Feb 28 → Mar 31)', () => {
    expect(dates(schedule('MONTHLY', '2025-01-31'), 5)).toEqual([
      '2025-01-31',
      '2025-02-28',
      '2025-03-31',
      '2025-04-30',
      '2025-05-31',
    ]);
  });

  it('uses Feb 29 in leap years and crosses year ends', () => {
    expect(dates(schedule('MONTHLY', '2024-01-31'), 3)).toEqual([
      '2024-01-31',
      '2024-02-29',
      '2024-03-31',
    ]);
    expect(dates(schedule('MONTHLY', '2023-11-30'), 4)).toEqual([
      '2023-11-30',
      '2023-12-30',
      '2024-01-30',
      '2024-02-29',
    ]);
    expect(dates(schedule('MONTHLY', '2024-02-29'), 13).at(-1)).toBe('2025-02-28');
    expect(dates(schedule('WEEKLY', '2024-02-26'), 2)).toEqual(['2024-02-26', '2024-03-04']);
  });

  it('counts from a moved anchor without touching earlier cycles', () => {
    const moved = schedule('MONTHLY', '2025-06-15', 4);
    expect(deliveryDate(moved, 4)).toBe('2025-06-15');
    expect(deliveryDate(moved, 6)).toBe('2025-08-15');
    expect(() => deliveryDate(moved, 3)).toThrow(RangeError);
  });

  it('charges lead days before the delivery', () => {
    expect(chargeDate(schedule('MONTHLY', '2025-03-01'), 1, 2)).toBe('2025-02-27');
    expect(chargeDate(schedule('MONTHLY', '2024-03-01'), 1, 2)).toBe('2024-02-28');
  });

  it('parses real days only', () => {
    expect(parseDay('2024-02-29')).not.toBeNull();
    expect(parseDay('2025-02-29')).toBeNull();
    expect(parseDay('2025-13-01')).toBeNull();
    expect(parseDay('2025-1-01')).toBeNull();
    expect(addMonths('2025-08-31', 6)).toBe('2026-02-28');
  });

  it('passes over skipped and paused cycles', () => {
    const state: CycleState = {
      schedule: schedule('WEEKLY', '2025-03-03'),
      leadDays: 2,
      skipped: [2],
      pause: { from: '2025-03-17', until: '2025-03-31' },
    };
    expect(nextDelivered(state, 0)?.cycle).toBe(1);
    expect(nextDelivered(state, 1)).toEqual({
      cycle: 5,
      deliveryDate: '2025-03-31',
      chargeDate: '2025-03-29',
    });
    expect(cyclesDue(state, 0, '2025-03-29')).toEqual([
      { cycle: 1, deliveryDate: '2025-03-03', delivered: true },
      { cycle: 2, deliveryDate: '2025-03-10', delivered: false },
      { cycle: 3, deliveryDate: '2025-03-17', delivered: false },
      { cycle: 4, deliveryDate: '2025-03-24', delivered: false },
      { cycle: 5, deliveryDate: '2025-03-31', delivered: true },
    ]);
    expect(cyclesDue(state, 5, '2025-04-04')).toEqual([]);
    expect(cyclesDue(state, 5, '2025-04-05')).toHaveLength(1);
  });

  it('allows pauses of up to three months, starting today or later', () => {
    const today = '2025-01-10';
    expect(pauseProblem({ from: '2025-01-31', until: '2025-04-30' }, today)).toBeNull();
    expect(pauseProblem({ from: '2024-11-30', until: '2025-02-28' }, '2024-11-01')).toBeNull();
    expect(pauseProblem({ from: '2025-01-31', until: '2025-05-01' }, today)).toMatch(/3 months/);
    expect(pauseProblem({ from: '2025-01-09', until: '2025-02-01' }, today)).toMatch(/past/);
    expect(pauseProblem({ from: '2025-02-01', until: '2025-02-01' }, today)).toMatch(/after/);
    expect(pauseProblem({ from: '2025-02-30', until: '2025-03-01' }, today)).toMatch(/YYYY/);
  });
});
