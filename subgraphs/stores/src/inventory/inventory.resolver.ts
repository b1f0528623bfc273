import { Access, Connection, type Page, pageSize } from '@bloom/kernel';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import { FLOWER_IDS } from '../shared/reference.data.js';
import { Store } from '../stores/store.entity.js';
import type { StoresContext } from '../stores.context.js';
import { AdjustStockResult, SetStockResult } from './inventory.results.js';
import {
  FlowerDeltaInput,
  FlowerQuantityInput,
  FlowerStock,
  InventoryItem,
  StockMovement,
} from './inventory.types.js';
import { toInventoryItem } from './inventory.service.js';
import type { StockEntry } from './stock-entry.entity.js';
import { type StockLevel, stockKey } from './stock.ledger.js';

const StockMovementConnection = Connection(StockMovement, 'StockMovementConnection');

const toMovement = (entry: StockEntry): StockMovement =>
  Object.assign(new StockMovement(), {
    id: entry._id,
    flowerId: entry.flowerId,
    kind: entry.kind,
    availableDelta: entry.availableDelta,
    reservedDelta: entry.reservedDelta,
    available: entry.available,
    reserved: entry.reserved,
    orderId: entry.orderId ?? undefined,
    reason: entry.reason ?? undefined,
    at: entry.at,
  });

async function levelsOf(store: Store, ctx: StoresContext): Promise<StockLevel[]> {
  const levels = await ctx.loaders.stock.loadMany(
    FLOWER_IDS.map((flowerId) => stockKey(store.id, flowerId)),
  );
  return levels.map((level) => {
    if (level instanceof Error) throw level;
    return level;
  });
}

@Resolver(() => Store)
export class StoreInventoryResolver {
  @FieldResolver(() => [FlowerStock], {
    description: 'Stems of each of the 22 flowers the store can sell now.',
  })
  async flowerStock(@Root() store: Store, @Ctx() ctx: StoresContext): Promise<FlowerStock[]> {
    return (await levelsOf(store, ctx)).map((l) =>
      Object.assign(new FlowerStock(), { flowerId: l.flowerId, available: l.available }),
    );
  }

  @FieldResolver(() => [InventoryItem], {
    description: 'The store and administrators: available, reserved and low flags per flower.',
  })
  async inventory(@Root() store: Store, @Ctx() ctx: StoresContext): Promise<InventoryItem[]> {
    await ctx.managedStore(store.id);
    return (await levelsOf(store, ctx)).map((l) => toInventoryItem(l, store.lowStockThreshold));
  }

  @FieldResolver(() => StockMovementConnection, {
    description: 'The store and administrators: stock movements, newest first.',
  })
  async inventoryHistory(
    @Root() store: Store,
    @Ctx() ctx: StoresContext,
    @Arg('flowerId', () => Int, { nullable: true }) flowerId?: number,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', { nullable: true }) after?: string,
  ): Promise<Page<StockMovement>> {
    await ctx.managedStore(store.id);
    const page = await ctx.services.inventory.history(store, flowerId, pageSize(first), after);
    return { ...page, nodes: page.nodes.map(toMovement) };
  }

  @Access(['SELLER', 'ADMIN'])
  @Mutation(() => SetStockResult, {
    description:
      'The seller sets how many stems of each given flower can be sold. Pass a requestId to retry safely.',
  })
  async setFlowerStock(
    @Arg('storeId', () => ID) storeId: string,
    @Arg('items', () => [FlowerQuantityInput]) items: FlowerQuantityInput[],
    @Ctx() ctx: StoresContext,
    @Arg('requestId', () => ID, { nullable: true }) requestId?: string,
    @Arg('reason', { nullable: true }) reason?: string,
  ) {
    const store = await ctx.ownStore(storeId);
    return ctx.services.inventory.setStock(
      store,
      store.sellerId,
      items,
      requestId,
      reason,
      ctx.caller.traceId,
    );
  }

  @Access(['SELLER', 'ADMIN'])
  @Mutation(() => AdjustStockResult, {
    description: 'The seller adds or removes stems, all or nothing; never below zero.',
  })
  async adjustFlowerStock(
    @Arg('storeId', () => ID) storeId: string,
    @Arg('items', () => [FlowerDeltaInput]) items: FlowerDeltaInput[],
    @Ctx() ctx: StoresContext,
    @Arg('requestId', () => ID, { nullable: true }) requestId?: string,
    @Arg('reason', { nullable: true }) reason?: string,
  ) {
    const store = await ctx.ownStore(storeId);
    return ctx.services.inventory.adjustStock(
      store,
      store.sellerId,
      items,
      requestId,
      reason,
      ctx.caller.traceId,
    );
  }
}
