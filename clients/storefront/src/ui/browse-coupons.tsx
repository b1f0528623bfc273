import { gql } from '@apollo/client';
import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { ErrorNotice, formatDay, formatWon, seoulDay, UserErrorNotice } from '@bloom/client-shared';
import { type UserErrorData, useAccountGate, userErrorOf } from './browse-account.js';

/** Spread into `Store.coupons`: the store's coupons not yet ended (a public list). */
export const BROWSE_COUPON = gql`
  fragment BrowseCoupon on Coupon {
    id
    name
    discountAmount
    minOrderAmount
    startsAt
    endsAt
    remaining
    claimedByMe
    onlyFor
  }
`;

export interface BrowseCouponData {
  id: string;
  name: string;
  discountAmount: number;
  minOrderAmount: number;
  startsAt: string;
  endsAt: string;
  remaining: number;
  claimedByMe: boolean;
  onlyFor: CouponUse;
}

/** The one way of receiving an order a coupon is for; null: delivery and pickup alike. */
export type CouponUse = 'DELIVERY' | 'PICKUP' | null;

/** Whether an order received this way may use the coupon. */
export const couponFits = (onlyFor: CouponUse, mode: 'DELIVERY' | 'PICKUP') =>
  !onlyFor || onlyFor === mode;

/** "픽업 전용" or "배송 전용" next to a coupon limited to one way; nothing otherwise. */
export function CouponUseTag({ onlyFor }: { onlyFor: CouponUse }) {
  if (!onlyFor) return null;
  return (
    <span className="status-pill coupon-use-tag">
      {onlyFor === 'PICKUP' ? '픽업 전용' : '배송 전용'}
    </span>
  );
}

/**
 * Claims a coupon here and at checkout (which claims a chosen coupon before it orders). The
 * claim returns the coupon's id, so the cache updates `claimedByMe` and `remaining` in place.
 */
export const CLAIM_COUPON = gql`
  mutation ClaimCoupon($id: ID!) {
    claimCoupon(couponId: $id) {
      __typename
      ... on CouponClaim {
        status
        coupon {
          id
          claimedByMe
          remaining
        }
      }
      ... on CouponUnavailableError {
        code
        message
      }
      ... on CouponSoldOutError {
        code
        message
      }
      ... on CouponAlreadyClaimedError {
        code
        message
      }
    }
  }
`;

export interface ClaimCouponData {
  claimCoupon: { __typename: string; code?: string; message?: string };
}

/** An instant as its Seoul calendar day, "2월 23일 (화)". */
const dayOf = (iso: string) => formatDay(seoulDay(0, new Date(iso)));

export function CouponList({ coupons }: { coupons: BrowseCouponData[] }) {
  if (coupons.length === 0) return null;
  return (
    <ul className="browse-coupons">
      {coupons.map((coupon) => (
        <CouponRow key={coupon.id} coupon={coupon} />
      ))}
    </ul>
  );
}

function CouponRow({ coupon }: { coupon: BrowseCouponData }) {
  const gate = useAccountGate();
  const [claim, { loading, error }] = useMutation<ClaimCouponData>(CLAIM_COUPON);
  const [problem, setProblem] = useState<UserErrorData | null>(null);
  // "Now" as of when the row appeared: a render must not read the clock.
  const [shownAt] = useState(() => Date.now());
  const notStarted = new Date(coupon.startsAt).getTime() > shownAt;
  const soldOut = coupon.remaining === 0 && !coupon.claimedByMe;

  const onClaim = () => {
    if (!gate.ensureSignedIn()) return;
    setProblem(null);
    claim({ variables: { id: coupon.id } }).then(
      (result) => setProblem(result.data ? userErrorOf(result.data.claimCoupon) : null),
      // The hook's `error` shows an unexpected failure.
      () => undefined,
    );
  };

  return (
    <li className="browse-coupon">
      <div className="browse-coupon-body">
        <strong className="browse-coupon-amount">
          {formatWon(coupon.discountAmount)} 할인 <CouponUseTag onlyFor={coupon.onlyFor} />
        </strong>
        <span>{coupon.name}</span>
        <span className="muted small">
          {coupon.minOrderAmount > 0
            ? `${formatWon(coupon.minOrderAmount)} 이상 구매 시`
            : '금액 조건 없음'}
          {' · '}
          {notStarted ? `${dayOf(coupon.startsAt)}부터 ` : ''}
          {dayOf(coupon.endsAt)}까지
        </span>
        <UserErrorNotice error={problem} />
        {error && <ErrorNotice error={error} />}
      </div>
      <button
        type="button"
        className={`button${coupon.claimedByMe || soldOut ? ' secondary' : ''} browse-coupon-claim${coupon.claimedByMe ? ' claimed' : ''}`}
        disabled={coupon.claimedByMe || soldOut || loading}
        onClick={onClaim}
        aria-label={coupon.claimedByMe ? `${coupon.name} 받은 쿠폰` : `${coupon.name} 쿠폰 받기`}
      >
        {coupon.claimedByMe ? '받음 ✓' : soldOut ? '소진' : loading ? '받는 중…' : '받기'}
      </button>
    </li>
  );
}
