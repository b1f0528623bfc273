import { describe, expect, it } from 'vitest';
import type { Settlement } from './money.operations.js';
import { settlementsCsv, totalsOf } from './settlements-csv.js';

const row = (store: string, gross: number, orders: number): Settlement => ({
  id: store,
  month: '2025-05',
  regionCode: '11',
  orderCount: orders,
  gross,
  commissionPercent: 7,
  commission: Math.round(gross * 0.07),
  payout: gross - Math.round(gross * 0.07),
  createdAt: '2025-06-01T00:00:00.000Z',
  store: { id: store, name: store, address: { regionName: '서울' } },
});

describe('settlementsCsv', () => {
  it('has a BOM, the headers, a line per settlement and a totals line', () => {
    const lines = settlementsCsv([row('하늘정원', 78000, 1), row('봄날, 꽃집', 22000, 2)]).split(
      '\r\n',
    );
    expect(lines[0]).toBe(
      '\uFEFF정산월,매장,지역,주문 수,매출 합계(원),수수료율(%),수수료(원),지급액(원)',
    );
    expect(lines[1]).toBe('2025-05,하늘정원,서울,1,78000,7,5460,72540');
    expect(lines[2]).toBe('2025-05,"봄날, 꽃집",서울,2,22000,7,1540,20460');
    expect(lines[3]).toBe('합계,,,3,100000,,7000,93000');
  });

  it('totals nothing as zeros', () => {
    expect(totalsOf([])).toEqual({ orderCount: 0, gross: 0, commission: 0, payout: 0 });
  });
});
