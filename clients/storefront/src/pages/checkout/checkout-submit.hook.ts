import { useMutation } from '@apollo/client/react';
import { type Dispatch, type FormEvent, type SetStateAction, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { errorText, formatWon, type TypedError } from '@bloom/client-shared';
import { CLAIM_COUPON, type ClaimCouponData } from '../../ui/browse-coupons.js';
import { trimmedAddress } from '../../ui/buy-fields.js';
import { newIdempotencyKey } from '../../ui/buy-idempotency.js';
import {
  type CheckoutFieldErrors,
  checkoutFieldErrors,
  hasFieldErrors,
  NO_FIELD_ERRORS,
  serverFieldErrors,
} from './checkout-fields.js';
import { checkoutInput } from './checkout-input.js';
import { CHECKOUT } from './checkout.operations.js';
import type { PricedGroup } from './checkout-quote.hook.js';
import type {
  BuyNow,
  CheckoutInput,
  CheckoutResult,
  ChosenCoupon,
  Fulfilment,
  OrderGroup,
} from './checkout.types.js';
import type { DeliveryChoice } from './delivery-choice.hook.js';
import { useRememberAddress } from './remember-address.hook.js';
import { isEasyPay, type PaymentMethod } from './payment-methods.js';
import { payQueuePath } from '../pay/pay-queue.js';

/**
 * Placing the order: checks what is missing, claims coupons still to claim, sends the checkout
 * once per tap and goes to the order, or says why not.
 */
export function useCheckoutSubmit({
  groups,
  buyNow,
  mode,
  delivery,
  payment,
  slots,
  priced,
  total,
  setCoupons,
  holdServerTotal,
  refetchQuote,
  onRepriced,
}: {
  groups: OrderGroup[];
  buyNow: BuyNow | null;
  mode: Fulfilment;
  delivery: DeliveryChoice;
  payment: PaymentMethod;
  slots: Record<string, string>;
  priced: PricedGroup[];
  total: number;
  setCoupons: Dispatch<SetStateAction<Record<string, ChosenCoupon | null>>>;
  holdServerTotal: (serverTotal: number) => void;
  refetchQuote: () => Promise<unknown>;
  /** Prices changed on the server: read them again. */
  onRepriced: () => void;
}) {
  const navigate = useNavigate();
  // One key for this checkout screen: a double tap or a retry after a lost response returns
  // the first result instead of ordering twice.
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [problem, setProblem] = useState<TypedError | null>(null);
  const [fieldErrors, setFieldErrors] = useState<CheckoutFieldErrors>(NO_FIELD_ERRORS);
  const [sending, setSending] = useState(false);
  const inFlight = useRef(false);

  const [claim] = useMutation<ClaimCouponData, { id: string }>(CLAIM_COUPON);
  const [checkout] = useMutation<{ checkout: CheckoutResult }, { input: CheckoutInput }>(CHECKOUT, {
    refetchQueries: ['Badges'],
  });
  const rememberAddress = useRememberAddress();
  const { date, deliveryWindow } = delivery;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // State is not updated yet within the same tap: a ref stops a second submit at once.
    if (inFlight.current) return;
    setProblem(null);
    // Every input's problem at once, next to it, before anything is sent.
    const local = checkoutFieldErrors({
      groups,
      delivering: mode === 'DELIVERY',
      address: delivery.addressPick.address,
      note: delivery.note,
      sender: delivery.sender,
    });
    setFieldErrors(local);
    if (hasFieldErrors(local)) {
      setProblem({ code: 'CHECK_FIELDS', message: '빨간 글씨로 표시된 곳을 고쳐 주세요.' });
      return;
    }
    if (mode === 'DELIVERY' && (!date || !deliveryWindow)) {
      setProblem({ code: 'NO_WINDOW', message: '배송 날짜와 시간을 골라 주세요.' });
      return;
    }
    const missingSlot = mode === 'PICKUP' && groups.find((g) => !slots[g.store.id]);
    if (missingSlot) {
      setProblem({
        code: 'PICKUP_SLOT_REQUIRED',
        message: `${missingSlot.store.name}의 픽업 시간을 골라 주세요.`,
      });
      return;
    }
    inFlight.current = true;
    setSending(true);
    try {
      // A coupon still to claim is claimed first: checkout only redeems claimed coupons.
      for (const p of priced) {
        if (!p.coupon || p.coupon.claimed) continue;
        const { data } = await claim({ variables: { id: p.coupon.id } });
        const claimed = data?.claimCoupon;
        if (
          claimed &&
          claimed.__typename !== 'CouponClaim' &&
          claimed.code !== 'COUPON_ALREADY_CLAIMED'
        ) {
          setProblem({ code: claimed.code ?? 'COUPON', message: claimed.message ?? '' });
          return;
        }
        // Claimed now: a retry of this checkout must not claim it again.
        const claimedCoupon: ChosenCoupon = { ...p.coupon, claimed: true };
        setCoupons((c) => ({ ...c, [p.group.store.id]: claimedCoupon }));
      }
      const input = checkoutInput({
        idempotencyKey,
        mode,
        total,
        buyNow,
        address: trimmedAddress(delivery.addressPick.address),
        date,
        deliveryWindow,
        note: delivery.note,
        sender: delivery.sender,
        payment,
        groups,
        slots,
        priced,
      });
      const { data } = await checkout({ variables: { input } });
      const result = data?.checkout;
      if (!result) return;
      switch (result.__typename) {
        case 'CheckoutSuccess': {
          // Best effort, and once: a replayed result (a double tap) was already recorded.
          if (mode === 'DELIVERY' && !result.replayed) {
            rememberAddress(delivery.addressPick, delivery.saveIt);
          }
          const [first] = result.orders;
          if (isEasyPay(payment)) {
            // Each store's order is approved on the wallet's page in turn, then shown.
            await navigate(payQueuePath(result.orders.map((o) => o.id)), { replace: true });
            return;
          }
          await navigate(first ? `/orders/${first.id}` : '/orders', {
            replace: true,
            state: { placed: result.orders.map((o) => o.id) },
          });
          return;
        }
        case 'TotalMismatchError':
          // Never charge a total the shopper did not see: show the server's and ask again.
          holdServerTotal(result.serverTotal);
          onRepriced();
          void refetchQuote();
          setProblem({
            code: result.code,
            message: `금액이 바뀌었어요 (${formatWon(result.clientTotal)} → ${formatWon(result.serverTotal)}). 확인 후 다시 결제해 주세요.`,
          });
          return;
        case 'CouponNotApplicableError':
          setCoupons((c) =>
            Object.fromEntries(
              Object.entries(c).map(([k, v]) => [k, v?.id === result.couponId ? null : v]),
            ),
          );
          setProblem(result);
          return;
        default:
          setFieldErrors(serverFieldErrors(result) ?? NO_FIELD_ERRORS);
          setProblem(result);
      }
    } catch (failure) {
      // The order may or may not exist: the same key makes the retry safe.
      setProblem({
        code: 'NETWORK',
        message: `연결이 끊겼어요. 다시 결제하기를 눌러도 두 번 주문되지 않아요. (${errorText(failure)})`,
      });
    } finally {
      inFlight.current = false;
      setSending(false);
    }
  };

  return { submit, problem, fieldErrors, sending };
}
