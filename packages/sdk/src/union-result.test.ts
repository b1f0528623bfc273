import { afterEach, describe, expect, it } from 'vitest';
import { type FakeGateway, startFakeGateway } from '../test/fake-gateway.js';
import { checkoutInput } from '../test/fixtures.js';
import { createBloomClient } from './bloom.client.js';
import { CheckoutDocument, type CheckoutMutation } from './generated/graphql.js';
import { BloomResultError, toResult, unwrap } from './union-result.js';

let gateway: FakeGateway | undefined;
afterEach(async () => {
  await gateway?.close();
  gateway = undefined;
});

type CheckoutResult = CheckoutMutation['checkout'];
// Through a function, so the variables keep the whole union type (no narrowing on assignment).
const asResult = (value: CheckoutResult): CheckoutResult => value;

const mismatch = asResult({
  __typename: 'TotalMismatchError',
  code: 'TOTAL_MISMATCH',
  message: '결제 금액이 달라졌어요.',
  clientTotal: 23000,
  serverTotal: 26000,
});

describe('typed error results', () => {
  it('turns a checkout error member into { ok: false, error } with its own fields', async () => {
    gateway = await startFakeGateway(() => ({ body: { data: { checkout: mismatch } } }));
    const client = createBloomClient({ url: gateway.url, apiKey: 'bk_test' });

    const { checkout } = await client.request(CheckoutDocument, { input: checkoutInput() });
    const result = toResult(checkout, 'CheckoutSuccess');

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({
      __typename: 'TotalMismatchError',
      code: 'TOTAL_MISMATCH',
    });
    // The union narrows: a mismatch carries both totals.
    if (result.error.__typename === 'TotalMismatchError') {
      expect(result.error.serverTotal - result.error.clientTotal).toBe(3000);
    }
  });

  it('turns the success member into { ok: true, value }', () => {
    const success = asResult({
      __typename: 'CheckoutSuccess',
      total: 23000,
      replayed: true,
      orders: [],
    });
    const result = toResult(success, 'CheckoutSuccess');
    expect(result).toEqual({ ok: true, value: success });
    if (result.ok) expect(result.value.replayed).toBe(true);
    expect(unwrap(success, 'CheckoutSuccess').total).toBe(23000);
  });

  it('unwrap throws the error member as a BloomResultError', () => {
    const thrown = (() => {
      try {
        unwrap(mismatch, 'CheckoutSuccess');
      } catch (error) {
        return error;
      }
    })();
    expect(thrown).toBeInstanceOf(BloomResultError);
    expect(thrown).toMatchObject({ code: 'TOTAL_MISMATCH', error: { serverTotal: 26000 } });
  });

  it('accepts only a typename whose other members are typed errors', () => {
    // @ts-expect-error CheckoutSuccess has no code/message, so an error cannot be the success.
    const wrong = toResult(mismatch, 'TotalMismatchError');
    expect(wrong.ok).toBe(true);
  });
});
