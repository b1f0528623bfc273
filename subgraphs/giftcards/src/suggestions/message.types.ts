import type { Flower, RecipientKeyValue } from '../catalog/catalog.data.js';

export type Tone = 'WARM' | 'FORMAL' | 'PLAYFUL' | 'ROMANTIC' | 'GRATEFUL';
export type Language = 'KO' | 'EN';

export interface ComposeRequest {
  flower: Flower | null;
  recipient: RecipientKeyValue;
  occasion: string;
  tone: Tone;
  language: Language;
  maxLength: number;
  /** Varies the picks; the same seed and request always give the same messages. */
  seed?: number;
  /** "Show me others": 0, 1, 2... moves to further picks of the same request. */
  variant?: number;
}

/** Korean speech level: 존댓말 or 반말. */
export type Level = 'polite' | 'casual';

/** The phrasings a message is assembled from, one list per sentence of the card. */
export interface Parts {
  greetings: string[];
  occasions: string[];
  flowers: string[];
  closings: string[];
}
