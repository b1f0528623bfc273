/**
 * Price expressions in Korean and English: "5만원 이하", "3만원대", "50000원 미만", "10만원 넘는",
 * "under 100k won", "between 30000 and 50000", "2만~4만원", "1만 5천원", "삼만원대", "만오천원",
 * "두세 만원대", "in the 20,000s", "20k-ish".
 * Works on text already normalised by the query parser (lower case, NFKC, no digit grouping).
 */

export interface PriceRange {
  min: number | null;
  max: number | null;
}

export interface Span {
  start: number;
  end: number;
}

export interface PriceResult extends PriceRange {
  /** Character ranges the price expressions used, so no other rule reads them again. */
  spans: Span[];
}

interface Amount extends Span {
  value: number;
  /** The multiplier written with the number (만, 천, k, thousand), 1 for a bare number. */
  multiplier: number;
  /** Written as money (원, won, ₩ or a multiplier); a bare number is a price only in context. */
  money: boolean;
  /** "3만원대": the whole band 30,000–39,999. */
  band: boolean;
  /** "두세 만원": a numeral that names two neighbours; `value` is the low one, this the high one. */
  high?: number;
}

const SINO_DIGITS: Record<string, number> = {
  일: 1,
  이: 2,
  삼: 3,
  사: 4,
  오: 5,
  육: 6,
  칠: 7,
  팔: 8,
  구: 9,
};

/** Sino-Korean numerals up to 999: 오 = 5, 십오 = 15, 이십 = 20, 백 = 100. */
export function parseSinoKorean(text: string): number | null {
  let total = 0;
  let digit = 0;
  for (const char of text) {
    if (char in SINO_DIGITS) {
      if (digit !== 0) return null;
      digit = SINO_DIGITS[char] ?? 0;
    } else if (char === '십' || char === '백') {
      total += (digit || 1) * (char === '십' ? 10 : 100);
      digit = 0;
    } else return null;
  }
  return total + digit || null;
}

/** Numerals that name two neighbouring numbers: 두세 = 2 or 3, 사오 = 4 or 5. */
const PAIRS: Record<string, [number, number]> = {
  한두: [1, 2],
  두세: [2, 3],
  두서너: [2, 4],
  서너: [3, 4],
  세네: [3, 4],
  네다섯: [4, 5],
  너댓: [4, 5],
  네댓: [4, 5],
  너덧: [4, 5],
  대여섯: [5, 6],
  예닐곱: [6, 7],
  일고여덟: [7, 8],
  일이: [1, 2],
  이삼: [2, 3],
  삼사: [3, 4],
  사오: [4, 5],
  오륙: [5, 6],
  육칠: [6, 7],
  칠팔: [7, 8],
  팔구: [8, 9],
};
// Longest first, so 두서너 is not read as 두 + something.
const PAIR = Object.keys(PAIRS)
  .sort((a, b) => b.length - a.length)
  .join('|');

const numberOf = (text: string): number | null =>
  /^\d/.test(text) ? Number(text) : parseSinoKorean(text);

const NUM = String.raw`\d+(?:\.\d+)?`;
const SINO = String.raw`(?<![가-힣])[일이삼사오육칠팔구십백]+`;
const AMOUNT_RE = new RegExp(
  String.raw`(?<sign>₩\s*)?(?:` +
    String.raw`(?<![가-힣])(?<pair>${PAIR})\s*(?<pairUnit>만|천)` +
    String.raw`|(?<man>${NUM}|${SINO})\s*만(?:\s*(?<manCheon>\d|[일이삼사오육칠팔구])\s*천)?` +
    String.raw`|(?<cheon>${NUM}|${SINO})\s*천(?!\s*송이)` +
    String.raw`|(?<k>${NUM})\s*k\b` +
    String.raw`|(?<thousand>${NUM})\s*thousand\b` +
    String.raw`|(?<plain>\d+(?:\.\d+)?)` +
    // 만 alone is 10,000 only as money: 만원, 만오천원 (not the particle in 장미만).
    String.raw`|(?<![가-힣\d])(?<bareMan>만)(?:\s*(?<bareCheon>\d|[일이삼사오육칠팔구])\s*천|(?=\s*원))` +
    // "20000s" is English for a band ("in the 20,000s"), like 2만원대.
    String.raw`)(?<won>\s*(?:원|won\b|krw\b))?(?<band>\s*대(?=$|[\s의로에인가를이면.,!?])|(?<=\d)s\b)?`,
  'gu',
);

