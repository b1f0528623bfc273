import { Access, badInput, forbidden, hasRole, requireUser } from '@bloom/kernel';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { dayOf } from '../calendar/cycle-calendar.js';
import {
  OrderRef,
  ProductRef,
  StoreRef,
  UserRef,
  orderRef,
  productRef,
  storeRef,
  userRef,
} from '../federation/entity-refs.js';
import type { SubscriptionsContext } from '../subscriptions.context.js';
import {
  SubscribeResult,
  SubscriptionCardChangeResult,
  SubscriptionChangeResult,
} from './subscription.results.js';
import { CycleRecord } from './cycle.entity.js';
import { Subscription } from './subscription.entity.js';
import {
  CardInput,
  SubscribeInput,
  SubscriptionAddressInput,
  SubscriptionChargeQuote,
  SubscriptionDelivery,
} from './subscription.types.js';

@Resolver(() => Subscription)
export class SubscriptionResolver {
  @Access('signed-in')
  @Mutation(() => SubscribeResult, {
    description: "Subscribes to a store's subscription product; the card is saved for charges.",
  })
  subscribe(
    @Arg('input', () => SubscribeInput) input: SubscribeInput,
    @Ctx() ctx: SubscriptionsContext,
  ) {
    return ctx.subscriptionCommands.subscribe(requireUser(ctx.caller), input);
  }

  @Access('signed-in')
  @Mutation(() => SubscriptionChangeResult, {
    description:
      'Skips the next uncharged delivery; pass the cycle you saw to make a retry idempotent.',
  })
  skipNextSubscriptionCycle(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: SubscriptionsContext,
    @Arg('cycle', () => Int, { nullable: true }) cycle?: number,
  ) {
    return ctx.subscriptionCommands.skipNext(requireUser(ctx.caller), id, cycle ?? undefined);
  }

  @Access('signed-in')
  @Mutation(() => SubscriptionChangeResult, {
    description: 'Pauses deliveries on days in [from, until), for at most three months.',
  })
  pauseSubscription(
    @Arg('id', () => ID) id: string,
    @Arg('from') from: string,
    @Arg('until') until: string,
    @Ctx() ctx: SubscriptionsContext,
  ) {
    return ctx.subscriptionCommands.pause(requireUser(ctx.caller), id, from, until);
  }

  @Access('signed-in')
  @Mutation(() => SubscriptionChangeResult, {
    description: 'Ends a pause, or reactivates a subscription suspended for failed charges.',
  })
  resumeSubscription(@Arg('id', () => ID) id: string, @Ctx() ctx: SubscriptionsContext) {
    return ctx.subscriptionCommands.resume(requireUser(ctx.caller), id);
  }

  @Access('signed-in')
  @Mutation(() => SubscriptionChangeResult, {
    description:
      'The address (and optionally the delivery window) of the deliveries not yet charged.',
  })
  changeSubscriptionAddress(
    @Arg('id', () => ID) id: string,
    @Arg('address', () => SubscriptionAddressInput) address: SubscriptionAddressInput,
    @Ctx() ctx: SubscriptionsContext,
    @Arg('deliveryWindow', () => String, { nullable: true }) deliveryWindow?: string | null,
  ) {
    return ctx.subscriptionCommands.changeAddress(
      requireUser(ctx.caller),
      id,
      address,
      deliveryWindow ?? undefined,
    );
  }

  @Access('signed-in')
  @Mutation(() => SubscriptionCardChangeResult, {
    description:
      'Saves a new card for the next charges; a subscription suspended for declined charges ' +
      'resumes with it and its failed delivery is charged again if its day has not come.',
  })
  changeSubscriptionCard(
    @Arg('id', () => ID) id: string,
    @Arg('card', () => CardInput) card: CardInput,
    @Ctx() ctx: SubscriptionsContext,
  ) {
    return ctx.subscriptionCommands.changeCard(requireUser(ctx.caller), id, card);
  }

  @Access('signed-in')
  @Mutation(() => SubscriptionChangeResult, {
    description: 'Moves the next uncharged delivery, and the schedule after it, to this day.',
  })
  changeSubscriptionDate(
    @Arg('id', () => ID) id: string,
    @Arg('date') date: string,
    @Ctx() ctx: SubscriptionsContext,
  ) {
    return ctx.subscriptionCommands.changeDate(requireUser(ctx.caller), id, date);
  }

  @Access('signed-in')
  @Mutation(() => SubscriptionChangeResult, {
    description: 'Cancels; a cycle already charged is still delivered.',
  })
  cancelSubscription(@Arg('id', () => ID) id: string, @Ctx() ctx: SubscriptionsContext) {
    return ctx.subscriptionCommands.cancel(requireUser(ctx.caller), id);
  }

  @Access('signed-in')
  @Query(() => [Subscription], { description: "The caller's subscriptions, newest first." })
  mySubscriptions(@Ctx() ctx: SubscriptionsContext) {
    return ctx.subscriptionQueries.ofCustomer(requireUser(ctx.caller).userId);
  }

  @Access('signed-in')
  @Query(() => Subscription, { nullable: true })
  async flowerSubscription(@Arg('id', () => ID) id: string, @Ctx() ctx: SubscriptionsContext) {
    const caller = requireUser(ctx.caller);
    const subscription = await ctx.subscriptionLoader.load(id);
    if (!subscription) return null;
    if (!(await ctx.subscriptionQueries.canSee(caller, subscription))) {
      throw forbidden('Only the subscriber and the store’s seller can see this subscription.');
    }
    return subscription;
  }

