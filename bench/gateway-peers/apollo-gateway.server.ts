/**
 * Stock Apollo Gateway for bench/gateway-peers: `ApolloServer` over `ApolloGateway` with the
 * supergraph the bench composed, every setting at its default, served by Apollo's standalone
 * HTTP server. The bench starts it with
 *
 *   PORT=<port> SUPERGRAPH_PATH=<file> APOLLO_TELEMETRY_DISABLED=true  (or argv: <port> <file>)
 *
 * APOLLO_TELEMETRY_DISABLED keeps @apollo/gateway from reporting its usage to Apollo; without
 * APOLLO_KEY nothing else leaves the machine. Apollo Server stops on SIGTERM by itself.
 */
import { readFileSync } from 'node:fs';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';

const port = Number(process.argv[2] ?? process.env.PORT);
const supergraphPath = process.argv[3] ?? process.env.SUPERGRAPH_PATH;
if (!Number.isInteger(port) || port <= 0 || !supergraphPath) {
  throw new Error(
    'usage: apollo-gateway.server.ts <port> <supergraph path> (or PORT, SUPERGRAPH_PATH)',
  );
}

const server = new ApolloServer({
  gateway: new ApolloGateway({ supergraphSdl: readFileSync(supergraphPath, 'utf8') }),
});
await startStandaloneServer(server, { listen: { port, host: '127.0.0.1' } });
