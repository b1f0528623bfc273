/**
 * Korean text helpers shared by the back end and (through `@bloom/kernel/korean`, which pulls
 * in only the kernel's dependency-free Seoul time helpers) the clients: particles chosen by how
 * a word is read, and dates and times as people write them, in Asia/Seoul wall-clock time.
 */
import { seoulParts, weekdayOf } from '../time/seoul-time.js';

/** A particle pair: the form after a final consonant (batchim) / the form after a vowel. */
export type Particle = '이/가' | '을/를' | '은/는' | '과/와' | '으로/로';

const HANGUL_FIRST = 0xac00;
const HANGUL_LAST = 0xd7a3;
/** Final-consonant index of ㄹ within a syllable block. */
const RIEUL = 8;

/** How a word ends when read aloud: a final consonant, ㄹ in particular, or a vowel. */
type Ending = 'CONSONANT' | 'RIEUL' | 'VOWEL';

// Digits as read in Sino-Korean: 영 일 이 삼 사 오 육 칠 팔 구.
const DIGIT_ENDING: readonly Ending[] = [
  'CONSONANT',
  'RIEUL',
  'VOWEL',
  'CONSONANT',
  'VOWEL',
  'VOWEL',
  'CONSONANT',
  'RIEUL',
  'RIEUL',
  'VOWEL',
];
// A run of trailing zeros reads as its place: 십 백 천, then 만 억 조 경 every four.
const PLACE_ENDING: readonly Ending[] = ['CONSONANT', 'CONSONANT', 'CONSONANT'];
const MYRIAD_ENDING: readonly Ending[] = ['CONSONANT', 'CONSONANT', 'VOWEL', 'CONSONANT'];

// Latin letters as Koreans name them: 엘 엠 엔 알 end in a consonant, the rest (에이, 씨…) not.
const LETTER_ENDING: Readonly<Record<string, Ending>> = {
  L: 'RIEUL',
  M: 'CONSONANT',
  N: 'CONSONANT',
  R: 'RIEUL',
};

/** Brackets, quotes and punctuation after a word do not change how it ends. */
const TRAILING_SILENT = /[\s)\]}>"'”’」』.,!?…·-]+$/u;

function numberEnding(digits: string): Ending {
  const zeros = /0*$/.exec(digits)?.[0].length ?? 0;
  // "0" and runs such as "007" are read digit by digit.
  if (zeros === 0 || zeros === digits.length || digits.startsWith('0')) {
    return DIGIT_ENDING[Number(digits.at(-1))] ?? 'VOWEL';
  }
  if (zeros % 4 === 0) return MYRIAD_ENDING[zeros / 4 - 1] ?? 'CONSONANT';
  return PLACE_ENDING[(zeros % 4) - 1] ?? 'CONSONANT';
}

function endingOf(word: string): Ending {
  const text = word.replace(TRAILING_SILENT, '');
  const digits = /\d+$/.exec(text)?.[0];
  if (digits) return numberEnding(digits);
  const last = text.at(-1);
  if (!last) return 'VOWEL';
  const code = last.codePointAt(0) ?? 0;
  if (code >= HANGUL_FIRST && code <= HANGUL_LAST) {
    const final = (code - HANGUL_FIRST) % 28;
    return final === 0 ? 'VOWEL' : final === RIEUL ? 'RIEUL' : 'CONSONANT';
  }
  return LETTER_ENDING[last.toUpperCase()] ?? 'VOWEL';
}

/** True when the word, read aloud, ends in a final consonant (받침): 일 yes, 이 no. */
export const hasBatchim = (word: string): boolean => endingOf(word) !== 'VOWEL';

/** The particle that follows `word`: `particle('주문', '을/를')` → "을". */
export function particle(word: string, pair: Particle): string {
  const [afterConsonant, afterVowel] = pair.split('/') as [string, string];
  const ending = endingOf(word);
  // 으로 is the one particle whose vowel form also follows ㄹ (서울로, 연필로).
  if (pair === '으로/로') return ending === 'CONSONANT' ? afterConsonant : afterVowel;
  return ending === 'VOWEL' ? afterVowel : afterConsonant;
}

/** The word with its particle: `withParticle('장미', '이/가')` → "장미가". */
export const withParticle = (word: string, pair: Particle): string => word + particle(word, pair);

const WEEKDAY_NAMES = ['일', '월', '화', '수', '목', '금', '토'];

/** "2026-12-03" and its weekday (0 = Sunday) → "12월 3일(목)". */
function dayLabel(date: string, weekday: number): string {
  const [, month, day] = date.split('-').map(Number) as [number, number, number];
  return `${month}월 ${day}일(${WEEKDAY_NAMES[weekday] ?? ''})`;
}

/** A Seoul calendar day, `YYYY-MM-DD` → "12월 3일(목)". */
export function formatKoreanDate(day: string): string {
  return dayLabel(day, weekdayOf(day));
}

/** An instant in Seoul → "12월 3일(목) 오후 2시", with minutes when not on the hour ("2시 30분"). */
export function formatKoreanDateTime(instant: Date): string {
  const { date, minutes, weekday } = seoulParts(instant);
  const hour = Math.floor(minutes / 60);
  const minute = minutes % 60;
  const clock = `${hour < 12 ? '오전' : '오후'} ${hour % 12 === 0 ? 12 : hour % 12}시${minute ? ` ${minute}분` : ''}`;
  return `${dayLabel(date, weekday)} ${clock}`;
}
