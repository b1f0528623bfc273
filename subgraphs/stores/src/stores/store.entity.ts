import {
  Embeddable,
  Embedded,
  Entity,
  Enum,
  Index,
  OptionalProps,
  PrimaryKey,
  Property,
  SerializedPrimaryKey,
  Unique,
} from '@mikro-orm/core';
import { ObjectId } from '@mikro-orm/mongodb';
import { type EventEnvelope, type OutboxCarrier, Revisioned } from '@bloom/kernel';
import { Directive, Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum StoreStatus {
  OPEN = 'OPEN',
  SUSPENDED = 'SUSPENDED',
  CLOSED = 'CLOSED',
}
registerEnumType(StoreStatus, {
  name: 'StoreStatus',
  valuesConfig: {
    OPEN: { description: 'Selling.' },
    SUSPENDED: { description: 'Stopped by an administrator; only an administrator reopens it.' },
    CLOSED: { description: 'Closed by its seller (or an administrator); not selling.' },
  },
});

export const DEFAULT_LOW_STOCK_THRESHOLD = 50;

@Embeddable()
@ObjectType({ description: 'Where the store is.' })
export class StoreAddress {
  @Property()
  @Field({ description: 'Region (시/도) code, e.g. "11" for 서울.' })
  regionCode!: string;

  @Property()
  @Field({ description: 'District (시/군/구) code, e.g. "11680" for 강남구.' })
  districtCode!: string;

  @Property()
  @Field()
  street!: string;

  @Property()
  @Field()
  detail: string = '';

  @Property()
  @Field()
  zipCode!: string;

  @Property()
  @Field(() => Float)
  latitude!: number;

  @Property()
  @Field(() => Float)
  longitude!: number;
}

@Embeddable()
@ObjectType({ description: 'Opening hours, Asia/Seoul wall-clock times.' })
export class BusinessHours {
  @Property()
  @Field({ description: '`HH:mm`' })
  opensAt!: string;

  @Property()
  @Field({ description: '`HH:mm`, after opensAt (no overnight hours).' })
  closesAt!: string;

  @Property({ type: 'json' })
  @Field(() => [Int], { description: 'Days the store is closed, 0 = Sunday … 6 = Saturday.' })
  closedWeekdays: number[] = [];
}

@Embeddable()
@ObjectType({ description: 'A delivery time window offered at checkout (Asia/Seoul).' })
export class StoreDeliveryWindow {
  @Property()
  @Field({ description: '`HH:mm`' })
  start!: string;

  @Property()
  @Field({ description: '`HH:mm`' })
  end!: string;
}

@Embeddable()
@ObjectType({ description: "The store's delivery fee rules and time windows." })
export class StoreDeliveryPolicy {
  @Property()
  @Field(() => Int, { description: 'KRW.' })
  fee: number = 3000;

  @Property({ type: 'integer', nullable: true })
  @Field(() => Int, {
    nullable: true,
    description: 'The fee is 0 once the product subtotal reaches this (KRW); null: never free.',
  })
  freeDeliveryThreshold?: number | null = 50000;

  @Property()
  @Field({ description: 'Orders before this time (`HH:mm`) can be delivered the same day.' })
  sameDayCutoff: string = '14:00';

  @Embedded(() => StoreDeliveryWindow, { array: true })
  @Field(() => [StoreDeliveryWindow])
  windows: StoreDeliveryWindow[] = [];
}

@Embeddable()
@ObjectType({ description: 'Pickup at the store: 30-minute slots within business hours.' })
export class PickupSettings {
  @Property()
  @Field()
  enabled: boolean = true;

  @Property()
  @Field(() => Int, { description: 'Orders per 30-minute slot.' })
  slotCapacity: number = 3;
}

@Embeddable()
@ObjectType({ description: 'Where settlements are paid; visible to the seller and admins.' })
export class SettlementAccount {
  @Property()
  @Field()
  bank!: string;

  @Property()
  @Field()
  accountNumber!: string;

  @Property()
  @Field()
  accountHolder!: string;
}

@Entity({ collection: 'stores' })
@Index({ properties: ['address.regionCode', 'address.districtCode'] })
@Index({ properties: ['address.latitude'] })
@Index({ properties: ['createdAt'] })
@ObjectType({ description: 'A flower shop selling through the marketplace.' })
@Directive('@key(fields: "id")')
export class Store extends Revisioned implements OutboxCarrier {
  [OptionalProps]?:
    | 'description'
    | 'lowStockThreshold'
    | 'status'
    | 'statusVersion'
    | 'createdAt'
    | 'updatedAt'
    | 'outbox'
    | 'eventSequence';

  @PrimaryKey()
  _id: ObjectId = new ObjectId();

  @SerializedPrimaryKey()
  @Field(() => ID)
  id!: string;

  /** One store per seller: the unique index makes concurrent creation safe. */
  @Property()
  @Unique()
  sellerId!: string;

  @Property()
  @Field()
  name!: string;

  @Property()
  @Field()
  description: string = '';

  @Property({ nullable: true })
  @Field({ nullable: true })
  thumbnailUrl?: string;

  @Property()
  @Field()
  phone!: string;

  @Embedded(() => StoreAddress, { object: true })
  @Field(() => StoreAddress)
  address!: StoreAddress;

  @Embedded(() => BusinessHours, { object: true })
  @Field(() => BusinessHours)
  businessHours!: BusinessHours;

  @Embedded(() => StoreDeliveryPolicy, { object: true })
  @Field(() => StoreDeliveryPolicy)
  deliveryPolicy!: StoreDeliveryPolicy;

  @Embedded(() => PickupSettings, { object: true })
  @Field(() => PickupSettings)
  pickup!: PickupSettings;

  @Embedded(() => SettlementAccount, { object: true })
  settlement!: SettlementAccount;

  /** A flower below this many stems is "low" and the seller is told once per window. */
  @Property()
  lowStockThreshold: number = DEFAULT_LOW_STOCK_THRESHOLD;

  /**
   * Projection of the status log (`store_status_log`) for listing filters. The log is the
   * authority; `project` moves this forward only (a compare-and-set on `statusVersion`).
   */
  @Enum(() => StoreStatus)
  status: StoreStatus = StoreStatus.OPEN;

  @Property()
  statusVersion: number = 0;

  @Property()
  @Field()
  createdAt: Date = new Date();

  @Property({ onUpdate: () => new Date() })
  @Field()
  updatedAt: Date = new Date();

  @Property({ type: 'json' })
  outbox: EventEnvelope[] = [];

  @Property()
  eventSequence: number = 0;

  /** Distance from the finder's reference point, set on finder results only. */
  @Property({ persist: false })
  @Field(() => Float, {
    nullable: true,
    description: 'Metres from the point the finder searched around; null elsewhere.',
  })
  distanceMeters?: number;
}
