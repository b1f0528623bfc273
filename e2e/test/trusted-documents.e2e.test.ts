import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import {
  type GraphQLResponse,
  bearer,
  errorCode,
  expectUnion,
  gqlRequest,
  waitFor,
} from '@bloom/testing';
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { GatewayServer } from '../../gateway/src/gateway.server.js';
import { customerToken } from '../src/actors.js';
import { graphql } from '../src/generated/index.js';
import { type System, startSystem } from '../src/system.harness.js';

/*
 * Trusted documents against the real supergraph and the committed manifest: a gateway in
 * production runs only the three clients' own operations for browsers and anonymous callers,
 * by id or by text, while an integrator's key may send any document within its scopes; the
 * development gateway beside it still takes ad-hoc documents.
 */

const manifest = JSON.parse(
  readFileSync(new URL('../../schema/trusted-documents.json', import.meta.url), 'utf8'),
) as { operations: Record<string, { name: string; document: string }> };

/** A manifest operation's id and text, by name. */
function trusted(name: string): { id: string; document: string } {
  const found = Object.entries(manifest.operations).find(([, entry]) => entry.name === name);
  if (!found) throw new Error(`${name} is not in schema/trusted-documents.json`);
  return { id: found[0], document: found[1].document };
}

const CREATE_KEY = graphql(`
  mutation TrustedDocumentsCreateApiKey($i: CreateApiKeyInput!) {
    createApiKey(input: $i) {
      __typename
      ... on ApiKeyCreated {
        secret
      }
    }
  }
`);

const AD_HOC = '{ flowers { id } }';

let sys: System;
let production: GatewayServer;
let customer: string;
let apiKey: string;

beforeAll(async () => {
  sys = await startSystem(['identity', 'products', 'notifications']);
  production = await sys.startGateway({ NODE_ENV: 'production' });
  customer = await customerToken(sys, 'trusted@bloom.test');
  const created = await sys.call(
    CREATE_KEY,
    { i: { name: 'POS', scopes: ['CATALOG_READ'] } },
    customer,
  );
  apiKey = expectUnion(created.data?.createApiKey, 'ApiKeyCreated').secret;
});
afterAll(async () => sys?.close());

async function post(
  body: object,
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<Record<string, unknown>>> {
  const response = await fetch(production.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, ...((await response.json()) as object) };
}

describe('trusted documents in production', () => {
  it('refuses a document outside the manifest from an anonymous caller or a person', async () => {
    for (const headers of [{}, bearer(customer)]) {
      const response = await gqlRequest(production.url, AD_HOC, {}, headers);
      expect(response.status).toBe(400);
      expect(response.data).toBeUndefined();
      expect(errorCode(response)).toBe('OPERATION_NOT_TRUSTED');
    }
  });

  it("runs a client's operation sent by its id alone, or as its text", async () => {
    const flowers = trusted('TodayFlowers');
    const byId = await post({
      extensions: { persistedQuery: { version: 1, sha256Hash: flowers.id } },
    });
    expect(byId.status).toBe(200);
    expect(byId.errors).toBeUndefined();
    expect(Array.isArray(byId.data?.flowers)).toBe(true);
    const byText = await post({ query: flowers.document });
    expect(byText).toMatchObject({ status: 200, data: byId.data });

    const me = trusted('Me');
    expect(createHash('sha256').update(me.document).digest('hex')).toBe(me.id);
    const mine = await post(
      { extensions: { persistedQuery: { version: 1, sha256Hash: me.id } } },
      bearer(customer),
    );
    expect(mine.errors).toBeUndefined();
    expect(mine.data?.me).toMatchObject({ email: 'trusted@bloom.test' });
  });

  it('answers an id outside the manifest with PERSISTED_QUERY_NOT_FOUND', async () => {
    const sha256Hash = createHash('sha256').update(AD_HOC).digest('hex');
    const response = await post({ extensions: { persistedQuery: { version: 1, sha256Hash } } });
    expect(response.status).toBe(200);
    expect(errorCode(response)).toBe('PERSISTED_QUERY_NOT_FOUND');
  });

  it("runs any document with an integrator's key, whose scopes still decide", async () => {
    const response = await gqlRequest(production.url, AD_HOC, {}, { 'x-api-key': apiKey });
    expect(response.status).toBe(200);
    expect(response.errors).toBeUndefined();
    const outOfScope = await gqlRequest(
      production.url,
      '{ webhookEventTypes { type } }',
      {},
      { 'x-api-key': apiKey },
    );
    expect(errorCode(outOfScope)).toBe('FORBIDDEN');
  });

  it('applies the same rule to graphql-ws subscriptions', async () => {
    const socket = (connectionParams: Record<string, string>) =>
      createClient({
        url: production.url.replace(/^http/, 'ws'),
        webSocketImpl: WebSocket,
        retryAttempts: 0,
        connectionParams,
      });
    const anonymous = socket({});
    const person = socket({ authorization: `Bearer ${customer}` });
    try {
      const refused = await new Promise<unknown>((resolve) => {
        anonymous.subscribe(
          {
            query:
              'subscription { productRestocked(productId: "aaaaaaaaaaaaaaaaaaaaaaaa") { id } }',
          },
          { next: () => undefined, error: resolve, complete: () => resolve(undefined) },
        );
      });
      expect(refused).toEqual([
        expect.objectContaining({ extensions: { code: 'OPERATION_NOT_TRUSTED' } }),
      ]);
      const errors: unknown[] = [];
      person.subscribe(
        { query: trusted('NoticesLive').document },
        { next: () => undefined, error: (error) => errors.push(error), complete: () => undefined },
      );
      await waitFor(() => production.live.hub.size === 1, {
        what: 'the trusted subscription registered',
      });
      expect(errors).toEqual([]);
    } finally {
      await anonymous.dispose();
      await person.dispose();
    }
  });
});

describe('trusted documents in development', () => {
  it('runs ad-hoc documents on the development gateway', async () => {
    const response = await gqlRequest(sys.gatewayUrl, AD_HOC);
    expect(response.status).toBe(200);
    expect(response.errors).toBeUndefined();
  });
});
