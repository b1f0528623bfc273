import {
  type AuthenticatedCaller,
  type Caller,
  type EntityManager,
  InvalidInputError,
  type Page,
  forbidden,
  hasRole,
  isDuplicateKeyError,
  recordEvent,
  requireRole,
  retryOnConflict,
  simpleError,
  unitsAvailable,
} from '@bloom/kernel';
import {
  type AuditActionValue,
  productCreated,
  productDeleted,
  productUpdated,
  productsAdminActionRecorded,
} from '@bloom/schema';
import { ObjectId } from '@mikro-orm/mongodb';
import type { ImageService } from '../images/image.service.js';
import { type ProductsDeps, SOURCE } from '../products.deps.js';
import { StoreDirectory, stockRankOf } from '../stores/store.directory.js';
import { normalizeText } from '../shared/text.js';
import { Product, type RecipeLine, SaleStatus, statusFields } from './product.entity.js';
import {
  type ProductCriteria,
  findProductById,
  findPublicProducts,
  findViewableProduct,
  pageAllProducts,
  pagePublicProducts,
  pageStoreProducts,
} from './product.repository.js';
import { ProductSort } from './product-sort.js';
import {
  NoStoreError,
  ProductNotFoundError,
  SubscriptionProductExistsError,
} from './product.errors.js';
import type { ProductResultType } from './product.results.js';
import {
  type CreateProductInput,
  DeletedProducts,
  HomeSections,
  type RecipeLineInput,
  type UpdateProductInput,
} from './product.types.js';
import { type ProductFields, MAX_IMAGES, checkProductFields } from './product.validation.js';
import { SubscriptionSlot } from './subscription-slot.entity.js';
import { buildHomeSections } from './home-sections.service.js';

/** How long a subscription slot may wait for its product to be stored. */
const SLOT_CREATION_GRACE_MS = 60_000;

const toRecipe = (lines: RecipeLineInput[]): RecipeLine[] =>
  lines.map((line) => ({
    flowerId: line.flowerId,
    count: line.count,
    representative: line.representative,
  }));

const notFound = () => simpleError(ProductNotFoundError, 'PRODUCT_NOT_FOUND', 'No such product.');

/** The status move, then the admin's words when they gave any. */
const joinReason = (move: string, reason: string | undefined): string =>
  reason?.trim() ? `${move}: ${reason.trim()}` : move;

export class ProductService {
  private readonly stores: StoreDirectory;

  constructor(
    private readonly em: EntityManager,
    private readonly deps: ProductsDeps,
    private readonly images: ImageService,
  ) {
    this.stores = new StoreDirectory(em);
  }

  private snapshot(product: Product) {
    return {
      productId: product.id,
      storeId: product.storeId,
      name: product.name,
      price: product.price,
      status: product.saleStatus,
      isSubscription: product.isSubscription,
      category: product.category ?? null,
      tags: product.tags,
      recipe: product.recipe,
      representativeFlowerId: product.representativeFlowerId,
      updatedAt: product.updatedAt.toISOString(),
    };
  }

  private meta(product: Product, traceId: string) {
    return { source: SOURCE, subjectId: product.id, traceId, at: product.updatedAt };
  }

  /** Sellers edit their own store's products; administrators any product. */
  private async authorize(caller: Caller, product: Product): Promise<void> {
    if (hasRole(caller, 'ADMIN')) return;
    const seller = requireRole(caller, 'SELLER');
    const store = await this.stores.byId(product.storeId);
    if (store?.ownerUserId !== seller.userId) {
      throw forbidden('Only the store’s owner can change its products.');
    }
  }

  private apply(product: Product, fields: ProductFields): void {
    const recipe = toRecipe(fields.recipe);
    product.name = fields.name.trim();
    product.summary = fields.summary.trim();
    product.description = fields.description.trim();
    product.images = [...fields.images];
    product.price = fields.price;
    product.category = fields.category ?? undefined;
    product.tags = [...fields.tags];
    product.recipe = recipe;
    product.representativeFlowerId = recipe.find((line) => line.representative)?.flowerId ?? 0;
    product.flowerIds = recipe.map((line) => line.flowerId);
    product.searchText = normalizeText(`${product.name} ${product.summary}`);
  }

