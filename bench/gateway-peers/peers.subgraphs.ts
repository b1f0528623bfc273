/**
 * The four subgraphs of The Guild's federation gateway benchmark
 * (the-guild-org/gateways-benchmark, federation-v1): accounts, products, reviews and inventory,
 * built with `buildSubgraphSchema` over static in-memory data and served in the bench process.
 *
 * So that the subgraphs are never the bottleneck, each server computes the JSON answer to a
 * distinct request body once (graphql-js execute) and answers every repeat of that body from a
 * cache: gateways send the same subgraph requests for the same operation, so after the first
 * request the subgraphs only copy bytes and the gateways' own work is what is measured.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { composeServices } from '@apollo/composition';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import { type DocumentNode, type GraphQLSchema, graphql, parse } from 'graphql';

/** Sized so the heavy query's answer is about 85 KiB (the bench prints the exact figure). */
const USERS = 5;
const PRODUCTS = 10;
const REVIEWS_PER_USER = 4;

const LOREM =
  'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut ' +
  'labore et dolore magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation ullamco ' +
  'laboris nisi ut aliquip ex ea commodo consequat. Duis aute irure dolor in reprehenderit in ' +
  'voluptate velit esse cillum dolore eu fugiat nulla pariatur.';

interface User {
  id: string;
  name: string;
  username: string;
}
interface Product {
  upc: string;
  name: string;
  price: number;
  weight: number;
}
interface Review {
  id: string;
  body: string;
  authorId: string;
  upc: string;
}

const users: User[] = Array.from({ length: USERS }, (_, i) => ({
  id: String(i + 1),
  name: `User Number ${i + 1}`,
  username: `user${i + 1}`,
}));
const products: Product[] = Array.from({ length: PRODUCTS }, (_, i) => ({
  upc: String(i + 1),
  name: `Product ${i + 1}`,
  price: 100 + ((i * 379) % 1400),
  weight: 10 + ((i * 53) % 200),
}));
// Every user writes REVIEWS_PER_USER reviews, spread evenly over the products.
const reviews: Review[] = users.flatMap((user, u) =>
  Array.from({ length: REVIEWS_PER_USER }, (_, k) => {
    const n = u * REVIEWS_PER_USER + k;
    return {
      id: String(n + 1),
      body: LOREM.slice(0, 150 + ((n * 37) % 100)),
      authorId: user.id,
      upc: String((n % PRODUCTS) + 1),
    };
  }),
);

const FEDERATION = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@external", "@requires"])`;

interface SubgraphDefinition {
  name: string;
  typeDefs: DocumentNode;
  resolvers: GraphQLResolverMap<unknown>;
}

const definitions: SubgraphDefinition[] = [
  {
    name: 'accounts',
    typeDefs: parse(`${FEDERATION}
      type Query { me: User users: [User] }
      type User @key(fields: "id") { id: ID! name: String username: String }`),
    resolvers: {
      Query: { me: () => users[0], users: () => users },
      User: { __resolveReference: ({ id }: { id: string }) => users.find((u) => u.id === id) },
    },
  },
  {
    name: 'products',
    typeDefs: parse(`${FEDERATION}
      type Query { topProducts(first: Int = 5): [Product] }
      type Product @key(fields: "upc") { upc: String! name: String price: Int weight: Int }`),
    resolvers: {
      Query: {
        topProducts: (_: unknown, { first }: { first: number }) => products.slice(0, first),
      },
      Product: {
        __resolveReference: ({ upc }: { upc: string }) => products.find((p) => p.upc === upc),
      },
    },
  },
  {
    name: 'reviews',
    typeDefs: parse(`${FEDERATION}
      type Review @key(fields: "id") { id: ID! body: String author: User product: Product }
      type User @key(fields: "id") { id: ID! reviews: [Review] }
      type Product @key(fields: "upc") { upc: String! reviews: [Review] }`),
    resolvers: {
      Review: {
        __resolveReference: ({ id }: { id: string }) => reviews.find((r) => r.id === id),
        author: (review: Review) => ({ id: review.authorId }),
        product: (review: Review) => ({ upc: review.upc }),
      },
      User: { reviews: (user: { id: string }) => reviews.filter((r) => r.authorId === user.id) },
      Product: {
        reviews: (product: { upc: string }) => reviews.filter((r) => r.upc === product.upc),
      },
    },
  },
  {
    name: 'inventory',
    typeDefs: parse(`${FEDERATION}
      type Product @key(fields: "upc") {
        upc: String!
        price: Int @external
        weight: Int @external
        inStock: Boolean
        shippingEstimate: Int @requires(fields: "price weight")
      }`),
    resolvers: {
      Product: {
        __resolveReference: (reference: { upc: string; price?: number; weight?: number }) =>
          reference,
        inStock: ({ upc }: { upc: string }) => Number(upc) % 3 !== 0,
        // Free above 1000, else by weight: the Guild benchmark's rule.
        shippingEstimate: ({ price, weight }: { price?: number; weight?: number }) =>
          price === undefined || weight === undefined
            ? null
            : price > 1000
              ? 0
              : Math.round(weight / 2),
      },
    },
  },
];

