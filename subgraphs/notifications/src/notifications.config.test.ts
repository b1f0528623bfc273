import { ConfigError } from '@bloom/kernel';
import { describe, expect, it } from 'vitest';
import { loadNotificationsConfig } from './notifications.config.js';

const base = { CALLER_SIGNING_SECRET: 'unit-test-caller-secret-0123456789' };

describe('the notifications config', () => {
  it('allows private webhook URLs in development only, unless told', () => {
    expect(loadNotificationsConfig(base).WEBHOOK_ALLOW_PRIVATE_URLS).toBe(true);
    const production = {
      ...base,
      NODE_ENV: 'production',
      WEBHOOK_SECRETS_KEY: 'a-production-secrets-key-of-32-chars!',
    };
    expect(loadNotificationsConfig(production).WEBHOOK_ALLOW_PRIVATE_URLS).toBe(false);
    expect(
      loadNotificationsConfig({ ...base, WEBHOOK_ALLOW_PRIVATE_URLS: 'false' })
        .WEBHOOK_ALLOW_PRIVATE_URLS,
    ).toBe(false);
  });

  it('needs a secrets key in production', () => {
    expect(() => loadNotificationsConfig({ ...base, NODE_ENV: 'production' })).toThrow(ConfigError);
  });
});
