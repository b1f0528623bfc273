import { Connection } from '@bloom/kernel';
import { Field, Float, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Store, StoreStatus } from './store.entity.js';

export const StoreConnection = Connection(Store, 'StoreConnection');

@InputType()
export class StoreAddressInput {
  @Field()
  regionCode!: string;

  @Field()
  districtCode!: string;

  @Field()
  street!: string;

  @Field({ nullable: true })
  detail?: string;

  @Field({ description: 'Five digits.' })
  zipCode!: string;

  @Field(() => Float)
  latitude!: number;

  @Field(() => Float)
  longitude!: number;
}

@InputType()
export class BusinessHoursInput {
  @Field({ description: '`HH:mm`, Asia/Seoul.' })
  opensAt!: string;

  @Field({ description: '`HH:mm`, Asia/Seoul, after opensAt.' })
  closesAt!: string;

  @Field(() => [Int], { nullable: true, description: '0 = Sunday … 6 = Saturday.' })
  closedWeekdays?: number[];
}

@InputType()
export class SettlementAccountInput {
  @Field({ description: 'One of the settlement banks.' })
  bank!: string;

  @Field()
  accountNumber!: string;

  @Field()
  accountHolder!: string;
}

@InputType()
export class StoreDeliveryWindowInput {
  @Field({ description: '`HH:mm`' })
  start!: string;

  @Field({ description: '`HH:mm`' })
  end!: string;
}

@InputType()
export class StoreDeliveryPolicyInput {
  @Field(() => Int, { description: 'KRW, 0 to 100,000.' })
  fee!: number;

  @Field(() => Int, {
    nullable: true,
    description: 'Free delivery from this product subtotal (KRW); omit or null: never free.',
  })
  freeDeliveryThreshold?: number | null;

  @Field({ description: '`HH:mm`: orders before it can be delivered the same day.' })
  sameDayCutoff!: string;

  @Field(() => [StoreDeliveryWindowInput], { description: '1 to 8 non-overlapping windows.' })
  windows!: StoreDeliveryWindowInput[];
}

@InputType()
export class PickupSettingsInput {
  @Field()
  enabled!: boolean;

  @Field(() => Int, { description: 'Orders per 30-minute slot, 1 to 50.' })
  slotCapacity!: number;
}

@InputType({ description: "An approved seller's store." })
export class CreateStoreInput {
  @Field()
  name!: string;

  @Field({ nullable: true })
  description?: string;

  @Field({ nullable: true })
  thumbnailUrl?: string;

  @Field({ description: 'e.g. 02-123-4567 or 010-1234-5678.' })
  phone!: string;

  @Field(() => StoreAddressInput)
  address!: StoreAddressInput;

  @Field(() => BusinessHoursInput)
  businessHours!: BusinessHoursInput;

  @Field(() => SettlementAccountInput)
  settlementAccount!: SettlementAccountInput;

  @Field(() => StoreDeliveryPolicyInput, {
    nullable: true,
    description: 'Defaults apply if omitted.',
  })
  deliveryPolicy?: StoreDeliveryPolicyInput;

  @Field(() => PickupSettingsInput, { nullable: true, description: 'Defaults apply if omitted.' })
  pickup?: PickupSettingsInput;

  @Field(() => Int, { nullable: true, description: 'Low-stock alert threshold, default 50.' })
  lowStockThreshold?: number;
}

@InputType({ description: 'Only the fields given change.' })
export class UpdateStoreInput {
  @Field({ nullable: true })
  name?: string;

  @Field({ nullable: true })
  description?: string;

  @Field({ nullable: true })
  thumbnailUrl?: string;

  @Field({ nullable: true })
  phone?: string;

  @Field(() => StoreAddressInput, { nullable: true })
  address?: StoreAddressInput;

  @Field(() => BusinessHoursInput, { nullable: true })
  businessHours?: BusinessHoursInput;

  @Field(() => SettlementAccountInput, { nullable: true })
  settlementAccount?: SettlementAccountInput;

  @Field(() => Int, { nullable: true })
  lowStockThreshold?: number;
}

export enum StoreSort {
  RATING = 'RATING',
  NEWEST = 'NEWEST',
  DISTANCE = 'DISTANCE',
}
registerEnumType(StoreSort, {
  name: 'StoreSort',
  valuesConfig: {
    RATING: { description: 'Best rated first.' },
    NEWEST: { description: 'Most recently opened first.' },
    DISTANCE: { description: 'Nearest first; needs `near` or `bounds`.' },
  },
});

@InputType({ description: 'A point and a radius.' })
export class StoreNearInput {
  @Field(() => Float)
  latitude!: number;

  @Field(() => Float)
  longitude!: number;

  @Field(() => Int, { description: 'Metres, 1 to 50,000.' })
  radiusMeters!: number;
}

@InputType({ description: 'A map view: south-west and north-east corners.' })
export class StoreBoundsInput {
  @Field(() => Float)
  south!: number;

  @Field(() => Float)
  west!: number;

  @Field(() => Float)
  north!: number;

  @Field(() => Float)
  east!: number;
}

@InputType({ description: 'All given filters apply together.' })
export class StoreFilter {
  @Field({ nullable: true })
  regionCode?: string;

  @Field({ nullable: true })
  districtCode?: string;

  @Field(() => StoreNearInput, { nullable: true })
  near?: StoreNearInput;

  @Field(() => StoreBoundsInput, { nullable: true })
  bounds?: StoreBoundsInput;

  @Field({ nullable: true, description: 'Part of the store name.' })
  name?: string;

  @Field(() => StoreStatus, {
    nullable: true,
    description: 'Admins only; everyone else sees OPEN stores.',
  })
  status?: StoreStatus;
}

@ObjectType({ description: 'A delivery window on a given day, with its instants.' })
export class StoreDeliveryWindowOption {
  @Field({ description: '`HH:mm`' })
  start!: string;

  @Field({ description: '`HH:mm`' })
  end!: string;

  @Field()
  startsAt!: Date;

  @Field()
  endsAt!: Date;
}

@ObjectType({ description: 'A day the store delivers, with the windows still open to order.' })
export class StoreDeliveryDate {
  @Field({ description: '`YYYY-MM-DD`, Asia/Seoul.' })
  date!: string;

  @Field()
  sameDay!: boolean;

  @Field(() => [StoreDeliveryWindowOption])
  windows!: StoreDeliveryWindowOption[];
}

@InputType({ description: 'Admin store list filters; all given filters apply together.' })
export class AdminStoreFilter {
  @Field(() => StoreStatus, { nullable: true, description: 'Omit for every status.' })
  status?: StoreStatus;

  @Field({ nullable: true })
  regionCode?: string;

  @Field({ nullable: true })
  districtCode?: string;

  @Field({ nullable: true, description: 'Part of the store name.' })
  name?: string;
}
