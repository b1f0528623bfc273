import type { RecipientKeyValue } from '../catalog/catalog.data.js';
import { textLength } from '../cards/message.sanitizer.js';
import type { ComposeRequest, Level, Tone } from './message.types.js';

export const PARENTS = new Set<RecipientKeyValue>(['FATHER', 'MOTHER']);
export const COUPLE = new Set<RecipientKeyValue>(['LOVER', 'SPOUSE']);
const ELDER_OR_WORK = new Set<RecipientKeyValue>(['FATHER', 'MOTHER', 'COLLEAGUE']);

/** Parents and colleagues are addressed in 존댓말, everyone else in 반말 unless the tone is FORMAL. */
export const levelOf = (request: ComposeRequest): Level =>
  ELDER_OR_WORK.has(request.recipient) || request.tone === 'FORMAL' ? 'polite' : 'casual';

/** Romance is for couples; for anyone else it reads as warmth. */
export const toneFor = (tone: Tone, recipient: RecipientKeyValue): Tone =>
  tone === 'ROMANTIC' && !COUPLE.has(recipient) ? 'WARM' : tone;

/** A free-text occasion short and plain enough to be named in a sentence as written. */
export const isNameable = (named: string): boolean =>
  named !== '' && textLength(named) <= 12 && /^[\p{L}\p{N} ]+$/u.test(named);
