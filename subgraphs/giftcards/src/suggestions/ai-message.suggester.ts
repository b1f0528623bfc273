import type { Logger } from '@bloom/kernel';
import OpenAI from 'openai';
import { z } from 'zod';
import type { Flower, Localized } from '../catalog/catalog.data.js';
import { sanitizeMessage, textLength } from '../cards/message.sanitizer.js';
import type { Language, Tone } from './message.types.js';

export interface AiSuggestRequest {
  flower: Flower | null;
  recipient: Localized;
  occasion: string;
  tone: Tone;
  language: Language;
  maxLength: number;
}

/** Structured output: the model must answer exactly this JSON object. */
const RESPONSE_SCHEMA = {
  type: 'object',
  properties: {
    messages: {
      type: 'array',
      items: { type: 'string' },
      description: 'Three distinct card messages.',
    },
  },
  required: ['messages'],
  additionalProperties: false,
} as const;

const answerSchema = z.object({ messages: z.array(z.string()) });

const TONES: Record<Tone, string> = {
  WARM: 'warm and affectionate',
  FORMAL: 'polite and formal',
  PLAYFUL: 'light and playful',
  ROMANTIC: 'romantic',
  GRATEFUL: 'full of gratitude',
};

/**
 * Card messages from an OpenAI-compatible chat-completions API. Any failure — timeout, HTTP
 * error, refusal, malformed or too long answer — returns null and the caller composes offline;
 * the SDK's own retries are off because the whole answer must arrive within one timeout.
 */
export class AiMessageSuggester {
  private readonly client: OpenAI;

  constructor(
    private readonly options: {
      apiKey: string;
      baseURL?: string;
      model: string;
      timeoutMs: number;
      logger: Logger;
    },
  ) {
    this.client = new OpenAI({
      apiKey: options.apiKey,
      baseURL: options.baseURL,
      timeout: options.timeoutMs,
      maxRetries: 0,
    });
  }

  async suggest(request: AiSuggestRequest): Promise<string[] | null> {
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), this.options.timeoutMs);
    try {
      const completion = await this.client.chat.completions.create(
        {
          model: this.options.model,
          temperature: 0.9,
          max_completion_tokens: 800,
          messages: [
            { role: 'system', content: systemPrompt(request) },
            { role: 'user', content: userPrompt(request) },
          ],
          response_format: {
            type: 'json_schema',
            json_schema: { name: 'card_messages', strict: true, schema: RESPONSE_SCHEMA },
          },
        },
        { signal: abort.signal, timeout: this.options.timeoutMs, maxRetries: 0 },
      );
      const content = completion.choices[0]?.message.content;
      if (!content) return null;
      const parsed = answerSchema.safeParse(JSON.parse(content));
      if (!parsed.success) return null;
      const messages = [
        ...new Set(parsed.data.messages.map(sanitizeMessage).filter((m) => m.length > 0)),
      ].filter((m) => textLength(m) <= request.maxLength);
      if (messages.length < 3) {
        this.options.logger.warn('AI suggestions unusable', { got: parsed.data.messages.length });
        return null;
      }
      return messages.slice(0, 3);
    } catch (error) {
      this.options.logger.warn('AI suggestions failed; composing offline', {
        error: error instanceof Error ? error.message : String(error),
      });
      return null;
    } finally {
      clearTimeout(timer);
    }
  }
}

function systemPrompt(request: AiSuggestRequest): string {
  const korean = request.language === 'KO';
  return [
    'You write short, heartfelt messages for the card that comes with a flower delivery.',
    `Write exactly three distinct messages in ${korean ? 'Korean' : 'English'}, each at most ${request.maxLength} characters including spaces and line breaks.`,
    'Plain text only: no markdown, no emoji strings like :heart:, no quotes around the message, no signature.',
    korean
      ? 'Use 존댓말 for parents, elders and colleagues and natural 반말 for friends, lovers, siblings and children unless the tone is formal. Use correct particles.'
      : 'Sound natural and warm, like a person wrote it.',
    "Weave the flower's language (its meaning) into each message naturally.",
  ].join(' ');
}

function userPrompt(request: AiSuggestRequest): string {
  const korean = request.language === 'KO';
  const flower = request.flower
    ? `${korean ? request.flower.name.ko : request.flower.name.en} (flower language: ${korean ? request.flower.meaning.ko : request.flower.meaning.en})`
    : 'a mixed bouquet';
  return JSON.stringify({
    flower,
    recipient: korean ? request.recipient.ko : request.recipient.en,
    occasion: request.occasion || 'no particular occasion',
    tone: TONES[request.tone],
  });
}
