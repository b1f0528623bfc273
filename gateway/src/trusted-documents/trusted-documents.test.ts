import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type FormattedExecutionResult, createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { type GraphQLResponse, bearer, errorCode, gqlRequest, waitFor } from '@bloom/testing';
import {
  type Federation,
  type TestGateway,
  signToken,
  startFederation,
  startTestGateway,
} from '../../test/federation.fixture.js';
import { TrustedDocuments, loadTrustedDocuments } from './trusted-documents.list.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

const WHOAMI = 'query Whoami {\n  whoami {\n    kind\n  }\n}';
const USER_NAME = 'query UserName($id: ID!) {\n  user(id: $id) {\n    name\n  }\n}';
const AD_HOC = '{ whoami { kind userId } }';

const entry = (name: string, document: string) => ({
  name,
  operation: 'query',
  clients: ['storefront'],
  files: ['clients/storefront/src/test.ts'],
  document,
});
const manifest = {
  operations: {
    [sha256(WHOAMI)]: entry('Whoami', WHOAMI),
    [sha256(USER_NAME)]: entry('UserName', USER_NAME),
  },
};
const dir = mkdtempSync(join(tmpdir(), 'trusted-documents-'));
const manifestPath = join(dir, 'trusted-documents.json');
writeFileSync(manifestPath, JSON.stringify(manifest));

const persisted = (document: string) => ({
  persistedQuery: { version: 1, sha256Hash: sha256(document) },
});

async function post(url: string, body: object, headers: Record<string, string> = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    traceId: response.headers.get('x-trace-id'),
    ...((await response.json()) as Omit<GraphQLResponse, 'status'>),
  };
}

type SocketResult = FormattedExecutionResult<Record<string, unknown>, unknown>;

/** One operation over graphql-ws: its last result, or the errors the gateway refused it with. */
async function overSocket(
  url: string,
  query: string,
  connectionParams: Record<string, string> = {},
): Promise<SocketResult> {
  const client = createClient({
    url: url.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    connectionParams,
  });
  try {
    return await new Promise<SocketResult>((resolve, reject) => {
      let result: SocketResult = {};
      client.subscribe(
        { query },
        {
          next: (value) => {
            result = value;
          },
          error: (error: unknown) =>
            Array.isArray(error)
              ? resolve({ errors: error as SocketResult['errors'] })
              : reject(error instanceof Error ? error : new Error(String(error))),
          complete: () => resolve(result),
        },
      );
    });
  } finally {
    await client.dispose();
  }
}

describe('TrustedDocuments', () => {
  const documents = TrustedDocuments.from(manifest, 'test manifest');

  it('finds a document by its id and trusts its exact text only', () => {
    expect(documents.size).toBe(2);
    expect(documents.textOf(sha256(WHOAMI))).toBe(WHOAMI);
    expect(documents.textOf(sha256(AD_HOC))).toBeUndefined();
    expect(documents.trusts(WHOAMI)).toBe(true);
    expect(documents.trusts('query Whoami { whoami { kind } }')).toBe(false);
    expect(documents.trusts(AD_HOC)).toBe(false);
  });

  it('refuses a manifest whose id is not the hash of its document, or that is malformed', () => {
    expect(() =>
      TrustedDocuments.from({ operations: { [sha256(AD_HOC)]: entry('Whoami', WHOAMI) } }, 'm'),
    ).toThrow(/the document of Whoami does not hash to its id/);
    expect(() => TrustedDocuments.from({ operations: { nope: entry('X', WHOAMI) } }, 'm')).toThrow(
      /m is not a trusted-documents manifest: operations\.nope/,
    );
    expect(() => TrustedDocuments.from([], 'm')).toThrow(/not a trusted-documents manifest/);
  });

  it('names the file and the fix when the manifest cannot be read', async () => {
    await expect(loadTrustedDocuments(join(dir, 'missing.json'))).rejects.toThrow(
      /Cannot read the trusted documents at .*missing\.json .*Run npm run schema:compose/,
    );
  });

  it('loads the committed manifest of the three clients', async () => {
    const committed = await loadTrustedDocuments(
      fileURLToPath(new URL('../../../schema/trusted-documents.json', import.meta.url)),
    );
    expect(committed.size).toBeGreaterThan(100);
  });
});

let federation: Federation;
beforeAll(async () => {
  federation = await startFederation();
});
afterAll(() => federation?.close());

