import { describe, expect, it } from 'vitest';
import { PaymentLedger } from './payment.ledger.js';

const input = (orderId: string) => ({
  orderId,
  amount: 1_000,
  orderName: 'Daisies',
  customerKey: 'c',
});

describe('PaymentLedger', () => {
  it('forgets the oldest payments past its capacity, order index included', () => {
    const ledger = new PaymentLedger(2);
    const first = ledger.ready(input('o1'));
    ledger.ready(input('o2'));
    ledger.ready(input('o3'));
    expect(ledger.list().map((p) => p.orderId)).toEqual(['o2', 'o3']);
    expect(ledger.get(first.paymentKey)).toBeUndefined();
    expect(ledger.findByOrder('o1')).toBeUndefined();
  });

  it('refuses expired cards and keeps only the masked number', () => {
    const ledger = new PaymentLedger(10, () => new Date('2026-11-25T00:00:00Z'));
    const card = { number: '5555555555554444', expiryYear: 2026, expiryMonth: 10 };
    expect(() => ledger.issueBillingKey({ customerKey: 'c', card })).toThrow('expired');
    const issued = ledger.issueBillingKey({ customerKey: 'c', card: { ...card, expiryMonth: 11 } });
    expect(issued.card.maskedNumber).toBe('5555********4444');
  });
});