  async create(seller: AuthenticatedCaller, input: CreateProductInput): Promise<ProductResultType> {
    requireRole(seller, 'SELLER');
    const store = await this.stores.ownedBy(seller.userId);
    if (!store || store.status !== 'OPEN') {
      return simpleError(NoStoreError, 'NO_STORE', 'Open your store before adding products.');
    }
    const fields: ProductFields = {
      ...input,
      category: input.category ?? null,
      tags: input.tags,
      images: input.images,
    };
    const problem =
      checkProductFields(fields) ??
      (await this.images.checkKeys('images', fields.images, seller.userId, MAX_IMAGES));
    if (problem) return problem;

    // The subscription slot is claimed before the product exists: a refused creation must
    // leave nothing behind (queries below would flush a pending product).
    const _id = new ObjectId();
    if (fields.isSubscription) {
      const existing = await this.claimSubscriptionSlot(store._id, _id.toHexString());
      if (existing) {
        return Object.assign(
          simpleError(
            SubscriptionProductExistsError,
            'SUBSCRIPTION_PRODUCT_EXISTS',
            'A store has at most one subscription product.',
          ),
          { existingProductId: existing },
        );
      }
    }
    const stock = await this.stores.stockOf(store._id);
    const now = this.deps.now();
    const product = this.em.create(Product, {
      _id,
      storeId: store._id,
      name: '',
      summary: '',
      description: '',
      price: 0,
      recipe: [],
      representativeFlowerId: 0,
      flowerIds: [],
      searchText: '',
      isSubscription: fields.isSubscription,
      createdAt: now,
      updatedAt: now,
    });
    this.apply(product, fields);
    product.stockRank = stockRankOf(unitsAvailable(product.recipe, stock));
    recordEvent(
      product,
      productCreated,
      this.meta(product, seller.traceId),
      this.snapshot(product),
    );
    await this.em.flush();
    this.deps.relay.kick(product);
    return product;
  }

  /**
   * One subscription product per store: inserting the store's slot is the claim, so two
   * concurrent creations cannot both win. Returns the product already holding it, if any.
   */
  private async claimSubscriptionSlot(storeId: string, productId: string): Promise<string | null> {
    for (let attempt = 0; attempt < 3; attempt += 1) {
      try {
        await this.em.insert(SubscriptionSlot, {
          _id: storeId,
          productId,
          claimedAt: this.deps.now(),
        });
        return null;
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
      }
      const slot = await this.em.findOne(
        SubscriptionSlot,
        { _id: storeId },
        { disableIdentityMap: true },
      );
      if (!slot) continue;
      const holder = await findProductById(this.em, slot.productId);
      if (holder && holder.saleStatus !== SaleStatus.DELETED) return holder.id;
      // A missing holder is usually still being created by a concurrent request; only a slot
      // old enough to come from a crashed creation (or held by a deleted product) is freed.
      const abandoned =
        this.deps.now().getTime() - slot.claimedAt.getTime() > SLOT_CREATION_GRACE_MS;
      if (!holder && !abandoned) return slot.productId;
      await this.em.nativeDelete(SubscriptionSlot, { _id: storeId, productId: slot.productId });
    }
    throw new Error('could not claim the subscription slot');
  }

  /**
   * Runs an edit of one product on a fresh copy, after the caller was found allowed to edit it,
   * and again if a concurrent write got there first; the edit returns a failure or records an
   * event.
   */
  private async edit<T>(
    caller: Caller,
    id: string,
    change: (product: Product) => Promise<T | 'unchanged'>,
  ): Promise<T | Product | ProductNotFoundError> {
    const found = await findProductById(this.em, id);
    if (!found || found.saleStatus === SaleStatus.DELETED) return notFound();
    await this.authorize(caller, found);
    return retryOnConflict(this.em, async (em) => {
      const product = await em.findOne(Product, { _id: found._id });
      if (!product || product.saleStatus === SaleStatus.DELETED) return notFound();
      const outcome = await change(product);
      if (outcome === 'unchanged') return product;
      await em.flush();
      this.deps.relay.kick(product);
      return outcome;
    });
  }

  update(caller: Caller, id: string, input: UpdateProductInput): Promise<ProductResultType> {
    return this.edit(caller, id, async (product) => {
      const fields: ProductFields = {
        name: input.name ?? product.name,
        summary: input.summary ?? product.summary,
        description: input.description ?? product.description,
        images: input.images ?? product.images,
        price: input.price ?? product.price,
        category: input.category ?? product.category ?? null,
        tags: input.tags ?? product.tags,
        recipe: input.recipe ?? product.recipe,
        isSubscription: product.isSubscription,
      };
      const problem =
        checkProductFields(fields) ??
        (await this.images.checkKeys(
          'images',
          fields.images,
          caller.userId ?? '',
          MAX_IMAGES,
          product.images,
        ));
      if (problem) return problem;
      const previousStatus = product.saleStatus;
      this.apply(product, fields);
      if (input.recipe) {
        // A new recipe needs different flowers; the stock projection decides anew.
        product.stockRank = stockRankOf(
          unitsAvailable(product.recipe, await this.stores.stockOf(product.storeId)),
        );
      }
      product.updatedAt = this.deps.now();
      recordEvent(product, productUpdated, this.meta(product, caller.traceId), {
        ...this.snapshot(product),
        previousStatus,
      });
      return product;
    });
  }

