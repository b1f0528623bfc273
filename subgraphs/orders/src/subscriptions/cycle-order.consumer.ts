import {
  type Consumption,
  type EventEnvelope,
  decodeEvent,
  isDuplicateKeyError,
  recordEvent,
} from '@bloom/kernel';
import { orderPlaced, subscriptionCycleOrderRequested } from '@bloom/schema';
import { type MikroORM, ObjectId } from '@mikro-orm/mongodb';
import { type OrdersDeps, SOURCE } from '../orders.deps.js';
import { DeliveryDetails } from '../orders/delivery-details.entity.js';
import { OrderLine } from '../orders/order-line.entity.js';
import { Fulfilment, Order, OrderStatus } from '../orders/order.entity.js';
import { ProductProjection } from '../projections/catalog.entities.js';

const CONSUMER = 'orders-subscription-cycles';

/**
 * subscriptions.cycle.orderRequested → a PENDING delivery order under the id subscriptions
 * chose (`orderId`, an ObjectId), so the insert itself is the idempotency: a redelivered or
 * duplicated command finds the order and changes nothing. The order then runs the ordinary
 * saga (stores reserves on orders.order.placed); its payment is a charge of the saved billing
 * key (`billingKey` on the order) for the amount subscriptions quoted: the subtotal at the cycle's
 * price plus the store's delivery fee.
 * orders.order.confirmed / failed carry the orderId back to subscriptions.
 */
export async function createCycleOrder(
  orm: MikroORM,
  deps: OrdersDeps,
  event: EventEnvelope,
): Promise<void> {
  const p = decodeEvent(subscriptionCycleOrderRequested, event).payload;
  const em = orm.em.fork();
  const _id = new ObjectId(p.orderId);
  if (await em.findOne(Order, { _id }, { refresh: true })) return;
  const product = await em.findOne(ProductProjection, { _id: p.productId });
  const now = deps.now();
  const recipe = product?.recipe ?? [];
  const order = em.create(Order, {
    _id,
    number: `S${p.deliveryDate.replaceAll('-', '')}-${p.orderId.slice(-8).toUpperCase()}`,
    checkoutId: `subscription:${p.idempotencyKey}`,
    customerId: p.customerId,
    storeId: p.storeId,
    billingKey: p.billingKey,
    fulfilment: Fulfilment.DELIVERY,
    delivery: Object.assign(new DeliveryDetails(), {
      recipientName: p.address.recipientName,
      phone: p.address.phone,
      zipCode: p.address.zipCode,
      street: p.address.line1,
      detail: p.address.line2,
      deliveryDate: p.deliveryDate,
      window: p.deliveryWindow,
      note: `Subscription ${p.subscriptionId}, cycle ${p.cycle}`,
    }),
    lines: [
      Object.assign(new OrderLine(), {
        id: `${p.orderId}:${p.productId}`,
        productId: p.productId,
        productName: product?.name ?? 'Subscription',
        unitPrice: Math.round(p.subtotal / p.quantity),
        quantity: p.quantity,
        amount: p.subtotal,
        recipe,
      }),
    ],
    subtotal: p.subtotal,
    discount: 0,
    deliveryFee: p.deliveryFee,
    total: p.amount,
    status: OrderStatus.PENDING,
    placedAt: now,
    updatedAt: now,
  });
  recordEvent(
    order,
    orderPlaced,
    {
      source: SOURCE,
      subjectId: order.id,
      traceId: event.traceId,
      id: `${p.orderId}:placed`,
      at: now,
    },
    {
      orderId: p.orderId,
      orderNumber: order.number,
      storeId: p.storeId,
      customerId: p.customerId,
      lines: [
        {
          productId: p.productId,
          quantity: p.quantity,
          flowers: recipe.map((r) => ({ flowerId: r.flowerId, count: r.count })),
        },
      ],
      fulfilment: { type: 'DELIVERY' },
      subtotal: p.subtotal,
      placedAt: now.toISOString(),
    },
  );
  try {
    await em.insert(Order, order);
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
  }
  deps.relay.kick(order);
}

export function startCycleOrderConsumer(orm: MikroORM, deps: OrdersDeps): Promise<Consumption> {
  return deps.bus.consume({
    durable: CONSUMER,
    types: [subscriptionCycleOrderRequested.type],
    handle: (event) =>
      deps.processed
        .once(CONSUMER, event.id, () => createCycleOrder(orm, deps, event))
        .then(() => undefined),
  });
}
