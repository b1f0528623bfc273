import { describe, expect, it } from 'vitest';
import { payloadReplacer, shareSerialized, withSharedPayload } from './live-payload.cache.js';

const send = (message: object) => withSharedPayload(JSON.stringify(message, payloadReplacer));

describe('shared live payloads', () => {
  it('send a shared result serialised once, exactly as graphql-ws would have', () => {
    const result = { data: { productRestocked: { id: 'p1', name: '장미 "한 다발"', stock: 3 } } };
    shareSerialized(result);
    for (const id of ['1', 'a-client-id', '"quoted"']) {
      const message = { id, type: 'next', payload: result };
      expect(send(message)).toBe(JSON.stringify(message));
      expect(JSON.parse(send(message))).toEqual(message);
    }
  });

  it('leave other messages and payloads alone', () => {
    const own = { data: { me: { id: 'u1' } } };
    expect(send({ id: '1', type: 'next', payload: own })).toBe(
      JSON.stringify({ id: '1', type: 'next', payload: own }),
    );
    expect(send({ id: '2', type: 'complete' })).toBe('{"id":"2","type":"complete"}');
    // A nested field that happens to be called payload is data, not the message's payload.
    const nested = { data: { webhook: { payload: { a: 1 } } } };
    expect(send({ id: '3', type: 'next', payload: nested })).toBe(
      JSON.stringify({ id: '3', type: 'next', payload: nested }),
    );
  });

  it('never swaps in a payload for text a client wrote', () => {
    const result = { data: { secret: 'for the audience only' } };
    shareSerialized(result);
    const token = JSON.parse(JSON.stringify({ payload: result }, payloadReplacer)) as {
      payload: string;
    };
    // Even a client that learnt a token cannot have it replaced: only a payload field is.
    const forged = { id: `x","payload":"${token.payload}`, type: 'complete' };
    expect(send(forged)).toBe(JSON.stringify(forged));
    const asData = { id: '4', type: 'next', payload: { data: { note: token.payload } } };
    expect(send(asData)).toBe(JSON.stringify(asData));
  });
});
