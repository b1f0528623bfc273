import { gql } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import type { BuyNow, ChosenCoupon, Fulfilment, OrderGroup } from './checkout.types.js';

/** The server's prices for what is chosen so far (no address needed); nothing is reserved. */
const QUOTE = gql`
  query CheckoutQuote($input: CheckoutQuoteInput!) {
    checkoutQuote(input: $input) {
      __typename
      ... on CheckoutQuote {
        total
        stores {
          storeId
          discount
          deliveryFee
          total
        }
      }
    }
  }
`;

interface QuoteData {
  checkoutQuote:
    | {
        __typename: 'CheckoutQuote';
        total: number;
        stores: { storeId: string; discount: number; deliveryFee: number; total: number }[];
      }
    | { __typename: string };
}

/** One store's order as it will be charged. */
export interface PricedGroup {
  group: OrderGroup;
  coupon: ChosenCoupon | null;
  discount: number;
  fee: number;
  total: number;
}

/**
 * What the checkout costs: the server's quote for the current choices, the same rule computed
 * here until it comes, and a server total held after a mismatch for the choices it was for.
 */
export function useCheckoutQuote({
  groups,
  buyNow,
  mode,
  coupons,
}: {
  groups: OrderGroup[];
  buyNow: BuyNow | null;
  mode: Fulfilment;
  coupons: Record<string, ChosenCoupon | null>;
}) {
  const [repriced, setRepriced] = useState<{ signature: string; total: number } | null>(null);

  const couponChoices = groups.flatMap((g) => {
    const coupon = coupons[g.store.id];
    return coupon ? [{ storeId: g.store.id, couponId: coupon.id }] : [];
  });
  const quoted = useQuery<QuoteData>(QUOTE, {
    variables: {
      input: {
        fulfilment: mode,
        ...(buyNow ? { buyNow } : {}),
        ...(couponChoices.length ? { coupons: couponChoices } : {}),
      },
    },
    fetchPolicy: 'network-only',
  });
  const quote =
    quoted.data?.checkoutQuote.__typename === 'CheckoutQuote'
      ? (quoted.data.checkoutQuote as Extract<
          QuoteData['checkoutQuote'],
          { __typename: 'CheckoutQuote' }
        >)
      : null;
  // The server's amounts when its quote has come; the same rule computed here until then.
  const priced: PricedGroup[] = groups.map((g) => {
    const coupon = coupons[g.store.id] ?? null;
    const server = quote?.stores.find((q) => q.storeId === g.store.id);
    const discount = server?.discount ?? (coupon ? Math.min(coupon.discount, g.subtotal) : 0);
    const fee = server?.deliveryFee ?? (mode === 'DELIVERY' ? g.deliveryFee : 0);
    return { group: g, coupon, discount, fee, total: server?.total ?? g.subtotal - discount + fee };
  });
  const computed = quote?.total ?? priced.reduce((sum, p) => sum + p.total, 0);
  // What decides the price; a server total accepted for one choice is not for another.
  const signature = JSON.stringify({
    mode,
    coupons: priced.map((p) => p.coupon?.id ?? null),
    lines: groups.map((g) => g.lines.map((l) => [l.productId, l.quantity])),
  });
  const total = repriced?.signature === signature ? repriced.total : computed;

  return {
    priced,
    total,
    /** The server's total after a mismatch: shown and charged while the choices stay. */
    holdServerTotal: (serverTotal: number) => setRepriced({ signature, total: serverTotal }),
    refetch: () => quoted.refetch(),
  };
}
