/** Server-side pricing of one store's part of a checkout: integer KRW throughout. */
export interface PricedLine {
  productId: string;
  unitPrice: number;
  quantity: number;
}

export interface StorePolicy {
  deliveryFee: number;
  freeDeliveryThreshold?: number | null;
}

export interface CouponTerms {
  discountAmount: number;
  minOrderAmount: number;
}

export interface Quote {
  subtotal: number;
  discount: number;
  deliveryFee: number;
  total: number;
}

/** Delivery is free once the product subtotal reaches the threshold; pickup never pays. */
export function deliveryFeeFor(policy: StorePolicy, subtotal: number, delivery: boolean): number {
  if (!delivery) return 0;
  const threshold = policy.freeDeliveryThreshold;
  return threshold !== undefined && threshold !== null && subtotal >= threshold
    ? 0
    : policy.deliveryFee;
}

/** Null when the coupon does not apply to this subtotal. */
export function couponDiscount(coupon: CouponTerms, subtotal: number): number | null {
  if (subtotal < coupon.minOrderAmount) return null;
  return Math.min(coupon.discountAmount, subtotal);
}

export function quote(
  lines: PricedLine[],
  policy: StorePolicy,
  delivery: boolean,
  discount = 0,
): Quote {
  const subtotal = lines.reduce((sum, line) => sum + line.unitPrice * line.quantity, 0);
  const deliveryFee = deliveryFeeFor(policy, subtotal, delivery);
  return { subtotal, discount, deliveryFee, total: subtotal - discount + deliveryFee };
}
