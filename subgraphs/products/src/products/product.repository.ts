import {
  type Page,
  type SortKey,
  escapeRegex,
  findPage,
  orderByOf,
  rawDb,
  sortKey,
} from '@bloom/kernel';
import type { FilterQuery, QueryOrderMap } from '@mikro-orm/core';
import { type EntityManager, ObjectId } from '@mikro-orm/mongodb';
import { flowerIdsOfColors } from '../catalog/catalog.data.js';
import type { CategoryKey, FlowerColor, TagKey } from '../catalog/catalog.types.js';
import { normalizeText } from '../shared/text.js';
import { Product, type RecipeLine, SaleStatus } from './product.entity.js';
import { ProductSort } from './product-sort.js';

/** Loads products by id in one query; malformed ids match nothing. */
export async function findProductsByIds(
  em: EntityManager,
  ids: readonly string[],
): Promise<Product[]> {
  const valid = ids.filter((id) => ObjectId.isValid(id)).map((id) => new ObjectId(id));
  return valid.length === 0 ? [] : em.find(Product, { _id: { $in: valid } });
}

/** What a product's in-stock rank is computed from. */
export interface RankInputs {
  _id: ObjectId;
  recipe: RecipeLine[];
  stockRank: number;
  saleStatus: SaleStatus;
}

/**
 * The rank inputs of a store's products that use any of these flowers, read without hydrating
 * entities: this runs on every order's stock events.
 */
export function rankInputsOf(
  em: EntityManager,
  storeId: string,
  flowerIds: readonly number[],
): Promise<RankInputs[]> {
  return rawDb(em)
    .collection<RankInputs>('products')
    .find(
      { storeId, flowerIds: { $in: [...flowerIds] }, saleStatus: { $ne: SaleStatus.DELETED } },
      { projection: { recipe: 1, stockRank: 1, saleStatus: 1 } },
    )
    .toArray();
}

export async function findProductById(em: EntityManager, id: string): Promise<Product | null> {
  return ObjectId.isValid(id) ? em.findOne(Product, { _id: new ObjectId(id) }) : null;
}

/** The filters every listing understands (public, seller, admin, search). */
export interface ProductCriteria {
  category?: CategoryKey | null;
  tags?: TagKey[] | null;
  storeId?: string | null;
  flowerIds?: number[] | null;
  colors?: FlowerColor[] | null;
  priceMin?: number | null;
  priceMax?: number | null;
  isSubscription?: boolean | null;
  keywords?: string[] | null;
}

/** Who is looking decides what is listed. */
export type ListingAudience =
  /** ON_SALE and SOLD_OUT products, except those of suspended or closed stores. */
  | { kind: 'public'; hiddenStoreIds: readonly string[] }
  /** A seller's own store, everything but deleted products. */
  | { kind: 'store-owner'; status?: SaleStatus | null }
  /** Administrators see everything, deleted products included. */
  | { kind: 'admin'; status?: SaleStatus | null };

export function productWhere(
  criteria: ProductCriteria,
  audience: ListingAudience,
): FilterQuery<Product> {
  const and: Record<string, unknown>[] = [];
  if (audience.kind === 'public') {
    and.push({ listed: true });
    if (audience.hiddenStoreIds.length > 0) {
      and.push({ storeId: { $nin: [...audience.hiddenStoreIds] } });
    }
  } else if (audience.status) and.push({ saleStatus: audience.status });
  else if (audience.kind === 'store-owner') and.push({ saleStatus: { $ne: SaleStatus.DELETED } });
  if (criteria.storeId) and.push({ storeId: criteria.storeId });
  if (criteria.category) and.push({ category: criteria.category });
  // Tags are matched one equality each: an array field equals a value when it contains it.
  for (const tag of new Set(criteria.tags ?? [])) and.push({ tags: tag });
  if (criteria.flowerIds?.length)
    and.push({ flowerIds: { $in: [...new Set(criteria.flowerIds)] } });
  if (criteria.colors?.length) {
    and.push({ representativeFlowerId: { $in: flowerIdsOfColors(criteria.colors) } });
  }
  if (criteria.priceMin !== undefined && criteria.priceMin !== null) {
    and.push({ price: { $gte: criteria.priceMin } });
  }
  if (criteria.priceMax !== undefined && criteria.priceMax !== null) {
    and.push({ price: { $lte: criteria.priceMax } });
  }
  if (criteria.isSubscription !== undefined && criteria.isSubscription !== null) {
    and.push({ isSubscription: criteria.isSubscription });
  }
  const words = (criteria.keywords ?? []).map(normalizeText).filter((word) => word.length > 0);
  // Every word must appear (in the name or summary), in any order.
  for (const word of new Set(words)) and.push({ searchText: { $regex: escapeRegex(word) } });
  const where: FilterQuery<Product> = and.length > 0 ? { $and: and } : {};
  return where;
}

