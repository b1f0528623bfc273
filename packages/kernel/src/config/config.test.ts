import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConfigError, baseConfigShape, loadConfig } from './config.js';

const schema = z.object({ ...baseConfigShape, PORT: z.coerce.number().int().positive() });

describe('loadConfig', () => {
  it('applies defaults and coerces values', () => {
    const config = loadConfig('svc', schema, {
      PORT: '4001',
      CALLER_SIGNING_SECRET: 'x'.repeat(32),
    });
    expect(config.PORT).toBe(4001);
    expect(config.MONGO_URL).toBe('mongodb://127.0.0.1:27017');
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('lists every problem in one readable error', () => {
    let caught: unknown;
    try {
      loadConfig('svc', schema, { PORT: 'abc', CALLER_SIGNING_SECRET: 'short', LOG_LEVEL: '' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const message = (caught as ConfigError).message;
    expect(message).toContain('svc: invalid configuration');
    expect(message).toContain('PORT');
    expect(message).toContain('CALLER_SIGNING_SECRET: must be at least 32 characters');
    expect((caught as ConfigError).problems).toHaveLength(2);
  });
});
