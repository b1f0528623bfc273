import { type Caller, type EntityManager, keyedLoader } from '@bloom/kernel';
import type { MikroORM } from '@mikro-orm/mongodb';
import DataLoader from 'dataloader';
import { ImageService } from './images/image.service.js';
import { ProductLike, StoreLike } from './likes/like.entities.js';
import { LikeService } from './likes/like.service.js';
import type { ProductsDeps } from './products.deps.js';
import type { Product } from './products/product.entity.js';
import { findProductsByIds } from './products/product.repository.js';
import { ProductService } from './products/product.service.js';
import { RestockService } from './restock/restock.service.js';
import { ReviewService } from './reviews/review.service.js';
import { SearchService } from './search/search.service.js';

export interface ProductsServices {
  products: ProductService;
  reviews: ReviewService;
  likes: LikeService;
  restock: RestockService;
  search: SearchService;
  images: ImageService;
}

/** Per-request batch loaders: a listing of N products costs O(1) queries per field. */
export interface ProductsLoaders {
  product: DataLoader<string, Product | null, unknown>;
  productLikeCount: DataLoader<string, number>;
  productLikedByMe: DataLoader<string, boolean>;
  storeLikeCount: DataLoader<string, number>;
  storeLikedByMe: DataLoader<string, boolean>;
  waitingForRestock: DataLoader<string, boolean>;
}

export interface ProductsContext {
  caller: Caller;
  em: EntityManager;
  services: ProductsServices;
  loaders: ProductsLoaders;
}

export function buildServices(em: EntityManager, deps: ProductsDeps): ProductsServices {
  const images = new ImageService(em, deps);
  const products = new ProductService(em, deps, images);
  return {
    images,
    products,
    reviews: new ReviewService(em, deps, images),
    likes: new LikeService(em, products, deps.now),
    restock: new RestockService(em, deps),
    search: new SearchService(em, deps),
  };
}

/** Counts per target in one aggregation (one accumulator: see ReviewService.ratingOf). */
async function countBy(
  em: EntityManager,
  entity: typeof ProductLike | typeof StoreLike,
  field: 'productId' | 'storeId',
  ids: readonly string[],
): Promise<number[]> {
  const rows = (await em.aggregate(entity, [
    { $match: { [field]: { $in: [...ids] } } },
    { $group: { _id: `$${field}`, n: { $sum: 1 } } },
  ])) as { _id: string; n: number }[];
  const counts = new Map(rows.map((row) => [row._id, row.n]));
  return ids.map((id) => counts.get(id) ?? 0);
}

export function buildLoaders(
  em: EntityManager,
  caller: Caller,
  restock: RestockService,
): ProductsLoaders {
  const userId = caller.userId;
  const mine = async (
    entity: typeof ProductLike | typeof StoreLike,
    ids: readonly string[],
  ): Promise<boolean[]> => {
    if (!userId) return ids.map(() => false);
    const likes = await em.find(entity, { _id: { $in: ids.map((id) => `${userId}:${id}`) } });
    const liked = new Set(likes.map((like) => like._id));
    return ids.map((id) => liked.has(`${userId}:${id}`));
  };
  return {
    product: keyedLoader(
      (ids) => findProductsByIds(em, ids),
      (product) => product.id,
    ),
    productLikeCount: new DataLoader((ids) => countBy(em, ProductLike, 'productId', ids)),
    productLikedByMe: new DataLoader((ids) => mine(ProductLike, ids)),
    storeLikeCount: new DataLoader((ids) => countBy(em, StoreLike, 'storeId', ids)),
    storeLikedByMe: new DataLoader((ids) => mine(StoreLike, ids)),
    waitingForRestock: new DataLoader(async (ids) => {
      if (!userId) return ids.map(() => false);
      const waiting = await restock.waitingFor(userId, ids);
      return ids.map((id) => waiting.has(id));
    }),
  };
}

/** One EntityManager fork, one set of services and loaders per request. */
export function createContext(orm: MikroORM, deps: ProductsDeps, caller: Caller): ProductsContext {
  const em = orm.em.fork();
  const services = buildServices(em, deps);
  return { caller, em, services, loaders: buildLoaders(em, caller, services.restock) };
}