/** Distinct bodies a server remembers; beyond that it computes without storing (never seen). */
const MAX_CACHED_BODIES = 10_000;

interface GraphQLBody {
  query?: string;
  variables?: Record<string, unknown>;
  operationName?: string;
}

export interface CannedSubgraph {
  name: string;
  url: string;
  /** Request bodies executed (cache misses) and answered from the cache. */
  stats: { executed: number; cached: number };
}

export interface CannedSubgraphs {
  subgraphs: CannedSubgraph[];
  /** The supergraph composed from the four, naming these servers' URLs. */
  supergraphSdl: string;
  /** The schema clients see (what a gateway validates and measures operations against). */
  apiSchema: GraphQLSchema;
  close(): Promise<void>;
}

async function serve(name: string, schema: GraphQLSchema) {
  const answers = new Map<string, Buffer>();
  const stats = { executed: 0, cached: 0 };
  const answer = async (body: string): Promise<Buffer> => {
    const known = answers.get(body);
    if (known) {
      stats.cached += 1;
      return known;
    }
    stats.executed += 1;
    const { query, variables, operationName } = JSON.parse(body) as GraphQLBody;
    const result = await graphql({
      schema,
      source: query ?? '',
      variableValues: variables,
      operationName,
    });
    const json = Buffer.from(JSON.stringify(result));
    if (answers.size < MAX_CACHED_BODIES) answers.set(body, json);
    return json;
  };
  const server = createServer((req, res) => {
    // Our gateway's readiness and ops probes ask each subgraph's /health.
    if (req.method === 'GET' && (req.url === '/health' || req.url === '/ready')) {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
      return;
    }
    if (req.method !== 'POST') {
      res.writeHead(404).end();
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      answer(Buffer.concat(chunks).toString('utf8')).then(
        (json) =>
          res
            .writeHead(200, { 'content-type': 'application/json', 'content-length': json.length })
            .end(json),
        (error: unknown) =>
          res
            .writeHead(400, { 'content-type': 'application/json' })
            .end(JSON.stringify({ errors: [{ message: String(error) }] })),
      );
    });
  });
  // Gateways keep their connections open between requests; so does the default agent here.
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    subgraph: { name, url: `http://127.0.0.1:${port}/graphql`, stats },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Starts the four subgraphs on free loopback ports and composes their supergraph. */
export async function startCannedSubgraphs(): Promise<CannedSubgraphs> {
  const served = await Promise.all(
    definitions.map(({ name, typeDefs, resolvers }) =>
      serve(name, buildSubgraphSchema({ typeDefs, resolvers })),
    ),
  );
  const close = async () => {
    await Promise.all(served.map((s) => s.close()));
  };
  const composed = composeServices(
    definitions.map(({ name, typeDefs }, i) => ({
      name,
      typeDefs,
      url: served[i]?.subgraph.url ?? '',
    })),
  );
  if (composed.errors) {
    await close();
    throw new Error(
      `composition failed:\n${composed.errors.map((e) => `  - ${e.message}`).join('\n')}`,
    );
  }
  return {
    subgraphs: served.map((s) => s.subgraph),
    supergraphSdl: composed.supergraphSdl,
    apiSchema: composed.schema.toAPISchema().toGraphQLJSSchema(),
    close,
  };
}
