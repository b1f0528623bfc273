import {
  type EntityManager,
  InvalidInputError,
  firstProblem,
  isDuplicateKeyError,
  recordEvent,
  simpleError,
} from '@bloom/kernel';
import { couponCreated, couponDeleted, couponUpdated } from '@bloom/schema';
import { ObjectId } from '@mikro-orm/mongodb';
import type { Db } from 'mongodb';
import { AppendOnlyChain } from '../shared/append-only.chain.js';
import type { Store } from '../stores/store.entity.js';
import { checkInt, checkText } from '../stores/store.validation.js';
import { type StoresDeps, SOURCE } from '../stores.deps.js';
import { Coupon, CouponCode, Fulfilment } from './coupon.entity.js';
import { CouponIssue } from './coupon-issue.entity.js';
import { CouponRedemption } from './coupon-redemption.entity.js';
import {
  CouponAlreadyClaimedError,
  CouponCodeTakenError,
  CouponSoldOutError,
  CouponUnavailableError,
} from './coupon.errors.js';
import {
  CouponClaim,
  CouponClaimStatus,
  type CreateCouponInput,
  type UpdateCouponInput,
} from './coupon.types.js';

const CODE = /^[A-Z0-9-]{3,20}$/;
const MAX_ISSUES = 100_000;

export const normalizeCode = (code: string) => code.trim().toUpperCase();
export const claimOp = (couponId: string, customerId: string) => `${couponId}:${customerId}`;
export const redemptionId = claimOp;

export const discountFor = (coupon: Coupon, subtotal: number) =>
  Math.max(0, Math.min(coupon.discountAmount, subtotal));

export const isLive = (coupon: Coupon, now: Date) =>
  !coupon.deletedAt && coupon.startsAt <= now && now < coupon.endsAt;

/** Whether an order received this way may use the coupon (no restriction fits both). */
export const fitsFulfilment = (coupon: Pick<Coupon, 'onlyFor'>, fulfilment: Fulfilment) =>
  !coupon.onlyFor || coupon.onlyFor === fulfilment;

const FULFILMENTS: readonly string[] = Object.values(Fulfilment);

const couponSnapshot = (coupon: Coupon) => ({
  couponId: coupon.id,
  storeId: coupon.storeId,
  name: coupon.name,
  code: coupon.code,
  discountAmount: coupon.discountAmount,
  minOrderAmount: coupon.minOrderAmount,
  startsAt: coupon.startsAt.toISOString(),
  endsAt: coupon.endsAt.toISOString(),
  issueLimit: coupon.issueLimit,
  onlyFor: coupon.onlyFor ?? null,
});

/** The coupon issue chains (claims); shared by the coupon service and the saga. */
export class CouponIssues {
  readonly chain: AppendOnlyChain<CouponIssue>;

  constructor(db: Db) {
    this.chain = new AppendOnlyChain<CouponIssue>(db, 'coupon', 'coupon_issues');
  }

  claimOf(couponId: string, customerId: string): Promise<CouponIssue | null> {
    return this.chain.applied(claimOp(couponId, customerId));
  }

  async issued(couponId: string): Promise<number> {
    return (await this.chain.head(couponId)).seq;
  }
}

export class CouponService {
  constructor(
    private readonly em: EntityManager,
    private readonly deps: StoresDeps,
    private readonly issues: CouponIssues,
  ) {}

  async find(id: string): Promise<Coupon | null> {
    if (!ObjectId.isValid(id)) return null;
    const coupon = await this.em.findOne(Coupon, { _id: new ObjectId(id) });
    return coupon && !coupon.deletedAt ? coupon : null;
  }

  private check(
    values: {
      name: string;
      code: string;
      discountAmount: number;
      minOrderAmount: number;
      startsAt: Date;
      endsAt: Date;
      issueLimit: number;
      onlyFor: Fulfilment | null;
    },
    creating: boolean,
  ): InvalidInputError | null {
    const problem = firstProblem(
      checkText(values.name, 'name', 1, 40),
      CODE.test(values.code)
        ? null
        : InvalidInputError.of('code', 'Use 3 to 20 letters, digits or dashes.', 'INVALID_CODE'),
      checkInt(values.discountAmount, 'discountAmount', 1, 1_000_000),
      checkInt(values.minOrderAmount, 'minOrderAmount', 0, 10_000_000),
      checkInt(values.issueLimit, 'issueLimit', 1, MAX_ISSUES),
      // GraphQL checks the enum; this guards callers that reach the service another way.
      values.onlyFor === null || FULFILMENTS.includes(values.onlyFor)
        ? null
        : InvalidInputError.of('onlyFor', 'Choose DELIVERY, PICKUP or none.', 'INVALID_FULFILMENT'),
    );
    if (problem) return problem;
    if (values.startsAt.getTime() >= values.endsAt.getTime()) {
      return InvalidInputError.of('endsAt', 'The end must be after the start.', 'INVALID_PERIOD');
    }
    if (creating && values.endsAt.getTime() <= this.deps.now().getTime()) {
      return InvalidInputError.of('endsAt', 'The end must be in the future.', 'INVALID_PERIOD');
    }
    return null;
  }

