/**
 * Korean particles depend on whether the previous syllable ends in a consonant (받침);
 * templates write the consonant form and these helpers choose per word.
 */

const HANGUL_FIRST = 0xac00;
const HANGUL_LAST = 0xd7a3;
/** Final consonant index of ㄹ, which takes 로 rather than 으로. */
const RIEUL = 8;

function finalConsonant(word: string): number | null {
  const last = word
    .trim()
    .replace(/['’")\]]+$/u, '')
    .slice(-1);
  const code = last.charCodeAt(0);
  if (Number.isNaN(code)) return null;
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
