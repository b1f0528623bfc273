import { gql } from '@apollo/client';
import { CART_VIEW, type CartGroup, type CartView } from '../../ui/buy-cart.js';
import { INVALID_INPUT } from '@bloom/client-shared';
import type { StoreTerms } from './checkout.types.js';

/** What checkout needs to know about each store: how it delivers and whether it does pickup. */
const STORE_TERMS = gql`
  fragment CheckoutStore on Store {
    id
    name
    status
    pickup {
      enabled
    }
    businessHours {
      opensAt
      closesAt
      closedWeekdays
    }
    deliveryPolicy {
      fee
      freeDeliveryThreshold
    }
    deliveryDates(days: 14) {
      date
      sameDay
      windows {
        start
        end
      }
    }
  }
`;

export const CHECKOUT_CART = gql`
  query CheckoutCart {
    cart {
      ...CartView
      groups {
        store {
          ...CheckoutStore
        }
      }
    }
  }
  ${CART_VIEW}
  ${STORE_TERMS}
`;

export interface CheckoutCartData {
  cart: Omit<CartView, 'groups'> & { groups: (Omit<CartGroup, 'store'> & { store: StoreTerms })[] };
}

export const BUY_NOW = gql`
  query BuyNow($id: ID!) {
    product(id: $id) {
      id
      name
      price
      saleStatus
      isSubscription
      availableQuantity
      images {
        url
      }
      store {
        ...CheckoutStore
      }
    }
  }
  ${STORE_TERMS}
`;

export interface BuyNowData {
  product: {
    id: string;
    name: string;
    price: number;
    saleStatus: string;
    isSubscription: boolean;
    availableQuantity: number;
    images: { url: string }[];
    store: StoreTerms;
  } | null;
}

export const CHECKOUT = gql`
  mutation Checkout($input: CheckoutInput!) {
    checkout(input: $input) {
      __typename
      ... on CheckoutSuccess {
        total
        replayed
        orders {
          id
          number
          status
        }
      }
      ... on TotalMismatchError {
        code
        message
      }
      ... on EmptyCartError {
        code
        message
      }
      ... on UnavailableError {
        code
        message
      }
      ... on CouponNotApplicableError {
        code
        message
      }
      ... on NotEnoughStockError {
        code
        message
        productId
        available
      }
      ... on IdempotencyKeyReusedError {
        code
        message
      }
      ...InvalidInputFields
      ... on TotalMismatchError {
        clientTotal
        serverTotal
      }
      ... on UnavailableError {
        resourceId
      }
      ... on CouponNotApplicableError {
        couponId
      }
    }
  }
  ${INVALID_INPUT}
`;

export const SAVE_ADDRESS = gql`
  mutation SaveAddress($input: AddressInput!) {
    saveAddress(input: $input) {
      __typename
    }
  }
`;

export const MARK_ADDRESS_USED = gql`
  mutation MarkAddressUsed($id: ID!) {
    markAddressUsed(id: $id) {
      __typename
    }
  }
`;
