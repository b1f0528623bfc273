import {
  Access,
  type Caller,
  forbidden,
  hasRole,
  pageSize,
  requireRole,
  requireUser,
} from '@bloom/kernel';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { flowerById } from '../catalog/catalog.data.js';
import { CatalogText, Flower } from '../catalog/catalog.types.js';
import type { ProductsContext } from '../products.context.js';
import { Store, storeRef } from '../stores/store.types.js';
import { Product, SaleStatus } from './product.entity.js';
import { ProductSort } from './product-sort.js';
import { ProductLookupResult, ProductResult } from './product.results.js';
import {
  CreateProductInput,
  DeletedProducts,
  HomeSections,
  ProductConnection,
  ProductFilter,
  ProductImage,
  UpdateProductInput,
} from './product.types.js';

const criteriaOf = (filter?: ProductFilter) => ({
  ...filter,
  keywords: filter?.keyword ? filter.keyword.split(/\s+/) : undefined,
});

const AUDIT_REASON = 'Why (an admin’s moderation is kept in the audit log).';

@Resolver(() => Product)
export class ProductResolver {
  @Access('anyone', 'catalog:read')
  @Query(() => Product, {
    nullable: true,
    description: 'A product page; null for unknown or deleted products.',
  })
  product(@Arg('id', () => ID) id: string, @Ctx() ctx: ProductsContext) {
    return ctx.services.products.get(id);
  }

  @Access('anyone', 'catalog:read')
  @Query(() => ProductConnection, {
    description:
      'Public listing (on sale and sold out; available first) by category, tag, store, ' +
      'flowers, colours, price.',
  })
  products(
    @Ctx() ctx: ProductsContext,
    @Arg('filter', () => ProductFilter, { nullable: true }) filter?: ProductFilter,
    @Arg('sort', () => ProductSort, { defaultValue: ProductSort.POPULAR }) sort?: ProductSort,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', { nullable: true }) after?: string,
  ) {
    return ctx.services.products.listPublic(
      criteriaOf(filter),
      sort ?? ProductSort.POPULAR,
      pageSize(first),
      after,
    );
  }

  @Access('anyone', 'catalog:read')
  @Query(() => HomeSections, {
    description:
      'Main page: best sellers, best rated, new arrivals, the seasonal pick and occasion rows.',
  })
  homeSections(
    @Ctx() ctx: ProductsContext,
    @Arg('size', () => Int, { defaultValue: 8 }) size: number,
  ) {
    return ctx.services.products.homeSections(pageSize(size, 50));
  }

  @Access(['SELLER', 'ADMIN'])
  @Query(() => ProductConnection, {
    description: "Seller: the signed-in seller's store's products, discontinued ones included.",
  })
  sellerProducts(
    @Ctx() ctx: ProductsContext,
    @Arg('status', () => SaleStatus, { nullable: true }) status?: SaleStatus,
    @Arg('sort', () => ProductSort, { defaultValue: ProductSort.NEWEST }) sort?: ProductSort,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', { nullable: true }) after?: string,
  ) {
    return ctx.services.products.listOwn(
      requireUser(ctx.caller),
      status,
      sort ?? ProductSort.NEWEST,
      pageSize(first),
      after,
    );
  }

  @Access(['ADMIN'])
  @Query(() => ProductConnection, { description: 'Admin: every product, deleted ones included.' })
  adminProducts(
    @Ctx() ctx: ProductsContext,
    @Arg('filter', () => ProductFilter, { nullable: true }) filter?: ProductFilter,
    @Arg('status', () => SaleStatus, { nullable: true }) status?: SaleStatus,
    @Arg('sort', () => ProductSort, { defaultValue: ProductSort.NEWEST }) sort?: ProductSort,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', { nullable: true }) after?: string,
  ) {
    requireRole(ctx.caller, 'ADMIN');
    return ctx.services.products.listAdmin(
      criteriaOf(filter),
      status,
      sort ?? ProductSort.NEWEST,
      pageSize(first),
      after,
    );
  }

