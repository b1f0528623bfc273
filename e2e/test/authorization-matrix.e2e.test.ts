import { type Caller, type Role, checkAccess } from '@bloom/kernel';
import {
  ADMIN_ACCOUNT,
  type GraphQLResponse,
  expectUnion,
  gqlRequest,
  waitFor,
} from '@bloom/testing';
import { createClient } from 'graphql-ws';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { accessTable } from '../../gateway/src/access/access.table.js';
import { approvedSeller, customerToken, skyGardenSeller } from '../src/actors.js';
import { graphql } from '../src/generated/index.js';
import { SUPERGRAPH_SDL, type RootOperation, rootOperations } from '../src/schema-operations.js';
import { SUBGRAPHS, type System, startSystem } from '../src/system.harness.js';

/**
 * Every root field of the supergraph × every kind of caller, through the gateway: a call is
 * refused by the access layer (an error on the field carrying `extensions.requires`) exactly
 * when the field's declared rule refuses that caller. Generated from the schema and the
 * declarations, so a new field is in the matrix the day it is added.
 */

const SUSPEND = graphql(`
  mutation MatrixSuspend($id: ID!) {
    suspendUser(userId: $id, reason: "권한 매트릭스") {
      __typename
    }
  }
`);
const CREATE_KEY = graphql(`
  mutation MatrixCreateApiKey($i: CreateApiKeyInput!) {
    createApiKey(input: $i) {
      __typename
      ... on ApiKeyCreated {
        secret
      }
    }
  }
`);

interface Actor {
  name: string;
  /** Suspended after signing in: every request is refused outright, whatever the field. */
  suspended?: boolean;
  /** The caller the gateway should derive: the expectation is computed from it. */
  caller: Caller;
  headers: Record<string, string>;
  connectionParams: Record<string, string>;
}

const rules = accessTable(SUPERGRAPH_SDL);
const operations = rootOperations();
let sys: System;
const actors: Actor[] = [];

function person(name: string, token: string): Actor {
  const claims = decodeJwt(token) as { sub: string; roles: Role[] };
  return {
    name,
    caller: { kind: 'user', userId: claims.sub, roles: claims.roles, scopes: [], traceId: name },
    headers: { authorization: `Bearer ${token}` },
    connectionParams: { authorization: `Bearer ${token}` },
  };
}

beforeAll(async () => {
  sys = await startSystem([...SUBGRAPHS], { API_KEY_RATE_LIMIT_PER_MINUTE: '1000000' });
  const customer = await customerToken(sys, 'matrix-customer@bloom.test');
  const otherCustomer = await customerToken(sys, 'matrix-other@bloom.test', '박서연');
  const seller = await skyGardenSeller(sys);
  const otherSeller = await approvedSeller(sys, {
    email: 'matrix-seller@bloom.test',
    businessRegistrationNumber: '124-81-00998',
  });
  const admin = await sys.logIn(ADMIN_ACCOUNT.email, ADMIN_ACCOUNT.password);
  actors.push(
    {
      name: 'anonymous',
      caller: { kind: 'anonymous', roles: [], scopes: [], traceId: 'anonymous' },
      headers: {},
      connectionParams: {},
    },
    person('customer', customer),
    person('other customer', otherCustomer),
    person('seller', seller.token),
    person('other seller', otherSeller.token),
    person('admin', admin),
  );
  const suspended = person(
    'suspended customer',
    await customerToken(sys, 'matrix-gone@bloom.test'),
  );
  await sys.call(SUSPEND, { id: suspended.caller.userId ?? '' }, admin);
  await waitFor(
    async () =>
      (await gqlRequest(sys.gatewayUrl, '{ me { id } }', {}, suspended.headers)).status === 401,
    { what: 'the suspension reaches the gateway' },
  );
  actors.push({ ...suspended, suspended: true });
  const owner = actors.find((actor) => actor.name === 'customer')?.caller.userId ?? '';
  for (const scope of ['CATALOG_READ', 'ORDERS_WRITE', 'EVENTS_READ'] as const) {
    const created = await sys.call(
      CREATE_KEY,
      { i: { name: `matrix ${scope}`, scopes: [scope] } },
      customer,
    );
    const secret = expectUnion(created.data?.createApiKey, 'ApiKeyCreated').secret;
    actors.push({
      name: `key ${scope}`,
      caller: {
        kind: 'integrator',
        userId: owner,
        roles: [],
        scopes: [scope.toLowerCase().replace('_', ':')],
        apiKeyId: scope,
        traceId: scope,
      },
      headers: { 'x-api-key': secret },
      connectionParams: { 'x-api-key': secret },
    });
  }
}, 120_000);
afterAll(async () => sys?.close());

