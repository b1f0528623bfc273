import { textLength } from '../cards/message.sanitizer.js';
import { EN_GREETINGS, EN_OCCASIONS, enClosings, enFlowerLines } from './english.phrases.js';
import { KO_GREETINGS, koClosings, koFlowerLines, koOccasions } from './korean.phrases.js';
import { levelOf } from './message.rules.js';
import type { ComposeRequest, Parts } from './message.types.js';
import { type Occasion, readOccasion } from './occasion.js';

/**
 * The offline author of card messages: used without an OpenAI key and whenever the AI fails
 * or is slow. A message is a greeting, an occasion sentence, a sentence about the flower's
 * language and a closing, each picked from several phrasings written per speech level
 * (`levelOf`). Choices follow a seed, so the same request gives the same three.
 */

function koParts(request: ComposeRequest, occasion: Occasion): Parts {
  const level = levelOf(request);
  const greetingSet = KO_GREETINGS[request.recipient];
  return {
    greetings: greetingSet[level].length > 0 ? greetingSet[level] : greetingSet.polite,
    occasions: koOccasions(occasion, level, request.recipient, request.occasion),
    flowers: koFlowerLines(request.flower, level, occasion),
    closings: koClosings(request.tone, level, request.recipient, occasion),
  };
}

function enParts(request: ComposeRequest, occasion: Occasion): Parts {
  const greetings = EN_GREETINGS[request.recipient];
  return {
    greetings: request.tone === 'FORMAL' ? greetings.slice(0, 2) : greetings,
    occasions: EN_OCCASIONS[occasion],
    flowers: enFlowerLines(request.flower, occasion),
    closings: enClosings(request.tone, request.recipient, occasion),
  };
}

/** FNV-1a: a stable seed from the request, so equal requests get equal suggestions. */
export function seedOf(text: string): number {
  let hash = 0x811c9dc5;
  for (const char of text) {
    hash ^= char.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

const at = (list: string[], index: number) => list[index % list.length]!;

/** One message in one of three arrangements, then shorter fallbacks, as lists of lines. */
function arrange(parts: Parts, seed: number, k: number): string[][] {
  // Each part draws from its own mix of the seed, so nearby seeds still differ everywhere;
  // consecutive k give distinct occasion sentences, hence three distinct messages.
  const pickFrom = (list: string[], salt: string) => at(list, seedOf(`${seed}:${salt}`) + k);
  const greeting = pickFrom(parts.greetings, 'greeting');
  const occasion = pickFrom(parts.occasions, 'occasion');
  const flower = pickFrom(parts.flowers, 'flower');
  const closing = pickFrom(parts.closings, 'closing');
  const layouts = [
    [greeting, `${occasion} ${flower}`, closing],
    [greeting, `${flower} ${occasion}`, closing],
    [`${occasion} ${flower}`, closing],
  ];
  // Most to least complete: the caller keeps the first that fits the card.
  return [
    layouts[(seedOf(`${seed}:layout`) + k) % layouts.length]!,
    [greeting, `${occasion} ${flower}`],
    [`${occasion} ${flower}`],
    [occasion, closing],
    [occasion],
  ];
}

/** Three distinct messages that each fit `maxLength` characters. */
export function composeMessages(request: ComposeRequest): string[] {
  const occasion = readOccasion(request.occasion);
  const parts = request.language === 'EN' ? enParts(request, occasion) : koParts(request, occasion);
  const key = [
    request.flower?.id ?? '-',
    request.recipient,
    occasion,
    request.tone,
    request.language,
  ];
  const seed = (request.seed ?? seedOf(key.join('|'))) + (request.variant ?? 0);
  const messages: string[] = [];
  for (let k = 0; messages.length < 3 && k < 12; k++) {
    const candidates = arrange(parts, seed, k).map((lines) => lines.join('\n'));
    const fitting = candidates.find((text) => textLength(text) <= request.maxLength);
    const message = fitting ?? [...candidates.at(-1)!].slice(0, request.maxLength).join('');
    if (!messages.includes(message)) messages.push(message);
  }
  return messages;
}
