import { setTimeout as sleep } from 'node:timers/promises';
import { aiBreakerProbe, dataOf, timed, typedDocument } from '@bloom/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GiftcardsHarness, newId, startGiftcards } from './giftcards.harness.js';
import { type OpenAiStub, STUB_MESSAGES, startOpenAiStub } from './openai.stub.js';

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
  stub = await startOpenAiStub();
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

const ready = () => aiBreakerProbe(h.server.origin, 'card_suggestions').ready();
const metrics = () => aiBreakerProbe(h.server.origin, 'card_suggestions').metrics();

describe('card suggestions while the AI hangs (circuit breaker)', () => {
  it('waits for the timeout N times, then composes offline at once; a trial closes it again', async () => {
    stub.mode = 'slow';
    stub.slowMs = 10_000;
    for (let i = 0; i < FAILURES; i += 1) {
      const { source, ms } = await suggest();
      expect(source).toBe('OFFLINE');
      expect(ms).toBeGreaterThanOrEqual(AI_TIMEOUT_MS - 50);
      expect(ms).toBeLessThan(AI_TIMEOUT_MS + 5_000);
    }

    const opened = await ready();
    expect(opened.status).toBe(200);
    expect(opened.body).toMatchObject({
      status: 'ready',
      ai: { state: 'OPEN', failures: FAILURES, since: expect.any(String) as unknown },
    });
    expect(await metrics()).toMatchObject({ state: 1, failed: FAILURES, skipped: 0 });

    const asked = stub.requests.length;
    const skipped = await suggest();
    expect(skipped.source).toBe('OFFLINE');
    expect(skipped.ms).toBeLessThan(AI_TIMEOUT_MS);
    expect(stub.requests.length).toBe(asked);

    // A healthy AI after the cool-down, slow enough that the trial is still running when the
    // other suggestions started with it arrive: exactly one of them asks the AI.
    await sleep(COOLDOWN_MS);
    stub.slowMs = 150;
    const together = await Promise.all([suggest(), suggest(), suggest()]);
    expect(stub.requests.length).toBe(asked + 1);
    expect(together.map((r) => r.source).sort()).toEqual(['AI', 'OFFLINE', 'OFFLINE']);
    expect(together.find((r) => r.source === 'AI')?.suggestions).toEqual(STUB_MESSAGES);

    expect((await ready()).body.ai).toMatchObject({ state: 'CLOSED', failures: 0 });
    expect(await metrics()).toMatchObject({ state: 0, skipped: 3 });
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
