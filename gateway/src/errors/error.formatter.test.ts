import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { createLogger } from '@bloom/kernel';
import { gatewayErrorFormatter } from './error.formatter.js';

const logs: Record<string, unknown>[] = [];
const format = gatewayErrorFormatter(
  createLogger({
    service: 'gateway',
    sink: (line) => logs.push(JSON.parse(line) as Record<string, unknown>),
  }),
);

const fromSubgraph = (message: string, extensions: Record<string, unknown>) => {
  const error = new GraphQLError(message, { path: ['field'], extensions });
  return format(error.toJSON(), error);
};

describe('gatewayErrorFormatter', () => {
  it.each([
    'BAD_USER_INPUT',
    'UNAUTHENTICATED',
    'FORBIDDEN',
    'NOT_FOUND',
    'CONFLICT',
    'RATE_LIMITED',
    'QUERY_TOO_COMPLEX',
    'GRAPHQL_VALIDATION_FAILED',
    'PERSISTED_QUERY_NOT_FOUND',
    'OPERATION_NOT_TRUSTED',
  ])('passes %s through, without internal extensions', (code) => {
    expect(
      fromSubgraph('Explained to the client.', {
        code,
        field: 'email',
        serviceName: 'identity',
        stacktrace: ['at secret.ts:1'],
        exception: { stacktrace: [] },
      }),
    ).toEqual({
      message: 'Explained to the client.',
      path: ['field'],
      extensions: { code, field: 'email' },
    });
  });

  it.each([
    ['an uncoded error', {}],
    ['an INTERNAL_SERVER_ERROR', { code: 'INTERNAL_SERVER_ERROR' }],
    ['a DOWNSTREAM_SERVICE_ERROR', { code: 'DOWNSTREAM_SERVICE_ERROR', serviceName: 'orders' }],
    ['a code outside the public set', { code: 'MONGO_TIMEOUT' }],
    [
      'a subgraph that answered 401 (our own signature problem)',
      { code: 'UNAUTHENTICATED', response: { status: 401, url: 'http://10.0.0.7:4004/graphql' } },
    ],
  ])('masks %s and logs it', (_, extensions) => {
    const before = logs.length;
    const formatted = fromSubgraph('ECONNRESET talking to mongodb://10.0.0.9', extensions);
    expect(formatted).toEqual({
      message: 'Something went wrong on our side. Please try again.',
      path: ['field'],
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(logs.length).toBe(before + 1);
    expect(logs.at(-1)).toMatchObject({ level: 'error', msg: 'unexpected error' });
  });

  it.each(['provided sha does not match query', 'Unsupported persisted query version'])(
    "answers Apollo's uncoded refusal of a malformed request (%s) as BAD_REQUEST, unlogged",
    (message) => {
      const before = logs.length;
      // As Apollo Server raises it: an HTTP status, no code; enriched with the default code.
      const error = new GraphQLError(message, { extensions: { http: { status: 400 } } });
      const formatted = format({ message, extensions: { code: 'INTERNAL_SERVER_ERROR' } }, error);
      expect(formatted).toEqual({ message, extensions: { code: 'BAD_REQUEST' } });
      expect(logs.length).toBe(before);
    },
  );

  it('still masks an uncoded error that Apollo answered as a 5xx', () => {
    const error = new GraphQLError('socket hang up', { extensions: { http: { status: 503 } } });
    expect(
      format({ message: 'socket hang up', extensions: { code: 'INTERNAL_SERVER_ERROR' } }, error),
    ).toMatchObject({ extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  });

  it('names the subgraph in the log line of a masked error', () => {
    fromSubgraph('boom', { code: 'INTERNAL_SERVER_ERROR', serviceName: 'products' });
    expect(logs.at(-1)).toMatchObject({ subgraph: 'products' });
  });
});
