import { fieldName, type TypedError } from '@bloom/client-shared';
import { REVIEW_LIMITS } from './review.operations.js';

/** Where a problem is shown: next to its field, or above the submit button for the whole form. */
export type ReviewField = 'rating' | 'text' | 'photos' | 'form';

export interface ReviewProblem {
  field: ReviewField;
  message: string;
  /** The line was reviewed already: the form offers the product's reviews instead. */
  reviewed?: boolean;
}

const PHOTO_CODES: Record<string, string> = {
  UNKNOWN_IMAGE: '올린 사진을 찾을 수 없어요. 사진을 빼고 다시 올려 주세요.',
};

/** A refusal of createReview in Korean, placed next to the field it is about. */
export function reviewProblem(error: TypedError & { __typename?: string }): ReviewProblem {
  if (error.__typename === 'AlreadyReviewedError' || error.code === 'ALREADY_REVIEWED') {
    return {
      field: 'form',
      message: '이 주문 상품은 이미 리뷰를 남겼어요. 리뷰는 주문 상품마다 한 번만 쓸 수 있어요.',
      reviewed: true,
    };
  }
  if (error.__typename === 'NotEligibleToReviewError' || error.code === 'NOT_ELIGIBLE') {
    return {
      field: 'form',
      message: '배송이 끝났거나 픽업한 주문의 상품만 리뷰를 쓸 수 있어요.',
    };
  }
  switch (fieldName(error.field)) {
    case 'rating':
      return { field: 'rating', message: '별점을 1점부터 5점 중에서 골라 주세요.' };
    case 'text':
      return {
        field: 'text',
        message: `리뷰는 ${REVIEW_LIMITS.text.toLocaleString('ko-KR')}자까지 쓸 수 있어요.`,
      };
    case 'photos':
      return {
        field: 'photos',
        message:
          PHOTO_CODES[error.code] ??
          `사진은 ${REVIEW_LIMITS.photos}장까지, 직접 올린 사진만 붙일 수 있어요.`,
      };
    default:
      return { field: 'form', message: '입력한 내용을 확인해 주세요.' };
  }
}
