import type { TypedError } from '@bloom/client-shared';
import type { PaymentMethod } from './payment-methods.js';

export type Fulfilment = 'DELIVERY' | 'PICKUP';

export interface DeliveryDate {
  date: string;
  sameDay: boolean;
  windows: { start: string; end: string }[];
}

/** What checkout knows about a store: how it delivers and whether it does pickup. */
export interface StoreTerms {
  id: string;
  name: string;
  status: 'OPEN' | 'SUSPENDED' | 'CLOSED';
  pickup: { enabled: boolean };
  businessHours: { opensAt: string; closesAt: string; closedWeekdays: number[] };
  deliveryPolicy: { fee: number; freeDeliveryThreshold: number | null };
  deliveryDates: DeliveryDate[];
}

/** One store's part of the checkout: one order. */
export interface OrderGroup {
  store: StoreTerms;
  lines: {
    productId: string;
    name: string;
    quantity: number;
    amount: number;
    /** How many the store can make now: the most that can be ordered. */
    available: number;
    imageUrl?: string;
  }[];
  subtotal: number;
  /** What delivery would cost for this subtotal (pickup never pays it). */
  deliveryFee: number;
}

export interface ChosenCoupon {
  id: string;
  name: string;
  discount: number;
  claimed: boolean;
}

/** Buying one product straight from its page, without the cart. */
export interface BuyNow {
  productId: string;
  quantity: number;
}

export interface CheckoutInput {
  idempotencyKey: string;
  buyNow?: BuyNow;
  fulfilment: Fulfilment;
  delivery?: {
    recipientName: string;
    phone: string;
    zipCode: string;
    street: string;
    detail?: string;
    deliveryDate: string;
    window: string;
    note?: string;
    senderName?: string;
    senderPhone?: string;
    anonymous: boolean;
  };
  pickupSlots?: { storeId: string; startsAt: string }[];
  coupons?: { storeId: string; couponId: string }[];
  expectedTotal: number;
  payment?: { method: PaymentMethod; returnUrl?: string };
}

export type CheckoutResult =
  | {
      __typename: 'CheckoutSuccess';
      total: number;
      replayed: boolean;
      orders: { id: string; number: string; status: string }[];
    }
  | ({ __typename: 'TotalMismatchError'; clientTotal: number; serverTotal: number } & TypedError)
  | ({ __typename: 'UnavailableError'; resourceId: string } & TypedError)
  | ({ __typename: 'NotEnoughStockError'; productId: string; available: number } & TypedError)
  | ({ __typename: 'CouponNotApplicableError'; couponId: string } & TypedError)
  | ({ __typename: 'InvalidInputError'; field: string } & TypedError)
  | ({ __typename: 'EmptyCartError' | 'IdempotencyKeyReusedError' } & TypedError);
