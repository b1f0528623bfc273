import { type EntityManager, type Page, isDuplicateKeyError, simpleError } from '@bloom/kernel';
import type { FilterQuery, QueryOrderMap } from '@mikro-orm/core';
import { type Product, SaleStatus } from '../products/product.entity.js';
import { findProductsByIds } from '../products/product.repository.js';
import { ProductNotFoundError } from '../products/product.types.js';
import type { ProductService } from '../products/product.service.js';
import { type SortKey, afterCursor, encodeKeysetCursor, orderByOf } from '../shared/keyset.js';
import { StoreDirectory } from '../stores/store.directory.js';
import { type Store, storeRef } from '../stores/store.types.js';
import { ProductLike, StoreLike } from './like.entities.js';
import { StoreNotFoundError } from './like.types.js';

type Like = ProductLike | StoreLike;

const LIKE_KEYS: SortKey<Like>[] = [
  { field: 'createdAt', dir: 'desc', kind: 'date', value: (like) => like.createdAt },
  { field: '_id', dir: 'desc', kind: 'string', value: (like) => like._id },
];

/**
 * Likes of products and stores. Each like is a document keyed by (user, target), so liking
 * is an idempotent insert and unliking an idempotent delete, whatever the concurrency.
 */
export class LikeService {
  private readonly stores: StoreDirectory;

  constructor(
    private readonly em: EntityManager,
    private readonly products: ProductService,
    private readonly now: () => Date,
  ) {
    this.stores = new StoreDirectory(em);
  }

  private async insertOnce(insert: () => Promise<unknown>): Promise<void> {
    try {
      await insert();
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
  }

  async likeProduct(userId: string, productId: string): Promise<Product | ProductNotFoundError> {
    const product = await this.products.get(productId);
    if (!product) return simpleError(ProductNotFoundError, 'PRODUCT_NOT_FOUND', 'No such product.');
    await this.insertOnce(() =>
      this.em.insert(ProductLike, {
        _id: `${userId}:${product.id}`,
        userId,
        productId: product.id,
        createdAt: this.now(),
      }),
    );
    return product;
  }

  async unlikeProduct(userId: string, productId: string): Promise<Product | ProductNotFoundError> {
    await this.em.nativeDelete(ProductLike, { _id: `${userId}:${productId}` });
    const product = await this.products.get(productId);
    return product ?? simpleError(ProductNotFoundError, 'PRODUCT_NOT_FOUND', 'No such product.');
  }

  async likeStore(userId: string, storeId: string): Promise<Store | StoreNotFoundError> {
    const store = await this.stores.byId(storeId);
    if (!store) return simpleError(StoreNotFoundError, 'STORE_NOT_FOUND', 'No such store.');
    await this.insertOnce(() =>
      this.em.insert(StoreLike, {
        _id: `${userId}:${storeId}`,
        userId,
        storeId,
        createdAt: this.now(),
      }),
    );
    return storeRef(storeId);
  }

  async unlikeStore(userId: string, storeId: string): Promise<Store> {
    await this.em.nativeDelete(StoreLike, { _id: `${userId}:${storeId}` });
    return storeRef(storeId);
  }

  private async pageOfLikes<T extends Like>(
    entity: new () => T,
    userId: string,
    first: number,
    after?: string | null,
  ): Promise<{ likes: T[]; totalCount: number; hasNextPage: boolean; endCursor?: string }> {
    const where = { userId };
    const paged = after ? { $and: [where, afterCursor(LIKE_KEYS, after)] } : where;
    const [totalCount, rows]: [number, T[]] = await Promise.all([
      this.em.count(entity, where as FilterQuery<T>),
      this.em.find(entity, paged as FilterQuery<T>, {
        orderBy: orderByOf(LIKE_KEYS) as QueryOrderMap<T>,
        limit: first + 1,
      }) as Promise<T[]>,
    ]);
    const likes = rows.slice(0, first);
    const last = likes.at(-1);
    return {
      likes,
      totalCount,
      hasNextPage: rows.length > first,
      endCursor: last ? encodeKeysetCursor(LIKE_KEYS, last) : undefined,
    };
  }

  /** Liked products, most recently liked first; deleted products drop out. */
  async likedProducts(
    userId: string,
    first: number,
    after?: string | null,
  ): Promise<Page<Product>> {
    const page = await this.pageOfLikes(ProductLike, userId, first, after);
    const found = await findProductsByIds(
      this.em,
      page.likes.map((like) => like.productId),
    );
    const byId = new Map(found.map((product) => [product.id, product]));
    return {
      nodes: page.likes
        .map((like) => byId.get(like.productId))
        .filter((p): p is Product => p !== undefined && p.saleStatus !== SaleStatus.DELETED),
      totalCount: page.totalCount,
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
    };
  }

  async likedStores(userId: string, first: number, after?: string | null): Promise<Page<Store>> {
    const page = await this.pageOfLikes(StoreLike, userId, first, after);
    return {
      nodes: page.likes.map((like) => storeRef(like.storeId)),
      totalCount: page.totalCount,
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
    };
  }
}
