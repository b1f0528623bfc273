/**
 * A child process of bench/fanout holding one server's share of the sockets (the bench process
 * may not hold 20,000 here, and the receiving side should not share the bench's event loop).
 * The parent sends `{ url, count, query?, productId? }`: graphql-ws subscribers of the query,
 * or plain sockets without one. This answers `{ ready: true }` once every socket is subscribed
 * (open), `{ all: true }` once every socket has received, and `{ times, duplicated }` (epoch
 * milliseconds of each first receipt, and how many got more than one message) when told
 * `{ collect: true }`.
 */
import WebSocket from 'ws';

interface Start {
  url: string;
  count: number;
  query?: string;
  productId?: string;
}

const now = () => performance.timeOrigin + performance.now();
const sockets: { socket: WebSocket; receivedAt?: number; received: number }[] = [];
let reached = 0;
let expected = Number.POSITIVE_INFINITY;

function subscribe(start: Start) {
  return new Promise<void>((resolve, reject) => {
    const graphql = start.query !== undefined;
    const socket = new WebSocket(start.url, graphql ? 'graphql-transport-ws' : undefined);
    const entry: (typeof sockets)[number] = { socket, received: 0 };
    sockets.push(entry);
    const receive = () => {
      entry.received += 1;
      if (entry.receivedAt !== undefined) return;
      entry.receivedAt = now();
      reached += 1;
      if (reached === expected) process.send?.({ all: true });
    };
    socket.once('error', reject);
    socket.once('open', () =>
      graphql ? socket.send(JSON.stringify({ type: 'connection_init', payload: {} })) : resolve(),
    );
    socket.on('message', (raw: Buffer) => {
      if (!graphql) return receive();
      const message = JSON.parse(raw.toString()) as { type: string };
      if (message.type === 'connection_ack') {
        socket.send(
          JSON.stringify({
            id: '1',
            type: 'subscribe',
            payload: { query: start.query, variables: { p: start.productId } },
          }),
        );
        resolve();
      } else if (message.type === 'next') {
        receive();
      }
    });
  });
}

process.on('message', (message: Start | { collect: true }) => {
  if ('collect' in message) {
    process.send?.({
      times: sockets.flatMap((s) => (s.receivedAt === undefined ? [] : [s.receivedAt])),
      duplicated: sockets.filter((s) => s.received > 1).length,
    });
    for (const { socket } of sockets) socket.terminate();
    process.disconnect();
    return;
  }
  expected = message.count;
  void (async () => {
    for (let i = 0; i < message.count; i += 500) {
      const batch = Math.min(500, message.count - i);
      await Promise.all(Array.from({ length: batch }, () => subscribe(message)));
    }
    process.send?.({ ready: true });
  })();
});
