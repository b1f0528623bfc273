import { describe, expect, it } from 'vitest';
import {
  businessNumberState,
  formatBusinessNumber,
  isValidBusinessNumber,
} from './business-number.js';

describe('isValidBusinessNumber', () => {
  it('accepts numbers whose check digit is right', () => {
    expect(isValidBusinessNumber('220-81-62517')).toBe(true);
    expect(isValidBusinessNumber('124-81-00998')).toBe(true);
  });

  it('refuses a wrong check digit or the wrong format', () => {
    expect(isValidBusinessNumber('220-81-62518')).toBe(false);
    expect(isValidBusinessNumber('124-81-00990')).toBe(false);
    expect(isValidBusinessNumber('2208162517')).toBe(false);
    expect(isValidBusinessNumber('')).toBe(false);
  });
});

describe('formatBusinessNumber', () => {
  it('puts the dashes in as the digits arrive and drops anything else', () => {
    expect(formatBusinessNumber('220')).toBe('220');
    expect(formatBusinessNumber('2208')).toBe('220-8');
    expect(formatBusinessNumber('220816')).toBe('220-81-6');
    expect(formatBusinessNumber('220 81 62517 9')).toBe('220-81-62517');
    expect(formatBusinessNumber('220-81-62517')).toBe('220-81-62517');
  });
});

describe('businessNumberState', () => {
  it('says typing until ten digits, then valid or invalid by the checksum', () => {
    expect(businessNumberState('')).toBe('empty');
    expect(businessNumberState('220-81-6251')).toBe('typing');
    expect(businessNumberState('220-81-62517')).toBe('valid');
    expect(businessNumberState('2208162517')).toBe('valid');
    expect(businessNumberState('220-81-62518')).toBe('invalid');
  });
});
