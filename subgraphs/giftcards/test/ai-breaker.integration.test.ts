import { setTimeout as sleep } from 'node:timers/promises';
import { aiBreakerProbe, dataOf, expectBreakerCycle, timed, typedDocument } from '@bloom/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GiftcardsHarness, newId, startGiftcards } from './giftcards.harness.js';
import { type OpenAiStub, STUB_MESSAGES, startCardAiStub } from './openai.stub.js';

const AI_TIMEOUT_MS = 800;
const FAILURES = 3;
const COOLDOWN_MS = 1_500;

// Typed by hand, not by the codegen: only where the messages came from matters here.
const SUGGEST = typedDocument<
  {
    suggestCardMessages: { __typename: string; source?: 'AI' | 'OFFLINE'; suggestions?: string[] };
  },
  { i: Record<string, string> }
>(
  'query AiBreakerSuggest($i: SuggestCardMessagesInput!) { suggestCardMessages(input: $i) { __typename ... on CardSuggestions { source suggestions } } }',
);
const INPUT = { flowerId: '1', recipient: 'LOVER', occasion: '생일', tone: 'ROMANTIC' };

let stub: OpenAiStub;
let h: GiftcardsHarness;

beforeAll(async () => {
  stub = await startCardAiStub();
  h = await startGiftcards('aibreaker', {
    OPENAI_API_KEY: 'sk-test-stub',
    OPENAI_BASE_URL: stub.baseURL,
    CARD_AI_TIMEOUT_MS: String(AI_TIMEOUT_MS),
    AI_BREAKER_FAILURES: String(FAILURES),
    AI_BREAKER_COOLDOWN_MS: String(COOLDOWN_MS),
  });
});
afterAll(async () => {
  await h?.close();
  await stub?.close();
});

async function suggest() {
  const { result: res, ms } = await timed(() => h.call(SUGGEST, { i: INPUT }, { userId: newId() }));
  const result = dataOf(res).suggestCardMessages;
  expect(result.__typename).toBe('CardSuggestions');
  expect(result.suggestions).toHaveLength(3);
  return { source: result.source, suggestions: result.suggestions, ms };
}

const probe = () => aiBreakerProbe(h.server.origin, 'card_suggestions');
const ready = () => probe().ready();

describe('card suggestions while the AI hangs (circuit breaker)', () => {
  it('waits for the timeout N times, then composes offline at once; a trial closes it again', async () => {
    const together = await expectBreakerCycle({
      call: suggest,
      probe: probe(),
      stub,
      failures: FAILURES,
      timeoutMs: AI_TIMEOUT_MS,
      cooldownMs: COOLDOWN_MS,
    });
    expect(together.find((r) => r.source === 'AI')?.suggestions).toEqual(STUB_MESSAGES);
  });

  it('counts an HTTP error as a failure like a timeout', async () => {
    stub.mode = 'error';
    for (let i = 0; i < FAILURES; i += 1) expect((await suggest()).source).toBe('OFFLINE');
    expect((await ready()).body.ai).toMatchObject({ state: 'OPEN', failures: FAILURES });
    stub.mode = 'normal';
    await sleep(COOLDOWN_MS);
    expect((await suggest()).source).toBe('AI');
    expect((await ready()).body.ai).toMatchObject({ state: 'CLOSED' });
  });
});
