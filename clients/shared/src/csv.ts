/** A cell quoted only when it must be (comma, quote or line break inside). */
const cell = (value: string | number): string => {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/**
 * Rows as CSV for Excel: a UTF-8 BOM (without it Excel reads Korean as mojibake), CRLF lines,
 * plain numbers so the sheet can sum them.
 */
export function csvText(rows: readonly (readonly (string | number)[])[]): string {
  return `\uFEFF${rows.map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}

/** Hands a CSV to the browser as a download, without a round trip. */
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

/** "2025-05" → "2025년 5월". */
export const formatMonth = (month: string): string => {
  const [year, m] = month.split('-');
  return `${year}년 ${Number(m)}월`;
};
