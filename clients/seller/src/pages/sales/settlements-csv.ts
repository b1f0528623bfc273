import { csvText } from '@bloom/client-shared';
import type { Settlement } from './sales.operations.js';

export const CSV_HEADERS = [
  '정산월',
  '주문 수',
  '매출 합계(원)',
  '수수료율(%)',
  '수수료(원)',
  '지급액(원)',
] as const;

/** The store's settlements as an Excel-ready CSV, one line per month. */
export function settlementsCsv(rows: readonly Settlement[]): string {
  return csvText([
    CSV_HEADERS,
    ...rows.map((s) => [
      s.month,
      s.orderCount,
      s.gross,
      s.commissionPercent,
      s.commission,
      s.payout,
    ]),
  ]);
}
