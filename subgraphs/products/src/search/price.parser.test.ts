import { describe, expect, it } from 'vitest';
import { normalizeQuery } from './offline-query.parser.js';
import { parsePrice, parseSinoKorean } from './price.parser.js';

const price = (query: string) => {
  const { min, max } = parsePrice(normalizeQuery(query));
  return [min, max];
};

describe('price expressions', () => {
  it.each([
    ['5만원 이하', [null, 50000]],
    ['5만 원 이하로', [null, 50000]],
    ['50000원 이하', [null, 50000]],
    ['50,000원 미만', [null, 49999]],
    ['5만원 미만', [null, 49999]],
    ['4만원 안쪽', [null, 40000]],
    ['4만원 이내', [null, 40000]],
    ['6만원까지', [null, 60000]],
    ['최대 7만원', [null, 70000]],
    ['예산 7만원', [null, 70000]],
    ['~5만원', [null, 50000]],
    ['3만원 이상', [30000, null]],
    ['10만원 넘는', [100001, null]],
    ['10만원 초과', [100001, null]],
    ['3만원대', [30000, 39999]],
    ['삼만원대', [30000, 39999]],
    ['10만원대', [100000, 199999]],
    ['15만원대', [150000, 159999]],
    ['30000원대', [30000, 39999]],
    ['5만원 정도', [40000, 60000]],
    ['5만원쯤', [40000, 60000]],
    ['2만~4만원', [20000, 40000]],
    ['2~4만원', [20000, 40000]],
    ['3만원에서 5만원 사이', [30000, 50000]],
    ['3만원부터 5만원까지', [30000, 50000]],
    ['3만원 이상 5만원 이하', [30000, 50000]],
    ['1만 5천원 이하', [null, 15000]],
    ['오천원', [null, 5000]],
    ['십만원 이하', [null, 100000]],
    ['만원짜리', [null, 10000]],
    ['5만원 꽃다발', [null, 50000]],
    ['under 100k won', [null, 99999]],
    ['below 50,000 won', [null, 49999]],
    ['less than 45000 won', [null, 44999]],
    ['up to 80k', [null, 80000]],
    ['50k or less', [null, 50000]],
    ['at least 60,000 won', [60000, null]],
    ['over 100k', [100001, null]],
    ['50k+', [50000, null]],
    ['between 30,000 and 50,000', [30000, 50000]],
    ['from 30k to 50k', [30000, 50000]],
    ['20k-40k', [20000, 40000]],
    ['30-50k', [30000, 50000]],
    ['around 40k won', [32000, 48000]],
    ['about 100,000 won', [80000, 120000]],
    ['₩60,000', [null, 60000]],
    ['30 thousand won or less', [null, 30000]],
    ['35,000-45,000 KRW', [35000, 45000]],
    // 만 alone before a 천 amount.
    ['만오천원', [null, 15000]],
    ['만 오천원 이상', [15000, null]],
    ['만5천원 이하', [null, 15000]],
    ['만원대', [10000, 19999]],
    // Numerals naming two neighbours: a range alone, both bands with 대.
    ['두세만원', [20000, 30000]],
    ['두세 만원대', [20000, 39999]],
    ['서너 만원', [30000, 40000]],
    ['서너 만원대', [30000, 49999]],
    ['대여섯 만원', [50000, 60000]],
    ['예닐곱 만원 정도', [60000, 70000]],
    ['한두 만원짜리', [10000, 20000]],
    ['사오만원대', [40000, 59999]],
    ['삼사만원', [30000, 40000]],
    ['서너 만원 이하', [null, 40000]],
    ['두세 만원 이상', [20000, null]],
    // English bands and approximations.
    ['in the 20,000s', [20000, 29999]],
    ['in the 100,000s', [100000, 199999]],
    ['20k-ish', [16000, 24000]],
    ['30k or so', [24000, 36000]],
    ['around 30k', [24000, 36000]],
    ['under 50k', [null, 49999]],
    ['between 20 and 30 thousand won', [20000, 30000]],
  ])('%s', (query, expected) => {
    expect(price(query)).toEqual(expected);
  });

  it.each([
    '빨간 장미 100송이',
    '100일 기념',
    '2024년 졸업',
    'at least 2 roses',
    '3 stems',
    '5만원 대신 꽃',
    'flowers from the 1990s',
  ])('finds no price in %s (or only the budget)', (query) => {
    const [min] = price(query);
    expect(min).toBeNull();
    if (query !== '5만원 대신 꽃') expect(price(query)).toEqual([null, null]);
  });

  it('does not read the particle 만 (only) as 10,000', () => {
    expect(price('장미만 오천원')).toEqual([null, 5000]);
  });

  it('reads Sino-Korean numerals', () => {
    expect(parseSinoKorean('오')).toBe(5);
    expect(parseSinoKorean('십오')).toBe(15);
    expect(parseSinoKorean('이십')).toBe(20);
    expect(parseSinoKorean('백')).toBe(100);
    expect(parseSinoKorean('오오')).toBeNull();
  });
});
