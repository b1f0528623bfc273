import { csvText } from '@bloom/client-shared';
import type { Settlement } from './money.operations.js';

export const CSV_HEADERS = [
  '정산월',
  '매장',
  '지역',
  '주문 수',
  '매출 합계(원)',
  '수수료율(%)',
  '수수료(원)',
  '지급액(원)',
] as const;

export interface Totals {
  orderCount: number;
  gross: number;
  commission: number;
  payout: number;
}

export const totalsOf = (rows: readonly Settlement[]): Totals =>
  rows.reduce(
    (sum, s) => ({
      orderCount: sum.orderCount + s.orderCount,
      gross: sum.gross + s.gross,
      commission: sum.commission + s.commission,
      payout: sum.payout + s.payout,
    }),
    { orderCount: 0, gross: 0, commission: 0, payout: 0 },
  );

/** One line per store and month, then the totals, for the books (Excel). */
export function settlementsCsv(rows: readonly Settlement[]): string {
  const totals = totalsOf(rows);
  return csvText([
    CSV_HEADERS,
    ...rows.map((s) => [
      s.month,
      s.store.name,
      s.store.address.regionName ?? s.regionCode ?? '',
      s.orderCount,
      s.gross,
      s.commissionPercent,
      s.commission,
      s.payout,
    ]),
    ['합계', '', '', totals.orderCount, totals.gross, '', totals.commission, totals.payout],
  ]);
}
