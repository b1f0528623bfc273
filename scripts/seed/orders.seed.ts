import { SEED_PASSWORD, demoCustomers, demoSellers } from './identity.seed.js';
import type { SeedApi } from './seed.api.js';

/*
 * A few orders in every state a dashboard shows: delivered and picked-up (completed), preparing,
 * and just confirmed. A store that already has orders is left alone, so a re-run adds nothing;
 * fixed idempotency keys also make an interrupted run resume the same orders.
 */

const CHECKOUT = `mutation($i: CheckoutInput!) { checkout(input: $i) { __typename
  ... on CheckoutSuccess { orders { id status } }
  ... on TotalMismatchError { serverTotal }
  ... on UserError { code message } } }`;
const ORDER = `query($id: ID!) { order(id: $id) { id status failure { code } } }`;
const ADVANCE = `mutation($id: ID!, $to: OrderStatus!, $t: String) {
  advanceOrder(orderId: $id, to: $to, trackingNumber: $t) { __typename } }`;

/** What the seed reads of a checkout result: CheckoutSuccess, TotalMismatchError or a UserError. */
interface CheckoutResult {
  __typename: string;
  orders?: { id: string; status: string }[];
  serverTotal?: number;
  code?: string;
  message?: string;
}

type Plan = { fulfilment: 'DELIVERY' | 'PICKUP'; quantity: number; steps: string[] };

const PLANS: Plan[] = [
  { fulfilment: 'DELIVERY', quantity: 1, steps: ['PREPARING', 'SHIPPING', 'DELIVERED'] },
  { fulfilment: 'PICKUP', quantity: 1, steps: ['READY', 'PICKED_UP'] },
  { fulfilment: 'DELIVERY', quantity: 2, steps: ['PREPARING'] },
  { fulfilment: 'PICKUP', quantity: 1, steps: [] },
];

/** 14:00 Asia/Seoul, `days` from today, as UTC. */
const seoulAt = (days: number) => {
  const seoul = new Date(Date.now() + 9 * 3600_000);
  return new Date(
    Date.UTC(seoul.getUTCFullYear(), seoul.getUTCMonth(), seoul.getUTCDate() + days, 5, 0),
  );
};

async function settle(api: SeedApi, id: string, token: string): Promise<string> {
  for (let attempt = 0; attempt < 60; attempt += 1) {
    const data = await api.call<{ order: { id: string; status: string } | null }>(
      ORDER,
      { id },
      token,
    );
    const status = data.order?.status;
    if (status && status !== 'PENDING') return status;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return 'PENDING';
}

export async function seedOrders(api: SeedApi): Promise<void> {
  let created = 0;
  for (const [index, seller] of demoSellers.entries()) {
    const sellerToken = await api.logIn(seller.email, SEED_PASSWORD);
    const mine = await api.call<{ myStore: { id: string } | null }>(
      `{ myStore { id } }`,
      {},
      sellerToken,
    );
    const storeId = mine.myStore?.id;
    if (!storeId) continue;
    // Already seeded (or in use): leave the store's orders alone on a re-run.
    const board = await api.call<{ storeOrders: { totalCount: number } }>(
      `query($s: ID!) { storeOrders(storeId: $s, first: 1) { totalCount } }`,
      { s: storeId },
      sellerToken,
    );
    if (board.storeOrders.totalCount > 0) continue;
    const listed = await api.call<{ products: { nodes: { id: string }[] } }>(
      `query($s: ID!) { products(first: 3, filter: { storeId: $s }) { nodes { id } } }`,
      { s: storeId },
    );
    const productIds = listed.products.nodes.map((p) => p.id);
    if (productIds.length === 0) continue;
    // Deliver on the store's next offered date after today (its next open day), first window.
    const calendar = await api.call<{
      store: { deliveryDates: { date: string; windows: { start: string; end: string }[] }[] };
    }>(
      `query($s: ID!) { store(id: $s) { deliveryDates(days: 7) { date windows { start end } } } }`,
      { s: storeId },
    );
    const today = seoulAt(0).toISOString().slice(0, 10);
    const day =
      calendar.store.deliveryDates.find((d) => d.date > today) ?? calendar.store.deliveryDates[0];
    const slot = day?.windows[0];
    // Pickups on the same open day at 14:00 (every demo shop is open then): never on a closed
    // day, which checkout refuses.
    const pickupAt = day ? new Date(`${day.date}T14:00:00+09:00`) : seoulAt(1);
    for (const [n, plan] of PLANS.entries()) {
      const customer = demoCustomers[(index + n) % demoCustomers.length] as { email: string };
      const token = await api.logIn(customer.email, SEED_PASSWORD);
      const input = {
        idempotencyKey: `seed-${index}-${n}-orders-v1`,
        buyNow: { productId: productIds[n % productIds.length], quantity: plan.quantity },
        fulfilment: plan.fulfilment,
        delivery:
          plan.fulfilment === 'DELIVERY'
            ? {
                recipientName: '김수진',
                phone: '010-1234-5678',
                zipCode: '04524',
                street: '서울 중구 세종대로 110',
                deliveryDate: day?.date ?? seoulAt(1).toISOString().slice(0, 10),
                window: slot ? `${slot.start}-${slot.end}` : '10:00-13:00',
                note: '문 앞에 놓아주세요',
              }
            : undefined,
        pickupSlots:
          plan.fulfilment === 'PICKUP'
            ? [{ storeId, startsAt: pickupAt.toISOString() }]
            : undefined,
        expectedTotal: 0,
      };
      // The server prices the order: a probe under another key (a refused total claims no key)
      // tells the total, so the real key always carries the same request and a re-run replays.
      const probe = (
        await api.call<{ checkout: CheckoutResult }>(
          CHECKOUT,
          { i: { ...input, idempotencyKey: `${input.idempotencyKey}-probe` } },
          token,
        )
      ).checkout;
      const expectedTotal = probe.__typename === 'TotalMismatchError' ? probe.serverTotal : 0;
      const result = (
        await api.call<{ checkout: CheckoutResult }>(
          CHECKOUT,
          { i: { ...input, expectedTotal } },
          token,
        )
      ).checkout;
      const orderId = result.orders?.[0]?.id;
      if (!orderId) {
        api.log(`orders: skipped a ${plan.fulfilment} order: ${result.code ?? result.__typename}`);
        continue;
      }
      if ((await settle(api, orderId, token)) !== 'CONFIRMED') continue;
      created += 1;
      for (const to of plan.steps) {
        await api.call(
          ADVANCE,
          { id: orderId, to, t: to === 'SHIPPING' ? `CJ-${orderId.slice(-10)}` : undefined },
          sellerToken,
        );
      }
    }
  }
  api.log(
    `orders: ${created} orders confirmed and moved along (delivered, picked up, preparing, new)`,
  );
}
