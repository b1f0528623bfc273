import { describe, expect, it } from 'vitest';
import { escapeRegex } from './regex.js';

describe('escapeRegex', () => {
  it.each(['a.b', '(a+)+$', '[', '\\', '$where', '장미*', 'nul\u0000byte', '\u0000'])(
    'matches %j literally, with no NUL byte in the pattern',
    (text) => {
      const source = escapeRegex(text);
      expect(source).not.toContain('\u0000');
      expect(new RegExp(`^${source}$`).test(text)).toBe(true);
      expect(new RegExp(source).test('something else')).toBe(false);
    },
  );
});
