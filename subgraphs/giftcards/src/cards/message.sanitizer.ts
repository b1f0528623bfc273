/**
 * Card text is plain text: line breaks are kept, everything else that could change how it is
 * shown is removed. HTML is left as literal characters; the places that show it escape it.
 */

// C0/C1 controls except \n, plus bidi overrides and zero-width characters that can hide or
// reorder text (a "from" name that displays differently than it reads).
const CONTROL =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;
const MAX_BLANK_LINES = 2;

/** Length as people count it: code points, so an emoji or a Hangul syllable is one. */
export const textLength = (text: string): number => [...text].length;

/** Multi-line card message: NFC, \r\n → \n, controls stripped, lines right-trimmed, trimmed. */
export function sanitizeMessage(raw: string): string {
  const lines = raw
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u2028\u2029]/g, '\n')
    .replace(/\t/g, ' ')
    .replace(CONTROL, '')
    .split('\n')
    .map((line) => line.replace(/\s+$/u, ''));
  const kept: string[] = [];
  let blank = 0;
  for (const line of lines) {
    blank = line.trim() === '' ? blank + 1 : 0;
    if (blank < MAX_BLANK_LINES) kept.push(blank > 0 ? '' : line);
  }
  return kept.join('\n').trim();
}

/** A one-line text such as the sender's name: like a message, with line breaks as spaces. */
export function sanitizeLine(raw: string): string {
  return sanitizeMessage(raw.replace(/[\r\n\u2028\u2029]+/g, ' '))
    .replace(/\s{2,}/g, ' ')
    .trim();
}
