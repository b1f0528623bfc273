import {
  InvalidInputError,
  firstProblem,
  isLocalDate,
  seoulDate,
  textProblem,
} from '@bloom/kernel';
import { isEasyPay } from '../payments/payment-method.js';
import type { CheckoutQuoteInput, PaymentChoiceInput } from './checkout.types.js';
import { Fulfilment } from './order.entity.js';

/** A client's idempotency key must be long enough to be unique and short enough to index. */
export function idempotencyKeyProblem(key: string): InvalidInputError | null {
  if (key.length < 8 || key.length > 100) {
    return InvalidInputError.of(
      'idempotencyKey',
      'Use 8 to 100 characters.',
      'INVALID_IDEMPOTENCY_KEY',
    );
  }
  return null;
}

/** Longest accepted delivery texts (trimmed); longer ones are refused, never cut. */
export const DELIVERY_TEXT_LIMITS = {
  recipientName: 50,
  senderName: 50,
  street: 200,
  detail: 200,
  note: 300,
};

const MOBILE = /^01[016789]-?\d{3,4}-?\d{4}$/;

/** The delivery address or the pickup slots a checkout needs before it is placed. */
export function checkFulfilment(input: CheckoutQuoteInput, now: Date): InvalidInputError | null {
  if (input.fulfilment === Fulfilment.DELIVERY) {
    const d = input.delivery;
    if (!d) return InvalidInputError.of('delivery', 'Say where to deliver.', 'DELIVERY_REQUIRED');
    const tooLong = firstProblem(
      textProblem(d.recipientName, 'delivery.recipientName', DELIVERY_TEXT_LIMITS.recipientName),
      textProblem(d.street, 'delivery.street', DELIVERY_TEXT_LIMITS.street),
      textProblem(d.detail, 'delivery.detail', DELIVERY_TEXT_LIMITS.detail, false),
      textProblem(d.note, 'delivery.note', DELIVERY_TEXT_LIMITS.note, false),
      textProblem(d.senderName, 'delivery.senderName', DELIVERY_TEXT_LIMITS.senderName, false),
    );
    if (tooLong) return tooLong;
    if (!MOBILE.test(d.phone.trim())) {
      return InvalidInputError.of(
        'delivery.phone',
        'Enter a mobile number such as 010-1234-5678.',
        'INVALID_PHONE',
      );
    }
    if (d.senderPhone?.trim() && !MOBILE.test(d.senderPhone.trim())) {
      return InvalidInputError.of(
        'delivery.senderPhone',
        'Enter the sender’s mobile number such as 010-1234-5678.',
        'INVALID_PHONE',
      );
    }
    if (!/^\d{5}$/.test(d.zipCode.trim())) {
      return InvalidInputError.of(
        'delivery.zipCode',
        'Enter the five-digit postal code.',
        'INVALID_ZIP',
      );
    }
    if (!isLocalDate(d.deliveryDate) || d.deliveryDate < seoulDate(now)) {
      return InvalidInputError.of(
        'delivery.deliveryDate',
        'Choose today or a later date.',
        'INVALID_DATE',
      );
    }
    // The store's windows are checked when it is priced; this only bounds the text.
    if (!/^\d{2}:\d{2}-\d{2}:\d{2}$/.test(d.window.trim())) {
      return InvalidInputError.of('delivery.window', 'Choose a time window.', 'INVALID_WINDOW');
    }
    return null;
  }
  const slots = input.pickupSlots ?? [];
  if (slots.length === 0) {
    return InvalidInputError.of('pickupSlots', 'Choose a pickup slot.', 'PICKUP_SLOT_REQUIRED');
  }
  for (const slot of slots) {
    const at = slot.startsAt;
    if (
      at.getTime() <= now.getTime() ||
      at.getUTCMinutes() % 30 !== 0 ||
      at.getUTCSeconds() !== 0
    ) {
      return InvalidInputError.of(
        'pickupSlots',
        'Pickup slots start every 30 minutes in the future.',
        'INVALID_SLOT',
      );
    }
  }
  return null;
}

const LOOPBACK = /^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?$/;

/**
 * Easy pay needs a returnUrl, and it must point at an allowed origin: the provider redirects
 * the customer's browser there, so an arbitrary URL would make the platform an open redirect.
 */
export function checkPayment(
  payment: PaymentChoiceInput | undefined,
  allowedOrigins: readonly string[],
): InvalidInputError | null {
  if (!payment || !isEasyPay(payment.method)) return null;
  const raw = payment.returnUrl?.trim() ?? '';
  if (!raw) {
    return InvalidInputError.of(
      'payment.returnUrl',
      'Easy pay needs the page the provider sends the customer back to.',
      'RETURN_URL_REQUIRED',
    );
  }
  let origin: string;
  try {
    origin = new URL(raw).origin;
  } catch {
    origin = '';
  }
  const allowed =
    raw.length <= 500 &&
    (allowedOrigins.length > 0 ? allowedOrigins.includes(origin) : LOOPBACK.test(origin));
  if (!allowed) {
    return InvalidInputError.of(
      'payment.returnUrl',
      'The return page must be on the shop’s own address.',
      'RETURN_URL_NOT_ALLOWED',
    );
  }
  return null;
}
