import { gql } from '@apollo/client';
import { INVALID_INPUT, type TypedError } from '@bloom/client-shared';

const COUPON = gql`
  fragment SellerCoupon on Coupon {
    id
    name
    code
    discountAmount
    minOrderAmount
    startsAt
    endsAt
    issueLimit
    onlyFor
    issuedCount
    remaining
    active
    createdAt
  }
`;

export const SELLER_COUPONS = gql`
  query SellerCoupons {
    myStore {
      id
      coupons(includeEnded: true) {
        ...SellerCoupon
      }
    }
  }
  ${COUPON}
`;

const RESULT = gql`
  fragment SellerCouponResult on CouponResult {
    __typename
    ...SellerCoupon
    ...InvalidInputFields
    ... on CouponCodeTakenError {
      code
      message
    }
  }
  ${COUPON}
  ${INVALID_INPUT}
`;

export const CREATE_COUPON = gql`
  mutation SellerCreateCoupon($storeId: ID!, $input: CreateCouponInput!) {
    createCoupon(storeId: $storeId, input: $input) {
      ...SellerCouponResult
    }
  }
  ${RESULT}
`;

export const UPDATE_COUPON = gql`
  mutation SellerUpdateCoupon($couponId: ID!, $input: UpdateCouponInput!) {
    updateCoupon(couponId: $couponId, input: $input) {
      ...SellerCouponResult
    }
  }
  ${RESULT}
`;

export const DELETE_COUPON = gql`
  mutation SellerDeleteCoupon($couponId: ID!) {
    deleteCoupon(couponId: $couponId) {
      ...SellerCoupon
    }
  }
  ${COUPON}
`;

/** The one way of receiving an order a coupon is for; null: delivery and pickup alike. */
export type CouponUse = 'DELIVERY' | 'PICKUP' | null;

/** The florist's words for it, in the form and in the list. */
export const COUPON_USE_LABEL: Record<'ANY' | 'DELIVERY' | 'PICKUP', string> = {
  ANY: '배송·픽업 모두',
  DELIVERY: '배송 주문만',
  PICKUP: '픽업 주문만',
};

export interface Coupon {
  id: string;
  name: string;
  code: string;
  discountAmount: number;
  minOrderAmount: number;
  startsAt: string;
  endsAt: string;
  issueLimit: number;
  onlyFor: CouponUse;
  issuedCount: number;
  remaining: number;
  active: boolean;
  createdAt: string;
}

export interface CouponsData {
  myStore: { id: string; coupons: Coupon[] } | null;
}

export interface CouponInput {
  name: string;
  code: string;
  discountAmount: number;
  minOrderAmount: number;
  startsAt: string;
  endsAt: string;
  issueLimit: number;
  /** Create: omitted for both ways. Update: omitted keeps it (null counts as omitted). */
  onlyFor?: 'DELIVERY' | 'PICKUP';
  /** Update only: true lifts the limit. */
  anyFulfilment?: boolean;
}

export type CouponResult =
  | ({ __typename: 'Coupon' } & Coupon)
  | (TypedError & { __typename: 'InvalidInputError'; field: string })
  | (TypedError & { __typename: 'CouponCodeTakenError' });

export interface CreateCouponData {
  createCoupon: CouponResult;
}
export interface UpdateCouponData {
  updateCoupon: CouponResult;
}
export interface DeleteCouponData {
  deleteCoupon: Coupon;
}
