import { describe, expect, it } from 'vitest';
import { isValidBusinessNumber } from './business-number.js';

describe('isValidBusinessNumber', () => {
  it('accepts numbers whose check digit is right', () => {
    // Check digits computed by hand from the NTS weights.
    expect(isValidBusinessNumber('220-81-62517')).toBe(true);
    expect(isValidBusinessNumber('124-81-00998')).toBe(true);
  });

  it('refuses a wrong check digit', () => {
    expect(isValidBusinessNumber('220-81-62518')).toBe(false);
    expect(isValidBusinessNumber('124-81-00990')).toBe(false);
  });

  it('refuses the wrong format', () => {
    expect(isValidBusinessNumber('2208162517')).toBe(false);
    expect(isValidBusinessNumber('220-8-162517')).toBe(false);
    expect(isValidBusinessNumber('abc-de-fghij')).toBe(false);
    expect(isValidBusinessNumber('')).toBe(false);
  });
});
