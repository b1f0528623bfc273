import type { AddressValue } from '../../ui/buy-fields.js';
import type { PricedGroup } from './checkout-quote.hook.js';
import type { BuyNow, CheckoutInput, Fulfilment, OrderGroup } from './checkout.types.js';
import type { CommonDeliveryDate } from './delivery-dates.js';
import { isEasyPay, PAY_RETURN_PATH, type PaymentMethod } from './payment-methods.js';
import type { Sender } from './sender-form.js';

/** What the checkout mutation is sent: the delivery or the pickup slots, and the coupons. */
export function checkoutInput({
  idempotencyKey,
  mode,
  total,
  buyNow,
  address,
  date,
  deliveryWindow,
  note,
  sender,
  payment,
  groups,
  slots,
  priced,
}: {
  idempotencyKey: string;
  mode: Fulfilment;
  /** The total the shopper saw: the server refuses to charge another. */
  total: number;
  buyNow: BuyNow | null;
  /** Trimmed already. */
  address: AddressValue;
  date: CommonDeliveryDate | null;
  deliveryWindow: string | null;
  note: string;
  sender: Sender;
  payment: PaymentMethod;
  groups: OrderGroup[];
  /** The pickup slot chosen per store id. */
  slots: Record<string, string>;
  priced: PricedGroup[];
}): CheckoutInput {
  return {
    idempotencyKey,
    fulfilment: mode,
    expectedTotal: total,
    ...(buyNow ? { buyNow } : {}),
    // The wallet sends the browser back here; the server only accepts the shop's own origin.
    payment: isEasyPay(payment)
      ? { method: payment, returnUrl: `${window.location.origin}${PAY_RETURN_PATH}` }
      : { method: payment },
    ...(mode === 'DELIVERY' && date && deliveryWindow
      ? {
          delivery: {
            recipientName: address.recipientName,
            phone: address.phone,
            zipCode: address.zipCode,
            street: address.line1,
            ...(address.line2 ? { detail: address.line2 } : {}),
            deliveryDate: date.date,
            window: deliveryWindow,
            ...(note.trim() ? { note: note.trim() } : {}),
            ...(sender.name.trim() ? { senderName: sender.name.trim() } : {}),
            ...(sender.phone.trim() ? { senderPhone: sender.phone.trim() } : {}),
            anonymous: sender.anonymous,
          },
        }
      : {}),
    ...(mode === 'PICKUP'
      ? {
          pickupSlots: groups.map((g) => ({
            storeId: g.store.id,
            startsAt: slots[g.store.id] ?? '',
          })),
        }
      : {}),
    ...(priced.some((p) => p.coupon)
      ? {
          coupons: priced.flatMap((p) =>
            p.coupon ? [{ storeId: p.group.store.id, couponId: p.coupon.id }] : [],
          ),
        }
      : {}),
  };
}
