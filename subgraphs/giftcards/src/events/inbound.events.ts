/**
 * The orders and products events giftcards consumes (contracts in schema/src/events/
 * orders.events.ts and products.events.ts), read tolerantly: only the fields this service
 * needs are required, so their producers may extend payloads without breaking this consumer.
 */
import { z } from 'zod';

export const ORDER_EVENTS = {
  placed: 'orders.order.placed',
  confirmed: 'orders.order.confirmed',
  preparing: 'orders.order.preparing',
  shipping: 'orders.order.shipping',
  delivered: 'orders.order.delivered',
  readyForPickup: 'orders.order.readyForPickup',
  pickedUp: 'orders.order.pickedUp',
  canceled: 'orders.order.canceled',
  failed: 'orders.order.failed',
  lineCompleted: 'orders.orderLine.completed',
} as const;

export const PRODUCT_EVENTS = {
  created: 'products.product.created',
  updated: 'products.product.updated',
} as const;

/** Catalog flower ids are 1..22; accept them as numbers or strings. */
const flowerId = z.union([z.string(), z.number()]).transform((id) => String(id));

const recipeItem = z.looseObject({
  flowerId,
  count: z.number().optional(),
  representative: z.boolean().optional(),
});

/** A recipe is a list of flowers, or an object with the list and its representative flower. */
const recipe = z
  .union([
    z.array(recipeItem),
    z.looseObject({
      items: z.array(recipeItem).optional(),
      flowers: z.array(recipeItem).optional(),
      representativeFlowerId: flowerId.optional(),
    }),
  ])
  .optional();

export type RecipeInput = z.infer<typeof recipe>;

export const orderPlacedPayload = z.looseObject({
  orderId: z.string(),
  customerId: z.string(),
  storeId: z.string().optional(),
  fulfilment: z.unknown().optional(),
  lines: z.array(
    z.looseObject({
      /** Orders may publish the line id; until then it is `${orderId}:${productId}`. */
      id: z.string().optional(),
      orderLineId: z.string().optional(),
      productId: z.string(),
      /** The product's recipe as ordered (stems per unit). */
      flowers: z.array(recipeItem).optional(),
      recipe,
      representativeFlowerId: flowerId.optional(),
    }),
  ),
});

export const orderStatePayload = z.looseObject({ orderId: z.string() });

export const productPayload = z.looseObject({
  productId: z.string(),
  representativeFlowerId: flowerId.optional(),
  recipe,
});

/** The flower a product is known by: declared, flagged in the recipe, or its main flower. */
export function representativeFlowerOf(input: {
  representativeFlowerId?: string | undefined;
  recipe?: RecipeInput;
}): string | null {
  if (input.representativeFlowerId) return input.representativeFlowerId;
  const r = input.recipe;
  if (!r) return null;
  if (!Array.isArray(r) && r.representativeFlowerId) return r.representativeFlowerId;
  const items = Array.isArray(r) ? r : (r.items ?? r.flowers ?? []);
  const flagged = items.find((item) => item.representative);
  if (flagged) return flagged.flowerId;
  const main = [...items].sort((a, b) => (b.count ?? 0) - (a.count ?? 0))[0];
  return main?.flowerId ?? null;
}

/**
 * Orders names a line `${orderId}:${productId}` (one line per product in an order: the cart
 * merges repeats) and does not yet publish it in `orders.order.placed`; an explicit id wins.
 */
export const lineIdOf = (
  orderId: string,
  line: { id?: string; orderLineId?: string; productId: string },
) => line.id ?? line.orderLineId ?? `${orderId}:${line.productId}`;
