import { describe, expect, it } from 'vitest';
import {
  addDays,
  formatLocalTime,
  isLocalDate,
  parseLocalTime,
  seoulDate,
  seoulInstant,
  seoulParts,
  weekdayOf,
  windowStart,
} from './seoul-time.js';

describe('Asia/Seoul wall-clock times', () => {
  it('converts Seoul dates and times to UTC instants and back', () => {
    expect(seoulInstant('2026-03-02', 11 * 60).toISOString()).toBe('2026-03-02T02:00:00.000Z');
    // Just after Seoul midnight is still the previous day in UTC.
    expect(seoulInstant('2026-03-02', 30).toISOString()).toBe('2026-03-01T15:30:00.000Z');
    expect(seoulParts(new Date('2026-03-01T15:30:00.000Z'))).toEqual({
      date: '2026-03-02',
      minutes: 30,
      seconds: 0,
      weekday: 1,
    });
  });

  it('reads instants as Seoul dates and wall-clock times', () => {
    expect(seoulDate(new Date('2025-01-31T14:59:59.999Z'))).toBe('2025-01-31');
    expect(seoulDate(new Date('2025-01-31T15:00:00.000Z'))).toBe('2025-02-01');
  });

  it('parses and formats HH:mm', () => {
    expect(parseLocalTime('09:30')).toBe(570);
    expect(parseLocalTime('24:00')).toBeNull();
    expect(parseLocalTime('9:30')).toBeNull();
    expect(formatLocalTime(570)).toBe('09:30');
    expect(formatLocalTime(24 * 60 + 15)).toBe('00:15');
  });

  it('does calendar arithmetic on Seoul dates', () => {
    expect(isLocalDate('2026-02-29')).toBe(false);
    expect(isLocalDate('2028-02-29')).toBe(true);
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(weekdayOf('2026-11-25')).toBe(3);
  });

  it('aligns windows to Seoul midnight', () => {
    const at = new Date('2026-03-02T05:00:00.000Z'); // 14:00 in Seoul
    expect(windowStart(at, 24).toISOString()).toBe('2026-03-01T15:00:00.000Z');
    expect(windowStart(at, 6).toISOString()).toBe('2026-03-02T03:00:00.000Z');
  });
});