  @FieldResolver(() => UserRef)
  customer(@Root() subscription: Subscription) {
    return userRef(subscription.customerId);
  }

  @FieldResolver(() => StoreRef)
  store(@Root() subscription: Subscription) {
    return storeRef(subscription.storeId);
  }

  @FieldResolver(() => ProductRef)
  product(@Root() subscription: Subscription) {
    return productRef(subscription.productId);
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description:
      'The number of the next delivery; pass it to skipNextSubscriptionCycle so a retried skip skips it once.',
  })
  async nextCycle(@Root() subscription: Subscription, @Ctx() ctx: SubscriptionsContext) {
    return (await ctx.subscriptionQueries.upcoming(subscription))?.cycle ?? null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'YYYY-MM-DD, null when none.' })
  async nextBillingDate(@Root() subscription: Subscription, @Ctx() ctx: SubscriptionsContext) {
    return (await ctx.subscriptionQueries.upcoming(subscription))?.chargeDate ?? null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'YYYY-MM-DD, null when none.' })
  async nextDeliveryDate(@Root() subscription: Subscription, @Ctx() ctx: SubscriptionsContext) {
    return (await ctx.subscriptionQueries.upcoming(subscription))?.deliveryDate ?? null;
  }

  @FieldResolver(() => SubscriptionChargeQuote, {
    nullable: true,
    description: "What the next cycle charges at today's price and delivery fee.",
  })
  nextCharge(@Root() subscription: Subscription, @Ctx() ctx: SubscriptionsContext) {
    return ctx.subscriptionQueries.quote(subscription);
  }

  @FieldResolver(() => Boolean, { description: 'A pause covers today.' })
  paused(@Root() subscription: Subscription, @Ctx() ctx: SubscriptionsContext) {
    const today = dayOf(ctx.deps.now());
    return (
      !!subscription.pause && subscription.pause.from <= today && today < subscription.pause.until
    );
  }

  @FieldResolver(() => [CycleRecord], { description: 'Cycles created so far, oldest first.' })
  cycles(@Root() subscription: Subscription, @Ctx() ctx: SubscriptionsContext) {
    return ctx.subscriptionQueries.cycles(subscription._id);
  }
}

@Resolver(() => CycleRecord)
export class CycleRecordResolver {
  @FieldResolver(() => OrderRef, {
    nullable: true,
    description: 'The delivery order of the latest charge attempt.',
  })
  async order(@Root() record: CycleRecord, @Ctx() ctx: SubscriptionsContext) {
    const orderId = await ctx.subscriptionQueries.orderIdOf(record);
    return orderId ? orderRef(orderId) : null;
  }
}

@Resolver(() => SubscriptionDelivery)
export class SubscriptionDeliveryResolver {
  @FieldResolver(() => Subscription, { nullable: true })
  subscription(@Root() delivery: SubscriptionDelivery, @Ctx() ctx: SubscriptionsContext) {
    return ctx.subscriptionLoader.load(delivery.subscriptionId);
  }
}

/** `User.flowerSubscriptions`: for the user and admins. */
@Resolver(() => UserRef)
export class UserSubscriptionsResolver {
  @FieldResolver(() => [Subscription])
  flowerSubscriptions(@Root() user: UserRef, @Ctx() ctx: SubscriptionsContext) {
    const caller = requireUser(ctx.caller);
    if (caller.userId !== user.id && !hasRole(caller, 'ADMIN')) {
      throw forbidden('You can only see your own subscriptions.');
    }
    return ctx.subscriptionQueries.ofCustomer(user.id);
  }
}

/** `Store.flowerSubscriptions` and `Store.subscriptionCalendar`: for its seller and admins. */
@Resolver(() => StoreRef)
export class StoreSubscriptionsResolver {
  private async requireSeller(store: StoreRef, ctx: SubscriptionsContext) {
    const caller = requireUser(ctx.caller);
    const allowed =
      hasRole(caller, 'ADMIN') ||
      (hasRole(caller, 'SELLER') &&
        (await ctx.subscriptionQueries.ownsStore(caller.userId, store.id)));
    if (!allowed) throw forbidden('Only the store’s seller can see its subscriptions.');
  }

  @FieldResolver(() => [Subscription])
  async flowerSubscriptions(@Root() store: StoreRef, @Ctx() ctx: SubscriptionsContext) {
    await this.requireSeller(store, ctx);
    return ctx.subscriptionQueries.ofStore(store.id);
  }

  @FieldResolver(() => [SubscriptionDelivery], {
    description: 'Subscription deliveries from `from` (default today) for `days` days.',
  })
  async subscriptionCalendar(
    @Root() store: StoreRef,
    @Ctx() ctx: SubscriptionsContext,
    @Arg('from', () => String, { nullable: true }) from?: string,
    @Arg('days', () => Int, { defaultValue: 31 }) days = 31,
  ) {
    await this.requireSeller(store, ctx);
    if (days < 1 || days > 92) throw badInput('days must be between 1 and 92.');
    return ctx.subscriptionQueries.calendar(store.id, from ?? dayOf(ctx.deps.now()), days);
  }
}
