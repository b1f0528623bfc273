import { SEED_PASSWORD, demoCustomers, demoSellers } from './identity.seed.js';
import type { SeedApi } from './seed.api.js';

/*
 * Demo subscriptions: customers subscribed to the first stores' subscription products, weekly,
 * every two weeks and monthly, one of them due for its first charge today (the scheduler, which
 * runs every minute, creates its cycle order). Fixed idempotency keys make a re-run return the
 * same subscriptions.
 */

const SUBSCRIBE = `mutation($i: SubscribeInput!) { subscribe(input: $i) { __typename
  ... on FlowerSubscription { id nextDeliveryDate }
  ... on UserError { code message } } }`;

/** What the seed reads of a subscribe result (a FlowerSubscription or a UserError). */
interface SubscribeResult {
  __typename: string;
  id?: string;
  nextDeliveryDate?: string;
  code?: string;
  message?: string;
}

const PLANS = [
  { cycle: 'WEEKLY', inDays: 2, quantity: 1 },
  { cycle: 'BIWEEKLY', inDays: 5, quantity: 1 },
  { cycle: 'MONTHLY', inDays: 9, quantity: 2 },
] as const;

/** The Asia/Seoul calendar day `days` from today. */
const seoulDay = (days: number) =>
  new Date(Date.now() + 9 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);

export async function seedSubscriptions(api: SeedApi): Promise<void> {
  let made = 0;
  for (const [index, seller] of demoSellers.slice(0, PLANS.length).entries()) {
    const sellerToken = await api.logIn(seller.email, SEED_PASSWORD);
    const mine = await api.call<{ myStore: { id: string } | null }>(
      `{ myStore { id } }`,
      {},
      sellerToken,
    );
    const storeId = mine.myStore?.id;
    if (!storeId) continue;
    const listed = await api.call<{ products: { nodes: { id: string }[] } }>(
      `query($s: ID!) { products(first: 1, filter: { storeId: $s, isSubscription: true }) { nodes { id } } }`,
      { s: storeId },
    );
    const productId = listed.products.nodes[0]?.id;
    const plan = PLANS[index];
    if (!productId || !plan) continue;
    const customer = demoCustomers[index % demoCustomers.length] as { email: string };
    const token = await api.logIn(customer.email, SEED_PASSWORD);
    const subscribe = async () =>
      (
        await api.call<{ subscribe: SubscribeResult }>(
          SUBSCRIBE,
          {
            i: {
              idempotencyKey: `seed-subscription-${index}-v1`,
              productId,
              quantity: plan.quantity,
              cycle: plan.cycle,
              firstDeliveryDate: seoulDay(plan.inDays),
              address: {
                recipientName: '이서연',
                phone: '010-2345-6789',
                zipCode: '06236',
                line1: '서울 강남구 테헤란로 152',
                line2: '12층',
              },
              card: { number: '4242424242424242', expiryYear: 2031, expiryMonth: 12 },
            },
          },
          token,
        )
      ).subscribe;
    // The product reaches subscriptions as an event just after it was created: wait for it.
    let result = await subscribe();
    for (
      let attempt = 0;
      result.code === 'PRODUCT_NOT_SUBSCRIBABLE' && attempt < 20;
      attempt += 1
    ) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      result = await subscribe();
    }
    if (result.__typename !== 'FlowerSubscription') {
      api.log(`subscriptions: skipped one: ${result.code ?? result.__typename}`);
      continue;
    }
    made += 1;
  }
  api.log(`subscriptions: ${made} demo subscriptions (weekly, every two weeks, monthly)`);
}
