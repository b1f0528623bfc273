import type { Dispatch, SetStateAction } from 'react';
import type { ChosenCoupon, Fulfilment, OrderGroup } from './checkout.types.js';
import { CouponPicker } from './coupon-picker.js';

/** A coupon, or none, for each store's order, among those fitting how it is received. */
export function CouponsForm({
  groups,
  mode,
  coupons,
  onCoupons,
}: {
  groups: OrderGroup[];
  mode: Fulfilment;
  /** The coupon chosen per store id. */
  coupons: Record<string, ChosenCoupon | null>;
  onCoupons: Dispatch<SetStateAction<Record<string, ChosenCoupon | null>>>;
}) {
  return (
    <section className="card stack" aria-labelledby="co-coupons">
      <h2 id="co-coupons" className="buy-section-title">
        쿠폰
      </h2>
      {groups.map((g) => (
        <CouponPicker
          key={g.store.id}
          group={g}
          showStore={groups.length > 1}
          mode={mode}
          value={coupons[g.store.id] ?? null}
          onChange={(coupon) => onCoupons((c) => ({ ...c, [g.store.id]: coupon }))}
        />
      ))}
    </section>
  );
}
