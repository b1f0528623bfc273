import {
  type AuthenticatedCaller,
  type EntityManager,
  InvalidInputError,
  hasRole,
  simpleError,
} from '@bloom/kernel';
import type { OrdersDeps } from '../orders.deps.js';
import { type Order, OrderStatus } from '../orders/order.entity.js';
import { OrderQueries } from '../orders/order.service.js';
import { nextStatus } from '../orders/order-state.js';
import { InvalidTransitionError, OrderNotFoundError } from '../orders/order.errors.js';
import { CheckoutSaga } from '../saga/checkout-saga.service.js';

export type OrderActionResult =
  Order | OrderNotFoundError | InvalidTransitionError | InvalidInputError;

/** Moves confirmed orders along (sellers) and cancels them (customers, sellers, admins). */
export class FulfilmentService {
  private readonly saga: CheckoutSaga;
  private readonly queries: OrderQueries;

  constructor(
    em: EntityManager,
    private readonly deps: OrdersDeps,
  ) {
    this.saga = new CheckoutSaga(em, deps);
    this.queries = new OrderQueries(em, deps);
  }

  private notFound = () => simpleError(OrderNotFoundError, 'ORDER_NOT_FOUND', 'No such order.');

  private invalid(order: Order, message: string) {
    return Object.assign(simpleError(InvalidTransitionError, 'INVALID_TRANSITION', message), {
      current: order.status,
    });
  }

  /** The store's owner (or an admin) moves the order to its next state. */
  async advance(
    caller: AuthenticatedCaller,
    orderId: string,
    expected: OrderStatus,
    trackingNumber: string | undefined,
  ): Promise<OrderActionResult> {
    const order = await this.saga.lifecycle.reproject(orderId);
    if (!order) return this.notFound();
    const isOwner = await this.queries.ownsStore(caller.userId, order.storeId);
    if (!isOwner && !hasRole(caller, 'ADMIN')) return this.notFound();
    const next = nextStatus(order.fulfilment, order.status);
    if (!next || next !== expected) {
      return this.invalid(order, `The order is ${order.status}; it cannot move to ${expected}.`);
    }
    if (trackingNumber !== undefined && !/^[A-Za-z0-9-]{4,40}$/.test(trackingNumber.trim())) {
      return InvalidInputError.of(
        'trackingNumber',
        'Enter the courier tracking number.',
        'INVALID_TRACKING_NUMBER',
      );
    }
    const outcome = await this.saga.lifecycle.move(order, {
      to: next,
      actor: caller.userId,
      trackingNumber: trackingNumber?.trim(),
      traceId: caller.traceId,
      byAdmin: !isOwner,
    });
    if (!outcome.moved) {
      return this.invalid(outcome.order, `The order moved to ${outcome.order.status} meanwhile.`);
    }
    return outcome.order;
  }

  /**
   * Cancels before shipping or pickup: the transition wins or loses atomically, then the
   * payment is refunded in full and stores (on orders.order.canceled) releases the flowers,
   * the slot and the coupon. A PENDING order cannot be canceled: its saga decides within
   * its deadline, and a confirmed order can then be canceled.
   */
  async cancel(
    caller: AuthenticatedCaller,
    orderId: string,
    reason: string,
  ): Promise<OrderActionResult> {
    const text = reason.trim();
    if (text.length < 1 || text.length > 300) {
      return InvalidInputError.of(
        'reason',
        'Say why, in at most 300 characters.',
        'REASON_REQUIRED',
      );
    }
    const order = await this.saga.lifecycle.reproject(orderId);
    if (!order) return this.notFound();
    const isCustomer = order.customerId === caller.userId;
    const isOwner = !isCustomer && (await this.queries.ownsStore(caller.userId, order.storeId));
    const isAdmin = hasRole(caller, 'ADMIN');
    if (!isCustomer && !isOwner && !isAdmin) return this.notFound();
    const outcome = await this.saga.lifecycle.move(order, {
      to: OrderStatus.CANCELED,
      actor: caller.userId,
      code: isCustomer
        ? 'CANCELED_BY_CUSTOMER'
        : isOwner
          ? 'CANCELED_BY_SELLER'
          : 'CANCELED_BY_ADMIN',
      message: text,
      traceId: caller.traceId,
    });
    if (!outcome.moved) {
      return this.invalid(
        outcome.order,
        outcome.why === 'ILLEGAL'
          ? `A ${order.status} order can no longer be canceled.`
          : `The order moved to ${outcome.order.status} meanwhile.`,
      );
    }
    await this.saga.releasePayment(outcome.order, `canceled: ${text}`);
    return outcome.order;
  }
}