/** Numbers followed by these are counts or dates, not prices. */
const NOT_MONEY_AFTER =
  /^\s*(송이|개|송|명|살|일|년|월|주년|주|시|분|%|stems?\b|roses?\b|days?\b|years?\b|pcs\b|flowers?\b)/u;

function scanAmounts(text: string): Amount[] {
  const amounts: Amount[] = [];
  for (const match of text.matchAll(AMOUNT_RE)) {
    const g = match.groups ?? {};
    let value: number | null = null;
    let multiplier = 1;
    let high: number | undefined;
    const pair = g.pair === undefined ? undefined : PAIRS[g.pair];
    if (pair) {
      multiplier = g.pairUnit === '천' ? 1_000 : 10_000;
      value = pair[0] * multiplier;
      high = pair[1] * multiplier;
    } else if (g.man !== undefined) {
      multiplier = 10_000;
      const man = numberOf(g.man);
      const cheon = g.manCheon === undefined ? 0 : (numberOf(g.manCheon) ?? 0);
      value = man === null ? null : man * 10_000 + cheon * 1_000;
    } else if (g.cheon !== undefined) {
      multiplier = 1_000;
      const cheon = numberOf(g.cheon);
      value = cheon === null ? null : cheon * 1_000;
    } else if (g.k !== undefined) {
      multiplier = 1_000;
      value = Number(g.k) * 1_000;
    } else if (g.thousand !== undefined) {
      multiplier = 1_000;
      value = Number(g.thousand) * 1_000;
    } else if (g.plain !== undefined) {
      value = Number(g.plain);
    } else if (g.bareMan !== undefined) {
      multiplier = 10_000;
      value = 10_000 + (g.bareCheon === undefined ? 0 : (numberOf(g.bareCheon) ?? 0) * 1_000);
    }
    if (value === null || !Number.isFinite(value)) continue;
    const start = match.index;
    const end = start + match[0].length;
    const money = multiplier > 1 || g.won !== undefined || g.sign !== undefined;
    if (!money && NOT_MONEY_AFTER.test(text.slice(end))) continue;
    // "1990s" is a decade, not a price band.
    const band = g.band !== undefined && (g.band.trim() === '대' || value >= 10_000);
    amounts.push({ start, end, value: Math.round(value), multiplier, money, band, high });
  }
  return amounts;
}

/** A band's top: "3만원대" = 30,000–39,999, "10만원대" = 100,000–199,999, "15만원대" to 159,999. */
function bandTop(value: number, multiplier: number): number {
  const units = value / Math.max(multiplier, 1);
  let width = Math.max(multiplier, 1);
  if (Number.isInteger(units)) {
    for (let rest = units; rest >= 10 && rest % 10 === 0; rest /= 10) width *= 10;
  }
  return value + width - 1;
}

/** What one amount spans on its own: a band, a pair ("두세 만원대" = 20,000–39,999) or a value. */
function spanOf(amount: Amount): { low: number; high: number } {
  const top = amount.high ?? amount.value;
  return { low: amount.value, high: amount.band ? bandTop(top, amount.multiplier) : top };
}

// What joins two amounts into a range: "2만~4만원", "30k-50k", "3만원에서 5만원 (사이)",
// "3만원부터 5만원까지", "from 30k to 50k", "between 30000 and 50000".
const RANGE_JOIN = /^\s*(?:~|-|–|〜|에서|부터|to|and|till|until)\s*$/u;
const RANGE_TAIL = /^\s*(?:사이(?:의|에서|에|로)?|까지(?:의)?|between)/u;

// Qualifiers written after an amount (Korean, and English "or less").
const AFTER_MAX =
  /^\s*(?:이하|이내|까지|안쪽|안으로|안에서|밑으로|아래로?|선에서|or less|or under|or below|and under|and below|max(?:imum)?\b|tops\b|at most|or cheaper)/u;
const AFTER_MAX_STRICT = /^\s*(?:미만|보다\s*(?:싼|저렴한|적은|낮은|아래))/u;
const AFTER_MIN = /^\s*(?:이상|부터|or more|and up|and above|or above|or higher|plus\b|\+)/u;
const AFTER_MIN_STRICT = /^\s*(?:초과|넘는|넘게|넘은|넘어가는|넘어|보다\s*(?:비싼|높은|많은))/u;
const AFTER_AROUND = /^\s*(?:정도|쯤|내외|안팎|전후|가량|언저리|선(?![물택])|-?\s?ish\b|or so\b)/u;

