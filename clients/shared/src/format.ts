/** Money is KRW, integers; times are shown in Asia/Seoul (SPEC). */
const won = new Intl.NumberFormat('ko-KR');

export const formatWon = (amount: number): string => `${won.format(amount)}원`;

/** A delivery fee for people: none at all reads "무료" (free). */
export const formatFee = (fee: number): string => (fee === 0 ? '무료' : formatWon(fee));

const dateFormat = new Intl.DateTimeFormat('ko-KR', {
  timeZone: 'Asia/Seoul',
  month: 'long',
  day: 'numeric',
  weekday: 'short',
});
const dateTimeFormat = new Intl.DateTimeFormat('ko-KR', {
  timeZone: 'Asia/Seoul',
  month: 'numeric',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** `YYYY-MM-DD` (a Seoul calendar day) → "12월 31일 (수)". */
export const formatDay = (day: string): string =>
  dateFormat.format(new Date(`${day}T12:00:00+09:00`));

export const formatInstant = (iso: string): string => dateTimeFormat.format(new Date(iso));

/** Today's Seoul calendar day plus `days`, as `YYYY-MM-DD`. */
export function seoulDay(days = 0, now = new Date()): string {
  const shifted = new Date(now.getTime() + 9 * 3_600_000 + days * 86_400_000);
  return shifted.toISOString().slice(0, 10);
}

/**
 * A Korean phone number with its hyphens, from whatever the person typed or the API stored:
 * `01012345678` → "010-1234-5678", `0233320202` → "02-3332-0202", `15881234` → "1588-1234".
 * Anything else comes back as given.
 */
export function formatPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  // Seoul's area code is the only two-digit one.
  const seoul = /^(02)(\d{3,4})(\d{4})$/.exec(digits);
  if (seoul) return seoul.slice(1).join('-');
  const other = /^(0\d{2})(\d{3,4})(\d{4})$/.exec(digits);
  if (other) return other.slice(1).join('-');
  // Nationwide business numbers (15xx, 16xx, 18xx).
  const business = /^(1[5-9]\d{2})(\d{4})$/.exec(digits);
  if (business) return business.slice(1).join('-');
  return phone;
}
