import { InvalidInputError } from '@bloom/kernel';
import { createUnionType } from 'type-graphql';
import { Review } from './review.entities.js';
import { AlreadyReviewedError, NotEligibleToReviewError } from './review.errors.js';

export const CreateReviewResult = createUnionType({
  name: 'CreateReviewResult',
  types: () => [Review, NotEligibleToReviewError, AlreadyReviewedError, InvalidInputError] as const,
});

export type CreateReviewResultType =
  Review | NotEligibleToReviewError | AlreadyReviewedError | InvalidInputError;