const key = sortKey<Product>;

const BY_SORT: Record<ProductSort, SortKey<Product>[]> = {
  [ProductSort.POPULAR]: [key('salesCount', 'desc', 'number', (p) => p.salesCount)],
  [ProductSort.NEWEST]: [key('createdAt', 'desc', 'date', (p) => p.createdAt)],
  [ProductSort.OLDEST]: [key('createdAt', 'asc', 'date', (p) => p.createdAt)],
  [ProductSort.PRICE_ASC]: [key('price', 'asc', 'number', (p) => p.price)],
  [ProductSort.PRICE_DESC]: [key('price', 'desc', 'number', (p) => p.price)],
  [ProductSort.MOST_REVIEWED]: [key('ratingCount', 'desc', 'number', (p) => p.ratingCount)],
  [ProductSort.BEST_RATED]: [
    key('ratingAverage', 'desc', 'number', (p) => p.ratingAverage),
    key('ratingCount', 'desc', 'number', (p) => p.ratingCount),
  ],
};

/**
 * Available products come first (on sale, then in stock), then the chosen order, then the id
 * in the same direction so equal values page deterministically.
 */
export function listingKeys(sort: ProductSort): SortKey<Product>[] {
  const keys = BY_SORT[sort];
  const direction = keys[0]?.dir ?? 'desc';
  return [
    key('saleRank', 'asc', 'number', (p) => p.saleRank),
    key('stockRank', 'asc', 'number', (p) => p.stockRank),
    ...keys,
    key('_id', direction, 'id', (p) => p.id),
  ];
}

/** One page of products: a count query and a find query, whatever the page size. */
export function pageProducts(
  em: EntityManager,
  where: FilterQuery<Product>,
  sort: ProductSort,
  first: number,
  after?: string | null,
): Promise<Page<Product>> {
  return findPage(em, Product, where, listingKeys(sort), first, after);
}

/** A product page: anything but deleted products (a discontinued one still has its page). */
export async function findViewableProduct(em: EntityManager, id: string): Promise<Product | null> {
  const product = await findProductById(em, id);
  return product && product.saleStatus !== SaleStatus.DELETED ? product : null;
}

/** The public listing, without the products of the given (suspended or closed) stores. */
export function pagePublicProducts(
  em: EntityManager,
  criteria: ProductCriteria,
  hiddenStoreIds: readonly string[],
  sort: ProductSort,
  first: number,
  after?: string | null,
): Promise<Page<Product>> {
  return pageProducts(
    em,
    productWhere(criteria, { kind: 'public', hiddenStoreIds }),
    sort,
    first,
    after,
  );
}

/** What a main page row may require beyond the listing criteria. */
export type ListedOnly = 'sold' | 'rated';

/**
 * The first `limit` public products in listing order, without a count or cursor: the main page's
 * rows are fixed-size picks, not pages.
 */
export function findPublicProducts(
  em: EntityManager,
  criteria: ProductCriteria,
  hiddenStoreIds: readonly string[],
  sort: ProductSort,
  limit: number,
  only?: ListedOnly,
): Promise<Product[]> {
  const where = productWhere(criteria, { kind: 'public', hiddenStoreIds });
  const extra =
    only === 'sold'
      ? { salesCount: { $gt: 0 } }
      : only === 'rated'
        ? { ratingCount: { $gt: 0 } }
        : null;
  return em.find(Product, extra ? { $and: [where, extra] } : where, {
    orderBy: orderByOf(listingKeys(sort)) as QueryOrderMap<Product>,
    limit,
  });
}

/** One store's products as its owner sees them. */
export function pageStoreProducts(
  em: EntityManager,
  storeId: string,
  status: SaleStatus | null | undefined,
  sort: ProductSort,
  first: number,
  after?: string | null,
): Promise<Page<Product>> {
  const where = productWhere({ storeId }, { kind: 'store-owner', status });
  return pageProducts(em, where, sort, first, after);
}

/** Every product as administrators see them. */
export function pageAllProducts(
  em: EntityManager,
  criteria: ProductCriteria,
  status: SaleStatus | null | undefined,
  sort: ProductSort,
  first: number,
  after?: string | null,
): Promise<Page<Product>> {
  return pageProducts(em, productWhere(criteria, { kind: 'admin', status }), sort, first, after);
}
