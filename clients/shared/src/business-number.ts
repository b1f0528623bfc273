/**
 * The National Tax Service checksum of a business registration number (사업자등록번호),
 * ported from subgraphs/identity/src/sellers/business-number.ts so a form can say "맞는
 * 번호예요" while the seller types (and the admin sees it checked), before the server checks the same rule.
 */
const WEIGHTS = [1, 3, 7, 1, 3, 7, 1, 3, 5];

/** Digits only, at most ten, with the dashes put back: `2208162517` → `220-81-62517`. */
export function formatBusinessNumber(input: string): string {
  const digits = input.replace(/\D/g, '').slice(0, 10);
  if (digits.length <= 3) return digits;
  if (digits.length <= 5) return `${digits.slice(0, 3)}-${digits.slice(3)}`;
  return `${digits.slice(0, 3)}-${digits.slice(3, 5)}-${digits.slice(5)}`;
}

/** `NNN-NN-NNNNN` whose tenth digit is (10 − weighted sum mod 10) mod 10. */
export function isValidBusinessNumber(value: string): boolean {
  if (!/^\d{3}-\d{2}-\d{5}$/.test(value)) return false;
  const digits = value.replace(/-/g, '').split('').map(Number);
  let sum = 0;
  WEIGHTS.forEach((weight, index) => {
    sum += (digits[index] ?? 0) * weight;
  });
  sum += Math.floor(((digits[8] ?? 0) * 5) / 10);
  return (10 - (sum % 10)) % 10 === digits[9];
}

export type BusinessNumberState = 'empty' | 'typing' | 'invalid' | 'valid';

/** What the field says under it: nothing yet, keep typing, wrong number, or fine. */
export function businessNumberState(value: string): BusinessNumberState {
  const digits = value.replace(/\D/g, '');
  if (digits.length === 0) return 'empty';
  if (digits.length < 10) return 'typing';
  return isValidBusinessNumber(formatBusinessNumber(digits)) ? 'valid' : 'invalid';
}
