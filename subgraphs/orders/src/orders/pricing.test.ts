import { describe, expect, it } from 'vitest';
import { couponDiscount, quote } from './pricing.js';

const policy = { deliveryFee: 3000, freeDeliveryThreshold: 50000 };

describe('pricing', () => {
  it('charges the delivery fee below the threshold and none from it on', () => {
    expect(quote([{ productId: 'a', unitPrice: 20000, quantity: 2 }], policy, true)).toEqual({
      subtotal: 40000,
      discount: 0,
      deliveryFee: 3000,
      total: 43000,
    });
    expect(quote([{ productId: 'a', unitPrice: 25000, quantity: 2 }], policy, true).total).toBe(
      50000,
    );
  });

  it('never charges pickup a fee', () => {
    expect(quote([{ productId: 'a', unitPrice: 1000, quantity: 1 }], policy, false).total).toBe(
      1000,
    );
  });

  it('applies a coupon only from its minimum amount, never beyond the subtotal', () => {
    expect(couponDiscount({ discountAmount: 5000, minOrderAmount: 30000 }, 29999)).toBeNull();
    expect(couponDiscount({ discountAmount: 5000, minOrderAmount: 30000 }, 30000)).toBe(5000);
    expect(couponDiscount({ discountAmount: 5000, minOrderAmount: 0 }, 3000)).toBe(3000);
  });
});
