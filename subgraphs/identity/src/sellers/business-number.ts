const WEIGHTS = [1, 3, 7, 1, 3, 7, 1, 3, 5];

/**
 * Korean business registration number (사업자등록번호) `NNN-NN-NNNNN`, checked with the
 * National Tax Service checksum: weights 1,3,7,1,3,7,1,3,5 over the first nine digits, plus
 * the carry of the ninth digit × 5; the tenth digit is (10 − sum mod 10) mod 10.
 */
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
