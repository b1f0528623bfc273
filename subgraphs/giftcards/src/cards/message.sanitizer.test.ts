import { describe, expect, it } from 'vitest';
import { sanitizeLine, sanitizeMessage, textLength } from './message.sanitizer.js';

describe('sanitizeMessage', () => {
  it('keeps line breaks and normalises Windows and Unicode separators', () => {
    expect(sanitizeMessage('생일 축하해!\r\n항상 고마워\u2028사랑해')).toBe(
      '생일 축하해!\n항상 고마워\n사랑해',
    );
  });

  it('strips control, zero-width and bidi characters but not \\n', () => {
    expect(sanitizeMessage('a\u0000b\u0007c\u200Bd\u202Ee\u0085f\nend')).toBe('abcdef\nend');
  });

  it('trims the whole text and the end of every line, and collapses long blank runs', () => {
    expect(sanitizeMessage('  \n\n  hello   \n\n\n\n\nworld  \n ')).toBe('hello\n\nworld');
  });

  it('keeps HTML as literal text (escaping is the renderer’s job)', () => {
    expect(sanitizeMessage('<script>alert(1)</script> & <b>hi</b>')).toBe(
      '<script>alert(1)</script> & <b>hi</b>',
    );
  });

  it('normalises to NFC so decomposed Hangul counts as syllables', () => {
    const decomposed = '\u1112\u1161\u11AB\u1100\u1173\u11AF'; // 한글 as jamo
    expect(sanitizeMessage(decomposed)).toBe('한글');
    expect(textLength(sanitizeMessage(decomposed))).toBe(2);
  });

  it('counts emoji as one character', () => {
    expect(textLength('🌷꽃')).toBe(2);
  });
});

describe('sanitizeLine', () => {
  it('turns line breaks into single spaces', () => {
    expect(sanitizeLine('  김\n\n 민지\t ')).toBe('김 민지');
  });
});
