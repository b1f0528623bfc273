import { readFileSync } from 'node:fs';

/**
 * The reference catalog (categories, tags, the 22 flowers and their flower language) is fact,
 * not code: it is a verbatim copy of shared/data/catalog.json committed next to this module.
 * The type query below also makes tsc copy the JSON into dist/ at build time; it is read with
 * fs because the source loader (SWC) drops JSON import attributes.
 */
type CatalogFile = typeof import('./catalog.json');

const file = JSON.parse(
  readFileSync(new URL('./catalog.json', import.meta.url), 'utf8'),
) as CatalogFile;

export const CATEGORY_KEYS = ['BOUQUET', 'BASKET', 'BOX', 'WREATH'] as const;
export type CategoryKeyValue = (typeof CATEGORY_KEYS)[number];

export const TAG_KEYS = [
  'FOR_LOVER',
  'FOR_FRIEND',
  'AIR_PURIFYING',
  'OPENING',
  'PROMOTION',
  'WEDDING',
  'FUNERAL',
] as const;
export type TagKeyValue = (typeof TAG_KEYS)[number];

export const FLOWER_COLORS = [
  'RED',
  'WHITE',
  'YELLOW',
  'PINK',
  'PURPLE',
  'BLUE',
  'ORANGE',
] as const;
export type FlowerColorValue = (typeof FLOWER_COLORS)[number];

export interface Localized {
  ko: string;
  en: string;
}

export interface CatalogCategory {
  id: number;
  key: CategoryKeyValue;
  name: Localized;
}

export interface CatalogTag {
  id: number;
  key: TagKeyValue;
  name: Localized;
}

export interface CatalogFlower {
  id: number;
  name: Localized;
  language: Localized;
  colors: FlowerColorValue[];
}

/**
 * The colours a flower is commonly sold in. catalog.json has none, but buyers search by colour
 * ("white flowers for a funeral"), so this small table is ours; the rose ids carry their
 * colour in their name.
 */
const FLOWER_COLOR_TABLE: Record<number, FlowerColorValue[]> = {
  1: ['RED'],
  2: ['WHITE'],
  3: ['ORANGE'],
  4: ['PINK'],
  5: ['BLUE'],
  6: ['PURPLE'],
  7: ['YELLOW'],
  8: ['WHITE', 'PURPLE', 'PINK'],
  9: ['BLUE', 'PINK', 'PURPLE', 'WHITE'],
  10: ['PURPLE'],
  11: ['WHITE', 'YELLOW'],
  12: ['YELLOW'],
  13: ['RED', 'PINK'],
  14: ['ORANGE', 'PINK', 'RED', 'YELLOW'],
  15: ['YELLOW', 'WHITE'],
  16: ['RED', 'PINK', 'YELLOW', 'WHITE', 'PURPLE'],
  17: ['PINK', 'ORANGE', 'RED', 'WHITE', 'YELLOW'],
  18: ['WHITE'],
  19: ['PURPLE', 'BLUE'],
  20: ['WHITE'],
  21: ['PINK', 'WHITE'],
  22: ['BLUE', 'PURPLE'],
};

function checked<T extends string>(allowed: readonly T[], key: string, what: string): T {
  if (!(allowed as readonly string[]).includes(key)) {
    throw new Error(`catalog.json: unknown ${what} ${key}`);
  }
  return key as T;
}

export const CATEGORIES: readonly CatalogCategory[] = file.categories.map((c) => ({
  id: c.id,
  key: checked(CATEGORY_KEYS, c.key, 'category'),
  name: { ko: c.name.ko, en: c.name.en },
}));

export const TAGS: readonly CatalogTag[] = file.tags.map((t) => ({
  id: t.id,
  key: checked(TAG_KEYS, t.key, 'tag'),
  name: { ko: t.name.ko, en: t.name.en },
}));

export const FLOWERS: readonly CatalogFlower[] = file.flowers.map((f) => ({
  id: f.id,
  name: { ko: f.name.ko, en: f.name.en },
  language: { ko: f.language.ko, en: f.language.en },
  colors: FLOWER_COLOR_TABLE[f.id] ?? [],
}));

const flowersById = new Map(FLOWERS.map((flower) => [flower.id, flower]));

export const flowerById = (id: number): CatalogFlower | undefined => flowersById.get(id);

export const isFlowerId = (id: number): boolean => flowersById.has(id);

/** Flowers whose colours include any of the given ones. */
export function flowerIdsOfColors(colors: readonly FlowerColorValue[]): number[] {
  return FLOWERS.filter((flower) => flower.colors.some((c) => colors.includes(c))).map(
    (flower) => flower.id,
  );
}
