import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventBus, createEvent, createLogger } from '@bloom/kernel';
import { orderConfirmed, orderDelivered, orderPlaced } from '@bloom/schema';
import { testEnv } from '@bloom/testing';
import { type System, startSystem } from '../src/system.harness.js';
import {
  type OpenAiStub,
  STUB_MESSAGES,
  startOpenAiStub,
} from '../../subgraphs/giftcards/test/openai.stub.js';

const AI_TIMEOUT_MS = 800;
let sys: System;
let stub: OpenAiStub;
let orders: EventBus;

beforeAll(async () => {
  stub = await startOpenAiStub();
  sys = await startSystem(['identity', 'giftcards'], {
    OPENAI_API_KEY: 'sk-e2e-stub',
    OPENAI_BASE_URL: stub.baseURL,
    CARD_AI_TIMEOUT_MS: String(AI_TIMEOUT_MS),
  });
  // The orders subgraph's side of the contract: its events on the system's stream namespace.
  orders = await EventBus.connect({
    servers: testEnv.NATS_URL,
    namespace: sys.namespace,
    name: 'e2e-orders',
    logger: createLogger({ service: 'e2e-orders', level: 'silent' }),
  });
});
afterAll(async () => {
  await orders?.close();
  await sys?.close();
  await stub?.close();
});

let sequence = 0;
const publish = <T>(contract: Parameters<typeof createEvent<T>>[0], orderId: string, payload: T) =>
  orders.publish(
    createEvent(
      contract,
      { source: 'orders', subjectId: orderId, sequence: ++sequence, traceId: 'e2e' },
      payload,
    ),
  );

async function customer(email: string) {
  const res = await sys.call(
    `mutation($i: SignUpInput!) { signUp(input: $i) { ... on AuthPayload { accessToken user { id } } } }`,
    { i: { email, password: 'flowers123', name: '김하늘' } },
  );
  return { id: res.data?.signUp.user.id as string, token: res.data?.signUp.accessToken as string };
}

async function placeOrder(customerId: string, productIds: string[]) {
  const orderId = `${Date.now().toString(16)}${Math.random().toString(16).slice(2, 10)}`;
  await publish(orderPlaced, orderId, {
    orderId,
    storeId: 'store-e2e',
    customerId,
    lines: productIds.map((productId) => ({
      productId,
      quantity: 1,
      flowers: [{ flowerId: 4, count: 7 }],
    })),
    fulfilment: { type: 'DELIVERY' },
    subtotal: 45_000,
    placedAt: new Date().toISOString(),
  });
  return { orderId, lineIds: productIds.map((p) => `${orderId}:${p}`) };
}

const WRITE = `mutation($i: WriteGiftCardInput!) { writeGiftCard(input: $i) {
  __typename
  ... on GiftCardShare { shareSecret shareUrl card { id message fromName template { key imageUrl } } }
  ... on InvalidInputError { field }
  ... on UserError { code message }
} }`;

/** Writes once the giftcards projection has seen the line (events are asynchronous). */
async function writeWhenKnown(token: string, input: Record<string, unknown>) {
  for (let i = 0; ; i++) {
    const res = await sys.call(WRITE, { i: input }, token);
    const result = res.data?.writeGiftCard;
    if (result?.code !== 'ORDER_LINE_NOT_FOUND' || i > 100) return result;
    await new Promise((r) => setTimeout(r, 100));
  }
}

const SHARED = `query($id: ID!, $s: String!) { sharedCard(id: $id, secret: $s) {
  __typename ... on SharedGiftCard { message fromName template { key imageUrl } } ... on UserError { code message }
} }`;

