import { InvalidInputError } from '@bloom/kernel';
import { createUnionType } from 'type-graphql';
import { Address } from './address.entity.js';
import { AddressNotFoundError } from './address.errors.js';

export const AddressResult = createUnionType({
  name: 'AddressResult',
  types: () => [Address, InvalidInputError, AddressNotFoundError] as const,
});
