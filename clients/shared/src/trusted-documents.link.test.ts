import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { gql } from '@apollo/client';
import { print } from 'graphql';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SKIP } from '../../storefront/src/pages/subscriptions/subscription.operations.js';
import { createApolloClient } from './apollo.client.js';
import { CREATE_IMAGE_UPLOAD } from './image-upload.js';
import { SessionStore } from './session.store.js';
import { wireDocument } from './trusted-documents.link.js';

interface SentBody {
  operationName?: string;
  query?: string;
  extensions?: { persistedQuery?: { version: number; sha256Hash: string } };
}

const manifest = JSON.parse(
  readFileSync(new URL('../../../schema/trusted-documents.json', import.meta.url), 'utf8'),
) as { operations: Record<string, { name: string; document: string }> };

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * The shared Apollo client against a gateway that knows no ids (as Apollo answers an unknown
 * persisted query), recording every body it sends.
 */
function recordingClient(session = new SessionStore({ storage: null })) {
  const sent: SentBody[] = [];
  vi.stubGlobal('fetch', (_url: string, init: { body: string }) => {
    const body = JSON.parse(init.body) as SentBody;
    sent.push(body);
    const answer =
      body.query === undefined
        ? {
            errors: [
              {
                message: 'PersistedQueryNotFound',
                extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' },
              },
            ],
          }
        : { errors: [{ message: 'stop here', extensions: { code: 'FORBIDDEN' } }] };
    return Promise.resolve(
      new Response(JSON.stringify(answer), { headers: { 'content-type': 'application/json' } }),
    );
  });
  const client = createApolloClient(session, { origin: 'http://127.0.0.1:5173' });
  return { client, sent };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('trusted documents in the client', () => {
  it('asks by id first every time, and sends the text only after PERSISTED_QUERY_NOT_FOUND', async () => {
    const { client, sent } = recordingClient();
    for (let run = 0; run < 2; run += 1) {
      await expect(client.mutate({ mutation: CREATE_IMAGE_UPLOAD })).rejects.toThrow('stop here');
    }
    expect(sent.map((body) => body.query === undefined)).toEqual([true, false, true, false]);
  });

  it.each([
    ['CreateImageUpload (clients/shared)', CREATE_IMAGE_UPLOAD],
    ['SkipNextCycle (storefront: a shared selection and two fragments)', SKIP],
  ])('sends %s by its manifest id, then as its manifest text', async (_, mutation) => {
    const { client, sent } = recordingClient();
    await expect(client.mutate({ mutation, variables: { id: 'x' } })).rejects.toThrow('stop here');
    expect(sent).toHaveLength(2);
    const [byId, withText] = sent;
    const id = byId?.extensions?.persistedQuery?.sha256Hash ?? '';
    expect(byId?.query).toBeUndefined();
    expect(manifest.operations[id]?.name).toBe(byId?.operationName);
    expect(withText?.query).toBe(manifest.operations[id]?.document);
    expect(withText?.extensions?.persistedQuery?.sha256Hash).toBe(id);
    expect(sha256(withText?.query ?? '')).toBe(id);
  });

  it('refreshes tokens with the manifest text of Refresh', async () => {
    const session = new SessionStore({ storage: null });
    session.signIn({
      accessToken: 'a',
      refreshToken: 'r',
      expiresIn: 900,
      user: { id: 'u1', name: '김하늘', email: 'sky@bloom.test', roles: ['CUSTOMER'] },
    });
    const { sent } = recordingClient(session);
    await session.refreshNow();
    const [body] = sent;
    const text = body?.query ?? '';
    expect(manifest.operations[sha256(text)]).toMatchObject({ name: 'Refresh', document: text });
  });

  it('prints a document the same wherever its fragments were interpolated', () => {
    const card = gql`
      fragment Card on Product {
        name
        ...Maker
      }
    `;
    const maker = gql`
      fragment Maker on Store {
        name
      }
    `;
    const first = gql`
      ${maker}
      query Products {
        products {
          ...Card
        }
      }
      ${card}
    `;
    const second = gql`
      query Products {
        products {
          ...Card
        }
      }
      ${card}
      ${maker}
    `;
    const text = print(wireDocument(first));
    expect(print(wireDocument(second))).toBe(text);
    expect(text.indexOf('query Products')).toBe(0);
    expect(text.indexOf('fragment Card')).toBeLessThan(text.indexOf('fragment Maker'));
    expect(text).toContain('__typename');
  });
});
