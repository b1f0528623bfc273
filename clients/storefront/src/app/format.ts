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
