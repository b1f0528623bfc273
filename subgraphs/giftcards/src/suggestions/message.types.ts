import type { Flower, RecipientKeyValue } from '../catalog/catalog.data.js';
import type { Framing } from './message.rules.js';
import type { Occasion } from './occasion.js';

export type Tone = 'WARM' | 'FORMAL' | 'PLAYFUL' | 'ROMANTIC' | 'GRATEFUL';
export type Language = 'KO' | 'EN';
/** Only chooses between 형/오빠 and 누나/언니. */
export type SenderGender = 'MALE' | 'FEMALE';

export interface ComposeRequest {
  flower: Flower | null;
  recipient: RecipientKeyValue;
  occasion: string;
  tone: Tone;
  language: Language;
  maxLength: number;
  senderGender?: SenderGender | null;
  /** A validated given name (letters and spaces); never used for parents or grandparents. */
  recipientName?: string | null;
  /** Varies the picks; the same seed and request always give the same messages. */
  seed?: number;
  /** "Show me others": 0, 1, 2... moves to further picks of the same request. */
  variant?: number;
}

/** What the checker needs to judge messages: the request without its picks. */
export type CheckRequest = Omit<ComposeRequest, 'seed' | 'variant'>;

/** Korean speech level: 존댓말 (합쇼체 or 해요체) or 반말. */
export type Level = 'polite' | 'casual';

/** The three structures a request's suggestions take, one message each. */
export type Slot = 'A' | 'B' | 'C';

/**
 * The phrasings for one request in one language. A: address, occasion, meaning, closing.
 * B: opens with the meaning, then the occasion and a closing. C: short, calling the recipient,
 * occasion first, a flower image. Each slot has its own closings, so no two messages share one.
 */
export interface Phrasebook {
  /** Letter headings such as "선배님께" or "Dear Mom,"; empty when none reads naturally. */
  address: string[];
  /** How C calls the recipient ("지민아", "형", "선배님"), or null. */
  call: string | null;
  /** Four occasion sentences; with `named`, the first names the sender's own occasion text. */
  occasions: string[];
  named: boolean;
  /** The flower's sentence for each slot. */
  meaning: Lines;
  closings: Record<Slot, string[]>;
}

/** What the phrase tables are chosen by, worked out once per request. */
export interface Setting {
  request: CheckRequest;
  occasion: Occasion;
  level: Level;
  /** The tone as it applies to this recipient (`toneFor`). */
  tone: Tone;
  /** The recipient's name when it may be used (`nameFor`). */
  name: string | null;
  /** 형/오빠/누나/언니 for an older sibling when the sender's gender says which. */
  kin: string | null;
  /** How the flower's meaning is said, or null when it is replaced (`meaningFraming`). */
  framing: Framing | null;
}

/** The flower's sentence per slot, with shorter phrasings for small cards (C's is short already). */
export type Lines = Record<Slot, string> & { shortA: string; shortB: string; shortC?: string };
