import type { Logger } from '@bloom/kernel';
import OpenAI from 'openai';
import { z } from 'zod';
import { recipientNames } from '../catalog/catalog.data.js';
import { sanitizeMessage, textLength } from '../cards/message.sanitizer.js';
import { checkMessages } from './message.checker.js';
import { levelOf, meaningFraming, nameFor, olderKin } from './message.rules.js';
import type { CheckRequest, Tone } from './message.types.js';
import { readOccasion } from './occasion.js';

/** What the AI is asked for: the composer's request, which the checker judges its answer by. */
export type AiSuggestRequest = CheckRequest;

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
      const chosen = messages.slice(0, 3);
      // The same checks the composer passes: an answer that fails any is not shown.
      const problems = checkMessages(request, chosen);
      if (problems.length > 0) {
        this.options.logger.warn('AI suggestions failed the check; composing offline', {
          problems: [...new Set(problems.map((p) => p.code))],
        });
        return null;
      }
      return chosen;
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
  const rules = [
    'You write short, heartfelt messages for the card that comes with a flower delivery.',
    `Write exactly three messages in ${korean ? 'Korean' : 'English'}, each at most ${request.maxLength} characters including spaces and line breaks, and at least 20.`,
    'Plain text only: no markdown, no emoji strings like :heart:, no quotes around the message, no signature.',
    'The three must differ in structure: one opens with a short address line, then the occasion, the flower and a closing; one opens with the flower and its meaning, then the occasion; one is short and personal, opening with the occasion. No two may share their first sentence or their last sentence.',
    'Never repeat a word, a wish or an ending inside one message (not "…좋겠어. … 좋겠어.", not "평안을 … 평안을").',
  ];
  if (korean) {
    rules.push(
      'Speech level by relationship: 존댓말 (합쇼체 or 해요체) to parents, grandparents, teachers, seniors (선배, 상사) and colleagues; natural 반말 to friends, lovers, spouses, siblings, children and juniors (후배). A formal tone is always 존댓말. Never mix levels in one message.',
      'Address as Koreans write: 형/오빠 to an older brother and 누나/언니 to an older sister, chosen by the sender\'s gender (형, 누나 from a man; 오빠, 언니 from a woman); when that gender or the age is unknown, use no kin term at all. With a name: 지민아 to friends, juniors and younger ones, "지민 님" to colleagues, "지민 선배님" and "지민 선생님" to seniors and teachers. Parents and grandparents are never called by name. Never "형제에게", "자매에게" or "동료께".',
      'Never write "X의 마음" with an abstract noun ("감사의 마음", "\'매력\'의 마음"); say what the sender feels in a plain sentence.',
      "Use correct particles after the flower's name and its meaning (을/를, 이/가, 이라는/라는).",
      'For a funeral or condolence: no cheerful words, no exclamation marks, no congratulations.',
    );
  } else {
    rules.push(
      'Sound natural and warm, like a person wrote it, with English forms of address ("Dear Mom,"). For a condolence: no cheerful words and no exclamation marks.',
    );
  }
  rules.push(meaningRule(request));
  return rules.join(' ');
}

/** Whether to name the flower's meaning, by the same rule the composer follows. */
function meaningRule(request: AiSuggestRequest): string {
  if (!request.flower) return 'No particular flower is known: talk about the bouquet.';
  const meaning = request.language === 'KO' ? request.flower.meaning.ko : request.flower.meaning.en;
  const fits = meaningFraming(request.flower, request.recipient, readOccasion(request.occasion));
  return fits
    ? `Name the flower's meaning, '${meaning}', in every message, as the sender's feeling or wish where it fits.`
    : `The flower's meaning, '${meaning}', does not fit this recipient and occasion (love meanings are only for partners): do not mention it; talk about the flower itself or the occasion instead.`;
}

function userPrompt(request: AiSuggestRequest): string {
  const korean = request.language === 'KO';
  const flower = request.flower
    ? `${korean ? request.flower.name.ko : request.flower.name.en} (flower language: ${korean ? request.flower.meaning.ko : request.flower.meaning.en})`
    : 'a mixed bouquet';
  const kin = olderKin(request.recipient, request.senderGender);
  const names = recipientNames.get(request.recipient);
  return JSON.stringify({
    flower,
    recipient: korean ? names?.ko : names?.en,
    ...(kin ? { callThem: kin } : {}),
    recipientName: nameFor(request) ?? 'not given',
    senderGender: request.senderGender ?? 'not given',
    ...(korean
      ? {
          speechLevel: levelOf(request) === 'polite' ? '존댓말' : '반말',
        }
      : {}),
    occasion: request.occasion || 'no particular occasion',
    tone: TONES[request.tone],
  });
}
