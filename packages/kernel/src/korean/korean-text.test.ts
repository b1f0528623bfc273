import { describe, expect, it } from 'vitest';
import {
  type Particle,
  formatKoreanDate,
  formatKoreanDateTime,
  hasBatchim,
  particle,
  withParticle,
} from './korean-text.js';

describe('particle', () => {
  it.each<[string, Particle, string]>([
    // Hangul: the final consonant of the last syllable
    ['장미', '이/가', '가'],
    ['꽃', '이/가', '이'],
    ['주문', '을/를', '을'],
    ['꽃다발', '을/를', '을'],
    ['카네이션', '은/는', '은'],
    ['매장', '과/와', '과'],
    ['리본', '과/와', '과'],
    ['튤립', '으로/로', '으로'],
    ['해바라기', '으로/로', '로'],
    // ㄹ takes 로, but 이/을/은 like any consonant
    ['서울', '으로/로', '로'],
    ['꽃다발', '으로/로', '로'],
    ['꽃다발', '이/가', '이'],
    // digits, read the Korean way
    ['1', '이/가', '이'],
    ['2', '이/가', '가'],
    ['3', '을/를', '을'],
    ['4', '을/를', '를'],
    ['5', '은/는', '는'],
    ['6', '은/는', '은'],
    ['7', '으로/로', '로'],
    ['9', '과/와', '와'],
    ['0', '이/가', '이'],
    ['10', '이/가', '이'],
    ['20000', '은/는', '은'],
    ['1000000000000', '이/가', '가'],
    ['외 1건', '이/가', '이'],
    ['3송이', '이/가', '가'],
    // Latin letters as named in Korean: 씨, 에이, 엘, 엠
    ['20261202-38E70B5C', '이/가', '가'],
    ['20261202-38E70B5A', '을/를', '를'],
    ['ORD-L', '이/가', '이'],
    ['ORD-L', '으로/로', '로'],
    ['ORD-m', '은/는', '은'],
    // closing brackets and quotes are skipped
    ['장미 꽃다발(대)', '이/가', '가'],
    ['"꽃길"', '을/를', '을'],
    // nothing readable: the vowel form
    ['', '이/가', '가'],
  ])('%s + %s → %s', (word, pair, expected) => {
    expect(particle(word, pair)).toBe(expected);
  });

  it('attaches the particle to the word', () => {
    expect(withParticle('주문 20261202-38E70B5C', '이/가')).toBe('주문 20261202-38E70B5C가');
    expect(withParticle('장미 꽃다발 외 1건', '을/를')).toBe('장미 꽃다발 외 1건을');
  });

  it('tells whether a word ends in a final consonant', () => {
    expect(hasBatchim('일')).toBe(true);
    expect(hasBatchim('1')).toBe(true);
    expect(hasBatchim('2')).toBe(false);
    expect(hasBatchim('C')).toBe(false);
  });
});

describe('Korean dates', () => {
  it('writes a Seoul day with its weekday', () => {
    expect(formatKoreanDate('2026-12-03')).toBe('12월 3일(목)');
    expect(formatKoreanDate('2027-01-01')).toBe('1월 1일(금)');
  });

  it('writes an instant as Seoul wall-clock time, 12-hour with 오전/오후', () => {
    expect(formatKoreanDateTime(new Date('2026-12-03T05:00:00Z'))).toBe('12월 3일(목) 오후 2시');
    expect(formatKoreanDateTime(new Date('2026-12-02T15:30:00Z'))).toBe(
      '12월 3일(목) 오전 12시 30분',
    );
    expect(formatKoreanDateTime(new Date('2026-12-03T03:05:00Z'))).toBe(
      '12월 3일(목) 오후 12시 5분',
    );
    expect(formatKoreanDateTime(new Date('2026-12-03T00:00:00Z'))).toBe('12월 3일(목) 오전 9시');
  });
});