// Qualifiers written before an amount.
const BEFORE_MAX =
  /(?:up to|at most|no more than|not more than|maximum|max|within|budget(?: of| is)?|최대|예산(?:은|이)?|~)\s*$/u;
const BEFORE_MAX_STRICT = /(?:under|below|less than|cheaper than|lower than)\s*$/u;
const BEFORE_MIN = /(?:at least|minimum|min|starting at|starting from|from|최소)\s*$/u;
const BEFORE_MIN_STRICT = /(?:over|above|more than|greater than|higher than|pricier than)\s*$/u;
const BEFORE_AROUND = /(?:around|about|approximately|approx\.?|roughly|near|약|대략|대충)\s*$/u;
const BEFORE_BETWEEN = /between\s*$/u;

const claim = (spans: Span[], start: number, end: number) => spans.push({ start, end });

/** Finds the price range a query asks for; amounts without money units need a qualifier. */
export function parsePrice(text: string): PriceResult {
  const amounts = scanAmounts(text);
  const result: PriceResult = { min: null, max: null, spans: [] };
  const setMin = (value: number) => {
    result.min = result.min === null ? value : Math.max(result.min, value);
  };
  const setMax = (value: number) => {
    result.max = result.max === null ? value : Math.min(result.max, value);
  };

  for (let i = 0; i < amounts.length; i += 1) {
    const a = amounts[i] as Amount;
    const next = amounts[i + 1];
    const before = text.slice(Math.max(0, amounts[i - 1]?.end ?? 0, a.start - 24), a.start);

    const plausible = a.money || next?.money || (a.value >= 1_000 && (next?.value ?? 0) >= 1_000);
    if (next && plausible && RANGE_JOIN.test(text.slice(a.end, next.start))) {
      // "2~4만원": the first number borrows the second one's unit.
      const low = !a.money && next.multiplier > 1 ? a.value * next.multiplier : a.value;
      const high = spanOf(next).high;
      setMin(Math.min(low, high));
      setMax(Math.max(low, high));
      const between = BEFORE_BETWEEN.exec(before);
      const tail = RANGE_TAIL.exec(text.slice(next.end));
      claim(
        result.spans,
        between ? a.start - between[0].length : a.start,
        next.end + (tail ? tail[0].length : 0),
      );
      i += 1;
      continue;
    }

    // A bare small number ("at least 2") is a count, not a price.
    if (!a.money && a.value < 1_000) continue;
    const after = text.slice(a.end);
    const { low, high } = spanOf(a);
    // A pair already is a range: "around" adds nothing, "이하"/"이상" bound its ends.
    const around = () => {
      setMin(a.high === undefined ? Math.round(low * 0.8) : low);
      setMax(a.high === undefined ? Math.round(high * 1.2) : high);
    };
    const rules: [RegExp, 'after' | 'before', () => void][] = [
      [AFTER_MAX_STRICT, 'after', () => setMax(high - 1)],
      [AFTER_MAX, 'after', () => setMax(high)],
      [AFTER_MIN_STRICT, 'after', () => setMin(low + 1)],
      [AFTER_MIN, 'after', () => setMin(low)],
      [AFTER_AROUND, 'after', around],
      [BEFORE_MAX_STRICT, 'before', () => setMax(high - 1)],
      [BEFORE_MAX, 'before', () => setMax(high)],
      [BEFORE_MIN_STRICT, 'before', () => setMin(low + 1)],
      [BEFORE_MIN, 'before', () => setMin(low)],
      [BEFORE_AROUND, 'before', around],
    ];
    if (a.band) {
      setMin(low);
      setMax(high);
      const more = AFTER_MIN.exec(after) ?? AFTER_MAX.exec(after);
      claim(result.spans, a.start, a.end + (more ? more[0].length : 0));
      continue;
    }
    let handled = false;
    for (const [pattern, side, apply] of rules) {
      const found = pattern.exec(side === 'after' ? after : before);
      if (!found) continue;
      apply();
      handled = true;
      if (side === 'after') claim(result.spans, a.start, a.end + found[0].length);
      else claim(result.spans, a.start - found[0].length, a.end);
      break;
    }
    if (!handled && a.money) {
      // A bare money amount ("5만원 꽃다발") is a budget; a bare pair ("두세 만원") its range.
      if (a.high !== undefined) setMin(low);
      setMax(high);
      claim(result.spans, a.start, a.end);
    }
  }
  if (result.min !== null && result.max !== null && result.min > result.max) {
    [result.min, result.max] = [result.max, result.min];
  }
  return result;
}
