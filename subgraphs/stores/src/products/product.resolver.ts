import { pageSize, unitsAvailable } from '@bloom/kernel';
import { Arg, Ctx, Directive, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { stockKey } from '../inventory/stock.ledger.js';
import { Question } from '../questions/question.entity.js';
import { QuestionConnection } from '../questions/question.types.js';
import { StoreStatus } from '../stores/store.entity.js';
import type { StoresContext } from '../stores.context.js';
import { ProductRef } from './product.types.js';

/**
 * Units of a product the store can make from its flower stock now: the scarcest recipe line
 * decides, min over lines of ⌊available / count⌋; 0 when the store is not open. Stock is read
 * through the request's loaders, so a page of products costs a few reads per store.
 */
export async function availableQuantity(
  product: Pick<ProductRef, 'storeId' | 'recipe'>,
  ctx: StoresContext,
): Promise<number> {
  const lines = (product.recipe ?? []).filter((line) => line.count > 0);
  if (lines.length === 0 || !product.storeId) return 0;
  const [store, status] = await Promise.all([
    ctx.loaders.store.load(product.storeId),
    ctx.loaders.status.load(product.storeId),
  ]);
  if (!store || status.status !== StoreStatus.OPEN) return 0;
  const levels = await Promise.all(
    lines.map((line) => ctx.loaders.stock.load(stockKey(product.storeId, line.flowerId))),
  );
  const stock = new Map(lines.map((line, index) => [line.flowerId, levels[index]?.available ?? 0]));
  return unitsAvailable(lines, stock);
}

@Resolver(() => ProductRef)
export class ProductResolver {
  @FieldResolver(() => Int, {
    description: "Units the store's flower stock can make now (0 when the store is not open).",
  })
  @Directive('@requires(fields: "storeId recipe { flowerId count }")')
  availableQuantity(@Root() product: ProductRef, @Ctx() ctx: StoresContext) {
    return availableQuantity(product, ctx);
  }

  @FieldResolver(() => QuestionConnection, { description: 'Q&A about the product, newest first.' })
  @Directive('@requires(fields: "storeId")')
  questions(
    @Root() product: ProductRef,
    @Ctx() ctx: StoresContext,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', { nullable: true }) after?: string,
  ) {
    // Questions are kept under the store the asker named; only the product's real store counts.
    return ctx.services.questions.page(
      { productId: product.id, storeId: product.storeId },
      pageSize(first),
      after,
    );
  }
}

@Resolver(() => Question)
export class QuestionProductResolver {
  @FieldResolver(() => ProductRef)
  product(@Root() question: Question) {
    return { id: question.productId };
  }
}
