import {
  type AuthenticatedCaller,
  type Caller,
  type EntityManager,
  simpleError,
} from '@bloom/kernel';
import type { OrdersDeps } from '../orders.deps.js';
import type { Order } from '../orders/order.entity.js';
import { OrderNotFoundError } from '../orders/order.errors.js';
import { CheckoutSaga } from '../saga/checkout-saga.service.js';
import { PaymentNotApprovedError } from './easy-pay.errors.js';

export type CompletePaymentResult = Order | OrderNotFoundError | PaymentNotApprovedError;

/** The customer's side of easy pay: the approval page to open, and coming back from it. */
export class EasyPayService {
  private built: CheckoutSaga | undefined;

  constructor(
    private readonly em: EntityManager,
    private readonly deps: OrdersDeps,
  ) {}

  /** Built on first use: a request context is made for every request, few of them pay. */
  private get saga(): CheckoutSaga {
    this.built ??= new CheckoutSaga(this.em, this.deps);
    return this.built;
  }

  /** Only the order's customer is sent to its payment page. */
  approvalUrl(caller: Caller, order: Order): Promise<string | null> {
    if (caller.userId !== order.customerId) return Promise.resolve(null);
    return this.saga.approvalUrl(order);
  }

  /**
   * Called from the return page, whatever the provider's outcome: the order as it now stands
   * (CONFIRMED, or FAILED with why), or that the customer has not answered the provider yet.
   */
  async complete(
    caller: AuthenticatedCaller,
    orderId: string,
    traceId: string,
  ): Promise<CompletePaymentResult> {
    const order = await this.saga.lifecycle.reproject(orderId);
    if (!order || order.customerId !== caller.userId) {
      return simpleError(OrderNotFoundError, 'ORDER_NOT_FOUND', 'No such order of yours.');
    }
    const outcome = await this.saga.completeEasyPay(order, traceId);
    if (outcome === 'waiting') {
      return simpleError(
        PaymentNotApprovedError,
        'PAYMENT_NOT_APPROVED',
        'The payment has not been approved at the provider yet.',
      );
    }
    return (await this.saga.lifecycle.reproject(orderId)) ?? order;
  }
}
