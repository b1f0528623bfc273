import { InvalidInputError } from '@bloom/kernel';
import { createUnionType } from 'type-graphql';
import { ApiKeyLimitError } from './api-key.errors.js';
import { ApiKeyCreated } from './api-key.types.js';

export const CreateApiKeyResult = createUnionType({
  name: 'CreateApiKeyResult',
  types: () => [ApiKeyCreated, InvalidInputError, ApiKeyLimitError] as const,
});
