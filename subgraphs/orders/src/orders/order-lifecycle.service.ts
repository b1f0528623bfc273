import { type EntityManager, groupCommit, rawDb, recordEvent } from '@bloom/kernel';
import type { EventContract } from '@bloom/kernel';
import { ObjectId } from '@mikro-orm/mongodb';
import {
  orderCanceled,
  orderConfirmed,
  orderDelivered,
  orderFailed,
  orderLineCompleted,
  orderNewOrder,
  orderPickedUp,
  orderPreparing,
  orderReadyForPickup,
  orderShipping,
  ordersAdminActionRecorded,
} from '@bloom/schema';
import { type OrdersDeps, SOURCE } from '../orders.deps.js';
import { StoreProjection } from '../projections/catalog.entities.js';
import { OrderProblem } from './order-problem.entity.js';
import { OrderTransition } from './order-transition.entity.js';
import { Order, OrderStatus } from './order.entity.js';
import { canMove } from './order-state.js';

export interface MoveRequest {
  to: OrderStatus;
  actor: string;
  code?: string;
  message?: string;
  trackingNumber?: string;
  traceId?: string;
  /** An administrator moves the order on: the move is audited. */
  byAdmin?: boolean;
}

export type MoveOutcome =
  | { moved: true; order: Order }
  /** ILLEGAL: the state machine forbids it; LOST: a concurrent transition won. */
  | { moved: false; order: Order; why: 'ILLEGAL' | 'LOST' };

/** The parties of an order, as every fulfilment event carries them. */
export const orderParties = (order: Order, sellerId: string | null) => ({
  orderId: order.id,
  orderNumber: order.number,
  storeId: order.storeId,
  customerId: order.customerId,
  sellerId,
});

/**
 * Order state changes. A change is the insert of an OrderTransition keyed (orderId, from);
 * the order document's status, timestamps and outbox are its projection, written after.
 * A crash between the two is repaired by `reproject`, which the sweeper runs over recent
 * transitions.
 */
export class OrderLifecycle {
  constructor(
    private readonly em: EntityManager,
    private readonly deps: OrdersDeps,
  ) {}

  async load(orderId: string): Promise<Order | null> {
    if (!ObjectId.isValid(orderId)) return null;
    return this.em.findOne(Order, { _id: new ObjectId(orderId) }, { refresh: true });
  }

  async move(order: Order, request: MoveRequest): Promise<MoveOutcome> {
    if (!canMove(order.fulfilment, order.status, request.to)) {
      return { moved: false, order, why: 'ILLEGAL' };
    }
    const transition: OrderTransition = {
      _id: `${order.id}:${order.status}`,
      orderId: order.id,
      from: order.status,
      to: request.to,
      code: request.code,
      message: request.message,
      actor: request.actor,
      trackingNumber: request.trackingNumber,
      byAdmin: request.byAdmin || undefined,
      at: this.deps.now(),
    };
    // Through the driver, with the transitions of other orders made meanwhile: a plain
    // insert-only record that this unit of work never changes.
    const inserted = await groupCommit<OrderTransition>(
      rawDb(this.em),
      'order_transitions',
    ).insertNew(transition);
    if (!inserted) {
      const current = (await this.reproject(order.id)) ?? order;
      return { moved: false, order: current, why: 'LOST' };
    }
    await this.project(order, [transition], request.traceId);
    return { moved: true, order };
  }

  /** Brings the order document up to date with its transitions; returns it. */
  async reproject(orderId: string): Promise<Order | null> {
    // Side by side: the order is read on every event, its transitions with it.
    const [order, transitions] = await Promise.all([
      this.load(orderId),
      this.em.find(OrderTransition, { orderId }, { refresh: true }),
    ]);
    if (!order) return null;
    await this.project(order, transitions);
    return order;
  }

  private async project(order: Order, transitions: OrderTransition[], traceId = ''): Promise<void> {
    const byFrom = new Map(transitions.map((t) => [t.from, t]));
    let changed = false;
    for (let t = byFrom.get(order.status); t; t = byFrom.get(order.status)) {
      await this.apply(order, t, traceId);
      changed = true;
    }
    if (!changed) return;
    order.updatedAt = this.deps.now();
    await this.em.flush();
    // Flushed: the outbox in hand is the one stored.
    this.deps.relay.kickWritten('orders', [order]);
  }

