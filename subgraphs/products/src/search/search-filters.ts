import type { CategoryKeyValue, FlowerColorValue, TagKeyValue } from '../catalog/catalog.data.js';
import type { ProductSort } from '../products/product-sort.js';

/** Why a buyer is shopping; several map onto a product tag, the rest only inform the client. */
export const OCCASIONS = [
  'BIRTHDAY',
  'ANNIVERSARY',
  'WEDDING',
  'FUNERAL',
  'OPENING',
  'PROMOTION',
  'PROPOSAL',
  'VALENTINE',
  'PARENTS_DAY',
  'TEACHERS_DAY',
  'GRADUATION',
  'HOUSEWARMING',
  'GET_WELL',
  'APOLOGY',
  'CONGRATULATIONS',
] as const;
export type OccasionValue = (typeof OCCASIONS)[number];

/** The structured filters a free-text query is turned into (by the AI or the offline parser). */
export interface SearchFilters {
  category: CategoryKeyValue | null;
  tags: TagKeyValue[];
  flowerIds: number[];
  colors: FlowerColorValue[];
  priceMin: number | null;
  priceMax: number | null;
  sort: ProductSort | null;
  occasion: OccasionValue | null;
  /** Words matched against product names when nothing else was understood. */
  keywords: string[];
}

export const emptyFilters = (): SearchFilters => ({
  category: null,
  tags: [],
  flowerIds: [],
  colors: [],
  priceMin: null,
  priceMax: null,
  sort: null,
  occasion: null,
  keywords: [],
});

/** True when the filters narrow nothing down. */
export const understoodNothing = (filters: SearchFilters): boolean =>
  filters.category === null &&
  filters.tags.length === 0 &&
  filters.flowerIds.length === 0 &&
  filters.colors.length === 0 &&
  filters.priceMin === null &&
  filters.priceMax === null &&
  filters.sort === null &&
  filters.occasion === null;
