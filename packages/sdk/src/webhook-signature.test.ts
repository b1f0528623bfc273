import { createHmac } from 'node:crypto';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { BloomEvent, OrderPlacedPayload } from './generated/events.js';
import { signWebhook, verifyWebhook } from './webhook-signature.js';

const SECRET = 'whsec_current';
const OLD_SECRET = 'whsec_previous';
const NOW = 1_900_000_000; // unix seconds

const event = {
  id: 'evt-1',
  type: 'orders.order.confirmed',
  apiVersion: 1,
  occurredAt: '2030-03-17T17:46:40.000Z',
  payload: { orderId: 'o1', storeId: 's1', customerId: 'u1' },
} satisfies BloomEvent;
const body = JSON.stringify(event);

describe('verifyWebhook', () => {
  it('accepts a delivery signed with the secret, and hands back the typed event', () => {
    const header = signWebhook(body, SECRET, NOW);
    const expected = createHmac('sha256', SECRET).update(`${NOW}.${body}`).digest('hex');
    expect(header).toBe(`t=${NOW},v1=${expected}`);

    const result = verifyWebhook(body, header, SECRET, 300, NOW + 10);

    expect(result).toEqual({ ok: true, event, timestamp: NOW });
    if (result.ok && result.event.type === 'orders.order.confirmed') {
      expect(result.event.payload.orderId).toBe('o1');
    }
  });

  it('verifies the raw bytes as well as a string', () => {
    const bytes = new TextEncoder().encode(body);
    const header = signWebhook(bytes, SECRET, NOW);
    expect(header).toBe(signWebhook(body, SECRET, NOW));
    expect(verifyWebhook(bytes, header, SECRET, 300, NOW).ok).toBe(true);
  });

  it('refuses a tampered body', () => {
    const header = signWebhook(body, SECRET, NOW);
    const tampered = body.replace('"o1"', '"o2"');
    expect(verifyWebhook(tampered, header, SECRET, 300, NOW)).toEqual({
      ok: false,
      reason: 'SIGNATURE_MISMATCH',
    });
  });

  it('refuses a signature made with another secret', () => {
    const header = signWebhook(body, 'whsec_someone_else', NOW);
    expect(verifyWebhook(body, header, SECRET, 300, NOW)).toEqual({
      ok: false,
      reason: 'SIGNATURE_MISMATCH',
    });
  });

  it('refuses a delivery whose timestamp is outside the tolerance, either way', () => {
    const old = signWebhook(body, SECRET, NOW - 301);
    expect(verifyWebhook(body, old, SECRET, 300, NOW)).toEqual({
      ok: false,
      reason: 'TIMESTAMP_OUT_OF_TOLERANCE',
    });
    expect(verifyWebhook(body, signWebhook(body, SECRET, NOW + 301), SECRET, 300, NOW).ok).toBe(
      false,
    );
    expect(verifyWebhook(body, signWebhook(body, SECRET, NOW - 300), SECRET, 300, NOW).ok).toBe(
      true,
    );
    // The timestamp is signed: moving it forward breaks the signature.
    const moved = old.replace(`t=${NOW - 301}`, `t=${NOW}`);
    expect(verifyWebhook(body, moved, SECRET, 300, NOW)).toEqual({
      ok: false,
      reason: 'SIGNATURE_MISMATCH',
    });
  });

  it('accepts any of two v1 entries during a secret rotation', () => {
    const header = signWebhook(body, [SECRET, OLD_SECRET], NOW);
    expect(header.match(/v1=/g)).toHaveLength(2);

    // A receiver still on the old secret, one already on the new, one holding both.
    expect(verifyWebhook(body, header, OLD_SECRET, 300, NOW).ok).toBe(true);
    expect(verifyWebhook(body, header, SECRET, 300, NOW).ok).toBe(true);
    expect(
      verifyWebhook(body, signWebhook(body, OLD_SECRET, NOW), [SECRET, OLD_SECRET], 300, NOW).ok,
    ).toBe(true);
    expect(verifyWebhook(body, header, 'whsec_other', 300, NOW).ok).toBe(false);
    // The same, sent as two headers (Node hands over an array).
    const [t, v1New, v1Old] = header.split(',');
    expect(verifyWebhook(body, [`${t},${v1New}`, `${v1Old}`], OLD_SECRET, 300, NOW).ok).toBe(true);
  });

  it('tells a missing header from a malformed one', () => {
    const v1 = `v1=${'a'.repeat(64)}`;
    expect(verifyWebhook(body, undefined, SECRET)).toEqual({ ok: false, reason: 'MISSING_HEADER' });
    expect(verifyWebhook(body, '  ', SECRET)).toEqual({ ok: false, reason: 'MISSING_HEADER' });
    expect(verifyWebhook(body, [], SECRET)).toEqual({ ok: false, reason: 'MISSING_HEADER' });
    for (const header of [
      'garbage',
      v1,
      `t=${NOW}`,
      `t=soon,${v1}`,
      `t=${NOW},t=${NOW},${v1}`,
      `t=${NOW},v1=xyz`,
      `t=${NOW},v1=${'a'.repeat(63)}`,
      `t=${NOW},,${v1}`,
    ]) {
      expect(verifyWebhook(body, header, SECRET, 300, NOW), header).toEqual({
        ok: false,
        reason: 'MALFORMED_HEADER',
      });
    }
    // Unknown schemes are skipped, so a future v2 entry next to v1 still verifies.
    const header = signWebhook(body, SECRET, NOW);
    expect(verifyWebhook(body, `${header},v2=abc`, SECRET, 300, NOW).ok).toBe(true);
  });

  it('refuses a signed body that is not a JSON event envelope', () => {
    for (const text of ['not json', '[1,2]', '{"id":"x"}']) {
      expect(verifyWebhook(text, signWebhook(text, SECRET, NOW), SECRET, 300, NOW)).toEqual({
        ok: false,
        reason: 'INVALID_JSON',
      });
    }
  });

  it('needs a secret', () => {
    expect(() => verifyWebhook(body, signWebhook(body, SECRET, NOW), [])).toThrow(TypeError);
    expect(() => signWebhook(body, '', NOW)).toThrow(TypeError);
  });

  it('types the events by their `type`', () => {
    type Placed = Extract<BloomEvent, { type: 'orders.order.placed' }>;
    expectTypeOf<Placed['payload']>().toEqualTypeOf<OrderPlacedPayload>();
    expectTypeOf<OrderPlacedPayload['fulfilment']>().toEqualTypeOf<
      { type: 'DELIVERY' } | { type: 'PICKUP'; slotStart: string }
    >();
  });
});
