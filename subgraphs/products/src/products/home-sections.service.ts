import { seoulParts } from '@bloom/kernel';
import { TagKey } from '../catalog/catalog.types.js';
import type { Product } from './product.entity.js';
import type { ListedOnly, ProductCriteria } from './product.repository.js';
import { ProductSort } from './product-sort.js';
import { flowersInSeason, seasonOfMonth } from './flower-seasons.data.js';
import { HomeCollection, HomeSections, SeasonalPick } from './product.types.js';

/** Where the main page's rows come from: public, non-subscription products in listing order. */
export type HomeProductSource = (
  criteria: ProductCriteria,
  sort: ProductSort,
  limit: number,
  only?: ListedOnly,
) => Promise<Product[]>;

/** The occasion rows, in page order (tags from catalog.json; AIR_PURIFYING is not an occasion). */
const COLLECTIONS: readonly { tag: TagKey; title: string; subtitle: string }[] = [
  { tag: TagKey.FOR_LOVER, title: '연인에게, 기념일 꽃', subtitle: '사랑을 전하는 날에 어울려요' },
  { tag: TagKey.FOR_FRIEND, title: '친구 생일 선물', subtitle: '축하하는 마음을 가볍게 전해요' },
  { tag: TagKey.OPENING, title: '개업 축하', subtitle: '새 출발을 응원하는 꽃과 화분' },
  { tag: TagKey.PROMOTION, title: '승진·취임 축하', subtitle: '격을 갖춘 축하 선물' },
  { tag: TagKey.WEDDING, title: '결혼식 축하', subtitle: '두 사람의 새 시작을 축복해요' },
  { tag: TagKey.FUNERAL, title: '근조·추모', subtitle: '조용히 위로의 마음을 전해요' },
];

/** A few products per occasion row: the rows scroll sideways, the big sections come first. */
const COLLECTION_SIZE = 4;

interface Slot {
  criteria: ProductCriteria;
  sort: ProductSort;
  want: number;
  only?: ListedOnly;
}

/**
 * Fills the slots in order (best sellers, best rated, the seasonal pick, new arrivals, then the
 * occasion rows: the narrow picks before the one any product fits), each with the first products of its pool no earlier slot took: a
 * product appears in one section only, and the earlier (more telling) section keeps it.
 */
export function allocateDistinct<T extends { id: string }>(
  pools: readonly (readonly T[])[],
  wants: readonly number[],
): T[][] {
  const taken = new Set<string>();
  return pools.map((pool, index) => {
    const want = wants[index] ?? 0;
    const picked: T[] = [];
    for (const item of pool) {
      if (picked.length >= want) break;
      if (taken.has(item.id)) continue;
      taken.add(item.id);
      picked.push(item);
    }
    return picked;
  });
}

/**
 * The main page: best sellers (sold at least once), best rated (rated at least once), this
 * Seoul month's seasonal pick, new arrivals and the occasion rows, no product in two of them.
 */
export async function buildHomeSections(
  source: HomeProductSource,
  size: number,
  now: Date,
): Promise<HomeSections> {
  const month = Number(seoulParts(now).date.slice(5, 7));
  const flowers = flowersInSeason(month);
  const collectionSize = Math.min(size, COLLECTION_SIZE);
  const slots: Slot[] = [
    { criteria: {}, sort: ProductSort.POPULAR, want: size, only: 'sold' },
    { criteria: {}, sort: ProductSort.BEST_RATED, want: size, only: 'rated' },
    { criteria: { flowerIds: flowers.map((f) => f.id) }, sort: ProductSort.POPULAR, want: size },
    { criteria: {}, sort: ProductSort.NEWEST, want: size },
    ...COLLECTIONS.map(({ tag }) => ({
      criteria: { tags: [tag] },
      sort: ProductSort.POPULAR,
      want: collectionSize,
    })),
  ];
  // Each pool is as deep as every earlier slot's share plus its own, so taking the earlier
  // slots' products out still leaves it full whenever enough products match.
  let earlier = 0;
  const pools = await Promise.all(
    slots.map((slot) => {
      const depth = earlier + slot.want;
      earlier += slot.want;
      return source({ ...slot.criteria, isSubscription: false }, slot.sort, depth, slot.only);
    }),
  );
  const [bestSellers = [], bestRated = [], seasonal = [], newArrivals = [], ...rows] =
    allocateDistinct(
      pools,
      slots.map((slot) => slot.want),
    );
  const season = seasonOfMonth(month);
  return Object.assign(new HomeSections(), {
    bestSellers,
    bestRated,
    newArrivals,
    seasonal: Object.assign(new SeasonalPick(), {
      month,
      season,
      title: `${month}월, ${season}의 제철 꽃`,
      flowers,
      products: seasonal,
    }),
    collections: COLLECTIONS.flatMap((collection, index) => {
      const products = rows[index] ?? [];
      return products.length > 0
        ? [Object.assign(new HomeCollection(), { ...collection, products })]
        : [];
    }),
  });
}
