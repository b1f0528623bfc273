import {
  FLOWER_COLORS,
  type CategoryKeyValue,
  type FlowerColorValue,
  type TagKeyValue,
} from '../catalog/catalog.data.js';
import { ProductSort } from '../products/product-sort.js';
import { type Span, parsePrice } from './price.parser.js';
import {
  type SearchFilters,
  type OccasionValue,
  emptyFilters,
  understoodNothing,
} from './search-filters.js';
import {
  type Effect,
  LEXICON,
  type LexiconEntry,
  NOT_A_PARTNER,
  OCCASION_PRIORITY,
  VENUE_TAGS,
} from './search.lexicon.js';

/**
 * The offline query parser: no network, no model, a few milliseconds. It normalises the text,
 * reads price expressions, then matches the rule tables (search.lexicon.ts) longest phrase
 * first; whatever is left over becomes keywords for a name search.
 */

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function koreanPattern(term: string): RegExp {
  return new RegExp(escape(term).replace(/ /g, '\\s*'), 'gu');
}

function englishPattern(term: string): RegExp {
  const body = escape(term).replace(/'/g, "'?").replace(/ /g, '[\\s-]+');
  return new RegExp(`(?<![a-z0-9])${body}(?![a-z0-9])`, 'gu');
}

interface CompiledEntry {
  patterns: RegExp[];
  effects: Effect[];
}

const compile = (entry: LexiconEntry): CompiledEntry => ({
  patterns: [
    ...(entry.ko ?? []).map(koreanPattern),
    ...(entry.en ?? []).map((term) => englishPattern(term.toLowerCase())),
    ...(entry.patterns ?? []),
  ],
  effects: entry.effects,
});

const COMPILED: readonly CompiledEntry[] = LEXICON.map(compile);
const NOT_A_PARTNER_PATTERNS = compile({ ...NOT_A_PARTNER, effects: [] }).patterns;

/** NFKC, lower case, straight quotes, no digit grouping (50,000 → 50000), single spaces. */
export function normalizeQuery(query: string): string {
  let text = query
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[‘’`´]/g, "'");
  text = text.replace(/(\d),(?=\d{3}(?!\d))/g, '$1');
  return text.replace(/\s+/g, ' ').trim();
}

export interface Token extends Span {
  text: string;
}

/** Words (Hangul, Latin, digits) and the symbols price ranges use. */
export function tokenize(text: string): Token[] {
  return [...text.matchAll(/[\p{L}\p{N}']+|[~+₩-]/gu)].map((match) => ({
    text: match[0],
    start: match.index,
    end: match.index + match[0].length,
  }));
}

interface Hit extends Span {
  entry: number;
}

/** Every place any rule matches, then the longest non-overlapping ones (earlier wins ties). */
function matchRules(text: string, claimed: boolean[]): Hit[] {
  const candidates: Hit[] = [];
  COMPILED.forEach((entry, index) => {
    for (const pattern of entry.patterns) {
      pattern.lastIndex = 0;
      for (const match of text.matchAll(pattern)) {
        if (match[0].length === 0) continue;
        candidates.push({ start: match.index, end: match.index + match[0].length, entry: index });
      }
    }
  });
  candidates.sort(
    (a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start || a.entry - b.entry,
  );
  const accepted: Hit[] = [];
  for (const hit of candidates) {
    let free = true;
    for (let i = hit.start; i < hit.end && free; i += 1) free = !claimed[i];
    if (!free) continue;
    for (let i = hit.start; i < hit.end; i += 1) claimed[i] = true;
    accepted.push(hit);
  }
  return accepted.sort((a, b) => a.start - b.start);
}

/** "꽃다발 말고", "not a bouquet", "nothing fancy": the phrase is what the buyer does not want. */
const NEGATED_AFTER = /^\s*(?:말고|빼고|말구|제외|아닌|아니고)/u;
const NEGATED_BEFORE =
  /(?<![a-z])(?:not|nothing|no|without|non)[\s-]+(?:(?:a|an|the|too|so|very|overly|really)\s+)*$/u;

/** A negated sort hint means its opposite ("nothing too expensive" = cheaper first). */
const OPPOSITE_SORT: Partial<Record<ProductSort, ProductSort>> = {
  [ProductSort.PRICE_ASC]: ProductSort.PRICE_DESC,
  [ProductSort.PRICE_DESC]: ProductSort.PRICE_ASC,
  [ProductSort.NEWEST]: ProductSort.OLDEST,
  [ProductSort.OLDEST]: ProductSort.NEWEST,
};

const isNegated = (text: string, hit: Span) =>
  NEGATED_AFTER.test(text.slice(hit.end)) ||
  NEGATED_BEFORE.test(text.slice(Math.max(0, hit.start - 24), hit.start));

const PARTICLES = /(?:으로|에게|에서|한테|께|을|를|이|가|은|는|에|의|로|와|과|도|만)$/u;
const STOPWORDS = new Set([
  '꽃',
  '꽃이',
  '추천',
  '추천해줘',
  '추천해',
  '선물',
  '좋은',
  '예쁜',
  '보내기',
  '보낼',
  'flower',
  'flowers',
  'for',
  'a',
  'an',
  'the',
  'to',
  'of',
  'and',
  'with',
  'my',
  'me',
  'some',
  'gift',
  'gifts',
  'send',
  'show',
  'find',
  'please',
  'want',
  'need',
  'i',
]);

function leftoverWords(text: string, claimed: boolean[]): string[] {
  const words: string[] = [];
  for (const token of tokenize(text)) {
    let free = true;
    for (let i = token.start; i < token.end && free; i += 1) free = !claimed[i];
    if (!free || token.text.length < 2) continue;
    const word = token.text.replace(PARTICLES, '');
    if (word.length >= 2 && !STOPWORDS.has(word) && !STOPWORDS.has(token.text)) words.push(word);
  }
  return [...new Set(words)];
}

/** Turns a Korean or English request into structured filters. */
export function parseQueryOffline(query: string): SearchFilters {
  const text = normalizeQuery(query);
  const filters = emptyFilters();
  const claimed = new Array<boolean>(text.length).fill(false);

  const price = parsePrice(text);
  filters.priceMin = price.min;
  filters.priceMax = price.max;
  for (const span of price.spans) {
    for (let i = span.start; i < span.end; i += 1) claimed[i] = true;
  }

  const tags = new Set<TagKeyValue>();
  const recipients = new Set<TagKeyValue>();
  const occasions = new Set<OccasionValue>();
  const impliedRecipients = new Set<TagKeyValue>();
  const impliedOccasions = new Set<OccasionValue>();
  const flowerIds = new Set<number>();
  const colors = new Set<FlowerColorValue>();
  let category: CategoryKeyValue | null = null;
  let sort: ProductSort | null = null;

  for (const hit of matchRules(text, claimed)) {
    const negated = isNegated(text, hit);
    for (const effect of COMPILED[hit.entry]?.effects ?? []) {
      if (negated) {
        const opposite = effect.kind === 'sort' ? OPPOSITE_SORT[effect.key] : undefined;
        if (opposite) sort ??= opposite;
        continue;
      }
      switch (effect.kind) {
        case 'category':
          category ??= effect.key;
          break;
        case 'tag':
          tags.add(effect.key);
          break;
        case 'recipient':
          recipients.add(effect.key);
          break;
        case 'occasion':
          occasions.add(effect.key);
          break;
        case 'impliedOccasion':
          impliedOccasions.add(effect.key);
          break;
        case 'impliedRecipient':
          impliedRecipients.add(effect.key);
          break;
        case 'flowers':
          effect.ids.forEach((id) => flowerIds.add(id));
          break;
        case 'color':
          colors.add(effect.key);
          break;
        case 'sort':
          sort ??= effect.key;
          break;
        case 'ignore':
          break;
      }
    }
  }

  // What is named beats what is implied: "선생님 생신" is a birthday, "부모님 기념일" not a lover's.
  if (occasions.size === 0) impliedOccasions.forEach((key) => occasions.add(key));
  const otherPerson = NOT_A_PARTNER_PATTERNS.some((pattern) => {
    pattern.lastIndex = 0;
    return pattern.test(text);
  });
  if (recipients.size === 0 && !otherPerson)
    impliedRecipients.forEach((key) => recipients.add(key));
  // "친구 장례식": the funeral decides what the product is; the friend adds nothing.
  if (![...tags].some((key) => VENUE_TAGS.includes(key))) {
    recipients.forEach((key) => tags.add(key));
  }
  filters.category = category;
  filters.tags = [...tags].sort();
  filters.occasion = OCCASION_PRIORITY.find((key) => occasions.has(key)) ?? null;
  filters.flowerIds = [...flowerIds].sort((a, b) => a - b);
  filters.colors = FLOWER_COLORS.filter((key) => colors.has(key));
  filters.sort = sort;
  if (understoodNothing(filters)) filters.keywords = leftoverWords(text, claimed);
  return filters;
}
