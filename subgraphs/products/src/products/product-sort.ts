import { registerEnumType } from 'type-graphql';

/** Every listing order the storefront offers; available products always come first. */
export enum ProductSort {
  POPULAR = 'POPULAR',
  NEWEST = 'NEWEST',
  OLDEST = 'OLDEST',
  PRICE_ASC = 'PRICE_ASC',
  PRICE_DESC = 'PRICE_DESC',
  MOST_REVIEWED = 'MOST_REVIEWED',
  BEST_RATED = 'BEST_RATED',
}
registerEnumType(ProductSort, {
  name: 'ProductSort',
  valuesConfig: {
    POPULAR: { description: 'Most sold first.' },
    NEWEST: { description: 'Most recently listed first.' },
    OLDEST: { description: 'Earliest listed first.' },
    PRICE_ASC: { description: 'Price low to high.' },
    PRICE_DESC: { description: 'Price high to low.' },
    MOST_REVIEWED: { description: 'Most reviews first.' },
    BEST_RATED: { description: 'Highest average rating first.' },
  },
});

export const PRODUCT_SORTS = Object.values(ProductSort);