  /** ON_SALE, SOLD_OUT or DISCONTINUED; deleting is `delete`. */
  async setStatus(
    caller: Caller,
    id: string,
    status: SaleStatus,
    reason?: string,
  ): Promise<ProductResultType> {
    if (status === SaleStatus.DELETED) {
      return InvalidInputError.of('status', 'Use deleteProduct to delete.', 'USE_DELETE');
    }
    return this.edit(caller, id, (product) => {
      if (product.saleStatus === status) return Promise.resolve('unchanged' as const);
      const previousStatus = product.saleStatus;
      product.saleStatus = status;
      Object.assign(product, statusFields(status));
      product.updatedAt = this.deps.now();
      recordEvent(product, productUpdated, this.meta(product, caller.traceId), {
        ...this.snapshot(product),
        previousStatus,
      });
      const move = `${previousStatus} → ${status}`;
      this.auditAdmin(product, caller, 'PRODUCT_STATUS_CHANGED', joinReason(move, reason));
      return Promise.resolve(product);
    });
  }

  /** Soft delete: kept for orders and reviews, gone from every listing. */
  delete(caller: Caller, id: string, reason?: string): Promise<Product | ProductNotFoundError> {
    return this.edit(caller, id, async (product) => {
      await this.markDeleted(product, caller.traceId);
      this.auditAdmin(product, caller, 'PRODUCT_DELETED', reason?.trim() || undefined);
      return product;
    });
  }

  /** Admin bulk delete; ids that do not exist or are already deleted are skipped. */
  async deleteMany(caller: Caller, ids: string[], reason?: string): Promise<DeletedProducts> {
    requireRole(caller, 'ADMIN');
    const deleted: string[] = [];
    for (const id of new Set(ids)) {
      const outcome = await this.delete(caller, id, reason);
      if (outcome instanceof Product) deleted.push(outcome.id);
    }
    return Object.assign(new DeletedProducts(), { deletedIds: deleted });
  }

  /**
   * An administrator's moderation is audited by an event in the product's own outbox, stored
   * by the same write as the change.
   */
  private auditAdmin(
    product: Product,
    caller: Caller,
    action: AuditActionValue,
    reason: string | undefined,
  ): void {
    if (!caller.userId || !hasRole(caller, 'ADMIN')) return;
    recordEvent(product, productsAdminActionRecorded, this.meta(product, caller.traceId), {
      actorId: caller.userId,
      action,
      targetKind: 'PRODUCT',
      targetId: product.id,
      targetLabel: product.name,
      reason,
    });
  }

  private async markDeleted(product: Product, traceId: string): Promise<void> {
    product.saleStatus = SaleStatus.DELETED;
    Object.assign(product, statusFields(SaleStatus.DELETED));
    product.updatedAt = this.deps.now();
    recordEvent(product, productDeleted, this.meta(product, traceId), this.snapshot(product));
    if (product.isSubscription) {
      await this.em.nativeDelete(SubscriptionSlot, { _id: product.storeId, productId: product.id });
    }
  }

  /** A product page: anything but deleted products (a discontinued one still has its page). */
  get(id: string): Promise<Product | null> {
    return findViewableProduct(this.em, id);
  }

  /** Products of suspended or closed stores are not listed. */
  async listPublic(
    criteria: ProductCriteria,
    sort: ProductSort,
    first: number,
    after?: string | null,
  ): Promise<Page<Product>> {
    const hiddenStoreIds = await this.stores.hiddenStoreIds();
    return pagePublicProducts(this.em, criteria, hiddenStoreIds, sort, first, after);
  }

  /** The seller's own store, discontinued and sold-out products included. */
  async listOwn(
    seller: AuthenticatedCaller,
    status: SaleStatus | null | undefined,
    sort: ProductSort,
    first: number,
    after?: string | null,
  ): Promise<Page<Product>> {
    requireRole(seller, 'SELLER');
    const store = await this.stores.ownedBy(seller.userId);
    if (!store) return { nodes: [], totalCount: 0, pageInfo: { hasNextPage: false } };
    return pageStoreProducts(this.em, store._id, status, sort, first, after);
  }

  listAdmin(
    criteria: ProductCriteria,
    status: SaleStatus | null | undefined,
    sort: ProductSort,
    first: number,
    after?: string | null,
  ): Promise<Page<Product>> {
    return pageAllProducts(this.em, criteria, status, sort, first, after);
  }

  async homeSections(size: number): Promise<HomeSections> {
    const hiddenStoreIds = await this.stores.hiddenStoreIds();
    return buildHomeSections(
      (criteria, sort, limit, only) =>
        findPublicProducts(this.em, criteria, hiddenStoreIds, sort, limit, only),
      size,
      this.deps.now(),
    );
  }
}
