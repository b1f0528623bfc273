import { InvalidInputError } from '@bloom/kernel';
import { createUnionType } from 'type-graphql';
import { InsufficientStockError } from './inventory.errors.js';
import { InventoryUpdate } from './inventory.types.js';

export const SetStockResult = createUnionType({
  name: 'SetStockResult',
  types: () => [InventoryUpdate, InvalidInputError] as const,
});

export const AdjustStockResult = createUnionType({
  name: 'AdjustStockResult',
  types: () => [InventoryUpdate, InvalidInputError, InsufficientStockError] as const,
});
