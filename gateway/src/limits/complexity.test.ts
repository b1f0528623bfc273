import { readFileSync } from 'node:fs';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import {
  type FragmentDefinitionNode,
  type GraphQLSchema,
  Kind,
  type OperationDefinitionNode,
  buildSchema,
  parse,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadGatewayConfig } from '../gateway.config.js';
import {
  DATABASE_COST as DB,
  DEFAULT_LIST_SIZE,
  DEFAULT_PAGE_SIZE,
  measureComplexity,
} from './complexity.calculator.js';
import { complexityLimitPlugin } from './complexity-limit.plugin.js';
import { type FieldSubgraphs, fieldSubgraphsTable } from './field-subgraphs.table.js';

const typeDefs = /* GraphQL */ `
  type Query {
    shop(id: ID!): Shop
    shops(first: Int, after: String): [Shop!]!
    shopPage(first: Int, after: String): ShopConnection!
    search(term: String!): [SearchResult!]!
    node(id: ID!): Node
  }
  interface Node {
    id: ID!
  }
  type Shop implements Node {
    id: ID!
    name: String!
    tags: [String!]!
    products(limit: Int): [Product!]!
    productPage(first: Int = 5): ProductConnection!
    owner: Person!
  }
  type Product implements Node {
    id: ID!
    name: String!
    related(last: Int): [Product!]
    maker: Person!
  }
  type Person implements Node {
    id: ID!
    name: String!
    email: String!
    friends: [Person!]!
  }
  type PageInfo {
    endCursor: String
    hasNextPage: Boolean!
  }
  type ShopConnection {
    nodes: [Shop!]!
    pageInfo: PageInfo!
    totalCount: Int!
  }
  type ProductConnection {
    edges: [ProductEdge!]!
    pageInfo: PageInfo!
  }
  type ProductEdge {
    cursor: String!
    node: Product!
  }
  union SearchResult = Shop | Product
`;
const schema = buildSchema(typeDefs);

function measure(
  source: string,
  variables?: Record<string, unknown>,
  fieldSubgraphs?: FieldSubgraphs,
  target: GraphQLSchema = schema,
) {
  const document = parse(source);
  const operation = document.definitions.find(
    (definition): definition is OperationDefinitionNode =>
      definition.kind === Kind.OPERATION_DEFINITION,
  );
  if (!operation) throw new Error('no operation');
  const fragments = Object.fromEntries(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((fragment) => [fragment.name.value, fragment]),
  );
  return measureComplexity({ schema: target, operation, fragments, variables, fieldSubgraphs });
}

/** A root field's own cost: 1 for the value, DB for the resolver behind it. */
const ROOT = 1 + DB;

describe('measureComplexity: values', () => {
  it('counts one per field and one level per nesting, plus the root field’s read', () => {
    expect(measure('{ shop(id: "1") { id name owner { name } } }')).toEqual({
      depth: 3,
      cost: ROOT + 1 + 1 + (1 + 1),
    });
  });

  it('charges every root field, aliases included', () => {
    const aliases = Array.from({ length: 30 }, (_, i) => `s${i}: shop(id: "${i}") { id }`);
    expect(measure(`{ ${aliases.join(' ')} }`).cost).toBe(30 * (ROOT + 1));
  });

  it('multiplies a list field by its first/limit/last argument, literal or variable', () => {
    expect(
      measure(
        'query($n: Int) { shops(first: 5) { name products(limit: $n) { id related(last: 3) { id } } } }',
        { n: 20 },
      ),
    ).toEqual({ depth: 4, cost: ROOT + 5 * (1 + (1 + 20 * (1 + (1 + 3 * 1)))) });
  });

  it('uses a variable default, then the default list size, when no size is given', () => {
    expect(measure('query($n: Int = 4) { shops(first: $n) { id } }').cost).toBe(ROOT + 4);
    expect(measure('query($n: Int) { shops(first: $n) { id } }').cost).toBe(
      ROOT + DEFAULT_LIST_SIZE,
    );
    expect(measure('{ shop(id: "1") { owner { friends { id } } } }').cost).toBe(
      ROOT + 1 + 1 + DEFAULT_LIST_SIZE,
    );
  });

  it('does not multiply lists of scalars, which have nothing under them', () => {
    expect(measure('{ shop(id: "1") { tags } }')).toEqual({ depth: 2, cost: ROOT + 1 });
  });

  it('inlines named and inline fragments, following their type conditions', () => {
    const source = `
      { search(term: "rose") { ...Result } node(id: "1") { ... on Shop { products(limit: 2) { id } } } }
      fragment Result on SearchResult { ... on Shop { name owner { name } } ... on Product { name } }
    `;
    // search + 10 × (Shop: name 1 + owner 2; Product: name 1) + node + products (1 + 2 × 1)
    expect(measure(source)).toEqual({ depth: 3, cost: ROOT + 10 * 4 + ROOT + 3 });
  });

  it('ignores introspection and __typename', () => {
    expect(
      measure(
        '{ __typename __schema { types { name fields { name type { name } } } } shop(id: "1") { __typename id } }',
      ),
    ).toEqual({ depth: 2, cost: ROOT + 1 });
  });

  it('measures a fragment bomb in linear time', () => {
    const levels = 40;
    const fragments = Array.from(
      { length: levels },
      (_, i) => `fragment F${i} on Person { ...F${i + 1} ...F${i + 1} }`,
    ).join('\n');
    const started = performance.now();
    const result = measure(
      `{ shop(id: "1") { owner { ...F0 } } } ${fragments} fragment F${levels} on Person { name }`,
    );
    expect(performance.now() - started).toBeLessThan(100);
    expect(result.depth).toBe(3);
    expect(result.cost).toBe(ROOT + 1 + 2 ** levels);
  });
});

