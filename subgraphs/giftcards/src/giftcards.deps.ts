import type { Logger, OutboxRelay } from '@bloom/kernel';
import type { GiftcardsConfig } from './giftcards.config.js';
import type { GuessLimiter } from './cards/guess.limiter.js';
import type { AiMessageSuggester } from './suggestions/ai-message.suggester.js';

/** What suggestions call: the suggester's own `suggest`, so its signature changes follow. */
export type CardMessageAi = Pick<AiMessageSuggester, 'suggest'>;

/** Long-lived collaborators shared by every request of the giftcards service. */
export interface GiftcardsDeps {
  config: GiftcardsConfig;
  logger: Logger;
  relay: OutboxRelay;
  limiter: GuessLimiter;
  /**
   * The AI suggester behind its circuit breaker (null answers while the AI keeps failing); null
   * without an OpenAI key: suggestions are then composed offline.
   */
  ai: CardMessageAi | null;
  /** The base URL recipients use (share links, template images); known once listening. */
  publicUrl: () => string;
  /** Injectable clock so state and window rules can be tested without waiting. */
  now: () => Date;
}

export const SOURCE = 'giftcards';
