import { type EntityManager, isDuplicateKeyError } from '@bloom/kernel';
import { type couponRejectionReason, couponReturned } from '@bloom/schema';
import { ObjectId } from '@mikro-orm/mongodb';
import type { z } from 'zod';
import { Coupon, type Fulfilment } from '../coupons/coupon.entity.js';
import { CouponRedemption } from '../coupons/coupon-redemption.entity.js';
import {
  type CouponIssues,
  discountFor,
  fitsFulfilment,
  redemptionId,
} from '../coupons/coupon.service.js';
import { storesEvent } from '../shared/outbox.js';
import type { StoresDeps } from '../stores.deps.js';
import type { SagaSteps } from './saga-steps.js';

/** What redeeming an order's coupon needs, from its `orders.order.placed`. */
export interface RedemptionRequest {
  orderId: string;
  storeId: string;
  customerId: string;
  couponId: string;
  subtotal: number;
  fulfilment: `${Fulfilment}`;
}
export type CouponRejectionReason = z.infer<typeof couponRejectionReason>;

export type CouponOutcome = { discount: number } | { reason: CouponRejectionReason };

interface CouponStepData extends Record<string, unknown> {
  couponId: string;
  customerId: string;
  discount: number;
  reason: CouponRejectionReason | null;
}

const outcomeOf = (data: CouponStepData): CouponOutcome =>
  data.reason ? { reason: data.reason } : { discount: data.discount };

/**
 * The coupon side of the checkout saga. Using a claim is an insert keyed by (coupon, customer),
 * so a claim backs at most one order at a time; returning it deletes that insert. As with
 * flowers, a return racing an in-flight redemption is caught from both sides.
 */
export class CouponRedemptionService {
  constructor(
    private readonly em: EntityManager,
    private readonly deps: StoresDeps,
    private readonly steps: SagaSteps,
    private readonly issues: CouponIssues,
  ) {}

  private async validate(request: RedemptionRequest): Promise<CouponRejectionReason | number> {
    const coupon = ObjectId.isValid(request.couponId)
      ? await this.em.findOne(Coupon, { _id: new ObjectId(request.couponId) })
      : null;
    if (!coupon || coupon.deletedAt) return 'COUPON_NOT_FOUND';
    if (coupon.storeId !== request.storeId) return 'WRONG_STORE';
    if (!fitsFulfilment(coupon, request.fulfilment as Fulfilment)) return 'WRONG_FULFILMENT';
    const now = this.deps.now();
    if (now < coupon.startsAt) return 'NOT_STARTED';
    if (now >= coupon.endsAt) return 'EXPIRED';
    if (request.subtotal < coupon.minOrderAmount) return 'MINIMUM_NOT_MET';
    if (!(await this.issues.claimOf(coupon.id, request.customerId))) return 'NOT_CLAIMED';
    return discountFor(coupon, request.subtotal);
  }

  /**
   * Redeems the order's coupon as part of its reservation (one step, one answer): the
   * reservation carries the outcome in its own answer event, so this records the decision
   * (the `coupon` step) without an event of its own. A repeat returns the first decision.
   */
  async redeem(request: RedemptionRequest): Promise<CouponOutcome> {
    const { orderId, storeId, couponId, customerId } = request;
    const decided = await this.steps.get<CouponStepData>(orderId, 'coupon');
    if (decided) return outcomeOf(decided.data);
    const answer = async (outcome: CouponRejectionReason | number): Promise<CouponOutcome> => {
      const redeemed = typeof outcome === 'number';
      const { step } = await this.steps.put<CouponStepData>({
        orderId,
        storeId,
        step: 'coupon',
        outcome: redeemed ? 'REDEEMED' : 'REJECTED',
        data: {
          couponId,
          customerId,
          discount: redeemed ? outcome : 0,
          reason: redeemed ? null : outcome,
        },
        at: this.deps.now(),
      });
      // A concurrent copy may have decided first: its decision stands.
      return outcomeOf(step.data);
    };

    if (await this.steps.get(orderId, 'couponReturn')) return answer('ORDER_CLOSED');
    const checked = await this.validate(request);
    if (typeof checked !== 'number') return answer(checked);

    const _id = redemptionId(couponId, customerId);
    try {
      await this.em.insert(CouponRedemption, {
        _id,
        couponId,
        customerId,
        storeId,
        orderId,
        discount: checked,
        at: this.deps.now(),
      });
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      const inUse = await this.em.findOne(CouponRedemption, { _id }, { disableIdentityMap: true });
      if (inUse?.orderId !== orderId) return answer('ALREADY_USED');
    }
    // The order may have failed meanwhile and its return found nothing to give back yet.
    if (await this.steps.get(orderId, 'couponReturn')) {
      await this.em.nativeDelete(CouponRedemption, { _id, orderId });
      return answer('ORDER_CLOSED');
    }
    return answer(checked);
  }

  /** The order failed or was canceled: its coupon can be used again. */
  async giveBack(orderId: string, storeId: string, traceId: string): Promise<void> {
    await this.steps.put({
      orderId,
      storeId,
      step: 'couponReturn',
      outcome: 'RETURN',
      data: {},
      at: this.deps.now(),
    });
    if (await this.steps.get(orderId, 'couponReturned')) return;
    const redeemed = await this.steps.get<CouponStepData>(orderId, 'coupon');
    const used = redeemed?.outcome === 'REDEEMED' ? redeemed.data : null;
    if (used) {
      await this.em.nativeDelete(CouponRedemption, {
        _id: redemptionId(used.couponId, used.customerId),
        orderId,
      });
    }
    await this.steps.put({
      orderId,
      storeId,
      step: 'couponReturned',
      outcome: used ? 'RETURNED' : 'NOTHING_TO_RETURN',
      data: {},
      at: this.deps.now(),
      event: used
        ? storesEvent(
            couponReturned,
            { subjectId: orderId, traceId, at: this.deps.now() },
            { orderId, storeId, couponId: used.couponId, customerId: used.customerId },
          )
        : undefined,
    });
    if (used) this.deps.relay.kick('saga_steps', `${orderId}:couponReturned`);
  }
}