  private async apply(order: Order, t: OrderTransition, traceId: string): Promise<void> {
    const at = t.at;
    const sellerId =
      order.sellerId ??
      (await this.em.findOne(StoreProjection, { _id: order.storeId }))?.ownerId ??
      null;
    const parties = orderParties(order, sellerId);
    const base = { orderId: order.id, storeId: order.storeId, customerId: order.customerId };
    const record = <T>(contract: EventContract<string, T>, what: string, payload: T) =>
      recordEvent(
        order,
        contract,
        { source: SOURCE, subjectId: order.id, traceId, id: `${order.id}:${what}`, at },
        payload,
      );
    if (t.byAdmin) {
      // Keyed by the transition, so re-projecting it never audits the move twice.
      record(ordersAdminActionRecorded, `audit:${t.from}`, {
        actorId: t.actor,
        action: 'ORDER_ADVANCED',
        targetKind: 'ORDER',
        targetId: order.id,
        targetLabel: order.number,
        reason: `${t.from} → ${t.to}`,
      });
    }
    order.status = t.to;
    order.transitions += 1;
    switch (t.to) {
      case OrderStatus.CONFIRMED:
        order.confirmedAt = at;
        record(orderConfirmed, 'confirmed', base);
        record(orderNewOrder, 'newOrder', {
          ...parties,
          fulfilment: order.fulfilment,
          total: order.total,
          pickupSlotStart: order.pickupAt?.toISOString(),
          deliveryDate: order.delivery?.deliveryDate,
        });
        break;
      case OrderStatus.FAILED:
        order.failure = Object.assign(new OrderProblem(), {
          code: t.code ?? 'FAILED',
          message: t.message ?? 'The order could not be completed.',
        });
        // Stores releases whatever it holds for the order (flowers, slot, coupon).
        record(orderFailed, 'failed', {
          ...base,
          reason: order.failure.code,
          couponId: order.couponId,
        });
        break;
      case OrderStatus.CANCELED:
        order.canceledAt = at;
        order.cancellation = Object.assign(new OrderProblem(), {
          code: t.code ?? 'CANCELED',
          message: t.message ?? '',
        });
        record(orderCanceled, 'canceled', {
          ...base,
          reason: order.cancellation.message || order.cancellation.code,
          couponId: order.couponId,
          canceledBy:
            t.code === 'CANCELED_BY_SELLER'
              ? 'SELLER'
              : t.code === 'CANCELED_BY_ADMIN'
                ? 'ADMIN'
                : 'CUSTOMER',
        });
        break;
      case OrderStatus.PREPARING:
        record(orderPreparing, 'preparing', parties);
        break;
      case OrderStatus.SHIPPING:
        order.trackingNumber = t.trackingNumber ?? order.trackingNumber;
        record(orderShipping, 'shipping', { ...parties, trackingNumber: order.trackingNumber });
        break;
      case OrderStatus.READY:
        record(orderReadyForPickup, 'readyForPickup', {
          ...parties,
          pickupSlotStart: order.pickupAt?.toISOString(),
        });
        break;
      case OrderStatus.DELIVERED:
      case OrderStatus.PICKED_UP:
        order.completedAt = at;
        if (t.to === OrderStatus.DELIVERED) {
          record(orderDelivered, 'delivered', { ...parties, deliveredAt: at.toISOString() });
        } else {
          record(orderPickedUp, 'pickedUp', {
            ...parties,
            pickedUpAt: at.toISOString(),
            automatic: t.actor === 'system',
          });
        }
        for (const line of order.lines) {
          recordEvent(
            order,
            orderLineCompleted,
            { source: SOURCE, subjectId: order.id, traceId, id: `${line.id}:completed`, at },
            {
              orderId: order.id,
              orderLineId: line.id,
              customerId: order.customerId,
              productId: line.productId,
              storeId: order.storeId,
              quantity: line.quantity,
              completedAt: at.toISOString(),
            },
          );
        }
        break;
      default:
        break;
    }
  }
}
