import { randomBytes } from 'node:crypto';

/*
 * A live result pushed to many sockets is serialised once. The hub registers the result;
 * graphql-ws's message replacer writes a token in its place, and each socket's send puts the
 * serialised result where the token is. Only a token at the very end of a `next` message is
 * replaced (the payload is its last field, after the client's id and the type), and tokens carry
 * a per-process random prefix, so no client-chosen text can stand for another's payload.
 */

const PREFIX = `live-${randomBytes(12).toString('hex')}-`;
const MARKER = ',"payload":"';

const tokens = new WeakMap<object, string>();
const serialized = new Map<string, string>();
// An entry lives as long as its result: until the last queue holding it has sent or dropped it.
const forget = new FinalizationRegistry<string>((token) => serialized.delete(token));
let counter = 0;

/** Serialises a result once for every socket it is pushed to. */
export function shareSerialized(result: object): void {
  if (tokens.has(result)) return;
  counter += 1;
  const token = `${PREFIX}${counter.toString(36)}`;
  tokens.set(result, token);
  serialized.set(token, JSON.stringify(result));
  forget.register(result, token);
}

/** graphql-ws `jsonMessageReplacer`: a shared payload becomes its token. */
export function payloadReplacer(key: string, value: unknown): unknown {
  if (key !== 'payload' || typeof value !== 'object' || value === null) return value;
  return tokens.get(value) ?? value;
}

/** An outgoing message with its payload token replaced by the serialised payload. */
export function withSharedPayload(data: string): string {
  if (!data.endsWith('"}')) return data;
  const at = data.lastIndexOf(MARKER);
  if (at < 0) return data;
  const token = data.slice(at + MARKER.length, -2);
  if (!token.startsWith(PREFIX)) return data;
  const json = serialized.get(token);
  return json === undefined ? data : `${data.slice(0, at)},"payload":${json}}`;
}
