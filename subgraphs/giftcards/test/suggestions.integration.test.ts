import { dataOf, expectUnion } from '@bloom/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './generated/index.js';
import type { SuggestCardMessagesInput } from './generated/graphql.js';
import { type GiftcardsHarness, newId, startGiftcards } from './giftcards.harness.js';
import type { OpenAiStub } from '@bloom/testing';
import { CARD_ANSWERS, STUB_MESSAGES, startCardAiStub } from './openai.stub.js';

const TIMEOUT_MS = 600;
let offline: GiftcardsHarness;
let ai: GiftcardsHarness;
let stub: OpenAiStub;

beforeAll(async () => {
  stub = await startCardAiStub();
  [offline, ai] = await Promise.all([
    startGiftcards('suggestoff'),
    startGiftcards('suggestai', {
      OPENAI_API_KEY: 'sk-test-stub',
      OPENAI_BASE_URL: stub.baseURL,
      OPENAI_MODEL: 'gpt-4o-mini',
      CARD_AI_TIMEOUT_MS: String(TIMEOUT_MS),
      // These tests fail the AI on purpose; the breaker has its own tests.
      AI_BREAKER_FAILURES: '1000',
    }),
  ]);
});
afterAll(async () => {
  await Promise.all([offline?.close(), ai?.close()]);
  await stub?.close();
});

const SUGGEST = graphql(`
  query SuggestCardMessages($i: SuggestCardMessagesInput!) {
    suggestCardMessages(input: $i) {
      __typename
      ... on CardSuggestions {
        suggestions
        source
        maxLength
        flower {
          id
          name
          meaning
        }
      }
      ...InputErrorFields
    }
  }
`);

async function suggest(h: GiftcardsHarness, input: SuggestCardMessagesInput, userId = newId()) {
  const started = performance.now();
  const res = await h.call(SUGGEST, { i: input }, { userId });
  expect(res.errors).toBeUndefined();
  return { result: dataOf(res).suggestCardMessages, ms: performance.now() - started };
}

/** The three suggestions for `input`, one per line (the answer must be suggestions). */
async function suggestionText(h: GiftcardsHarness, input: SuggestCardMessagesInput) {
  return expectUnion((await suggest(h, input)).result, 'CardSuggestions').suggestions.join('\n');
}