  @Access(['SELLER'])
  @Mutation(() => ProductResult, { description: "Seller: add a product to the seller's store." })
  createProduct(@Arg('input') input: CreateProductInput, @Ctx() ctx: ProductsContext) {
    return ctx.services.products.create(requireRole(ctx.caller, 'SELLER'), input);
  }

  @Access(['SELLER', 'ADMIN'])
  @Mutation(() => ProductResult, { description: "Seller (the store's owner) or admin." })
  updateProduct(
    @Arg('id', () => ID) id: string,
    @Arg('input') input: UpdateProductInput,
    @Ctx() ctx: ProductsContext,
  ) {
    return ctx.services.products.update(this.editor(ctx.caller), id, input);
  }

  @Access(['SELLER', 'ADMIN'])
  @Mutation(() => ProductResult, {
    description: 'ON_SALE, SOLD_OUT or DISCONTINUED. Back ON_SALE notifies who waits for it.',
  })
  setProductStatus(
    @Arg('id', () => ID) id: string,
    @Arg('status', () => SaleStatus) status: SaleStatus,
    @Ctx() ctx: ProductsContext,
    @Arg('reason', () => String, { nullable: true, description: AUDIT_REASON }) reason?: string,
  ) {
    return ctx.services.products.setStatus(this.editor(ctx.caller), id, status, reason);
  }

  @Access(['SELLER', 'ADMIN'])
  @Mutation(() => ProductLookupResult, { description: 'Soft delete (owner or admin).' })
  deleteProduct(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: ProductsContext,
    @Arg('reason', () => String, { nullable: true, description: AUDIT_REASON }) reason?: string,
  ) {
    return ctx.services.products.delete(this.editor(ctx.caller), id, reason);
  }

  @Access(['ADMIN'])
  @Mutation(() => DeletedProducts, { description: 'Admin: soft-delete many products.' })
  deleteProducts(
    @Arg('ids', () => [ID]) ids: string[],
    @Ctx() ctx: ProductsContext,
    @Arg('reason', () => String, { nullable: true, description: AUDIT_REASON }) reason?: string,
  ) {
    return ctx.services.products.deleteMany(requireRole(ctx.caller, 'ADMIN'), ids, reason);
  }

  /** Sellers and admins edit; everyone else is refused before anything is loaded. */
  private editor(caller: Caller): Caller {
    const user = requireUser(caller);
    if (!hasRole(user, 'SELLER') && !hasRole(user, 'ADMIN')) {
      throw forbidden('Only the store’s owner can change its products.');
    }
    return user;
  }

  @FieldResolver(() => [ProductImage])
  images(@Root() product: Product, @Ctx() ctx: ProductsContext) {
    return product.images.map((key) => ctx.services.images.link(key));
  }

  @FieldResolver(() => Store)
  store(@Root() product: Product) {
    return storeRef(product.storeId);
  }

  @FieldResolver(() => Flower, { description: 'The representative flower.' })
  representativeFlower(@Root() product: Product) {
    return flowerById(product.representativeFlowerId);
  }

  @FieldResolver(() => CatalogText, {
    description: "The representative flower's flower language (꽃말).",
  })
  flowerLanguage(@Root() product: Product) {
    return flowerById(product.representativeFlowerId)?.language;
  }

  @FieldResolver(() => [Flower], { description: 'The recipe’s flowers, in recipe order.' })
  recipeFlowers(@Root() product: Product) {
    return product.recipe.map((line) => flowerById(line.flowerId)).filter(Boolean);
  }

  @FieldResolver(() => Int)
  likeCount(@Root() product: Product, @Ctx() ctx: ProductsContext) {
    return ctx.loaders.productLikeCount.load(product.id);
  }

  @FieldResolver(() => Boolean, { description: 'False when anonymous.' })
  likedByMe(@Root() product: Product, @Ctx() ctx: ProductsContext) {
    return ctx.loaders.productLikedByMe.load(product.id);
  }

  @FieldResolver(() => Boolean, { description: 'The caller waits for a restock notice.' })
  restockAlertSubscribed(@Root() product: Product, @Ctx() ctx: ProductsContext) {
    return ctx.loaders.waitingForRestock.load(product.id);
  }
}