describe('gift cards through the gateway', () => {
  it('a buyer writes a card; the recipient opens it without an account; guesses are refused alike', async () => {
    const buyer = await customer('giver@bloom.test');
    const { lineIds } = await placeOrder(buyer.id, ['p-pink-rose']);
    const message = '<script>alert("hi")</script>\n생일 축하해 & 사랑해!';
    const written = await writeWhenKnown(buyer.token, {
      orderLineId: lineIds[0],
      templateKey: 'PINK_01',
      message,
      fromName: '하늘',
    });
    expect(written.__typename).toBe('GiftCardShare');
    expect(written.card.message).toBe(message);

    const opened = await sys.call(SHARED, { id: written.card.id, s: written.shareSecret });
    expect(opened.data?.sharedCard).toMatchObject({
      __typename: 'SharedGiftCard',
      message,
      fromName: '하늘',
      template: { key: 'PINK_01' },
    });
    const wrong = await sys.call(SHARED, { id: written.card.id, s: 'ZZZZZZZZZZZZ' });
    const unknown = await sys.call(SHARED, {
      id: '0123456789abcdef01234567',
      s: written.shareSecret,
    });
    expect(wrong.data?.sharedCard.code).toBe('CARD_UNAVAILABLE');
    expect(unknown).toEqual(wrong);

    // The web page at the share link: escaped HTML, line break kept, image served by giftcards.
    const page = await fetch(written.shareUrl);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(
      '&lt;script&gt;alert(&quot;hi&quot;)&lt;/script&gt;\n생일 축하해 &amp; 사랑해!',
    );
    expect(html).not.toContain('<script>');
    const image = await fetch(written.card.template.imageUrl);
    expect(image.headers.get('content-type')).toContain('image/svg+xml');
    const refused = await fetch(written.shareUrl.replace(/s=.*/, 's=ZZZZZZZZZZZZ'));
    const missing = await fetch(
      written.shareUrl.replace(written.card.id, '0123456789abcdef01234567'),
    );
    expect([refused.status, missing.status]).toEqual([404, 404]);
    expect(await refused.text()).toBe(await missing.text());

    const mine = await sys.call(
      `query($l: ID!) { giftCardForOrderLine(orderLineId: $l) { id } }`,
      { l: lineIds[0] },
      buyer.token,
    );
    expect(mine.data?.giftCardForOrderLine.id).toBe(written.card.id);
  });

  it("refuses someone else's order line, messages over the limit, and lines already delivered", async () => {
    const owner = await customer('owner@bloom.test');
    const other = await customer('other@bloom.test');
    const { orderId, lineIds } = await placeOrder(owner.id, ['p-a', 'p-b']);
    await writeWhenKnown(owner.token, { orderLineId: lineIds[0], message: '먼저 확인' });

    const stranger = await sys.call(
      WRITE,
      { i: { orderLineId: lineIds[1], message: '남의 주문' } },
      other.token,
    );
    expect(stranger.data?.writeGiftCard.code).toBe('ORDER_LINE_NOT_FOUND');
    const tooLong = await sys.call(
      WRITE,
      { i: { orderLineId: lineIds[1], message: '꽃'.repeat(201) } },
      owner.token,
    );
    expect(tooLong.data?.writeGiftCard).toMatchObject({
      field: 'message',
      code: 'MESSAGE_TOO_LONG',
    });
    const anonymous = await sys.call(WRITE, { i: { orderLineId: lineIds[1], message: 'hi' } });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    const parties = {
      orderId,
      orderNumber: 'E2E-1',
      storeId: 'store-e2e',
      customerId: owner.id,
      sellerId: null,
    };
    await publish(orderConfirmed, orderId, { orderId, storeId: 'store-e2e', customerId: owner.id });
    await publish(orderDelivered, orderId, { ...parties, deliveredAt: new Date().toISOString() });
    let late: Record<string, unknown> | undefined;
    for (let i = 0; i < 100 && late?.code !== 'ORDER_DELIVERED'; i++) {
      if (i) await new Promise((r) => setTimeout(r, 100));
      late = (
        await sys.call(WRITE, { i: { orderLineId: lineIds[1], message: '늦었어요' } }, owner.token)
      ).data?.writeGiftCard;
    }
    expect(late).toMatchObject({ __typename: 'CardNotAllowedError', code: 'ORDER_DELIVERED' });
  });

  it('suggests messages from the AI, and offline when the AI is slow or failing, within the timeout', async () => {
    const { token } = await customer('suggest@bloom.test');
    const SUGGEST = `query($i: SuggestCardMessagesInput!) { suggestCardMessages(input: $i) {
      __typename ... on CardSuggestions { suggestions source maxLength flower { name meaning } }
    } }`;
    const input = { flowerId: '1', recipient: 'FRIEND', occasion: '생일', tone: 'PLAYFUL' };
    const timed = async () => {
      const started = performance.now();
      const res = await sys.call(SUGGEST, { i: input }, token);
      return { result: res.data?.suggestCardMessages, ms: performance.now() - started };
    };

    stub.mode = 'normal';
    const fromAi = await timed();
    expect(fromAi.result).toMatchObject({
      source: 'AI',
      suggestions: STUB_MESSAGES,
      flower: { name: '빨간 장미', meaning: '사랑' },
    });
    expect(fromAi.ms).toBeLessThan(AI_TIMEOUT_MS);

    stub.mode = 'slow';
    stub.slowMs = 10_000;
    const slow = await timed();
    expect(slow.result.source).toBe('OFFLINE');
    expect(new Set(slow.result.suggestions).size).toBe(3);
    expect(slow.ms).toBeLessThan(AI_TIMEOUT_MS + 500);

    stub.mode = 'error';
    const failing = await timed();
    expect(failing.result.source).toBe('OFFLINE');
    expect(failing.ms).toBeLessThan(AI_TIMEOUT_MS);
    for (const s of failing.result.suggestions as string[])
      expect([...s].length).toBeLessThanOrEqual(200);
    stub.mode = 'normal';
  });

  it('lists the card designs', async () => {
    const res = await sys.call(`{ cardTemplates { key color } }`);
    expect(res.data?.cardTemplates).toHaveLength(41);
  });
});
