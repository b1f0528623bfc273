import { gql } from '@apollo/client';
import type { TypedError } from '@bloom/client-shared';

/** The API's limits for a review (products subgraph, CreateReviewInput). */
export const REVIEW_LIMITS = { text: 1000, photos: 5 } as const;

/** As the server counts: UTF-16 units of the trimmed text. */
export const reviewTextLength = (text: string): number => text.trim().length;

export const REVIEWABLE_LINES = gql`
  query ReviewableLines($orderId: ID) {
    reviewableOrderLines(orderId: $orderId) {
      orderLineId
      orderId
      productId
      completedAt
      product {
        id
        name
        images {
          url
        }
      }
    }
  }
`;

export interface ReviewableLine {
  orderLineId: string;
  orderId: string;
  productId: string;
  completedAt: string;
  product: { id: string; name: string; images: { url: string }[] } | null;
}

export interface ReviewableLinesData {
  reviewableOrderLines: ReviewableLine[];
}

export const CREATE_REVIEW = gql`
  mutation WriteReview($input: CreateReviewInput!) {
    createReview(input: $input) {
      __typename
      ... on Review {
        id
        productId
        product {
          id
          ratingAverage
          ratingCount
          photoReviewCount
          ratingBreakdown {
            stars
            count
          }
        }
      }
      ... on NotEligibleToReviewError {
        code
        message
      }
      ... on AlreadyReviewedError {
        code
        message
      }
      ... on InvalidInputError {
        code
        message
        field
      }
    }
  }
`;

export interface CreateReviewVars {
  input: { orderLineId: string; rating: number; text: string; photos: string[] };
}

export type CreateReviewResult =
  | { __typename: 'Review'; id: string; productId: string }
  | (TypedError & {
      __typename: 'NotEligibleToReviewError' | 'AlreadyReviewedError' | 'InvalidInputError';
    });
