import { describe, expect, it } from 'vitest';
import { settlementsCsv } from './settlements-csv.js';

describe('settlementsCsv', () => {
  it('starts with a BOM and the Korean headers, one CRLF line per month, plain numbers', () => {
    const csv = settlementsCsv([
      {
        id: 's1',
        month: '2025-05',
        orderCount: 3,
        gross: 117000,
        commissionPercent: 7,
        commission: 8190,
        payout: 108810,
      },
    ]);
    expect(
      csv.startsWith('\uFEFF정산월,주문 수,매출 합계(원),수수료율(%),수수료(원),지급액(원)\r\n'),
    ).toBe(true);
    expect(csv.split('\r\n')[1]).toBe('2025-05,3,117000,7,8190,108810');
  });

  it('has only the headers when nothing is settled yet', () => {
    expect(settlementsCsv([]).split('\r\n').filter(Boolean)).toHaveLength(1);
  });
});