describe('gateway: trusted documents enforced', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway(federation, {
      TRUSTED_DOCUMENTS: 'enforce',
      TRUSTED_DOCUMENTS_PATH: manifestPath,
    });
  });
  afterAll(() => gw?.close());

  it('refuses another document from an anonymous caller with 400 OPERATION_NOT_TRUSTED', async () => {
    const response = await post(gw.url, { query: AD_HOC, operationName: 'Probe' });
    expect(response.status).toBe(400);
    expect(response.data).toBeUndefined();
    expect(response.errors).toEqual([
      {
        message: expect.stringContaining('API key') as string,
        extensions: { code: 'OPERATION_NOT_TRUSTED' },
      },
    ]);
    const line = await waitFor(() =>
      gw.logs.find((l) => l.msg === 'request' && l.traceId === response.traceId),
    );
    expect(line).toMatchObject({
      status: 400,
      callerKind: 'anonymous',
      operationName: 'Probe',
      errorCodes: ['OPERATION_NOT_TRUSTED'],
    });
  });

  it('refuses before parsing: a broken or schema-probing document learns nothing', async () => {
    for (const query of ['{ whoami {', '{ secretField }', WHOAMI.replace('kind', 'kind ')]) {
      const response = await post(gw.url, { query });
      expect(response.status).toBe(400);
      expect(errorCode(response)).toBe('OPERATION_NOT_TRUSTED');
    }
  });

  it("refuses a signed-in person's other document too", async () => {
    const response = await post(gw.url, { query: AD_HOC }, bearer(await signToken()));
    expect(response.status).toBe(400);
    expect(errorCode(response)).toBe('OPERATION_NOT_TRUSTED');
  });

  it('runs a trusted document sent as its text, by its id alone, or both', async () => {
    const expected = { user: { name: 'User u1' } };
    const variables = { id: 'u1' };
    expect(await post(gw.url, { query: USER_NAME, variables })).toMatchObject({
      status: 200,
      data: expected,
    });
    expect(
      await post(
        gw.url,
        { extensions: persisted(USER_NAME), variables },
        bearer(await signToken()),
      ),
    ).toMatchObject({ status: 200, data: expected });
    expect(
      await post(gw.url, { query: USER_NAME, extensions: persisted(USER_NAME), variables }),
    ).toMatchObject({ status: 200, data: expected });
  });

  it('runs a trusted document sent over GET, and refuses another one', async () => {
    const get = (query: string) => fetch(`${gw.url}?query=${encodeURIComponent(query)}`);
    const trusted = await get(WHOAMI);
    expect(trusted.status).toBe(200);
    expect(await trusted.json()).toEqual({ data: { whoami: { kind: 'anonymous' } } });
    const other = await get(AD_HOC);
    expect(other.status).toBe(400);
    expect(errorCode((await other.json()) as GraphQLResponse)).toBe('OPERATION_NOT_TRUSTED');
  });

  it("answers an unknown id as Apollo does, even one an integrator's key registered", async () => {
    const query = '{ users(first: 1) { id } }';
    const key = { 'x-api-key': 'bk_live_valid' };
    // The integrator registers the document in Apollo's APQ cache, and may use it by id.
    expect((await post(gw.url, { query, extensions: persisted(query) }, key)).data).toEqual({
      users: [{ id: 'u0' }],
    });
    expect((await post(gw.url, { extensions: persisted(query) }, key)).data).toEqual({
      users: [{ id: 'u0' }],
    });
    const anonymous = await post(gw.url, { extensions: persisted(query) });
    expect(anonymous.status).toBe(200);
    expect(anonymous.errors).toEqual([
      { message: 'PersistedQueryNotFound', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } },
    ]);
  });

  it('runs any document sent with an API key', async () => {
    const response = await post(gw.url, { query: AD_HOC }, { 'x-api-key': 'bk_live_valid' });
    expect(response).toMatchObject({
      status: 200,
      data: { whoami: { kind: 'integrator', userId: 'owner-1' } },
    });
  });

  it('applies the same rule over graphql-ws', async () => {
    expect((await overSocket(gw.url, AD_HOC)).errors).toEqual([
      expect.objectContaining({ extensions: { code: 'OPERATION_NOT_TRUSTED' } }),
    ]);
    const person = { authorization: `Bearer ${await signToken()}` };
    expect((await overSocket(gw.url, AD_HOC, person)).errors?.[0]?.extensions).toEqual({
      code: 'OPERATION_NOT_TRUSTED',
    });
    expect(await overSocket(gw.url, WHOAMI, person)).toEqual({
      data: { whoami: { kind: 'user' } },
    });
    expect(await overSocket(gw.url, AD_HOC, { 'x-api-key': 'bk_live_valid' })).toEqual({
      data: { whoami: { kind: 'integrator', userId: 'owner-1' } },
    });
  });
});

describe('gateway: trusted documents off (development and tests)', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway(federation, { TRUSTED_DOCUMENTS_PATH: manifestPath });
  });
  afterAll(() => gw?.close());

  it('runs ad-hoc documents, over HTTP and graphql-ws', async () => {
    expect(await gqlRequest(gw.url, AD_HOC)).toMatchObject({
      status: 200,
      data: { whoami: { kind: 'anonymous', userId: null } },
    });
    expect((await overSocket(gw.url, AD_HOC)).data).toEqual({
      whoami: { kind: 'anonymous', userId: null },
    });
  });

  it('still runs a trusted document by its id alone, as the clients send it first', async () => {
    expect(await post(gw.url, { extensions: persisted(WHOAMI) })).toMatchObject({
      status: 200,
      data: { whoami: { kind: 'anonymous' } },
    });
  });
});
