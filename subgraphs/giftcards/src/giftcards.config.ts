import { aiBreakerConfigShape, baseConfigShape, loadConfig } from '@bloom/kernel';
import { z } from 'zod';

const schema = z.object({
  ...baseConfigShape,
  PORT: z.coerce.number().int().min(0).max(65535).default(4006),
  GIFTCARDS_DB: z.string().default('bloom_giftcards'),
  /**
   * Where recipients reach this service (share links, template images). Without it the
   * service's own listening address is used, which suits local runs and tests.
   */
  GIFTCARDS_PUBLIC_URL: z.string().url().optional(),
  /** Longest card message, in characters (code points) after sanitizing. */
  CARD_MESSAGE_MAX_LENGTH: z.coerce.number().int().min(40).max(1000).default(200),
  /**
   * Failed share-secret attempts allowed per client and card id in a window. A client is an
   * address (an IPv6 /64) and, when signed in, also an account. There is no limit per card
   * alone: others' wrong guesses never lock the recipient out (see CardService.open).
   */
  CARD_GUESS_LIMIT_PER_CLIENT_CARD: z.coerce.number().int().positive().default(10),
  /** Failed share-secret attempts allowed per client across all cards in a window. */
  CARD_GUESS_LIMIT_PER_CLIENT: z.coerce.number().int().positive().default(30),
  CARD_GUESS_WINDOW_SECONDS: z.coerce.number().int().positive().default(600),
  /** A refused share-secret attempt never answers faster than this (hides timing differences). */
  CARD_FAILED_OPEN_MIN_MS: z.coerce.number().int().min(0).max(5000).default(150),
  /**
   * Behind one trusted proxy: the share page's client is the address that proxy appended to
   * X-Forwarded-For (the last entry; earlier ones are whatever the client sent).
   */
  CARD_TRUST_FORWARDED_FOR: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  /** Optional: without a key suggestions come from the built-in composer. */
  OPENAI_API_KEY: z.string().optional(),
  OPENAI_BASE_URL: z.string().url().optional(),
  OPENAI_MODEL: z.string().default('gpt-4o-mini'),
  /** The AI answer is abandoned after this and the offline composer answers instead. */
  CARD_AI_TIMEOUT_MS: z.coerce.number().int().positive().default(3000),
  /** After repeated AI failures suggestions are composed offline at once for a while. */
  ...aiBreakerConfigShape,
});

export type GiftcardsConfig = z.infer<typeof schema>;

export const loadGiftcardsConfig = (env: Record<string, string | undefined>) =>
  loadConfig('giftcards', schema, env);
