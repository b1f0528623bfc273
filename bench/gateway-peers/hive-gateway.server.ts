/**
 * Stock Hive Gateway for bench/gateway-peers: `createGatewayRuntime` with the supergraph the
 * bench composed and every other option at its default, served by `node:http`. The bench
 * starts it with
 *
 *   PORT=<port> SUPERGRAPH_PATH=<file>   (or argv: <port> <file>)
 *
 * Without Hive registry or GraphOS options it reports nothing anywhere.
 */
import { readFileSync } from 'node:fs';
import { type RequestListener, createServer } from 'node:http';

/** The part of @graphql-hive/gateway this script uses. */
interface HiveGatewayModule {
  createGatewayRuntime: (config: { supergraph: string }) => RequestListener & {
    dispose: () => void | Promise<void>;
  };
}

const port = Number(process.argv[2] ?? process.env.PORT);
const supergraphPath = process.argv[3] ?? process.env.SUPERGRAPH_PATH;
if (!Number.isInteger(port) || port <= 0 || !supergraphPath) {
  throw new Error(
    'usage: hive-gateway.server.ts <port> <supergraph path> (or PORT, SUPERGRAPH_PATH)',
  );
}

// Loaded by a specifier tsc does not follow: graphql-yoga's typings augment graphql's
// GraphQLErrorExtensions (`http.headers` a plain record), which breaks the type check of the
// gateway sources bench/tsconfig.json also compiles (they pass Apollo's HeaderMap there).
const specifier = '@graphql-hive/gateway';
const { createGatewayRuntime } = (await import(specifier)) as HiveGatewayModule;

// The SDL itself, read as the Apollo script reads it, so both start from the same string.
const runtime = createGatewayRuntime({ supergraph: readFileSync(supergraphPath, 'utf8') });
const server = createServer(runtime);
server.listen(port, '127.0.0.1');

// Nothing stops the runtime on SIGTERM unless told to; the bench waits for this exit.
process.once('SIGTERM', () => {
  server.closeAllConnections();
  server.close();
  void Promise.resolve(runtime.dispose()).finally(() => process.exit(0));
});
