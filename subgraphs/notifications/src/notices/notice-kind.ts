import { registerEnumType } from 'type-graphql';

/** Every kind of notice the spec names. */
export enum NoticeKind {
  RESTOCK_AVAILABLE = 'RESTOCK_AVAILABLE',
  ORDER_CONFIRMED = 'ORDER_CONFIRMED',
  ORDER_FAILED = 'ORDER_FAILED',
  DELIVERY_STARTED = 'DELIVERY_STARTED',
  DELIVERED = 'DELIVERED',
  PICKUP_READY = 'PICKUP_READY',
  SUBSCRIPTION_CHARGED = 'SUBSCRIPTION_CHARGED',
  SUBSCRIPTION_FAILED = 'SUBSCRIPTION_FAILED',
  NEW_ORDER = 'NEW_ORDER',
  ORDER_CANCELED = 'ORDER_CANCELED',
  STOCK_LOW = 'STOCK_LOW',
  QUESTION_ASKED = 'QUESTION_ASKED',
  QUESTION_ANSWERED = 'QUESTION_ANSWERED',
  SELLER_APPLICATION = 'SELLER_APPLICATION',
  SELLER_APPROVED = 'SELLER_APPROVED',
  SELLER_REJECTED = 'SELLER_REJECTED',
  SETTLEMENT_READY = 'SETTLEMENT_READY',
}
registerEnumType(NoticeKind, { name: 'NoticeKind' });

/**
 * SMS policy per kind (spec: SMS for what a customer needs even offline). Urgent texts go out
 * at once, even in quiet hours: an order's result is awaited right after paying, and a started
 * delivery needs the recipient reachable now. A restock or an answer is still useful at
 * 08:00, so it waits out quiet hours. Kinds not listed here are in-app only.
 */
export const SMS_POLICY: Partial<Record<NoticeKind, { urgent: boolean }>> = {
  [NoticeKind.ORDER_CONFIRMED]: { urgent: true },
  [NoticeKind.ORDER_FAILED]: { urgent: true },
  [NoticeKind.DELIVERY_STARTED]: { urgent: true },
  [NoticeKind.RESTOCK_AVAILABLE]: { urgent: false },
  [NoticeKind.QUESTION_ANSWERED]: { urgent: false },
};
