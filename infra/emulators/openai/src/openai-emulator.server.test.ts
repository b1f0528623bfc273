import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type OpenAiEmulator, startOpenAiEmulator } from './openai-emulator.server.js';

let emulator: OpenAiEmulator;
beforeAll(async () => {
  emulator = await startOpenAiEmulator({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => emulator.close());
beforeEach(async () => {
  await setMode({ mode: 'normal', slowMs: 10_000 });
});

const setMode = (body: unknown) =>
  fetch(`${emulator.url}/__mode`, { method: 'POST', body: JSON.stringify(body) });

/** A filters schema like the search extractor's (written out here: nothing is shared). */
const FILTERS = {
  type: 'object',
  additionalProperties: false,
  required: ['category', 'tags', 'flowerIds', 'colors', 'priceMin', 'priceMax', 'sort', 'occasion'],
  properties: {
    category: { anyOf: [{ type: 'string', enum: ['BOUQUET', 'BASKET'] }, { type: 'null' }] },
    tags: { type: 'array', items: { type: 'string', enum: ['FOR_FRIEND', 'FUNERAL'] } },
    flowerIds: { type: 'array', items: { type: 'integer', enum: [1, 11] } },
    colors: { type: 'array', items: { type: 'string', enum: ['RED', 'WHITE'] } },
    priceMin: { anyOf: [{ type: 'integer' }, { type: 'null' }] },
    priceMax: { anyOf: [{ type: 'integer' }, { type: 'null' }] },
    sort: { anyOf: [{ type: 'string', enum: ['PRICE_ASC', 'POPULAR'] }, { type: 'null' }] },
    occasion: { anyOf: [{ type: 'string', enum: ['BIRTHDAY', 'FUNERAL'] }, { type: 'null' }] },
  },
};
const SEARCH_PROMPT = [
  'You turn a flower shop customer query into search filters.',
  'Flowers (id: name — flower language): 1: 장미/Rose — 사랑/love; 11: 국화/Chrysanthemum — 애도/mourning',
].join('\n');

const CARDS = {
  type: 'object',
  properties: { messages: { type: 'array', items: { type: 'string' } } },
  required: ['messages'],
  additionalProperties: false,
};
const cardPrompt = (language: string) =>
  `Write exactly three distinct messages in ${language}, each at most 60 characters including spaces and line breaks.`;

async function complete(system: string, user: string, schema: object, name: string) {
  const response = await fetch(`${emulator.url}/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer sk-anything' },
    body: JSON.stringify({
      model: 'gpt-4o-mini',
      messages: [
        { role: 'system', content: system },
        { role: 'user', content: user },
      ],
      response_format: { type: 'json_schema', json_schema: { name, strict: true, schema } },
    }),
  });
  const body = (await response.json()) as {
    choices?: { message: { content: string } }[];
    error?: { message: string };
  };
  return { status: response.status, body, content: body.choices?.[0]?.message.content ?? '' };
}

describe('the OpenAI emulator', () => {
  it('answers the search schema with filters found by keywords, within its enums', async () => {
    const { status, content } = await complete(
      SEARCH_PROMPT,
      '친구 생일 선물로 빨간 장미 꽃다발 5만원 이하 싼 순서',
      FILTERS,
      'product_search_filters',
    );
    expect(status).toBe(200);
    expect(JSON.parse(content)).toEqual({
      category: 'BOUQUET',
      tags: ['FOR_FRIEND'],
      flowerIds: [1],
      colors: ['RED'],
      priceMin: null,
      priceMax: 50000,
      sort: 'PRICE_ASC',
      occasion: 'BIRTHDAY',
    });
  });

  it('answers the card schema with three short messages in the asked language', async () => {
    const fields = JSON.stringify({
      flower: '빨간 장미 (flower language: 사랑)',
      recipient: '연인',
      occasion: '생일',
      tone: 'romantic',
    });
    const korean = JSON.parse(
      (await complete(cardPrompt('Korean'), fields, CARDS, 'card_messages')).content,
    ) as {
      messages: string[];
    };
    expect(new Set(korean.messages).size).toBe(3);
    for (const m of korean.messages) expect([...m].length).toBeLessThanOrEqual(60);
    expect(korean.messages.join(' ')).toContain('빨간 장미');
    expect(korean.messages.join(' ')).toMatch(/[가-힣]/);

    const english = JSON.parse(
      (
        await complete(
          cardPrompt('English'),
          JSON.stringify({ flower: 'Red rose (flower language: love)', recipient: 'partner' }),
          CARDS,
          'card_messages',
        )
      ).content,
    ) as { messages: string[] };
    expect(english.messages).toHaveLength(3);
    expect(english.messages.join(' ')).toContain('Red rose');
    expect(english.messages.join(' ')).not.toMatch(/[가-힣]/);
  });

  it('fails, answers garbage or answers late as the mode says; /__mode switches it', async () => {
    expect(await (await fetch(`${emulator.url}/health`)).json()).toMatchObject({ status: 'ok' });

    expect((await setMode({ mode: 'fail' })).status).toBe(200);
    const failed = await complete(SEARCH_PROMPT, '꽃다발', FILTERS, 'product_search_filters');
    expect(failed.status).toBe(500);
    expect(failed.body.error?.message).toContain('emulated');

    await setMode({ mode: 'garbage' });
    const garbage = await complete(SEARCH_PROMPT, '꽃다발', FILTERS, 'product_search_filters');
    expect(garbage.status).toBe(200);
    expect(() => JSON.parse(garbage.content) as unknown).toThrow();

    await setMode({ mode: 'slow', slowMs: 300 });
    const started = performance.now();
    const slow = await complete(SEARCH_PROMPT, '꽃다발', FILTERS, 'product_search_filters');
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    expect(JSON.parse(slow.content)).toMatchObject({ category: 'BOUQUET' });

    expect((await setMode({ mode: 'sleepy' })).status).toBe(400);
    expect(await (await fetch(`${emulator.url}/__mode`)).json()).toEqual({
      mode: 'slow',
      slowMs: 300,
    });
    expect(emulator.requests.slice(-3).map((r) => r.mode)).toEqual(['fail', 'garbage', 'slow']);
  });
});
