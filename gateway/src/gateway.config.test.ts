import { describe, expect, it } from 'vitest';
import { ConfigError } from '@bloom/kernel';
import { loadGatewayConfig } from './gateway.config.js';

const secrets = {
  CALLER_SIGNING_SECRET: 'c'.repeat(32),
  JWT_SECRET: 'j'.repeat(32),
};

const problemsOf = (env: Record<string, string>) => {
  try {
    loadGatewayConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
};

describe('loadGatewayConfig', () => {
  it('applies the production defaults', () => {
    const config = loadGatewayConfig({ ...secrets, NODE_ENV: 'production' });
    expect(config).toMatchObject({
      PORT: 4000,
      JWT_ISSUER: 'blooming-blooms',
      JWT_AUDIENCE: 'blooming-blooms-api',
      SUBGRAPH_URLS: {},
      MAX_QUERY_DEPTH: 12,
      MAX_QUERY_COST: 5000,
      API_KEY_RATE_LIMIT_PER_MINUTE: 600,
      EXPLORER: false,
      CORS_ORIGINS: [],
    });
    expect(config.SUPERGRAPH_PATH).toMatch(/\/schema\/supergraph\.graphql$/);
    expect(config.SUPERGRAPH_PATH).not.toMatch(/gateway/);
  });

  it('opens the explorer and CORS in development unless told otherwise', () => {
    expect(loadGatewayConfig(secrets)).toMatchObject({ EXPLORER: true, CORS_ORIGINS: ['*'] });
    expect(
      loadGatewayConfig({
        ...secrets,
        EXPLORER: 'false',
        CORS_ORIGINS: 'https://a.example, https://b.example',
      }),
    ).toMatchObject({ EXPLORER: false, CORS_ORIGINS: ['https://a.example', 'https://b.example'] });
  });

  it('enforces trusted documents in production only, unless told otherwise', () => {
    const production = loadGatewayConfig({ ...secrets, NODE_ENV: 'production' });
    expect(production.TRUSTED_DOCUMENTS).toBe('enforce');
    expect(production.TRUSTED_DOCUMENTS_PATH).toMatch(/\/schema\/trusted-documents\.json$/);
    expect(production.TRUSTED_DOCUMENTS_PATH).not.toMatch(/gateway/);
    expect(loadGatewayConfig(secrets).TRUSTED_DOCUMENTS).toBe('off');
    expect(loadGatewayConfig({ ...secrets, NODE_ENV: 'test' }).TRUSTED_DOCUMENTS).toBe('off');
    expect(
      loadGatewayConfig({ ...secrets, NODE_ENV: 'production', TRUSTED_DOCUMENTS: 'off' }),
    ).toMatchObject({ TRUSTED_DOCUMENTS: 'off' });
    expect(
      loadGatewayConfig({
        ...secrets,
        TRUSTED_DOCUMENTS: 'enforce',
        TRUSTED_DOCUMENTS_PATH: '/etc/bloom/trusted-documents.json',
      }),
    ).toMatchObject({
      TRUSTED_DOCUMENTS: 'enforce',
      TRUSTED_DOCUMENTS_PATH: '/etc/bloom/trusted-documents.json',
    });
    expect(problemsOf({ ...secrets, TRUSTED_DOCUMENTS: 'strict' })).toEqual([
      expect.stringMatching(/^TRUSTED_DOCUMENTS: /),
    ]);
  });

  it('collects subgraph URL overrides by subgraph name', () => {
    const config = loadGatewayConfig({
      ...secrets,
      SUBGRAPH_ORDERS_URL: 'http://orders.internal:8080/graphql',
      SUBGRAPH_GIFTCARDS_URL: 'http://127.0.0.1:5006/graphql',
    });
    expect(config.SUBGRAPH_URLS).toEqual({
      orders: 'http://orders.internal:8080/graphql',
      giftcards: 'http://127.0.0.1:5006/graphql',
    });
  });

  it('lists every problem at once', () => {
    const problems = problemsOf({
      CALLER_SIGNING_SECRET: 'short',
      SUBGRAPH_STORES_URL: 'not a url',
      MAX_QUERY_DEPTH: '0',
      EXPLORER: 'maybe',
    });
    expect(problems.map((problem) => problem.split(':')[0])).toEqual(
      expect.arrayContaining([
        'CALLER_SIGNING_SECRET',
        'JWT_SECRET',
        'SUBGRAPH_STORES_URL',
        'MAX_QUERY_DEPTH',
        'EXPLORER',
      ]),
    );
  });
  it('defaults the edge limits generously, and reads them when set', () => {
    const defaults = loadGatewayConfig({ ...secrets, NODE_ENV: 'production' });
    expect(defaults).toMatchObject({
      REQUEST_TIME_BUDGET_MS: 10_000,
      ANONYMOUS_RATE_LIMIT_PER_MINUTE: 1200,
    });
    expect(defaults.TRUSTED_PROXIES).toEqual(
      expect.arrayContaining(['127.0.0.0/8', '10.0.0.0/8', '::1/128']),
    );
    // No proxy header unless told: any client could send one.
    expect(defaults.TRUSTED_PROXY_HEADER).toBeUndefined();
    expect(
      loadGatewayConfig({
        ...secrets,
        REQUEST_TIME_BUDGET_MS: '2500',
        ANONYMOUS_RATE_LIMIT_PER_MINUTE: '60',
        TRUSTED_PROXY_HEADER: 'X-Forwarded-For',
        TRUSTED_PROXIES: '10.1.0.0/16, 192.0.2.10',
      }),
    ).toMatchObject({
      REQUEST_TIME_BUDGET_MS: 2500,
      ANONYMOUS_RATE_LIMIT_PER_MINUTE: 60,
      TRUSTED_PROXY_HEADER: 'x-forwarded-for',
      TRUSTED_PROXIES: ['10.1.0.0/16', '192.0.2.10'],
    });
  });

  it('refuses edge limits that are not usable', () => {
    const problems = problemsOf({
      ...secrets,
      REQUEST_TIME_BUDGET_MS: '0',
      ANONYMOUS_RATE_LIMIT_PER_MINUTE: 'lots',
      TRUSTED_PROXY_HEADER: 'x forwarded: for',
      TRUSTED_PROXIES: '10.0.0.0/8, proxy.internal',
    });
    expect(problems.map((problem) => problem.split(':')[0]).sort()).toEqual([
      'ANONYMOUS_RATE_LIMIT_PER_MINUTE',
      'REQUEST_TIME_BUDGET_MS',
      'TRUSTED_PROXIES',
      'TRUSTED_PROXY_HEADER',
    ]);
  });
});