type Outcome = { denied: boolean; detail: string };

/**
 * Refused by the access layer (the probe field's error says what it requires), or refused
 * outright at the edge (HTTP 401/403: a credential that no longer holds).
 */
function outcomeOf(response: GraphQLResponse): Outcome {
  const refusal =
    response.status === 401 ||
    response.status === 403 ||
    response.errors?.some(
      (error) => error.path?.[0] === 'probe' && error.extensions?.requires !== undefined,
    );
  const whole = response.status !== 200 ? `HTTP ${response.status}` : '';
  return {
    denied: refusal === true,
    detail: whole || JSON.stringify(response.errors?.map((e) => e.extensions?.code) ?? []),
  };
}

/** A subscription is refused at once, or opens (no error within a short wait). */
function subscribe(actor: Actor, operation: RootOperation): Promise<Outcome> {
  return new Promise((resolve) => {
    const client = createClient({
      url: sys.gatewayUrl.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams: actor.connectionParams,
    });
    const done = (outcome: Outcome) => {
      clearTimeout(timer);
      void client.dispose();
      resolve(outcome);
    };
    const timer = setTimeout(() => done({ denied: false, detail: 'open' }), 750);
    client.subscribe(
      { query: operation.document, variables: operation.variables },
      {
        next: () => undefined,
        error: (error: unknown) => {
          const errors = Array.isArray(error) ? (error as { extensions?: object }[]) : [];
          const requires = errors.some(
            (e) => e.extensions !== undefined && 'requires' in e.extensions,
          );
          // A socket the gateway refused to open is closed with 4401/4403.
          const code = (error as { code?: unknown } | null)?.code;
          const closed = code === 4401 || code === 4403;
          done({ denied: requires || closed, detail: JSON.stringify(error).slice(0, 200) });
        },
        complete: () => undefined,
      },
    );
  });
}

async function run(actor: Actor, operation: RootOperation): Promise<Outcome> {
  if (operation.kind === 'Subscription') return subscribe(actor, operation);
  return outcomeOf(
    await gqlRequest(sys.gatewayUrl, operation.document, operation.variables, actor.headers),
  );
}

describe('the authorization matrix', () => {
  it('refuses exactly what each root field declares, for every kind of caller', async () => {
    const unexpected: string[] = [];
    let allowed = 0;
    let denied = 0;
    for (const actor of actors) {
      for (let i = 0; i < operations.length; i += 8) {
        const batch = operations.slice(i, i + 8);
        const outcomes = await Promise.all(batch.map((operation) => run(actor, operation)));
        batch.forEach((operation, index) => {
          const rule = rules.get(operation.coordinate);
          const shouldDeny =
            actor.suspended === true || !rule || checkAccess(actor.caller, rule) !== undefined;
          const outcome = outcomes[index] ?? { denied: false, detail: 'missing' };
          if (outcome.denied) denied += 1;
          else allowed += 1;
          if (outcome.denied !== shouldDeny) {
            unexpected.push(
              `${actor.name} ${operation.coordinate}: ${outcome.denied ? 'refused' : 'allowed'}, ` +
                `declared ${shouldDeny ? 'refuse' : 'allow'} (${outcome.detail})`,
            );
          }
        });
      }
    }
    console.log(
      `[matrix] ${operations.length} root fields × ${actors.length} callers = ` +
        `${operations.length * actors.length} calls: ${allowed} allowed, ${denied} refused, ` +
        `${unexpected.length} unexpected`,
    );
    expect(unexpected).toEqual([]);
    expect(operations.length).toBeGreaterThan(120);
  }, 300_000);
});
