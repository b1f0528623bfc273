import { type EntityManager, simpleError } from '@bloom/kernel';
import type { OrdersDeps } from '../orders.deps.js';
import { claimCheckout, claimIdOf, placeClaimedOrders, requestHashOf } from './checkout-claim.js';
import { CheckoutClaim } from './checkout-claim.entity.js';
import { type PricingProblem, priceCheckout } from './checkout-pricing.js';
import { IdempotencyKeyReusedError, TotalMismatchError } from './checkout.errors.js';
import {
  type CheckoutInput,
  CheckoutQuote,
  type CheckoutQuoteInput,
  CheckoutStoreQuote,
  CheckoutSuccess,
} from './checkout.types.js';
import { checkFulfilment, checkPayment, idempotencyKeyProblem } from './checkout.validation.js';

export type CheckoutResult =
  CheckoutSuccess | TotalMismatchError | IdempotencyKeyReusedError | PricingProblem;

export type CheckoutQuoteResult = CheckoutQuote | PricingProblem;

/**
 * Checkout: prices everything on the server from the projections, refuses a differing client
 * total, and creates one PENDING order per store whose `orders.order.placed` event starts the
 * saga. The idempotency key is claimed by a unique insert that carries the complete drafts.
 */
export class CheckoutService {
  constructor(
    private readonly em: EntityManager,
    private readonly deps: OrdersDeps,
  ) {}

  async checkout(
    customerId: string,
    input: CheckoutInput,
    traceId: string,
  ): Promise<CheckoutResult> {
    const key = input.idempotencyKey.trim();
    const keyProblem = idempotencyKeyProblem(key);
    if (keyProblem) return keyProblem;
    const claimId = claimIdOf(customerId, key);
    const requestHash = requestHashOf(input);

    const existing = await this.em.findOne(CheckoutClaim, { _id: claimId });
    if (existing) return this.replay(existing, requestHash, traceId);

    const now = this.deps.now();
    const problem =
      checkFulfilment(input, now) ??
      checkPayment(input.payment, this.deps.config.PAYMENT_RETURN_ORIGINS);
    if (problem) return problem;
    await this.deps.admission.admit();
    const priced = await priceCheckout(this.em, customerId, input, now, true);
    if (!Array.isArray(priced)) return priced;
    const drafts = priced;
    const serverTotal = drafts.reduce((sum, d) => sum + d.total, 0);
    if (serverTotal !== input.expectedTotal) {
      return Object.assign(
        simpleError(
          TotalMismatchError,
          'TOTAL_MISMATCH',
          `The total is ${serverTotal} KRW, not ${input.expectedTotal} KRW; prices or fees changed.`,
        ),
        { clientTotal: input.expectedTotal, serverTotal },
      );
    }

    const { claim, won } = await claimCheckout(
      this.em,
      { claimId, customerId, requestHash },
      drafts,
      input,
      now,
    );
    // A concurrent call with the same key won: return (and help finish) its result.
    if (!won) return this.replay(claim, requestHash, traceId);
    const orders = await placeClaimedOrders(this.em, this.deps, claim, traceId, true);
    return Object.assign(new CheckoutSuccess(), { orders, total: serverTotal, replayed: false });
  }

  /**
   * The server's amounts for a checkout, before it is placed: nothing is reserved or kept, and
   * the delivery address or pickup slots need not be filled in yet.
   */
  async quote(customerId: string, input: CheckoutQuoteInput): Promise<CheckoutQuoteResult> {
    const priced = await priceCheckout(this.em, customerId, input, this.deps.now(), false);
    if (!Array.isArray(priced)) return priced;
    return Object.assign(new CheckoutQuote(), {
      total: priced.reduce((sum, d) => sum + d.total, 0),
      stores: priced.map((d) =>
        Object.assign(new CheckoutStoreQuote(), {
          storeId: d.storeId,
          subtotal: d.subtotal,
          discount: d.discount,
          deliveryFee: d.deliveryFee,
          total: d.total,
        }),
      ),
    });
  }

  private async replay(
    claim: CheckoutClaim,
    requestHash: string,
    traceId: string,
  ): Promise<CheckoutResult> {
    if (claim.requestHash !== requestHash) {
      return simpleError(
        IdempotencyKeyReusedError,
        'IDEMPOTENCY_KEY_REUSED',
        'This idempotency key was used for a different checkout.',
      );
    }
    const orders = await placeClaimedOrders(this.em, this.deps, claim, traceId);
    return Object.assign(new CheckoutSuccess(), {
      orders,
      total: orders.reduce((sum, o) => sum + o.total, 0),
      replayed: true,
    });
  }
}
