/**
 * Korean particles depend on whether the previous syllable ends in a consonant (받침);
 * templates write the consonant form and these helpers choose per word.
 */

const HANGUL_FIRST = 0xac00;
const HANGUL_LAST = 0xd7a3;
/** Final consonant index of ㄹ, which takes 로 rather than 으로. */
const RIEUL = 8;

/** Closing quotes and brackets after a word, which the particle looks past. */
const CLOSERS = new Set(["'", '’', '"', ')', ']', ' ']);

function finalConsonant(word: string): number | null {
  // A scan from the end rather than trim + regex: the composer calls this for every phrase.
  let end = word.length - 1;
  while (end >= 0 && CLOSERS.has(word[end]!)) end--;
  if (end < 0) return null;
  const last = word[end]!;
  const code = last.charCodeAt(0);
  if (code >= HANGUL_FIRST && code <= HANGUL_LAST) return (code - HANGUL_FIRST) % 28;
  // Latin letters and digits: read as Korean speakers would in the common cases.
  if (/[013678lmn]/i.test(last)) return 1;
  return 0;
}

export const hasBatchim = (word: string): boolean => (finalConsonant(word) ?? 0) !== 0;

/** 을/를 */
export const eul = (word: string) => `${word}${hasBatchim(word) ? '을' : '를'}`;
/** 이/가 */
export const iga = (word: string) => `${word}${hasBatchim(word) ? '이' : '가'}`;
/** 은/는 */
export const eun = (word: string) => `${word}${hasBatchim(word) ? '은' : '는'}`;
/** 으로/로 (ㄹ takes 로) */
export const euro = (word: string) => {
  const final = finalConsonant(word) ?? 0;
  return `${word}${final !== 0 && final !== RIEUL ? '으로' : '로'}`;
};
/** Quoted copula: '사랑'이라는 / '평화'라는 */
export const ira = (quoted: string, word: string) => `${quoted}${hasBatchim(word) ? '이라' : '라'}`;
/** Quoted copula, polite: '사랑'이에요 / '평화'예요 */
export const ieyo = (quoted: string, word: string) =>
  `${quoted}${hasBatchim(word) ? '이에요' : '예요'}`;
/** Quoted copula, reported casually: '사랑'이래 / '평화'래 */
export const irae = (quoted: string, word: string) =>
  `${quoted}${hasBatchim(word) ? '이래' : '래'}`;
/** Casual copula: 너야 / 형이야 / '진심'이야 (a quoted word is read without its quotes). */
export const iya = (text: string, word = text) => `${text}${hasBatchim(word) ? '이야' : '야'}`;

const isHangul = (name: string) => /^[\p{Script=Hangul} ]+$/u.test(name);

/** Calling someone by name: 지민아 / 지수야; a name not in Hangul is called as written. */
export const vocative = (name: string) =>
  isHangul(name) ? `${name}${hasBatchim(name) ? '아' : '야'}` : name;

/** A name before a particle in casual speech: 지민이(에게) / 지수(에게). */
export const nameStem = (name: string) => (isHangul(name) && hasBatchim(name) ? `${name}이` : name);