describe('measureComplexity: connections', () => {
  it('multiplies nodes by the connection’s first; pageInfo and totalCount count once', () => {
    expect(
      measure('{ shopPage(first: 30) { totalCount pageInfo { hasNextPage } nodes { id name } } }'),
    ).toEqual({ depth: 3, cost: ROOT + 1 + (1 + 1) + (1 + 30 * 2) });
  });

  it('takes the size from a variable, else the default page size', () => {
    expect(measure('query($n: Int) { shopPage(first: $n) { nodes { id } } }', { n: 7 }).cost).toBe(
      ROOT + 1 + 7,
    );
    expect(measure('{ shopPage { nodes { id } } }').cost).toBe(ROOT + 1 + DEFAULT_PAGE_SIZE);
  });

  it('multiplies nested connections, and charges each page below the root as a read', () => {
    // productPage is read once per shop: 1 + DB each, then first × its edges.
    const inner = 1 + DB + (1 + 50 * (1 + (1 + 1)));
    expect(
      measure(
        '{ shopPage(first: 40) { nodes { productPage(first: 50) { edges { cursor node { id } } } } } }',
      ),
    ).toEqual({ depth: 6, cost: ROOT + (1 + 40 * inner) });
  });

  it('falls back to the schema’s default for the page argument', () => {
    // Shop.productPage(first: Int = 5)
    expect(measure('{ shop(id: "1") { productPage { edges { node { id } } } } }').cost).toBe(
      ROOT + (1 + DB + (1 + 5 * (1 + 1))),
    );
  });
});

describe('measureComplexity: entity fetches', () => {
  const fieldSubgraphs: FieldSubgraphs = new Map([
    ['Query.shop', ['SHOPS']],
    ['Query.shops', ['SHOPS']],
    ['Shop.id', ['SHOPS', 'PEOPLE']],
    ['Shop.name', ['SHOPS']],
    ['Shop.owner', ['SHOPS']],
    ['Person.id', ['SHOPS', 'PEOPLE']],
    ['Person.name', ['PEOPLE']],
    ['Person.email', ['PEOPLE']],
    ['Person.friends', ['PEOPLE']],
  ]);

  it('charges a field its parent’s subgraph cannot resolve, once per path and subgraph', () => {
    const withoutFetch = measure('{ shop(id: "1") { owner { id } } }', {}, fieldSubgraphs);
    expect(withoutFetch.cost).toBe(ROOT + (1 + 1));
    // name and email come from PEOPLE in one entity fetch.
    const withFetch = measure('{ shop(id: "1") { owner { name email } } }', {}, fieldSubgraphs);
    expect(withFetch.cost).toBe(ROOT + (1 + 2) + DB);
  });

  it('does not multiply the fetch by the objects it loads: the planner batches them', () => {
    expect(measure('{ shops(first: 50) { owner { name } } }', {}, fieldSubgraphs).cost).toBe(
      ROOT + 50 * (1 + 1) + DB,
    );
  });

  it('counts a fetch per path, and follows the subgraph that resolved the parent', () => {
    // owner → PEOPLE fetch; friends resolve in PEOPLE, so their names need no further fetch.
    expect(
      measure(
        '{ a: shop(id: "1") { owner { friends { name } } } b: shop(id: "2") { owner { name } } }',
        {},
        fieldSubgraphs,
      ).cost,
    ).toBe(ROOT + (1 + (1 + DEFAULT_LIST_SIZE)) + DB + ROOT + (1 + 1) + DB);
  });
});

