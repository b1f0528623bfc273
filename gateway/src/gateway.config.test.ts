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
});
