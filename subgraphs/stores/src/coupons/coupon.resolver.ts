import { Access, hasRole, notFound, requireRole, requireUser } from '@bloom/kernel';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Store } from '../stores/store.entity.js';
import type { StoresContext } from '../stores.context.js';
import { Coupon, Fulfilment } from './coupon.entity.js';
import { ClaimCouponResult, CouponResult } from './coupon.results.js';
import { discountFor, isLive } from './coupon.service.js';
import { CouponClaim, CreateCouponInput, UpdateCouponInput } from './coupon.types.js';

@Resolver(() => Coupon)
export class CouponResolver {
  @Access('anyone', 'catalog:read')
  @Query(() => Coupon, { nullable: true })
  coupon(@Arg('id', () => ID) id: string, @Ctx() ctx: StoresContext) {
    return ctx.loaders.coupon.load(id);
  }

  @Access('signed-in')
  @Query(() => [CouponClaim], { description: "The signed-in customer's coupons, newest first." })
  myCoupons(
    @Ctx() ctx: StoresContext,
    @Arg('storeId', () => ID, { nullable: true }) storeId?: string,
    @Arg('usableOnly', { defaultValue: false }) usableOnly?: boolean,
  ) {
    const customer = requireUser(ctx.caller);
    return ctx.services.coupons.myClaims(customer.userId, storeId, usableOnly);
  }

  @Access('signed-in', 'orders:write')
  @Query(() => [Coupon], {
    description:
      "Coupons usable on a cart of this store with this product subtotal: the caller's unused claims and coupons still claimable. Best discount first.",
  })
  claimableCoupons(
    @Arg('storeId', () => ID) storeId: string,
    @Arg('subtotal', () => Int) subtotal: number,
    @Ctx() ctx: StoresContext,
    @Arg('fulfilment', () => Fulfilment, {
      nullable: true,
      description: 'Only coupons an order received this way can use; omitted: any.',
    })
    fulfilment?: Fulfilment,
  ) {
    return ctx.services.coupons.forCart(storeId, subtotal, ctx.caller.userId, fulfilment);
  }

  @Access(['SELLER', 'ADMIN'])
  @Mutation(() => CouponResult)
  async createCoupon(
    @Arg('storeId', () => ID) storeId: string,
    @Arg('input') input: CreateCouponInput,
    @Ctx() ctx: StoresContext,
  ) {
    const store = await ctx.ownStore(storeId);
    return ctx.services.coupons.create(store, input, ctx.caller.traceId);
  }

  @Access(['SELLER', 'ADMIN'])
  @Mutation(() => CouponResult)
  async updateCoupon(
    @Arg('couponId', () => ID) couponId: string,
    @Arg('input') input: UpdateCouponInput,
    @Ctx() ctx: StoresContext,
  ) {
    const coupon = await this.ownCoupon(couponId, ctx);
    return ctx.services.coupons.update(coupon, input, ctx.caller.traceId);
  }

  @Access(['SELLER', 'ADMIN'])
  @Mutation(() => Coupon, { description: 'No new claims or uses; the code is freed.' })
  async deleteCoupon(@Arg('couponId', () => ID) couponId: string, @Ctx() ctx: StoresContext) {
    const coupon = await this.ownCoupon(couponId, ctx);
    return ctx.services.coupons.delete(coupon, ctx.caller.traceId);
  }

  @Access(['CUSTOMER'])
  @Mutation(() => ClaimCouponResult, { description: 'A customer claims a coupon, once.' })
  claimCoupon(@Arg('couponId', () => ID) couponId: string, @Ctx() ctx: StoresContext) {
    const customer = requireRole(ctx.caller, 'CUSTOMER');
    return ctx.services.coupons.claim(customer.userId, couponId);
  }

  private async ownCoupon(couponId: string, ctx: StoresContext): Promise<Coupon> {
    requireRole(ctx.caller, 'SELLER');
    const coupon = await ctx.services.coupons.find(couponId);
    if (!coupon) throw notFound('No such coupon.');
    await ctx.ownStore(coupon.storeId);
    return coupon;
  }

  @FieldResolver(() => Store, { nullable: true })
  store(@Root() coupon: Coupon, @Ctx() ctx: StoresContext) {
    return ctx.loaders.store.load(coupon.storeId);
  }

  @FieldResolver(() => Int, { description: 'Claims so far.' })
  issuedCount(@Root() coupon: Coupon, @Ctx() ctx: StoresContext) {
    return ctx.infra.issues.issued(coupon.id);
  }

  @FieldResolver(() => Int, { description: 'Claims still possible.' })
  async remaining(@Root() coupon: Coupon, @Ctx() ctx: StoresContext) {
    return Math.max(0, coupon.issueLimit - (await ctx.infra.issues.issued(coupon.id)));
  }

  @FieldResolver(() => Boolean, { description: 'Within its period and not deleted.' })
  active(@Root() coupon: Coupon, @Ctx() ctx: StoresContext): boolean {
    return isLive(coupon, ctx.deps.now());
  }

  @FieldResolver(() => Boolean, { description: 'The signed-in customer has claimed it.' })
  async claimedByMe(@Root() coupon: Coupon, @Ctx() ctx: StoresContext): Promise<boolean> {
    if (!ctx.caller.userId) return false;
    return (await ctx.infra.issues.claimOf(coupon.id, ctx.caller.userId)) !== null;
  }

  @FieldResolver(() => Int, { description: 'The discount (KRW) on this product subtotal.' })
  discountFor(@Root() coupon: Coupon, @Arg('subtotal', () => Int) subtotal: number) {
    return subtotal < coupon.minOrderAmount ? 0 : discountFor(coupon, subtotal);
  }
}

@Resolver(() => Store)
export class StoreCouponResolver {
  @FieldResolver(() => [Coupon], {
    description: 'Coupons not yet ended, newest first; the store also sees ended ones on request.',
  })
  coupons(
    @Root() store: Store,
    @Ctx() ctx: StoresContext,
    @Arg('includeEnded', { defaultValue: false }) includeEnded: boolean,
  ) {
    const allowed = includeEnded && (ctx.isManager(store) || hasRole(ctx.caller, 'ADMIN'));
    return ctx.services.coupons.ofStore(store.id, allowed);
  }
}
