import { useState } from 'react';
import type { BuyNow, ChosenCoupon, Fulfilment, OrderGroup } from './checkout.types.js';
import { useCheckoutQuote } from './checkout-quote.hook.js';
import { useCheckoutSubmit } from './checkout-submit.hook.js';
import { CouponsForm } from './coupons-form.js';
import { useDeliveryChoice } from './delivery-choice.hook.js';
import { DeliveryForm } from './delivery-form.js';
import { FulfilmentChoice } from './fulfilment-choice.js';
import { OrderItems } from './order-items.js';
import { OrderSummary } from './order-summary.js';
import { PaymentBar } from './payment-bar.js';
import { PaymentMethodChoice } from './payment-method-choice.js';
import type { PaymentMethod } from './payment-methods.js';
import { PickupForm } from './pickup-form.js';
import { SenderForm } from './sender-form.js';

/** The checkout screen: what is ordered, how it arrives, coupons, the amounts, and paying. */
export function CheckoutForm({
  groups,
  buyNow,
  onQuantity,
  onRepriced,
}: {
  groups: OrderGroup[];
  buyNow: BuyNow | null;
  onQuantity?: (quantity: number) => void;
  /** Prices changed on the server: read them again. */
  onRepriced: () => void;
}) {
  const [fulfilment, setFulfilment] = useState<Fulfilment>('DELIVERY');
  const delivery = useDeliveryChoice(groups);
  const [slots, setSlots] = useState<Record<string, string>>({});
  const [coupons, setCoupons] = useState<Record<string, ChosenCoupon | null>>({});
  const [payment, setPayment] = useState<PaymentMethod>('CARD');

  const pickupPossible = groups.every((g) => g.store.pickup.enabled);
  const mode: Fulfilment = pickupPossible ? fulfilment : 'DELIVERY';

  const quote = useCheckoutQuote({ groups, buyNow, mode, coupons });
  const { submit, problem, fieldErrors, sending } = useCheckoutSubmit({
    groups,
    buyNow,
    mode,
    delivery,
    payment,
    slots,
    priced: quote.priced,
    total: quote.total,
    setCoupons,
    holdServerTotal: quote.holdServerTotal,
    refetchQuote: quote.refetch,
    onRepriced,
  });

  // More than the store can make: no total to pay until the quantity comes down.
  const overStock = groups.some((g) => g.lines.some((l) => l.quantity > l.available));
  const invalidField = problem?.__typename === 'InvalidInputError' ? problem.field : undefined;

  return (
    <form className="buy-page stack" onSubmit={(event) => void submit(event)} noValidate>
      <h1>주문하기</h1>
      <OrderItems
        groups={groups}
        onQuantity={buyNow ? onQuantity : undefined}
        stockErrors={fieldErrors.stock}
      />
      <FulfilmentChoice mode={mode} pickupPossible={pickupPossible} onChange={setFulfilment} />
      {mode === 'DELIVERY' ? (
        <DeliveryForm
          delivery={delivery}
          severalStores={groups.length > 1}
          invalidField={invalidField}
          errors={fieldErrors}
        />
      ) : (
        <PickupForm groups={groups} slots={slots} onSlots={setSlots} />
      )}
      {mode === 'DELIVERY' && (
        <SenderForm
          sender={delivery.sender}
          onChange={delivery.setSender}
          errors={fieldErrors.sender}
        />
      )}
      <CouponsForm groups={groups} mode={mode} coupons={coupons} onCoupons={setCoupons} />
      <PaymentMethodChoice method={payment} onChange={setPayment} severalStores={groups.length} />
      <OrderSummary priced={quote.priced} mode={mode} total={quote.total} method={payment} />
      <PaymentBar
        problem={problem}
        sending={sending}
        total={quote.total}
        method={payment}
        overStock={overStock}
      />
    </form>
  );
}
