import { describe, expect, it } from 'vitest';
import { csvText, formatMonth } from './csv.js';

describe('csvText', () => {
  it('starts with a BOM, ends every line with CRLF and quotes only cells that need it', () => {
    const csv = csvText([
      ['상호', '금액(원)'],
      ['꽃집, 하늘', 39000],
      ['"장미" 가게', 0],
    ]);
    expect(csv).toBe('\uFEFF상호,금액(원)\r\n"꽃집, 하늘",39000\r\n"""장미"" 가게",0\r\n');
  });
});

describe('formatMonth', () => {
  it('reads a month in Korean', () => {
    expect(formatMonth('2025-05')).toBe('2025년 5월');
  });
});
