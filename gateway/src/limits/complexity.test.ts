import { ApolloServer } from '@apollo/server';
import {
  type FragmentDefinitionNode,
  Kind,
  type OperationDefinitionNode,
  buildSchema,
  parse,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIST_SIZE, measureComplexity } from './complexity.calculator.js';
import { complexityLimitPlugin } from './complexity-limit.plugin.js';

const typeDefs = /* GraphQL */ `
  type Query {
    shop(id: ID!): Shop
    shops(first: Int, after: String): [Shop!]!
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
    owner: Person!
  }
  type Product implements Node {
    id: ID!
    name: String!
    related(last: Int): [Product!]
  }
  type Person implements Node {
    id: ID!
    name: String!
    friends: [Person!]!
  }
  union SearchResult = Shop | Product
`;
const schema = buildSchema(typeDefs);

function measure(source: string, variables?: Record<string, unknown>) {
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
  return measureComplexity({ schema, operation, fragments, variables });
}

describe('measureComplexity', () => {
  it('counts one per field and one level per nesting', () => {
    expect(measure('{ shop(id: "1") { id name owner { name } } }')).toEqual({ depth: 3, cost: 5 });
  });

  it('multiplies a list field by its first/limit/last argument, literal or variable', () => {
    // shops 1 + 5 × (name 1 + products (1 + 20 × (id 1 + related (1 + 3 × id 1))))
    expect(
      measure(
        'query($n: Int) { shops(first: 5) { name products(limit: $n) { id related(last: 3) { id } } } }',
        { n: 20 },
      ),
    ).toEqual({ depth: 4, cost: 1 + 5 * (1 + 1 + 20 * (1 + 1 + 3)) });
  });

  it('uses a variable default, then the default list size, when no size is given', () => {
    expect(measure('query($n: Int = 4) { shops(first: $n) { id } }').cost).toBe(1 + 4);
    expect(measure('query($n: Int) { shops(first: $n) { id } }').cost).toBe(1 + DEFAULT_LIST_SIZE);
    expect(measure('{ shop(id: "1") { owner { friends { id } } } }').cost).toBe(
      3 + DEFAULT_LIST_SIZE,
    );
  });

  it('does not multiply lists of scalars, which have nothing under them', () => {
    expect(measure('{ shop(id: "1") { tags } }')).toEqual({ depth: 2, cost: 2 });
  });

  it('inlines named and inline fragments, following their type conditions', () => {
    const source = `
      { search(term: "rose") { ...Result } node(id: "1") { ... on Shop { products(limit: 2) { id } } } }
      fragment Result on SearchResult { ... on Shop { name owner { name } } ... on Product { name } }
    `;
    // search 1 + 10 × (Shop: name 1 + owner 2; Product: name 1) + node 1 + products (1 + 2 × 1)
    expect(measure(source)).toEqual({ depth: 3, cost: 1 + 10 * 4 + 1 + 3 });
  });

  it('ignores introspection and __typename', () => {
    expect(
      measure(
        '{ __typename __schema { types { name fields { name type { name } } } } shop(id: "1") { __typename id } }',
      ),
    ).toEqual({ depth: 2, cost: 2 });
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
    expect(result.cost).toBe(2 + 2 ** levels);
  });
});

describe('complexityLimitPlugin', () => {
  const server = new ApolloServer({
    typeDefs,
    resolvers: {
      Query: { shops: () => [{ id: '1', name: 'Roses', tags: [], products: [] }] },
      Shop: { products: () => [], owner: () => ({ id: 'p', name: 'P', friends: [] }) },
    },
    plugins: [complexityLimitPlugin({ maxDepth: 3, maxCost: 50 })],
  });

  const run = async (query: string, variables?: Record<string, unknown>) => {
    const response = await server.executeOperation({ query, variables });
    if (response.body.kind !== 'single') throw new Error('expected a single result');
    return { http: response.http, result: response.body.singleResult };
  };

  it('lets operations within the limits run', async () => {
    const { result } = await run('{ shops(first: 2) { name owner { name } } }');
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ shops: [{ name: 'Roses', owner: { name: 'P' } }] });
  });

  it('refuses an operation over the depth limit with QUERY_TOO_COMPLEX and HTTP 400', async () => {
    const { http, result } = await run('{ shops(first: 1) { owner { friends { name } } } }');
    expect(http.status).toBe(400);
    expect(result.data).toBeUndefined();
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'QUERY_TOO_COMPLEX',
      limit: 'depth',
      measured: 4,
      maximum: 3,
    });
  });

  it('refuses an operation over the cost limit, with the size taken from a variable', async () => {
    const query = 'query($n: Int) { shops(first: $n) { id name } }';
    expect((await run(query, { n: 24 })).result.errors).toBeUndefined(); // 1 + 24 × 2 = 49
    const { http, result } = await run(query, { n: 25 }); // 51
    expect(http.status).toBe(400);
    expect(result.errors?.[0]?.message).toMatch(/cost is 51, over the limit of 50/);
  });
});