  private codeTaken() {
    return simpleError(
      CouponCodeTakenError,
      'COUPON_CODE_TAKEN',
      'Another coupon of your store uses this code.',
    );
  }

  async create(
    store: Store,
    input: CreateCouponInput,
    traceId: string,
  ): Promise<Coupon | InvalidInputError | CouponCodeTakenError> {
    const values = {
      ...input,
      name: input.name.trim(),
      code: normalizeCode(input.code),
      onlyFor: input.onlyFor ?? null,
    };
    const problem = this.check(values, true);
    if (problem) return problem;
    const now = this.deps.now();
    const coupon = Object.assign(new Coupon(), {
      ...values,
      storeId: store.id,
      createdAt: now,
      updatedAt: now,
    });
    coupon.id = coupon._id.toHexString();
    if (!(await this.holdCode(store.id, coupon.code, coupon.id))) return this.codeTaken();
    recordEvent(
      coupon,
      couponCreated,
      { source: SOURCE, subjectId: coupon.id, traceId, at: now },
      couponSnapshot(coupon),
    );
    await this.em.persist(coupon).flush();
    this.deps.relay.kick(coupon);
    return coupon;
  }

  async update(
    coupon: Coupon,
    input: UpdateCouponInput,
    traceId: string,
  ): Promise<Coupon | InvalidInputError | CouponCodeTakenError> {
    const values = {
      name: input.name?.trim() ?? coupon.name,
      code: input.code === undefined ? coupon.code : normalizeCode(input.code),
      discountAmount: input.discountAmount ?? coupon.discountAmount,
      minOrderAmount: input.minOrderAmount ?? coupon.minOrderAmount,
      startsAt: input.startsAt ?? coupon.startsAt,
      endsAt: input.endsAt ?? coupon.endsAt,
      issueLimit: input.issueLimit ?? coupon.issueLimit,
      onlyFor: input.anyFulfilment ? null : (input.onlyFor ?? coupon.onlyFor ?? null),
    };
    if (input.anyFulfilment && input.onlyFor) {
      return InvalidInputError.of(
        'onlyFor',
        'Give onlyFor or anyFulfilment, not both.',
        'CONFLICTING_FULFILMENT',
      );
    }
    const problem = this.check(values, false);
    if (problem) return problem;
    const previousCode = coupon.code;
    const codeChanged = values.code !== previousCode;
    if (codeChanged && !(await this.holdCode(coupon.storeId, values.code, coupon.id))) {
      return this.codeTaken();
    }
    Object.assign(coupon, values);
    recordEvent(
      coupon,
      couponUpdated,
      { source: SOURCE, subjectId: coupon.id, traceId, at: this.deps.now() },
      couponSnapshot(coupon),
    );
    await this.em.flush();
    if (codeChanged) await this.releaseCode(coupon.storeId, previousCode, coupon.id);
    this.deps.relay.kick(coupon);
    return coupon;
  }

  /** Soft delete: no new claims or uses; the code becomes free for a new coupon. */
  async delete(coupon: Coupon, traceId: string): Promise<Coupon> {
    const now = this.deps.now();
    coupon.deletedAt = now;
    recordEvent(
      coupon,
      couponDeleted,
      { source: SOURCE, subjectId: coupon.id, traceId, at: now },
      { couponId: coupon.id, storeId: coupon.storeId },
    );
    await this.em.flush();
    await this.releaseCode(coupon.storeId, coupon.code, coupon.id);
    this.deps.relay.kick(coupon);
    return coupon;
  }

