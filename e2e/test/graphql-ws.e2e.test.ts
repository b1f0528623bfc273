import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { type System, startSystem } from '../src/system.harness.js';

/**
 * The graphql-transport-ws protocol as a client library relies on it, spoken frame by frame
 * against the gateway's /graphql socket.
 */

let sys: System;
beforeAll(async () => {
  sys = await startSystem(['identity', 'notifications']);
});
afterAll(async () => sys?.close());

type Frame = { type: string; id?: string; payload?: unknown };

/** A raw socket speaking graphql-transport-ws, with every frame it receives and how it closed. */
async function rawSocket() {
  const socket = new WebSocket(sys.gatewayUrl.replace(/^http/, 'ws'), 'graphql-transport-ws');
  const frames: Frame[] = [];
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() }));
  });
  socket.on('message', (data: Buffer) => frames.push(JSON.parse(data.toString()) as Frame));
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  const send = (frame: Frame) => socket.send(JSON.stringify(frame));
  const next = async (type: string, id?: string): Promise<Frame> => {
    for (let waited = 0; waited < 5_000; waited += 20) {
      const found = frames.find(
        (frame) => frame.type === type && (id === undefined || frame.id === id),
      );
      if (found) return found;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`no ${type} frame; got ${JSON.stringify(frames)}`);
  };
  return { socket, frames, closed, send, next };
}

const RESTOCK = 'subscription { productRestocked(productId: "aaaaaaaaaaaaaaaaaaaaaaaa") { id } }';

describe('graphql-ws on the gateway', () => {
  it('acknowledges connection_init and answers ping with pong', async () => {
    const ws = await rawSocket();
    ws.send({ type: 'connection_init', payload: {} });
    await ws.next('connection_ack');
    ws.send({ type: 'ping', payload: { at: 1 } });
    expect(await ws.next('pong')).toMatchObject({ type: 'pong' });
    ws.socket.close(1000);
  });

  it('closes a socket that never initialises with 4408', async () => {
    const ws = await rawSocket();
    const { code } = await ws.closed;
    expect(code).toBe(4408);
  }, 15_000);

  it('closes with 4401 when a client subscribes before the acknowledgement', async () => {
    const ws = await rawSocket();
    ws.send({ type: 'subscribe', id: '1', payload: { query: RESTOCK } });
    expect((await ws.closed).code).toBe(4401);
  });

  it('closes with 4409 on a second subscription under an id in use', async () => {
    const ws = await rawSocket();
    ws.send({ type: 'connection_init', payload: {} });
    await ws.next('connection_ack');
    ws.send({ type: 'subscribe', id: 'same', payload: { query: RESTOCK } });
    await new Promise((resolve) => setTimeout(resolve, 200));
    ws.send({ type: 'subscribe', id: 'same', payload: { query: RESTOCK } });
    expect((await ws.closed).code).toBe(4409);
  });

  it('completes an operation from the server side and stops one on the client’s complete', async () => {
    const ws = await rawSocket();
    ws.send({ type: 'connection_init', payload: {} });
    await ws.next('connection_ack');
    // A query over the socket: one next, then the server's complete.
    ws.send({ type: 'subscribe', id: 'q', payload: { query: '{ __typename }' } });
    expect(await ws.next('next', 'q')).toMatchObject({
      payload: { data: { __typename: 'Query' } },
    });
    await ws.next('complete', 'q');
    // A subscription the client completes: the id is free again afterwards (no 4409).
    ws.send({ type: 'subscribe', id: 's', payload: { query: RESTOCK } });
    await new Promise((resolve) => setTimeout(resolve, 200));
    ws.send({ type: 'complete', id: 's' });
    await new Promise((resolve) => setTimeout(resolve, 200));
    ws.send({ type: 'subscribe', id: 's', payload: { query: RESTOCK } });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(ws.socket.readyState).toBe(WebSocket.OPEN);
    ws.socket.close(1000);
  });

  it('answers an invalid subscription with an error frame and keeps the socket', async () => {
    const ws = await rawSocket();
    ws.send({ type: 'connection_init', payload: {} });
    await ws.next('connection_ack');
    ws.send({ type: 'subscribe', id: 'bad', payload: { query: 'subscription { nope }' } });
    const error = await ws.next('error', 'bad');
    expect(JSON.stringify(error.payload)).toContain('nope');
    expect(ws.socket.readyState).toBe(WebSocket.OPEN);
    ws.socket.close(1000);
  });
});
