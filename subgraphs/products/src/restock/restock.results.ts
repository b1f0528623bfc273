import { createUnionType } from 'type-graphql';
import { ProductNotFoundError } from '../products/product.errors.js';
import { ProductAvailableError } from './restock.errors.js';
import { RestockAlertView } from './restock.types.js';

export const RestockAlertResult = createUnionType({
  name: 'RestockAlertResult',
  types: () => [RestockAlertView, ProductAvailableError, ProductNotFoundError] as const,
});