describe('offline suggestions (no OpenAI key)', () => {
  it("uses the order line's product flower, in Korean by default", async () => {
    const customerId = newId();
    const { orderId, lineIds } = await offline.placeOrder({
      customerId,
      products: [{ productId: 'p-carnation', flowerId: 13 }],
    });
    await offline.projected(orderId, 'PENDING');
    const { result, ms } = await suggest(
      offline,
      { orderLineId: lineIds[0], recipient: 'MOTHER', occasion: '어버이날', tone: 'GRATEFUL' },
      customerId,
    );
    expect(result).toMatchObject({
      __typename: 'CardSuggestions',
      source: 'OFFLINE',
      maxLength: 200,
      flower: { id: '13', name: '카네이션', meaning: '감사' },
    });
    const { suggestions } = expectUnion(result, 'CardSuggestions');
    expect(new Set(suggestions).size).toBe(3);
    for (const s of suggestions) expect([...s].length).toBeLessThanOrEqual(200);
    expect(ms).toBeLessThan(500);

    // Someone else's line is not theirs to ask about.
    const other = await suggest(offline, { orderLineId: lineIds[0], recipient: 'MOTHER' });
    expect(other.result).toMatchObject({ code: 'ORDER_LINE_NOT_FOUND' });
  });

  it("uses the product's representative flower from products events, or a flower given directly", async () => {
    await offline.publishProduct('p-sunflower', 12);
    const byProduct = await offline.call(
      SUGGEST,
      {
        i: { productId: 'p-sunflower', recipient: 'COLLEAGUE', occasion: '승진', tone: 'FORMAL' },
      },
      { userId: newId() },
    );
    // The projection is eventually consistent: retry until the product is known.
    let result = dataOf(byProduct).suggestCardMessages;
    const flowerOf = (r: typeof result) =>
      r.__typename === 'CardSuggestions' ? r.flower : undefined;
    for (let i = 0; i < 50 && !flowerOf(result); i++) {
      await new Promise((r) => setTimeout(r, 100));
      result = (
        await suggest(offline, {
          productId: 'p-sunflower',
          recipient: 'COLLEAGUE',
          occasion: '승진',
          tone: 'FORMAL',
        })
      ).result;
    }
    expect(flowerOf(result)).toEqual({ id: '12', name: '해바라기', meaning: '일편단심' });

    const english = await suggest(offline, {
      flowerId: '1',
      recipient: 'LOVER',
      occasion: 'anniversary',
      tone: 'ROMANTIC',
      language: 'EN',
    });
    const inEnglish = expectUnion(english.result, 'CardSuggestions');
    expect(inEnglish.flower).toEqual({ id: '1', name: 'red rose', meaning: 'love' });
    expect(inEnglish.suggestions.join(' ')).toMatch(/love/);
  });

  it("addresses an older brother by the sender's gender and a colleague by name", async () => {
    const fromBrother = await suggestionText(offline, {
      flowerId: '22',
      recipient: 'OLDER_BROTHER',
      occasion: '생일',
      senderGender: 'MALE',
    });
    expect(fromBrother).toMatch(/(^|\s)형(에게|,)/);
    expect(fromBrother).not.toContain('오빠');
    const unknown = await suggestionText(offline, {
      flowerId: '22',
      recipient: 'OLDER_BROTHER',
      occasion: '생일',
    });
    expect(unknown).not.toMatch(/형|오빠/);
    const colleague = await suggestionText(offline, {
      flowerId: '12',
      recipient: 'COLLEAGUE',
      occasion: '승진',
      recipientName: ' 지민 ',
    });
    expect(colleague).toContain('지민 님');
    // 일편단심 is for partners: to a colleague the card talks about the sunflower instead.
    expect(colleague).not.toContain('일편단심');
  });

  it('refuses a recipient name that is too long or not only letters', async () => {
    for (const recipientName of ['가나다라마바사아자차카', 'Jimin!', '지민<b>']) {
      const { result } = await suggest(offline, {
        flowerId: '1',
        recipient: 'FRIEND',
        recipientName,
      });
      expect(result).toMatchObject({ __typename: 'InvalidInputError', field: 'recipientName' });
    }
  });

  it('refuses ambiguous or unknown sources and anonymous callers', async () => {
    expect((await suggest(offline, { recipient: 'FRIEND' })).result).toMatchObject({
      code: 'ONE_SOURCE_REQUIRED',
    });
    expect(
      (await suggest(offline, { flowerId: '1', productId: 'p', recipient: 'FRIEND' })).result,
    ).toMatchObject({ code: 'ONE_SOURCE_REQUIRED' });
    expect((await suggest(offline, { flowerId: '99', recipient: 'FRIEND' })).result).toMatchObject({
      code: 'UNKNOWN_FLOWER',
    });
    const anonymous = await offline.call(SUGGEST, {
      i: { flowerId: '1', recipient: 'FRIEND' },
    });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('AI suggestions through an OpenAI-compatible server', () => {
  const input: SuggestCardMessagesInput = {
    flowerId: '1',
    recipient: 'LOVER',
    occasion: '생일',
    tone: 'ROMANTIC',
  };

  it('asks with structured output and returns the model’s messages', async () => {
    stub.mode = 'normal';
    const { result, ms } = await suggest(ai, input);
    expect(result).toMatchObject({ source: 'AI', suggestions: STUB_MESSAGES });
    expect(ms).toBeLessThan(TIMEOUT_MS);
    const request = stub.requests.at(-1) ?? expect.unreachable('the stub was not asked');
    expect(request.model).toBe('gpt-4o-mini');
    expect(request.response_format).toMatchObject({
      type: 'json_schema',
      json_schema: { name: 'card_messages', strict: true },
    });
    expect(JSON.stringify(request.messages)).toContain('빨간 장미');
  });

  it('falls back to the composer when the AI is slower than the timeout', async () => {
    stub.mode = 'slow';
    stub.slowMs = 5_000;
    const { result: answer, ms } = await suggest(ai, input);
    const result = expectUnion(answer, 'CardSuggestions');
    expect(result.source).toBe('OFFLINE');
    expect(new Set(result.suggestions).size).toBe(3);
    expect(ms).toBeGreaterThanOrEqual(TIMEOUT_MS - 50);
    expect(ms).toBeLessThan(TIMEOUT_MS + 400);
  });

  it('falls back at once when the AI answers 500, and when its messages do not fit', async () => {
    stub.mode = 'error';
    const failed = await suggest(ai, input);
    expect(expectUnion(failed.result, 'CardSuggestions').source).toBe('OFFLINE');
    expect(failed.ms).toBeLessThan(TIMEOUT_MS);

    stub.mode = 'normal';
    stub.answer = CARD_ANSWERS.tooLong;
    const tooLong = expectUnion((await suggest(ai, input)).result, 'CardSuggestions');
    expect(tooLong.source).toBe('OFFLINE');
    for (const s of tooLong.suggestions) expect([...s].length).toBeLessThanOrEqual(200);
    stub.answer = CARD_ANSWERS.good;
  });

  it('falls back to the composer when the AI answer fails the message check', async () => {
    stub.answer = CARD_ANSWERS.unchecked;
    const asked = stub.requests.length;
    const { result, ms } = await suggest(ai, input);
    expect(stub.requests.length).toBe(asked + 1);
    const checked = expectUnion(result, 'CardSuggestions');
    expect(checked.source).toBe('OFFLINE');
    expect(checked.suggestions).toHaveLength(3);
    expect(checked.suggestions.join('\n')).not.toContain("'사랑'의 마음");
    expect(ms).toBeLessThan(TIMEOUT_MS);
    stub.answer = CARD_ANSWERS.good;
  });

  it('tells the model the rules and who the card is for', async () => {
    stub.mode = 'normal';
    await suggest(ai, {
      flowerId: '1',
      recipient: 'OLDER_SISTER',
      occasion: '생일',
      senderGender: 'FEMALE',
      recipientName: '지민',
    });
    const request = stub.requests.at(-1) ?? expect.unreachable('the stub was not asked');
    const prompt = JSON.stringify(request.messages);
    expect(prompt).toContain('언니');
    expect(prompt).toContain('지민');
    expect(prompt).toContain('FEMALE');
    expect(prompt).toContain('의 마음');
    // 사랑 to a sister does not fit: the model is told not to claim it.
    expect(prompt).toContain('does not fit');
  });
});
