import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventBus, createEvent, createLogger } from '@bloom/kernel';
import { orderConfirmed, orderDelivered, orderPlaced } from '@bloom/schema';
import { expectUnion, testEnv } from '@bloom/testing';
import { SIGN_UP } from '../src/actors.js';
import { graphql } from '../src/generated/index.js';
import type {
  GiftcardsWriteGiftCardMutation,
  SuggestCardMessagesInput,
  WriteGiftCardInput,
} from '../src/generated/graphql.js';
import { type System, startSystem } from '../src/system.harness.js';
import {
  type OpenAiStub,
  STUB_MESSAGES,
  startCardAiStub,
} from '../../subgraphs/giftcards/test/openai.stub.js';

const AI_TIMEOUT_MS = 800;
let sys: System;
let stub: OpenAiStub;
let orders: EventBus;

beforeAll(async () => {
  stub = await startCardAiStub();
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
  const res = await sys.call(SIGN_UP, { i: { email, password: 'flowers123', name: '김하늘' } });
  const payload = expectUnion(res.data?.signUp, 'AuthPayload');
  return { id: payload.user.id, token: payload.accessToken };
}

async function placeOrder<const P extends readonly string[]>(customerId: string, productIds: P) {
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
  // One line id per product, as a tuple of the products' length.
  const lineIds = productIds.map((p) => `${orderId}:${p}`) as { [K in keyof P]: string };
  return { orderId, lineIds };
}

const WRITE = graphql(`
  mutation GiftcardsWriteGiftCard($i: WriteGiftCardInput!) {
    writeGiftCard(input: $i) {
      __typename
      ... on GiftCardShare {
        shareSecret
        shareUrl
        card {
          id
          message
          fromName
          template {
            key
            imageUrl
          }
        }
      }
      ... on InvalidInputError {
        field
      }
      ... on UserError {
        code
        message
      }
    }
  }
`);
type WriteResult = GiftcardsWriteGiftCardMutation['writeGiftCard'];

/** The code of a result union's error member; undefined for a success. */
const codeOf = (result: object | null | undefined) =>
  result && 'code' in result ? result.code : undefined;

/** Writes once the giftcards projection has seen the line (events are asynchronous). */
async function writeWhenKnown(token: string, input: WriteGiftCardInput) {
  for (let i = 0; ; i++) {
    const res = await sys.call(WRITE, { i: input }, token);
    const result = res.data?.writeGiftCard;
    if (codeOf(result) !== 'ORDER_LINE_NOT_FOUND' || i > 100) return result;
    await new Promise((r) => setTimeout(r, 100));
  }
}

const SHARED = graphql(`
  query GiftcardsSharedCard($id: ID!, $s: String!) {
    sharedCard(id: $id, secret: $s) {
      __typename
      ... on SharedGiftCard {
        message
        fromName
        template {
          key
          imageUrl
        }
      }
      ... on UserError {
        code
        message
      }
    }
  }
`);

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
    expect(written?.__typename).toBe('GiftCardShare');
    const share = expectUnion(written, 'GiftCardShare');
    expect(share.card.message).toBe(message);

    const opened = await sys.call(SHARED, { id: share.card.id, s: share.shareSecret });
    expect(opened.data?.sharedCard).toMatchObject({
      __typename: 'SharedGiftCard',
      message,
      fromName: '하늘',
      template: { key: 'PINK_01' },
    });
    const wrong = await sys.call(SHARED, { id: share.card.id, s: 'ZZZZZZZZZZZZ' });
    const unknown = await sys.call(SHARED, {
      id: '0123456789abcdef01234567',
      s: share.shareSecret,
    });
    expect(wrong.data?.sharedCard).toMatchObject({ code: 'CARD_UNAVAILABLE' });
    expect(unknown).toEqual(wrong);

    // The web page at the share link: escaped HTML, line break kept, image served by giftcards.
    const page = await fetch(share.shareUrl);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(
      '&lt;script&gt;alert(&quot;hi&quot;)&lt;/script&gt;\n생일 축하해 &amp; 사랑해!',
    );
    expect(html).not.toContain('<script>');
    const image = await fetch(share.card.template.imageUrl);
    expect(image.headers.get('content-type')).toContain('image/svg+xml');
    const refused = await fetch(share.shareUrl.replace(/s=.*/, 's=ZZZZZZZZZZZZ'));
    const missing = await fetch(share.shareUrl.replace(share.card.id, '0123456789abcdef01234567'));
    expect([refused.status, missing.status]).toEqual([404, 404]);
    expect(await refused.text()).toBe(await missing.text());

    const mine = await sys.call(
      graphql(`
        query GiftcardsForOrderLine($l: ID!) {
          giftCardForOrderLine(orderLineId: $l) {
            id
          }
        }
      `),
      { l: lineIds[0] },
      buyer.token,
    );
    expect(mine.data?.giftCardForOrderLine?.id).toBe(share.card.id);
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
    expect(stranger.data?.writeGiftCard).toMatchObject({ code: 'ORDER_LINE_NOT_FOUND' });
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
    let late: WriteResult | undefined;
    for (let i = 0; i < 100 && codeOf(late) !== 'ORDER_DELIVERED'; i++) {
      if (i) await new Promise((r) => setTimeout(r, 100));
      late = (
        await sys.call(WRITE, { i: { orderLineId: lineIds[1], message: '늦었어요' } }, owner.token)
      ).data?.writeGiftCard;
    }
    expect(late).toMatchObject({ __typename: 'CardNotAllowedError', code: 'ORDER_DELIVERED' });
  });

  it('suggests messages from the AI, and offline when the AI is slow or failing, within the timeout', async () => {
    const { token } = await customer('suggest@bloom.test');
    const SUGGEST = graphql(`
      query GiftcardsSuggestCardMessages($i: SuggestCardMessagesInput!) {
        suggestCardMessages(input: $i) {
          __typename
          ... on CardSuggestions {
            suggestions
            source
            maxLength
            flower {
              name
              meaning
            }
          }
        }
      }
    `);
    const input: SuggestCardMessagesInput = {
      // The stub's messages are a lover's birthday card: for anyone else the checker would
      // refuse them (a love meaning, 자기야) and the answer would be offline.
      flowerId: '1',
      recipient: 'LOVER',
      occasion: '생일',
      tone: 'ROMANTIC',
      // The input's defaults, spelled out: the generated type requires them.
      language: 'KO',
      variant: 0,
    };
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
    const slowCards = expectUnion(slow.result, 'CardSuggestions');
    expect(slowCards.source).toBe('OFFLINE');
    expect(new Set(slowCards.suggestions).size).toBe(3);
    expect(slow.ms).toBeLessThan(AI_TIMEOUT_MS + 500);

    stub.mode = 'error';
    const failing = await timed();
    const failingCards = expectUnion(failing.result, 'CardSuggestions');
    expect(failingCards.source).toBe('OFFLINE');
    expect(failing.ms).toBeLessThan(AI_TIMEOUT_MS);
    for (const s of failingCards.suggestions) expect([...s].length).toBeLessThanOrEqual(200);
    stub.mode = 'normal';
  });

  it('lists the card designs', async () => {
    const res = await sys.call(
      graphql(`
        query GiftcardsCardTemplates {
          cardTemplates {
            key
            color
          }
        }
      `),
    );
    expect(res.data?.cardTemplates).toHaveLength(41);
  });
});
