import { type CatalogFlower, FLOWERS } from '../catalog/catalog.data.js';

/**
 * When each reference flower is at its best in Korean flower markets (its peak months, 1–12).
 * catalog.json has no seasons and most flowers are sold all year from greenhouses, so this table
 * is ours, like the colour table in catalog.data.ts: it only decides the home page's seasonal
 * pick. Every month has at least three flowers.
 */
const PEAK_MONTHS: Record<number, readonly number[]> = {
  1: [5, 6, 12], // red rose: the May rose season and Christmas
  2: [5, 6, 12],
  3: [5, 6, 10],
  4: [5, 6, 10],
  5: [5, 6, 10],
  6: [5, 6, 10],
  7: [5, 6, 10],
  8: [6, 7, 8, 9], // lisianthus
  9: [6, 7, 8], // hydrangea: the rainy season
  10: [6, 7], // lavender
  11: [9, 10, 11], // chrysanthemum
  12: [7, 8, 9], // sunflower
  13: [4, 5], // carnation: Parents' Day and Teachers' Day in May
  14: [3, 4, 10, 11], // gerbera
  15: [12, 1, 2, 3], // freesia: graduation season
  16: [1, 2, 3, 4], // tulip
  17: [12, 1, 2, 3, 4], // ranunculus
  18: [5, 6], // gypsophila
  19: [4, 5, 10, 11], // statice
  20: [4, 5, 6], // daisy
  21: [5, 6], // peony
  22: [6, 7], // delphinium
};

export type SeasonName = '봄' | '여름' | '가을' | '겨울';

export const seasonOfMonth = (month: number): SeasonName =>
  month >= 3 && month <= 5
    ? '봄'
    : month >= 6 && month <= 8
      ? '여름'
      : month >= 9 && month <= 11
        ? '가을'
        : '겨울';

/** The reference flowers at their peak in a month (1–12), in catalogue order. */
export const flowersInSeason = (month: number): CatalogFlower[] =>
  FLOWERS.filter((flower) => PEAK_MONTHS[flower.id]?.includes(month) ?? false);
