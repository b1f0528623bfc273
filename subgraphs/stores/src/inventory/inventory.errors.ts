import { UserError } from '@bloom/kernel';
import { Field, ObjectType } from 'type-graphql';
import { StockShortage } from './inventory.types.js';

@ObjectType({ implements: UserError, description: 'Stock would go below zero; nothing changed.' })
export class InsufficientStockError extends UserError {
  @Field(() => [StockShortage])
  shortages!: StockShortage[];
}
