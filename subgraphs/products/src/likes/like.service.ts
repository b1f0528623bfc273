import {
  type EntityManager,
  type Page,
  findPage,
  isDuplicateKeyError,
  newestFirst,
  simpleError,
} from '@bloom/kernel';
import type { FilterQuery } from '@mikro-orm/core';
import { type Product, SaleStatus } from '../products/product.entity.js';
import { findProductsByIds } from '../products/product.repository.js';
import { ProductNotFoundError } from '../products/product.errors.js';
import type { ProductService } from '../products/product.service.js';
import { StoreDirectory } from '../stores/store.directory.js';
import { type Store, storeRef } from '../stores/store.types.js';
import { ProductLike, StoreLike } from './like.entities.js';
import { StoreNotFoundError } from './like.errors.js';

type Like = ProductLike | StoreLike;

const LIKE_KEYS = newestFirst<Like>(
  'createdAt',
  (like) => like.createdAt,
  (like) => like._id,
  'string',
);

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

  private pageOfLikes<T extends Like>(
    entity: new () => T,
    userId: string,
    first: number,
    after?: string | null,
  ): Promise<Page<T>> {
    return findPage<T>(this.em, entity, { userId } as FilterQuery<T>, LIKE_KEYS, first, after);
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
      page.nodes.map((like) => like.productId),
    );
    const byId = new Map(found.map((product) => [product.id, product]));
    return {
      ...page,
      nodes: page.nodes
        .map((like) => byId.get(like.productId))
        .filter((p): p is Product => p !== undefined && p.saleStatus !== SaleStatus.DELETED),
    };
  }

  async likedStores(userId: string, first: number, after?: string | null): Promise<Page<Store>> {
    const page = await this.pageOfLikes(StoreLike, userId, first, after);
    return { ...page, nodes: page.nodes.map((like) => storeRef(like.storeId)) };
  }
}
