import type { Settlement } from './sales.operations.js';

/** "2025-05" → "2025년 5월". */
export const formatMonth = (month: string): string => {
  const [year, m] = month.split('-');
  return `${year}년 ${Number(m)}월`;
};

export const CSV_HEADERS = [
  '정산월',
  '주문 수',
  '매출 합계(원)',
  '수수료율(%)',
  '수수료(원)',
  '지급액(원)',
] as const;

/** A cell quoted only when it must be (comma, quote or line break inside). */
const cell = (value: string | number): string => {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/**
 * The settlements as CSV for Excel: a UTF-8 BOM (without it Excel reads Korean as mojibake),
 * CRLF lines, plain numbers so the sheet can sum them.
 */
export function settlementsCsv(rows: readonly Settlement[]): string {
  const lines = [
    CSV_HEADERS.map(cell).join(','),
    ...rows.map((s) =>
      [s.month, s.orderCount, s.gross, s.commissionPercent, s.commission, s.payout]
        .map(cell)
        .join(','),
    ),
  ];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** Hands the CSV to the browser as a download, without a round trip. */
export function downloadCsv(fileName: string, csv: string): void {
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: some browsers read the blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
