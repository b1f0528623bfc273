import { addDays, badInput, isLocalDate, seoulParts } from '@bloom/kernel';
import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Store, StoreStatus } from '../stores/store.entity.js';
import type { StoresContext } from '../stores.context.js';
import { slotsOn } from './pickup-slots.js';
import { PickupSlot } from './pickup.types.js';

const BOOKING_HORIZON_DAYS = 30;

@Resolver(() => Store)
export class StorePickupResolver {
  @FieldResolver(() => [PickupSlot], {
    description: 'Pickup slots of a day (`YYYY-MM-DD`, Asia/Seoul), up to 30 days ahead.',
  })
  async pickupSlots(
    @Root() store: Store,
    @Arg('date') date: string,
    @Ctx() ctx: StoresContext,
  ): Promise<PickupSlot[]> {
    const now = ctx.deps.now();
    const today = seoulParts(now).date;
    if (!isLocalDate(date) || date < today || date > addDays(today, BOOKING_HORIZON_DAYS)) {
      throw badInput(
        `date must be a YYYY-MM-DD from today to ${BOOKING_HORIZON_DAYS} days ahead.`,
        {
          field: 'date',
        },
      );
    }
    if (!store.pickup.enabled) return [];
    const slots = slotsOn(store, date);
    const capacity = store.pickup.slotCapacity;
    const booked = await ctx.infra.book.booked(
      store.id,
      slots.map((s) => s.startsAt),
      capacity,
    );
    const open = (await ctx.loaders.status.load(store.id)).status === StoreStatus.OPEN;
    return slots.map((slot) => {
      const taken = booked.get(slot.startsAt.toISOString()) ?? 0;
      const remaining = Math.max(0, capacity - taken);
      return Object.assign(new PickupSlot(), {
        ...slot,
        capacity,
        booked: taken,
        remaining,
        bookable: open && remaining > 0 && slot.startsAt.getTime() > now.getTime(),
      });
    });
  }
}
