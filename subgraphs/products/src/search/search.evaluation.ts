import type { SearchFilters } from './search-filters.js';

/** The fields a query's expected interpretation is scored on. */
export const EVALUATED_FIELDS = [
  'category',
  'tags',
  'flowerIds',
  'colors',
  'priceMin',
  'priceMax',
  'sort',
  'occasion',
] as const;
export type EvaluatedField = (typeof EVALUATED_FIELDS)[number];

export interface EvaluationItem {
  lang: 'ko' | 'en';
  /** `dev` queries shaped the rules; `holdout` ones were written afterwards and never used to tune. */
  split: 'dev' | 'holdout';
  query: string;
  expected: Pick<SearchFilters, EvaluatedField>;
}

export interface EvaluationMiss {
  query: string;
  field: EvaluatedField;
  expected: unknown;
  actual: unknown;
}

export interface EvaluationReport {
  total: number;
  byLanguage: Record<'ko' | 'en', { total: number; exact: number }>;
  bySplit: Record<'dev' | 'holdout', { total: number; exact: number }>;
  /** Share of queries whose field matched exactly (lists as sets). */
  fieldAccuracy: Record<EvaluatedField, number>;
  /** Share of queries where every field matched. */
  overall: number;
  misses: EvaluationMiss[];
}

const same = (a: unknown, b: unknown): boolean => {
  if (Array.isArray(a) && Array.isArray(b)) {
    const left = (a as unknown[]).map(String).sort();
    const right = (b as unknown[]).map(String).sort();
    return left.length === right.length && left.every((value, i) => value === right[i]);
  }
  return (a ?? null) === (b ?? null);
};

/** Scores a parser against the committed evaluation set: exact match per field and overall. */
export function evaluateParser(
  items: readonly EvaluationItem[],
  parse: (query: string) => SearchFilters,
): EvaluationReport {
  const correct = Object.fromEntries(EVALUATED_FIELDS.map((field) => [field, 0])) as Record<
    EvaluatedField,
    number
  >;
  const byLanguage = { ko: { total: 0, exact: 0 }, en: { total: 0, exact: 0 } };
  const bySplit = { dev: { total: 0, exact: 0 }, holdout: { total: 0, exact: 0 } };
  const misses: EvaluationMiss[] = [];
  let exact = 0;
  for (const item of items) {
    const actual = parse(item.query);
    let allRight = true;
    for (const field of EVALUATED_FIELDS) {
      if (same(item.expected[field], actual[field])) correct[field] += 1;
      else {
        allRight = false;
        misses.push({
          query: item.query,
          field,
          expected: item.expected[field],
          actual: actual[field],
        });
      }
    }
    byLanguage[item.lang].total += 1;
    bySplit[item.split].total += 1;
    if (allRight) {
      exact += 1;
      byLanguage[item.lang].exact += 1;
      bySplit[item.split].exact += 1;
    }
  }
  const total = items.length;
  const share = (n: number) => (total === 0 ? 0 : n / total);
  return {
    total,
    byLanguage,
    bySplit,
    fieldAccuracy: Object.fromEntries(
      EVALUATED_FIELDS.map((field) => [field, share(correct[field])]),
    ) as Record<EvaluatedField, number>,
    overall: share(exact),
    misses,
  };
}
