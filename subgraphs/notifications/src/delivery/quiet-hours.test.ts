import { describe, expect, it } from 'vitest';
import { smsSendTime } from './quiet-hours.js';

const quiet = { start: 21, end: 8 };
// KST = UTC+9: 12:00Z is 21:00 KST, 23:00Z is 08:00 KST the next day.

describe('smsSendTime (quiet hours 21:00–08:00 KST)', () => {
  it('sends at once in the daytime', () => {
    const noon = new Date('2026-05-01T03:00:00Z'); // 12:00 KST
    expect(smsSendTime(noon, quiet)).toEqual(noon);
    const justBefore = new Date('2026-05-01T11:59:59Z'); // 20:59:59 KST
    expect(smsSendTime(justBefore, quiet)).toEqual(justBefore);
    const eight = new Date('2026-05-01T23:00:00Z'); // 08:00 KST
    expect(smsSendTime(eight, quiet)).toEqual(eight);
  });

  it('defers evening messages to 08:00 KST the next morning', () => {
    expect(smsSendTime(new Date('2026-05-01T12:00:00Z'), quiet)).toEqual(
      new Date('2026-05-01T23:00:00Z'),
    );
    expect(smsSendTime(new Date('2026-05-01T14:30:00Z'), quiet)).toEqual(
      new Date('2026-05-01T23:00:00Z'),
    );
  });

  it('defers after-midnight messages to 08:00 KST the same morning', () => {
    // 02:00 KST on 2 May = 17:00Z on 1 May → 08:00 KST on 2 May = 23:00Z on 1 May.
    expect(smsSendTime(new Date('2026-05-01T17:00:00Z'), quiet)).toEqual(
      new Date('2026-05-01T23:00:00Z'),
    );
    expect(smsSendTime(new Date('2026-05-01T22:59:59Z'), quiet)).toEqual(
      new Date('2026-05-01T23:00:00Z'),
    );
  });

  it('treats equal start and end as no quiet hours', () => {
    const late = new Date('2026-05-01T14:00:00Z');
    expect(smsSendTime(late, { start: 0, end: 0 })).toEqual(late);
  });
});
