/**
 * The baseline for bench/fanout: a bare `ws` server that sends one pre-serialized payload to
 * every connected client when POST /broadcast arrives. No auth, matching or resolution: the
 * floor that any fan-out costs on this machine.
 */
import { createServer } from 'node:http';
import { WebSocketServer } from 'ws';

const port = Number(process.env.PORT ?? 0);
const server = createServer((req, res) => {
  if (req.url === '/health') return void res.end('ok');
  if (req.url === '/broadcast' && req.method === 'POST') {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      for (const client of wss.clients) client.send(body);
      res.end(String(wss.clients.size));
    });
    return;
  }
  res.statusCode = 404;
  res.end();
});
const wss = new WebSocketServer({ server, path: '/ws' });
server.listen(port, '127.0.0.1');
process.once('SIGTERM', () => {
  for (const client of wss.clients) client.terminate();
  server.close(() => process.exit(0));
});
