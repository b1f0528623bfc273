import { gql } from '@apollo/client';
import { FULFILMENT_LABEL } from '../../ui/buy-order-status.js';
import { useQuery } from '@apollo/client/react';
import { formatWon } from '@bloom/client-shared';
import { useEffect, useState } from 'react';
import { type CouponUse, CouponUseTag, couponFits } from '../../ui/browse-coupons.js';
import type { ChosenCoupon, Fulfilment, OrderGroup } from './checkout.types.js';

// Both ways' coupons at once: switching delivery/pickup needs no new request, and the picker
// knows when a chosen coupon stops fitting.
const COUPONS = gql`
  query CheckoutCoupons($storeId: ID!, $subtotal: Int!) {
    claimableCoupons(storeId: $storeId, subtotal: $subtotal) {
      id
      name
      discountAmount
      minOrderAmount
      claimedByMe
      onlyFor
    }
  }
`;

interface Coupon {
  id: string;
  name: string;
  discountAmount: number;
  minOrderAmount: number;
  claimedByMe: boolean;
  onlyFor: CouponUse;
}

/**
 * The coupons one store's order can use received this way, or none; one still to claim is
 * claimed on paying. A chosen coupon the new way cannot use is dropped, with a note.
 */
export function CouponPicker({
  group,
  showStore,
  mode,
  value,
  onChange,
}: {
  group: OrderGroup;
  showStore: boolean;
  mode: Fulfilment;
  value: ChosenCoupon | null;
  onChange: (coupon: ChosenCoupon | null) => void;
}) {
  const { data, loading } = useQuery<
    { claimableCoupons: Coupon[] },
    { storeId: string; subtotal: number }
  >(COUPONS, {
    variables: { storeId: group.store.id, subtotal: group.subtotal },
    fetchPolicy: 'cache-and-network',
  });
  const all = data?.claimableCoupons ?? [];
  const coupons = all.filter((c) => couponFits(c.onlyFor, mode));
  // Pickup-only coupons are worth a hint only where pickup is possible.
  const otherWay = all.filter(
    (c) => !couponFits(c.onlyFor, mode) && (c.onlyFor !== 'PICKUP' || group.store.pickup.enabled),
  ).length;
  const stale = value
    ? all.find((c) => c.id === value.id && !couponFits(c.onlyFor, mode))
    : undefined;
  // The note is about the switch just made: it goes with the next switch or choice.
  const [dropped, setDropped] = useState<{ name: string; onlyFor: Fulfilment } | null>(null);
  const [seenMode, setSeenMode] = useState(mode);
  if (seenMode !== mode) {
    setSeenMode(mode);
    setDropped(stale?.onlyFor ? { name: stale.name, onlyFor: stale.onlyFor } : null);
  }
  // The choice lives in the checkout form; it is told once the switch has been drawn.
  useEffect(() => {
    if (stale) onChange(null);
  }, [stale, onChange]);
  const choose = (coupon: ChosenCoupon | null) => {
    setDropped(null);
    onChange(coupon);
  };

  return (
    <div className="stack buy-coupons">
      {showStore && <p className="muted small">{group.store.name}</p>}
      {dropped && (
        <p className="notice small" role="status">
          ‘{dropped.name}’ 쿠폰은 {FULFILMENT_LABEL[dropped.onlyFor]} 전용이라 뺐어요.
        </p>
      )}
      {loading && !data ? (
        <p className="muted small">쿠폰을 확인하는 중…</p>
      ) : coupons.length === 0 ? (
        <p className="muted small">이 주문에 쓸 수 있는 쿠폰이 없어요.</p>
      ) : (
        <div className="stack" role="radiogroup" aria-label={`${group.store.name} 쿠폰`}>
          <label className="buy-radio">
            <input
              type="radio"
              name={`coupon-${group.store.id}`}
              checked={!value}
              onChange={() => choose(null)}
            />
            쿠폰 쓰지 않기
          </label>
          {coupons.map((c) => {
            const discount = Math.min(c.discountAmount, group.subtotal);
            return (
              <label key={c.id} className="buy-radio">
                <input
                  type="radio"
                  name={`coupon-${group.store.id}`}
                  checked={value?.id === c.id}
                  onChange={() =>
                    choose({ id: c.id, name: c.name, discount, claimed: c.claimedByMe })
                  }
                />
                <span>
                  {c.name} <strong className="buy-discount">−{formatWon(discount)}</strong>
                  <CouponUseTag onlyFor={c.onlyFor} />
                  {!c.claimedByMe && <span className="status-pill">받아서 사용</span>}
                  <br />
                  <span className="muted small">{formatWon(c.minOrderAmount)} 이상 주문 시</span>
                </span>
              </label>
            );
          })}
        </div>
      )}
      {otherWay > 0 && (
        <p className="muted small">
          {mode === 'DELIVERY' ? '매장 픽업으로' : '배송으로'} 받으면 쓸 수 있는 쿠폰이 {otherWay}장
          더 있어요.
        </p>
      )}
    </div>
  );
}
