import { describe, expect, it } from 'vitest';
import { formatPhone, formatWon, seoulDay } from './format.js';

describe('format', () => {
  it('writes won with thousands separators', () => {
    expect(formatWon(39000)).toBe('39,000원');
  });

  it('hyphenates Korean phone numbers and leaves anything else alone', () => {
    expect(formatPhone('01012345678')).toBe('010-1234-5678');
    expect(formatPhone('010-1234-5678')).toBe('010-1234-5678');
    expect(formatPhone('023320202')).toBe('02-332-0202');
    expect(formatPhone('0233320202')).toBe('02-3332-0202');
    expect(formatPhone('0311234567')).toBe('031-123-4567');
    expect(formatPhone('15881234')).toBe('1588-1234');
    expect(formatPhone('+82 10')).toBe('+82 10');
  });

  it("counts days in Seoul's calendar", () => {
    expect(seoulDay(0, new Date('2025-12-31T15:30:00Z'))).toBe('2026-01-01');
    expect(seoulDay(1, new Date('2025-12-31T14:30:00Z'))).toBe('2026-01-01');
  });
});