describe('the supergraph under the default limits', () => {
  const supergraphSdl = readFileSync(
    new URL('../../../schema/supergraph.graphql', import.meta.url),
    'utf8',
  );
  const defaults = loadGatewayConfig({
    CALLER_SIGNING_SECRET: 'c'.repeat(32),
    JWT_SECRET: 'j'.repeat(32),
  });
  const fieldSubgraphs = fieldSubgraphsTable(supergraphSdl);
  const gateway = new ApolloGateway({ supergraphSdl, logger: silent });
  let apiSchema: GraphQLSchema | undefined;
  gateway.onSchemaLoadOrUpdate(({ apiSchema: loaded }) => {
    apiSchema = loaded;
  });
  // Refused operations never reach a subgraph: these run without any.
  const server = new ApolloServer({
    gateway,
    logger: silent,
    plugins: [
      complexityLimitPlugin({
        maxDepth: defaults.MAX_QUERY_DEPTH,
        maxCost: defaults.MAX_QUERY_COST,
        fieldSubgraphs,
      }),
    ],
  });
  beforeAll(() => server.start());
  afterAll(() => server.stop());

  const real = (source: string, variables?: Record<string, unknown>) => {
    if (!apiSchema) throw new Error('the gateway has not loaded its schema');
    return measure(source, variables, fieldSubgraphs, apiSchema);
  };
  const run = async (query: string) => {
    const response = await server.executeOperation({ query });
    if (response.body.kind !== 'single') throw new Error('expected a single result');
    return { http: response.http, result: response.body.singleResult };
  };

  it('refuses pages of pages: 100 × 100 products is measured as the 10,000 it returns', async () => {
    const query =
      '{ products(first: 100) { nodes { store { products(first: 100) { nodes { id } } } } } }';
    const { http, result } = await run(query);
    expect(http.status).toBe(400);
    expect(result.data).toBeUndefined();
    // products + 100 × (nodes: store 1 + its page (1 + DB + nodes (1 + 100 × id)))
    expect(result.errors?.[0]?.extensions).toEqual({
      code: 'QUERY_TOO_COMPLEX',
      limit: 'cost',
      measured: ROOT + 1 + 100 * (1 + (1 + DB + (1 + 100))),
      maximum: 5000,
    });
    expect(result.errors?.[0]?.extensions?.measured).toBe(11_312);
  });

  it('refuses 2,000 aliases of a counted root field', async () => {
    const aliases = Array.from({ length: 2000 }, (_, i) => `n${i}: unreadNoticeCount`);
    const { http, result } = await run(`{ ${aliases.join(' ')} }`);
    expect(http.status).toBe(400);
    expect(result.errors?.[0]?.extensions).toEqual({
      code: 'QUERY_TOO_COMPLEX',
      limit: 'cost',
      measured: 2000 * ROOT,
      maximum: 5000,
    });
  });

  it('applies the default page size to a connection without first', () => {
    expect(real('{ products { nodes { id } } }').cost).toBe(ROOT + 1 + DEFAULT_PAGE_SIZE);
  });

  it('charges the entity fetch a product listing needs for its stores, once', () => {
    const listing = real(
      '{ products(first: 20) { totalCount nodes { id name price store { id name } } } }',
    );
    // store.name lives in the stores subgraph; store.id comes with the product.
    expect(listing.cost).toBe(ROOT + 1 + (1 + 20 * (3 + (1 + 2))) + DB);
  });
});

const silent = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};
