import OpenAI from 'openai';
import { z } from 'zod';
import {
  CATEGORIES,
  CATEGORY_KEYS,
  FLOWERS,
  FLOWER_COLORS,
  TAGS,
  TAG_KEYS,
  isFlowerId,
} from '../catalog/catalog.data.js';
import { PRODUCT_SORTS } from '../products/product-sort.js';
import type { AiFilterExtractor } from './query-interpreter.js';
import { OCCASIONS, type SearchFilters } from './search-filters.js';

const nullable = (schema: Record<string, unknown>) => ({ anyOf: [schema, { type: 'null' }] });

/** The structured-output schema (strict: every field present, nothing else). */
export const FILTERS_JSON_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['category', 'tags', 'flowerIds', 'colors', 'priceMin', 'priceMax', 'sort', 'occasion'],
  properties: {
    category: nullable({ type: 'string', enum: [...CATEGORY_KEYS] }),
    tags: { type: 'array', items: { type: 'string', enum: [...TAG_KEYS] } },
    flowerIds: { type: 'array', items: { type: 'integer', enum: FLOWERS.map((f) => f.id) } },
    colors: { type: 'array', items: { type: 'string', enum: [...FLOWER_COLORS] } },
    priceMin: nullable({ type: 'integer' }),
    priceMax: nullable({ type: 'integer' }),
    sort: nullable({ type: 'string', enum: [...PRODUCT_SORTS] }),
    occasion: nullable({ type: 'string', enum: [...OCCASIONS] }),
  },
} as const;

/** The answer is checked again here: a model can ignore a schema, a stub can be wrong. */
const answerSchema = z.object({
  category: z.enum(CATEGORY_KEYS).nullable(),
  tags: z.array(z.enum(TAG_KEYS)),
  flowerIds: z.array(z.number().int()),
  colors: z.array(z.enum(FLOWER_COLORS)),
  priceMin: z.number().int().nonnegative().nullable(),
  priceMax: z.number().int().nonnegative().nullable(),
  sort: z.enum(PRODUCT_SORTS).nullable(),
  occasion: z.enum(OCCASIONS).nullable(),
});

const catalogLines = [
  'Categories: ' + CATEGORIES.map((c) => `${c.key} (${c.name.ko}, ${c.name.en})`).join('; '),
  'Tags: ' + TAGS.map((t) => `${t.key} (${t.name.ko}, ${t.name.en})`).join('; '),
  'Flowers (id: name — flower language): ' +
    FLOWERS.map(
      (f) => `${f.id}: ${f.name.ko}/${f.name.en} — ${f.language.ko}/${f.language.en}`,
    ).join('; '),
  `Colours: ${FLOWER_COLORS.join(', ')}`,
  `Occasions: ${OCCASIONS.join(', ')}`,
  `Sorts: ${PRODUCT_SORTS.join(', ')}`,
];

export const SYSTEM_PROMPT = [
  'You turn a flower shop customer query (Korean or English) into search filters for a',
  'catalogue. Answer only with the JSON the schema describes; use null or [] for anything the',
  'query does not ask for.',
  ...catalogLines,
  'Rules: flowers named (or wanted for their meaning, via flower language) go into flowerIds;',
  'a colour + rose is the rose of that colour; other colours go into colors. Prices are KRW',
  'integers: 이하/up to = max inclusive, 미만/under/below = max - 1, 이상/at least = min,',
  '초과/넘는/over = min + 1, "3만원대"/"in the 30,000s" = 30000..39999, "5만원 정도"/about/-ish',
  '= ±20%, "만오천원" = 15000, "두세만원" = 20000..30000 and "두세 만원대" = 20000..39999 (also',
  '한두, 서너, 대여섯...). Tags: a venue occasion (FUNERAL, OPENING, PROMOTION) alone; a wedding',
  "also keeps its recipient (a friend's wedding: WEDDING + FOR_FRIEND); otherwise the recipient",
  '(FOR_LOVER, FOR_FRIEND; a bare anniversary implies FOR_LOVER unless someone else is named);',
  'AIR_PURIFYING when asked. Flowers for a teacher are the TEACHERS_DAY occasion. Sort only',
  'when the query asks for an order (popular, cheapest, newest, best rated...).',
].join('\n');

export interface OpenAiOptions {
  apiKey: string;
  baseURL?: string;
  model: string;
  timeoutMs: number;
}

/** Filter extraction with the OpenAI chat completions API and structured output. */
export class OpenAiFilterExtractor implements AiFilterExtractor {
  private readonly client: OpenAI;

  constructor(private readonly options: OpenAiOptions) {
    this.client = new OpenAI({
      apiKey: options.apiKey,
      baseURL: options.baseURL,
      timeout: options.timeoutMs,
      // A retry would blow the deadline; the offline parser is the retry.
      maxRetries: 0,
    });
  }

  async extract(query: string, signal: AbortSignal): Promise<SearchFilters> {
    const completion = await this.client.chat.completions.create(
      {
        model: this.options.model,
        temperature: 0,
        messages: [
          { role: 'system', content: SYSTEM_PROMPT },
          { role: 'user', content: query },
        ],
        response_format: {
          type: 'json_schema',
          json_schema: {
            name: 'product_search_filters',
            strict: true,
            schema: FILTERS_JSON_SCHEMA,
          },
        },
      },
      { signal },
    );
    const message = completion.choices[0]?.message;
    if (!message?.content) throw new Error(message?.refusal ?? 'the AI returned no content');
    const answer = answerSchema.parse(JSON.parse(message.content));
    return {
      category: answer.category,
      tags: [...new Set(answer.tags)],
      flowerIds: [...new Set(answer.flowerIds.filter(isFlowerId))].sort((a, b) => a - b),
      colors: [...new Set(answer.colors)],
      priceMin: answer.priceMin,
      priceMax: answer.priceMax,
      sort: answer.sort,
      occasion: answer.occasion,
      keywords: [],
    };
  }
}
