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

  it("agrees with Intl at every instant, across the zone's past rule changes too", () => {
    const intl = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Asia/Seoul',
      dateStyle: 'short',
      timeStyle: 'medium',
      hourCycle: 'h23',
    });
    const expected = (instant: Date) => {
      const [date = '', time = ''] = intl.format(instant).split(', ');
      const [h, m, sec] = time.split(':').map(Number) as [number, number, number];
      return { date, minutes: h * 60 + m, seconds: sec };
    };
    // +08:30 until 1961, daylight saving in 1987–88, +09:00 since; every 7 h 13 min 17 s.
    const starts = ['1955-03-01T00:00:00Z', '1987-04-01T00:00:00Z', '2026-01-01T00:00:00Z'];
    for (const start of starts) {
      for (let i = 0; i < 3000; i += 1) {
        const instant = new Date(Date.parse(start) + i * (7 * 3600 + 13 * 60 + 17) * 1000);
        const { weekday: _weekday, ...parts } = seoulParts(instant);
        expect(parts, instant.toISOString()).toEqual(expected(instant));
      }
    }
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
