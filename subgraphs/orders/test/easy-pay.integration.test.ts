import type { Caller } from '@bloom/kernel';
import { dataOf, waitFor } from '@bloom/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './generated/index.js';
import {
  CHECKOUT,
  DELIVERY,
  type OrdersHarness,
  customer,
  firstOrder,
  newId,
  seedCatalog,
  startOrders,
} from './orders.harness.js';

let h: OrdersHarness;
let cat: Awaited<ReturnType<typeof seedCatalog>>;

beforeAll(async () => {
  h = await startOrders('easypay', { EASY_PAY_APPROVAL_TIMEOUT_MS: '600000' });
  cat = await seedCatalog(h);
});
afterAll(async () => h.close());

const RETURN_URL = 'http://127.0.0.1:5173/pay/return';

const checkout = (caller: Partial<Caller>, returnUrl: string | null = RETURN_URL) =>
  h.call(
    CHECKOUT,
    {
      i: {
        idempotencyKey: `key-${newId()}`,
        buyNow: { productId: cat.productId, quantity: 1 },
        fulfilment: 'DELIVERY',
        delivery: DELIVERY(),
        expectedTotal: 23_000,
        payment: { method: 'KAKAO_PAY', returnUrl: returnUrl ?? undefined },
      },
    },
    caller,
  );

const PAYMENT_VIEW = graphql(`
  query EasyPayOrder($id: ID!) {
    order(id: $id) {
      status
      paymentMethod
      paymentApprovalUrl
      failure {
        code
      }
    }
  }
`);

const COMPLETE = graphql(`
  mutation CompleteEasyPay($id: ID!) {
    completePayment(orderId: $id) {
      __typename
      ... on Order {
        status
        failure {
          code
        }
      }
      ... on UserError {
        code
      }
    }
  }
`);

const view = async (id: string, caller: Partial<Caller>) => {
  const { order } = dataOf(await h.call(PAYMENT_VIEW, { id }, caller));
  if (!order) throw new Error(`order ${id} is not visible`);
  return order;
};

/** Places an easy-pay order and waits until the provider's page is ready for the customer. */
async function awaitingApproval(caller: Partial<Caller>) {
  const id = firstOrder(await checkout(caller)).id;
  const url = await waitFor(async () => (await view(id, caller)).paymentApprovalUrl, {
    what: 'approval page',
  });
  const paymentKey = url.split('/').pop() ?? '';
  return { id, url, paymentKey };
}

const paymentOf = (orderId: string) =>
  [...h.payments.payments.values()].find((p) => p.orderId === orderId);

describe('easy pay: the customer approves on the provider page, then comes back', () => {
  it('waits for the customer, then captures what they approved and confirms', async () => {
    const c = customer();
    const { id, url, paymentKey } = await awaitingApproval(c.caller);
    expect(url).toBe(`http://pg.test/checkout/${paymentKey}`);
    expect(await view(id, c.caller)).toMatchObject({
      status: 'PENDING',
      paymentMethod: 'KAKAO_PAY',
    });
    // Nothing happens without the customer, even when the sweeper resumes quiet sagas.
    h.advance(5_000);
    await h.server.sweeper.runOnce();
    expect(paymentOf(id)?.status).toBe('READY');

    // Back too early (the page was closed before answering): told to approve first.
    const early = dataOf(await h.call(COMPLETE, { id }, c.caller)).completePayment;
    expect(early).toMatchObject({
      __typename: 'PaymentNotApprovedError',
      code: 'PAYMENT_NOT_APPROVED',
    });

    h.payments.answerOnPage(paymentKey, 'approve');
    const [first, second] = await Promise.all([
      h.call(COMPLETE, { id }, c.caller),
      h.call(COMPLETE, { id }, c.caller),
    ]);
    for (const res of [first, second]) {
      expect(dataOf(res).completePayment).toMatchObject({
        __typename: 'Order',
        status: 'CONFIRMED',
      });
    }
    expect(h.payments.captured().filter((p) => p.orderId === id)).toHaveLength(1);
    expect((await view(id, c.caller)).paymentApprovalUrl).toBeNull();
  });

  it('a cancel on the page fails the order with PAYMENT_CANCELED, flowers back, nothing charged', async () => {
    const c = customer();
    const { id, paymentKey } = await awaitingApproval(c.caller);
    h.payments.answerOnPage(paymentKey, 'cancel');
    const answer = dataOf(await h.call(COMPLETE, { id }, c.caller)).completePayment;
    expect(answer).toMatchObject({ status: 'FAILED', failure: { code: 'PAYMENT_CANCELED' } });
    await waitFor(() => h.stores.released.has(id), { what: 'flowers released' });
    expect(paymentOf(id)?.status).toBe('CANCELED');
  });

  it('a decline on the page fails the order as declined, nothing charged', async () => {
    const c = customer();
    const { id, paymentKey } = await awaitingApproval(c.caller);
    h.payments.answerOnPage(paymentKey, 'decline');
    const answer = dataOf(await h.call(COMPLETE, { id }, c.caller)).completePayment;
    expect(answer).toMatchObject({ status: 'FAILED', failure: { code: 'PAYMENT_DECLINED' } });
    expect(h.payments.captured().some((p) => p.orderId === id)).toBe(false);
  });

  it('an approval whose customer never came back is captured by the sweeper', async () => {
    const c = customer();
    const { id, paymentKey } = await awaitingApproval(c.caller);
    h.payments.answerOnPage(paymentKey, 'approve');
    // The sweeper looks at orders quiet for SAGA_RESUME_AFTER_MS.
    h.advance(3_000);
    await h.server.sweeper.runOnce();
    expect((await view(id, c.caller)).status).toBe('CONFIRMED');
    expect(h.payments.captured().filter((p) => p.orderId === id)).toHaveLength(1);
  });

  it('an unanswered page times out: the order fails and the payment is voided', async () => {
    const c = customer();
    const { id } = await awaitingApproval(c.caller);
    h.advance(601_000);
    await h.server.sweeper.runOnce();
    const after = await view(id, c.caller);
    expect(after).toMatchObject({ status: 'FAILED', failure: { code: 'PAYMENT_TIMEOUT' } });
    await waitFor(() => paymentOf(id)?.status === 'CANCELED', { what: 'payment voided' });
  });

  it('only the customer sees the page or completes it; the return page must be the shop’s', async () => {
    const c = customer();
    const { id } = await awaitingApproval(c.caller);
    const stranger = customer();
    const theirs = dataOf(await h.call(COMPLETE, { id }, stranger.caller)).completePayment;
    expect(theirs).toMatchObject({ __typename: 'OrderNotFoundError' });

    const elsewhere = await checkout(c.caller, 'https://evil.example/steal');
    expect(elsewhere.data?.checkout).toMatchObject({
      __typename: 'InvalidInputError',
      code: 'RETURN_URL_NOT_ALLOWED',
    });
    const missing = await checkout(c.caller, null);
    expect(missing.data?.checkout).toMatchObject({ code: 'RETURN_URL_REQUIRED' });
  });
});
