import { registerEnumType } from 'type-graphql';

/** Every kind of notice the spec names, plus the subscription news each side needs. */
export enum NoticeKind {
  RESTOCK_AVAILABLE = 'RESTOCK_AVAILABLE',
  ORDER_CONFIRMED = 'ORDER_CONFIRMED',
  ORDER_FAILED = 'ORDER_FAILED',
  DELIVERY_STARTED = 'DELIVERY_STARTED',
  DELIVERED = 'DELIVERED',
  PICKUP_READY = 'PICKUP_READY',
  SUBSCRIPTION_CHARGED = 'SUBSCRIPTION_CHARGED',
  SUBSCRIPTION_RETRYING = 'SUBSCRIPTION_RETRYING',
  SUBSCRIPTION_FAILED = 'SUBSCRIPTION_FAILED',
  SUBSCRIPTION_CANCELED = 'SUBSCRIPTION_CANCELED',
  SUBSCRIPTION_UPDATE = 'SUBSCRIPTION_UPDATE',
  NEW_ORDER = 'NEW_ORDER',
  ORDER_CANCELED = 'ORDER_CANCELED',
  STOCK_LOW = 'STOCK_LOW',
  QUESTION_ASKED = 'QUESTION_ASKED',
  QUESTION_ANSWERED = 'QUESTION_ANSWERED',
  SELLER_APPLICATION = 'SELLER_APPLICATION',
  SELLER_APPROVED = 'SELLER_APPROVED',
  SELLER_REJECTED = 'SELLER_REJECTED',
  SETTLEMENT_READY = 'SETTLEMENT_READY',
  WEBHOOK_DISABLED = 'WEBHOOK_DISABLED',
}
registerEnumType(NoticeKind, {
  name: 'NoticeKind',
  description: 'What a notice is about; each kind goes to one side (customer, seller or admins).',
  valuesConfig: {
    RESTOCK_AVAILABLE: { description: 'Customer: a product they asked about is back in stock.' },
    ORDER_CONFIRMED: { description: 'Customer: their order was confirmed and paid.' },
    ORDER_FAILED: { description: 'Customer: their order could not be completed (with why).' },
    DELIVERY_STARTED: { description: 'Customer: their order is out for delivery.' },
    DELIVERED: { description: 'Customer: their order was delivered.' },
    PICKUP_READY: { description: 'Customer: their pickup order is ready at the store.' },
    SUBSCRIPTION_CHARGED: { description: 'Customer: a subscription cycle was charged.' },
    SUBSCRIPTION_RETRYING: {
      description:
        'Customer: a subscription cycle could not be charged or ordered this time and will be retried.',
    },
    SUBSCRIPTION_FAILED: {
      description:
        'Customer: a subscription cycle will not be delivered (nothing charged), or the subscription was suspended because the card was declined.',
    },
    SUBSCRIPTION_CANCELED: {
      description:
        'Customer: the platform or an administrator ended their subscription (product no longer sold, store closed).',
    },
    SUBSCRIPTION_UPDATE: {
      description:
        'Seller: news about a subscription to their store (new, skipped or missed delivery, suspended, canceled).',
    },
    NEW_ORDER: { description: 'Seller: a confirmed order for their store.' },
    ORDER_CANCELED: { description: 'Seller: an order of their store was canceled.' },
    STOCK_LOW: { description: 'Seller: a flower’s stock fell below the alert threshold.' },
    QUESTION_ASKED: { description: 'Seller: a customer asked about a product.' },
    QUESTION_ANSWERED: { description: 'Customer: the store answered their question.' },
    SELLER_APPLICATION: { description: 'Admins: a seller applied (or applied again).' },
    SELLER_APPROVED: { description: 'Applicant: their seller application was approved.' },
    SELLER_REJECTED: { description: 'Applicant: their seller application was rejected.' },
    SETTLEMENT_READY: { description: 'Seller: a monthly settlement is ready.' },
    WEBHOOK_DISABLED: {
      description:
        'Integrator: one of their webhook endpoints was disabled after repeated failures.',
    },
  },
});

/**
 * SMS policy per kind (spec: SMS for what a customer needs even offline). Urgent texts go out
 * at once, even in quiet hours: an order's result is awaited right after paying, and a started
 * delivery needs the recipient reachable now. A restock or an answer is still useful at
 * 08:00, so it waits out quiet hours. Kinds not listed here are in-app only.
 *
 * Subscriptions: the final outcome of a cycle (SUBSCRIPTION_FAILED: suspended or missed) and a
 * platform cancellation (SUBSCRIPTION_CANCELED) are the "order result" of a standing order: the
 * customer must learn that flowers will not come, or update the card, even offline. Nobody is
 * waiting on them the way a buyer waits right after paying (billing runs days before delivery),
 * so they respect quiet hours. SUBSCRIPTION_RETRYING stays in-app: the retry needs nothing
 * from the customer and may already have succeeded by the time a deferred text would go out;
 * one SMS per cycle outcome, not one per attempt. SUBSCRIPTION_CHARGED is routine (and card
 * issuers text charges themselves); SUBSCRIPTION_UPDATE is seller-side: both in-app only.
 */
export const SMS_POLICY: Partial<Record<NoticeKind, { urgent: boolean }>> = {
  [NoticeKind.ORDER_CONFIRMED]: { urgent: true },
  [NoticeKind.ORDER_FAILED]: { urgent: true },
  [NoticeKind.DELIVERY_STARTED]: { urgent: true },
  [NoticeKind.RESTOCK_AVAILABLE]: { urgent: false },
  [NoticeKind.QUESTION_ANSWERED]: { urgent: false },
  [NoticeKind.SUBSCRIPTION_FAILED]: { urgent: false },
  [NoticeKind.SUBSCRIPTION_CANCELED]: { urgent: false },
};
