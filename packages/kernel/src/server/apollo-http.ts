import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  type ApolloServer,
  type BaseContext,
  HeaderMap,
  type HTTPGraphQLRequest,
} from '@apollo/server';

const MAX_BODY_BYTES = 1_000_000;

export class BodyTooLargeError extends Error {}

/**
 * The request body as text; BodyTooLargeError past `limit` bytes. The rest of a body that is
 * too large is read and dropped rather than the socket destroyed, so the client still gets the
 * 413 answer (a destroyed socket reached it as a connection reset, with no answer at all).
 */
export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      stop();
      req.resume();
      reject(new BodyTooLargeError('request body too large'));
    };
    const onEnd = () => {
      stop();
      resolve(Buffer.concat(chunks).toString('utf8'));
    };
    const onError = (error: Error) => {
      stop();
      reject(error);
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
  });
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

export interface GraphQLRequestOptions {
  /**
   * Sees the request as Apollo will (its JSON body parsed) and may answer it instead, before
   * Apollo parses the document; undefined lets Apollo serve it.
   */
  screen?: (request: HTTPGraphQLRequest) => { status: number; body: unknown } | undefined;
}

/** Serves one GraphQL HTTP request with Apollo Server on a plain node:http server. */
export async function handleGraphQLRequest<TContext extends BaseContext>(
  server: ApolloServer<TContext>,
  req: IncomingMessage,
  res: ServerResponse,
  context: () => Promise<TContext>,
  options: GraphQLRequestOptions = {},
): Promise<void> {
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  let body: unknown;
  if (req.method === 'POST') {
    // GraphQL over HTTP: a POST says what it carries; only JSON bodies are understood here.
    if (!/^application\/(graphql-response\+)?json\b/i.test(req.headers['content-type'] ?? '')) {
      sendJson(res, 415, {
        errors: [
          {
            message: 'Send the request body as application/json.',
            extensions: { code: 'BAD_USER_INPUT' },
          },
        ],
      });
      return;
    }
    let text: string;
    try {
      text = await readBody(req);
    } catch (error) {
      if (error instanceof BodyTooLargeError) {
        // The connection is not reused: what is left of the body is still arriving on it.
        res.setHeader('connection', 'close');
        sendJson(res, 413, {
          errors: [{ message: 'Request body too large.', extensions: { code: 'BAD_USER_INPUT' } }],
        });
        return;
      }
      throw error;
    }
    try {
      body = text ? JSON.parse(text) : {};
    } catch {
      sendJson(res, 400, {
        errors: [
          { message: 'Request body is not valid JSON.', extensions: { code: 'BAD_USER_INPUT' } },
        ],
      });
      return;
    }
  }
  const url = new URL(req.url ?? '/', 'http://localhost');
  const httpGraphQLRequest = { method: req.method ?? 'GET', headers, search: url.search, body };
  const answer = options.screen?.(httpGraphQLRequest);
  if (answer) {
    sendJson(res, answer.status, answer.body);
    return;
  }
  const response = await server.executeHTTPGraphQLRequest({ httpGraphQLRequest, context });
  for (const [key, value] of response.headers) res.setHeader(key, value);
  res.statusCode = response.status ?? 200;
  if (response.body.kind === 'complete') {
    res.end(response.body.string);
    return;
  }
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}
