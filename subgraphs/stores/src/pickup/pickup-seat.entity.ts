import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * One booked place in a pickup slot, `_id = <storeId>:<slotStart ISO>:<seat>` with
 * `seat < capacity`. A booking is an insert, so a slot can never hold more bookings than it
 * has seats, however many customers book at once. Releasing deletes the seat.
 */
@Entity({ collection: 'pickup_seats' })
@Index({ properties: ['orderId'] })
export class PickupSeat {
  @PrimaryKey()
  _id!: string;

  @Property()
  storeId!: string;

  @Property()
  slotStart!: Date;

  @Property()
  seat!: number;

  @Property()
  orderId!: string;

  @Property()
  bookedAt!: Date;
}
