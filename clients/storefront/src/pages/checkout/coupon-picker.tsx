import { gql } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { formatWon } from '@bloom/client-shared';
import type { ChosenCoupon, OrderGroup } from './checkout.types.js';

const COUPONS = gql`
  query CheckoutCoupons($storeId: ID!, $subtotal: Int!) {
    claimableCoupons(storeId: $storeId, subtotal: $subtotal) {
      id
      name
      discountAmount
      minOrderAmount
      claimedByMe
    }
  }
`;

interface Coupon {
  id: string;
  name: string;
  discountAmount: number;
  minOrderAmount: number;
  claimedByMe: boolean;
}

/** The coupons one store's order can use, or none; one still to claim is claimed on paying. */
export function CouponPicker({
  group,
  showStore,
  value,
  onChange,
}: {
  group: OrderGroup;
  showStore: boolean;
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
  const coupons = data?.claimableCoupons ?? [];
  return (
    <div className="stack buy-coupons">
      {showStore && <p className="muted small">{group.store.name}</p>}
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
              onChange={() => onChange(null)}
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
                    onChange({ id: c.id, name: c.name, discount, claimed: c.claimedByMe })
                  }
                />
                <span>
                  {c.name} <strong className="buy-discount">−{formatWon(discount)}</strong>
                  {!c.claimedByMe && <span className="status-pill">받아서 사용</span>}
                  <br />
                  <span className="muted small">{formatWon(c.minOrderAmount)} 이상 주문 시</span>
                </span>
              </label>
            );
          })}
        </div>
      )}
    </div>
  );
}
