import 'reflect-metadata';
import { describe, expect, it } from 'vitest';
import { textProblem } from './text-input.js';

describe('textProblem', () => {
  it('refuses too long and blank-where-required text with stable codes, counting trimmed text', () => {
    expect(textProblem('a'.repeat(201), 'delivery.street', 200)).toMatchObject({
      field: 'delivery.street',
      code: 'TOO_LONG',
    });
    expect(textProblem(`  ${'a'.repeat(200)}  `, 'street', 200)).toBeNull();
    expect(textProblem('   ', 'street', 200)).toMatchObject({ code: 'REQUIRED' });
    expect(textProblem(undefined, 'detail', 200, false)).toBeNull();
    expect(textProblem(null, 'detail', 200)).toMatchObject({ code: 'REQUIRED' });
  });
});
