import { textLength } from '../cards/message.sanitizer.js';
import { enPhrasebook } from './english.phrases.js';
import { koPhrasebook } from './korean.phrases.js';
import { checkMessage, edgesOf } from './message.checker.js';
import { levelOf, meaningFraming, nameFor, olderKin, toneFor } from './message.rules.js';
import type { ComposeRequest, Lines, Phrasebook, Setting, Slot } from './message.types.js';
import { readOccasion } from './occasion.js';

/**
 * The offline author of card messages: used without an OpenAI key and whenever the AI fails,
 * is slow or writes something the checker refuses. Three messages in three structures (see
 * `Phrasebook`), each from its own phrasings and closings, picked by a seed of the request so
 * the same request gives the same three. Every candidate goes through the checker and the first
 * that passes is kept, so a phrasing that would repeat a word or overflow the card is skipped.
 */

/** FNV-1a: a stable seed from the request, so equal requests get equal suggestions. */
export function seedOf(text: string): number {
  let hash = 0x811c9dc5;
  for (const char of text) {
    hash ^= char.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

function settingOf(request: ComposeRequest): Setting {
  const occasion = readOccasion(request.occasion);
  return {
    request,
    occasion,
    level: levelOf(request),
    tone: toneFor(request.tone, request.recipient),
    name: nameFor(request),
    kin: olderKin(request.recipient, request.senderGender),
    framing: request.flower ? meaningFraming(request.flower, request.recipient, occasion) : null,
  };
}

const SURROGATE = /[\uD800-\uDBFF]/;
// Code points never outnumber UTF-16 units, and equal them without surrogates: count them only
// when that could matter, since most candidates of a short card are too long.
const fits = (text: string, maxLength: number) =>
  text.length <= maxLength || (SURROGATE.test(text) && textLength(text) <= maxLength);

/** The flower's sentence for a slot, in its long or short phrasing. */
const meaningOf = (lines: Lines, slot: Slot, short: boolean): string =>
  !short
    ? lines[slot]
    : slot === 'A'
      ? lines.shortA
      : slot === 'B'
        ? lines.shortB
        : (lines.shortC ?? lines.C);

/** `list` read from `start`, wrapping around: the seeded pick first, then the others. */
const rotated = <T>(list: T[], start: number): T[] =>
  list.map((_, i) => list[(start + i) % list.length]!);

/** One slot's candidates, most to least complete, as lists of lines. */
function* candidates(
  book: Phrasebook,
  slot: Slot,
  occasions: string[],
  closings: string[],
  address: string | null,
): Generator<string[]> {
  for (const short of [false, true]) {
    const meaning = meaningOf(book.meaning, slot, short);
    for (const occasion of occasions) {
      for (const closing of closings) {
        switch (slot) {
          case 'A':
            if (address) yield [address, `${occasion} ${meaning}`, closing];
            yield [`${occasion} ${meaning}`, closing];
            break;
          case 'B':
            yield [meaning, `${occasion} ${closing}`];
            break;
          case 'C':
            if (book.call) yield [`${book.call}, ${occasion}`, `${meaning} ${closing}`];
            yield [occasion, `${meaning} ${closing}`];
            break;
        }
      }
    }
  }
  // Last resorts for a very short card: the meaning with the occasion, or alone.
  const shortest = meaningOf(book.meaning, slot, true);
  for (const occasion of occasions) yield [occasion, shortest];
  yield [shortest];
}

/** Three messages in the three structures, each fitting `maxLength` characters. */
export function composeMessages(request: ComposeRequest): string[] {
  const setting = settingOf(request);
  const book = request.language === 'EN' ? enPhrasebook(setting) : koPhrasebook(setting);
  const key = [
    request.flower?.id ?? '-',
    request.recipient,
    setting.occasion,
    request.tone,
    request.language,
    request.senderGender ?? '-',
    setting.name ?? '-',
  ];
  const seed = (request.seed ?? seedOf(key.join('|'))) + (request.variant ?? 0);
  const pick = (salt: string, length: number) => seedOf(`${seed}:${salt}`) % length;
  // Consecutive occasion sentences for A, B and C, so the three never start alike; a named
  // occasion ("발표회") stays with A, which carries the occasion most fully.
  const base = book.named ? 0 : pick('occasion', book.occasions.length);
  const address =
    book.address.length > 0 ? book.address[pick('address', book.address.length)]! : null;
  const messages: string[] = [];
  const taken: { opening: string; closing: string }[] = [];
  // An occasion sentence one message used goes last for the others, so none reads twice.
  const used = new Set<string>();
  (['A', 'B', 'C'] as const).forEach((slot, i) => {
    const occasions = rotated(book.occasions, base + i).sort(
      (a, b) => Number(used.has(a)) - Number(used.has(b)),
    );
    const own = book.closings[slot];
    const closings = rotated(own, pick(`closing${slot}`, own.length));
    let fallback: string | null = null;
    for (const lines of candidates(book, slot, occasions, closings, address)) {
      const text = lines.join('\n');
      if (!fits(text, request.maxLength)) continue;
      fallback ??= text;
      if (checkMessage(request, text).length > 0) continue;
      const edges = edgesOf(request, text);
      if (taken.some((t) => t.opening === edges.opening || t.closing === edges.closing)) continue;
      messages.push(text);
      taken.push(edges);
      for (const occasion of book.occasions) if (text.includes(occasion)) used.add(occasion);
      return;
    }
    // Nothing passed (the sweep test keeps this from happening): the first that fits.
    messages.push(
      fallback ?? [...meaningOf(book.meaning, slot, true)].slice(0, request.maxLength).join(''),
    );
  });
  return messages;
}
