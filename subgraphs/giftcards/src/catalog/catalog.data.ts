import { readFileSync } from 'node:fs';

/**
 * The flowers, card recipients and template colours are fact, not code: a verbatim subset of
 * shared/data/catalog.json committed next to this module, read with fs because the source
 * loader (SWC) drops JSON import attributes.
 */
type CatalogFile = typeof import('./catalog.json');

const file = JSON.parse(
  readFileSync(new URL('./catalog.json', import.meta.url), 'utf8'),
) as CatalogFile;

export interface Localized {
  ko: string;
  en: string;
}

export interface Flower {
  id: string;
  name: Localized;
  /** The flower language (꽃말). */
  meaning: Localized;
}

export const RECIPIENT_KEYS = [
  'FATHER',
  'MOTHER',
  'SPOUSE',
  'SON',
  'DAUGHTER',
  'BROTHER',
  'SISTER',
  'LOVER',
  'FRIEND',
  'COLLEAGUE',
  'GRANDPARENT',
  'OLDER_BROTHER',
  'OLDER_SISTER',
  'YOUNGER_SIBLING',
  'SENIOR',
  'JUNIOR',
  'TEACHER',
] as const;
export type RecipientKeyValue = (typeof RECIPIENT_KEYS)[number];

export const TEMPLATE_COLORS = ['MIX', 'PINK', 'PURPLE', 'YELLOW', 'BLUE', 'WHITE'] as const;
export type TemplateColorValue = (typeof TEMPLATE_COLORS)[number];

const flowers = new Map<string, Flower>(
  file.flowers.map((f) => [
    String(f.id),
    { id: String(f.id), name: f.name, meaning: { ko: f.language.ko, en: f.language.en } },
  ]),
);

export const recipientNames = new Map<RecipientKeyValue, Localized>(
  file.giftCardRecipients.map((r) => [r.key as RecipientKeyValue, r.name]),
);

export const templateColors: { key: TemplateColorValue; ko: string; count: number }[] =
  file.giftCardTemplateColors.map((c) => ({
    key: c.key as TemplateColorValue,
    ko: c.ko,
    count: c.count,
  }));

/** Flower ids are 1..22 in the catalog; events may carry them as numbers or strings. */
export function findFlower(id: string | number | null | undefined): Flower | null {
  if (id === null || id === undefined) return null;
  return flowers.get(String(id).trim()) ?? null;
}

export const allFlowers = (): Flower[] => [...flowers.values()];
