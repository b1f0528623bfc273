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

export interface Coupon {
  id: string;
  name: string;
  code: string;
  discountAmount: number;
  minOrderAmount: number;
  startsAt: string;
  endsAt: string;
  issueLimit: number;
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
