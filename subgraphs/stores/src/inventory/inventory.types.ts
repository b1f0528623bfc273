import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'How many stems of a flower a store can sell now.' })
export class FlowerStock {
  @Field(() => Int, { description: 'Reference flower id, 1 to 22.' })
  flowerId!: number;

  @Field(() => Int)
  available!: number;
}

@ObjectType({ description: "A flower in the seller's inventory view." })
export class InventoryItem {
  @Field(() => Int)
  flowerId!: number;

  @Field(() => Int, { description: 'Can be sold now.' })
  available!: number;

  @Field(() => Int, { description: 'Held for orders that are not confirmed yet.' })
  reserved!: number;

  @Field(() => Int, { description: 'available + reserved.' })
  onHand!: number;

  @Field({ description: "Below the store's low-stock threshold." })
  low!: boolean;

  @Field({ nullable: true })
  updatedAt?: Date;
}

@ObjectType({ description: 'One movement of the stock ledger.' })
export class StockMovement {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  flowerId!: number;

  @Field({ description: 'SET, ADJUST, RESERVE, RELEASE, COMMIT or RESTOCK.' })
  kind!: string;

  @Field(() => Int, { description: 'Change of the sellable quantity.' })
  availableDelta!: number;

  @Field(() => Int, { description: 'Change of the quantity held for orders.' })
  reservedDelta!: number;

  @Field(() => Int)
  available!: number;

  @Field(() => Int)
  reserved!: number;

  @Field(() => ID, { nullable: true })
  orderId?: string;

  @Field({ nullable: true })
  reason?: string;

  @Field()
  at!: Date;
}

@ObjectType()
export class StockChange {
  @Field(() => Int)
  flowerId!: number;

  @Field(() => Int)
  delta!: number;
}

@ObjectType({ description: 'The result of a stock change.' })
export class InventoryUpdate {
  @Field(() => ID, { description: 'Pass it again as requestId to retry safely.' })
  adjustmentId!: string;

  @Field(() => [StockChange], { description: 'Flowers whose quantity changed.' })
  changes!: StockChange[];

  @Field(() => [InventoryItem], { description: 'The changed flowers now.' })
  items!: InventoryItem[];
}

@ObjectType()
export class StockShortage {
  @Field(() => Int)
  flowerId!: number;

  @Field(() => Int)
  requested!: number;

  @Field(() => Int)
  available!: number;
}

@InputType()
export class FlowerQuantityInput {
  @Field(() => Int)
  flowerId!: number;

  @Field(() => Int, { description: '0 to 1,000,000 stems.' })
  available!: number;
}

@InputType()
export class FlowerDeltaInput {
  @Field(() => Int)
  flowerId!: number;

  @Field(() => Int, { description: 'Stems to add (positive) or remove (negative).' })
  delta!: number;
}
