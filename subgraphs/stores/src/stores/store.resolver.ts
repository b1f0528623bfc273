import { Access, hasRole, pageSize, requireRole, requireUser } from '@bloom/kernel';
import {
  Arg,
  Ctx,
  FieldResolver,
  Float,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { districtName, regionName } from '../shared/reference.data.js';
import type { StoresContext } from '../stores.context.js';
import { UserRef } from '../users/user.types.js';
import { deliveryDates, deliveryFee } from './delivery.js';
import { findStores } from './store-finder.js';
import { SettlementAccount, Store, StoreAddress, StoreStatus } from './store.entity.js';
import { CreateStoreResult, StoreStatusResult, UpdateStoreResult } from './store.results.js';
import {
  CreateStoreInput,
  PickupSettingsInput,
  StoreConnection,
  StoreDeliveryDate,
  StoreDeliveryPolicyInput,
  StoreFilter,
  StoreSort,
  UpdateStoreInput,
} from './store.types.js';

@Resolver(() => Store)
export class StoreResolver {
  @Access('anyone', 'catalog:read')
  @Query(() => Store, { nullable: true, description: 'One store, whatever its status.' })
  store(@Arg('id', () => ID) id: string, @Ctx() ctx: StoresContext) {
    return ctx.loaders.store.load(id);
  }

  @Access('anyone', 'catalog:read')
  @Query(() => StoreConnection, {
    description:
      'Store finder: by region/district, around a point within a radius, or inside map bounds.',
  })
  stores(
    @Ctx() ctx: StoresContext,
    @Arg('filter', () => StoreFilter, { nullable: true }) filter?: StoreFilter,
    @Arg('sort', () => StoreSort, { defaultValue: StoreSort.RATING }) sort?: StoreSort,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', { nullable: true }) after?: string,
  ) {
    return findStores(ctx.em, {
      filter: filter ?? {},
      sort: sort ?? StoreSort.RATING,
      first: pageSize(first),
      after,
      asAdmin: hasRole(ctx.caller, 'ADMIN'),
    });
  }

  @Access(['SELLER'])
  @Query(() => Store, { nullable: true, description: "The signed-in seller's store." })
  myStore(@Ctx() ctx: StoresContext) {
    const seller = requireRole(ctx.caller, 'SELLER');
    return ctx.loaders.storeBySeller.load(seller.userId);
  }

  @Access(['SELLER'])
  @Mutation(() => CreateStoreResult, { description: 'An approved seller opens their one store.' })
  createStore(@Arg('input') input: CreateStoreInput, @Ctx() ctx: StoresContext) {
    const seller = requireRole(ctx.caller, 'SELLER');
    return ctx.services.stores.create(seller.userId, input, ctx.caller.traceId);
  }

  @Access(['SELLER', 'ADMIN'])
  @Mutation(() => UpdateStoreResult, { description: "The seller edits their store's profile." })
  async updateStore(
    @Arg('storeId', () => ID) storeId: string,
    @Arg('input') input: UpdateStoreInput,
    @Ctx() ctx: StoresContext,
  ) {
    const store = await ctx.ownStore(storeId);
    return ctx.services.stores.update(store, input, ctx.caller.traceId);
  }

  @Access(['SELLER', 'ADMIN'])
  @Mutation(() => UpdateStoreResult)
  async updateDeliveryPolicy(
    @Arg('storeId', () => ID) storeId: string,
    @Arg('input') input: StoreDeliveryPolicyInput,
    @Ctx() ctx: StoresContext,
  ) {
    const store = await ctx.ownStore(storeId);
    return ctx.services.stores.updateDeliveryPolicy(store, input, ctx.caller.traceId);
  }

  @Access(['SELLER', 'ADMIN'])
  @Mutation(() => UpdateStoreResult)
  async updatePickupSettings(
    @Arg('storeId', () => ID) storeId: string,
    @Arg('input') input: PickupSettingsInput,
    @Ctx() ctx: StoresContext,
  ) {
    const store = await ctx.ownStore(storeId);
    return ctx.services.stores.updatePickup(store, input, ctx.caller.traceId);
  }

  @Access(['ADMIN'])
  @Mutation(() => StoreStatusResult, { description: 'Admin: stop a store from selling.' })
  async suspendStore(
    @Arg('storeId', () => ID) storeId: string,
    @Arg('reason') reason: string,
    @Ctx() ctx: StoresContext,
  ) {
    const admin = requireRole(ctx.caller, 'ADMIN');
    const store = await ctx.managedStore(storeId);
    return ctx.services.stores.suspend(store, admin.userId, reason, ctx.caller.traceId);
  }

  @Access(['SELLER', 'ADMIN'])
  @Mutation(() => StoreStatusResult, {
    description: 'Admins reopen suspended or closed stores; sellers reopen a store they closed.',
  })
  async reopenStore(@Arg('storeId', () => ID) storeId: string, @Ctx() ctx: StoresContext) {
    const actor = requireUser(ctx.caller);
    const asAdmin = hasRole(ctx.caller, 'ADMIN');
    const store = asAdmin ? await ctx.managedStore(storeId) : await ctx.ownStore(storeId);
    return ctx.services.stores.reopen(store, actor.userId, asAdmin, ctx.caller.traceId);
  }

  @Access(['SELLER', 'ADMIN'])
  @Mutation(() => StoreStatusResult, { description: 'The seller (or an admin) closes the store.' })
  async closeStore(@Arg('storeId', () => ID) storeId: string, @Ctx() ctx: StoresContext) {
    const actor = requireUser(ctx.caller);
    const asAdmin = hasRole(ctx.caller, 'ADMIN');
    const store = asAdmin ? await ctx.managedStore(storeId) : await ctx.ownStore(storeId);
    return ctx.services.stores.close(store, actor.userId, asAdmin, ctx.caller.traceId);
  }

  @FieldResolver(() => StoreStatus)
  async status(@Root() store: Store, @Ctx() ctx: StoresContext) {
    const current = await ctx.loaders.status.load(store.id);
    // Repair the listing projection when a concurrent write left it behind.
    if (current.version > store.statusVersion) {
      await ctx.services.stores.project(store, current.status, current.version);
    }
    return current.status;
  }

  @FieldResolver(() => Float, {
    description: 'Mean of all ratings given to its products (0 without reviews).',
  })
  async rating(@Root() store: Store, @Ctx() ctx: StoresContext) {
    return (await ctx.loaders.rating.load(store.id))?.rating ?? 0;
  }

  @FieldResolver(() => Int, { description: 'Reviews of its products.' })
  async ratingCount(@Root() store: Store, @Ctx() ctx: StoresContext) {
    return (await ctx.loaders.rating.load(store.id))?.ratingCount ?? 0;
  }

  @FieldResolver(() => UserRef, { description: 'The seller who owns the store.' })
  seller(@Root() store: Store) {
    return { id: store.sellerId };
  }

  @FieldResolver(() => SettlementAccount, {
    nullable: true,
    description: 'Visible to the store and administrators.',
  })
  settlementAccount(@Root() store: Store, @Ctx() ctx: StoresContext) {
    return ctx.isManager(store) ? store.settlement : null;
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description: 'Low-stock alert threshold; visible to the store and administrators.',
  })
  lowStockThreshold(@Root() store: Store, @Ctx() ctx: StoresContext) {
    return ctx.isManager(store) ? store.lowStockThreshold : null;
  }

  @FieldResolver(() => Int, {
    description: 'Delivery fee (KRW) for this product subtotal; 0 from the free threshold on.',
  })
  deliveryFee(@Root() store: Store, @Arg('subtotal', () => Int) subtotal: number) {
    return deliveryFee(store.deliveryPolicy, subtotal);
  }

  @FieldResolver(() => [StoreDeliveryDate], {
    description: 'Days and windows open for delivery orders now (Asia/Seoul).',
  })
  deliveryDates(
    @Root() store: Store,
    @Ctx() ctx: StoresContext,
    @Arg('days', () => Int, { defaultValue: 7 }) days: number,
  ) {
    return deliveryDates(store, ctx.deps.now(), Math.min(Math.max(days, 1), 31));
  }
}

@Resolver(() => StoreAddress)
export class StoreAddressResolver {
  @FieldResolver(() => String, { nullable: true, description: 'e.g. 서울' })
  regionName(@Root() address: StoreAddress) {
    return regionName(address.regionCode);
  }

  @FieldResolver(() => String, { nullable: true, description: 'e.g. 강남구' })
  districtName(@Root() address: StoreAddress) {
    return districtName(address.districtCode);
  }
}