  /**
   * Reserves a code for a coupon. A code held for a coupon that no longer has it (deleted,
   * renamed, or never stored after a crash) is stale and taken over.
   */
  private async holdCode(storeId: string, code: string, couponId: string): Promise<boolean> {
    const _id = `${storeId}:${code}`;
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        await this.em.insert(CouponCode, { _id, couponId, at: this.deps.now() });
        return true;
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
      }
      const held = await this.em.findOne(CouponCode, { _id }, { disableIdentityMap: true });
      if (!held) continue;
      if (held.couponId === couponId) return true;
      const holder = ObjectId.isValid(held.couponId)
        ? await this.em.findOne(
            Coupon,
            { _id: new ObjectId(held.couponId) },
            { disableIdentityMap: true },
          )
        : null;
      if (holder && !holder.deletedAt && holder.code === code) return false;
      await this.em.nativeDelete(CouponCode, { _id, couponId: held.couponId });
    }
    return false;
  }

  private async releaseCode(storeId: string, code: string, couponId: string): Promise<void> {
    await this.em.nativeDelete(CouponCode, { _id: `${storeId}:${code}`, couponId });
  }

  /** A customer claims a coupon: once per customer, never more than its issue limit. */
  async claim(
    customerId: string,
    couponId: string,
  ): Promise<
    CouponClaim | CouponUnavailableError | CouponSoldOutError | CouponAlreadyClaimedError
  > {
    const coupon = await this.find(couponId);
    const now = this.deps.now();
    if (!coupon || now >= coupon.endsAt) {
      return simpleError(
        CouponUnavailableError,
        'COUPON_UNAVAILABLE',
        'This coupon is not available any more.',
      );
    }
    const result = await this.issues.chain.append<'SOLD_OUT'>(
      coupon.id,
      claimOp(coupon.id, customerId),
      now,
      (head) =>
        head.seq < coupon.issueLimit
          ? { append: { couponId: coupon.id, storeId: coupon.storeId, customerId } }
          : { refuse: 'SOLD_OUT' },
    );
    if (result.status === 'refused') {
      return simpleError(CouponSoldOutError, 'COUPON_SOLD_OUT', 'All coupons have been claimed.');
    }
    if (result.status === 'existing') {
      return simpleError(
        CouponAlreadyClaimedError,
        'COUPON_ALREADY_CLAIMED',
        'You already have this coupon.',
      );
    }
    return this.claimView(coupon, result.entry, null, now);
  }

  claimView(
    coupon: Coupon,
    issue: CouponIssue,
    redemption: CouponRedemption | null,
    now: Date,
  ): CouponClaim {
    const status = coupon.deletedAt
      ? CouponClaimStatus.WITHDRAWN
      : redemption
        ? CouponClaimStatus.IN_USE
        : now >= coupon.endsAt
          ? CouponClaimStatus.EXPIRED
          : now < coupon.startsAt
            ? CouponClaimStatus.NOT_STARTED
            : CouponClaimStatus.AVAILABLE;
    return Object.assign(new CouponClaim(), { coupon, claimedAt: issue.at, status });
  }

  /** The customer's claims, newest first; optionally of one store or only usable ones. */
  async myClaims(customerId: string, storeId?: string, usableOnly = false): Promise<CouponClaim[]> {
    const list = await this.em.find(
      CouponIssue,
      { customerId, ...(storeId ? { storeId } : {}) },
      { disableIdentityMap: true },
    );
    if (list.length === 0) return [];
    const coupons = await this.em.find(Coupon, {
      _id: { $in: [...new Set(list.map((i) => new ObjectId(i.couponId)))] },
    });
    const byId = new Map(coupons.map((c) => [c.id, c]));
    const now = this.deps.now();
    const claims = await Promise.all(
      list.map(async (issue) => {
        const coupon = byId.get(issue.couponId);
        if (!coupon) return null;
        const redemption = await this.em.findOne(
          CouponRedemption,
          { _id: redemptionId(issue.couponId, customerId) },
          { disableIdentityMap: true },
        );
        return this.claimView(coupon, issue, redemption, now);
      }),
    );
    return claims
      .filter((c): c is CouponClaim => c !== null)
      .filter((c) => !usableOnly || c.status === CouponClaimStatus.AVAILABLE)
      .sort((a, b) => b.claimedAt.getTime() - a.claimedAt.getTime());
  }

  /** Live coupons of the store, newest first; with `includeEnded` also the ended ones. */
  async ofStore(storeId: string, includeEnded: boolean): Promise<Coupon[]> {
    const now = this.deps.now();
    return this.em.find(
      Coupon,
      { storeId, deletedAt: null, ...(includeEnded ? {} : { endsAt: { $gt: now } }) },
      { orderBy: { createdAt: 'desc' } },
    );
  }

  /**
   * Coupons the customer could use on a cart of this store with this product subtotal (and, when
   * given, this way of receiving it): live, minimum met, restriction fits, and either already
   * claimed and unused or still claimable. Best discount first.
   */
  async forCart(
    storeId: string,
    subtotal: number,
    customerId: string | undefined,
    fulfilment?: Fulfilment,
  ) {
    const now = this.deps.now();
    const live = (await this.ofStore(storeId, false)).filter(
      (c) =>
        isLive(c, now) &&
        c.minOrderAmount <= subtotal &&
        (!fulfilment || fitsFulfilment(c, fulfilment)),
    );
    const usable = await Promise.all(
      live.map(async (coupon) => {
        const claim = customerId ? await this.issues.claimOf(coupon.id, customerId) : null;
        if (claim) {
          const inUse = await this.em.findOne(
            CouponRedemption,
            { _id: redemptionId(coupon.id, customerId as string) },
            { disableIdentityMap: true },
          );
          return inUse ? null : coupon;
        }
        return (await this.issues.issued(coupon.id)) < coupon.issueLimit ? coupon : null;
      }),
    );
    return usable
      .filter((c): c is Coupon => c !== null)
      .sort((a, b) => discountFor(b, subtotal) - discountFor(a, subtotal));
  }
}
