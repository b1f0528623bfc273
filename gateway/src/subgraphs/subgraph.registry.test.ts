import { describe, expect, it } from 'vitest';
import { healthUrlOf, subgraphEndpoints } from './subgraph.registry.js';

const supergraph = /* GraphQL */ `
  scalar join__FieldSet
  directive @join__graph(name: String!, url: String!) on ENUM_VALUE
  enum join__Graph {
    IDENTITY @join__graph(name: "identity", url: "http://127.0.0.1:4001/graphql")
    STORES @join__graph(name: "stores", url: "http://127.0.0.1:4002/graphql")
  }
  type Query {
    ping: String
  }
`;

describe('subgraphEndpoints', () => {
  it('reads names and URLs from join__Graph', () => {
    expect(subgraphEndpoints(supergraph)).toEqual([
      {
        name: 'identity',
        url: 'http://127.0.0.1:4001/graphql',
        healthUrl: 'http://127.0.0.1:4001/health',
        readyUrl: 'http://127.0.0.1:4001/ready',
      },
      {
        name: 'stores',
        url: 'http://127.0.0.1:4002/graphql',
        healthUrl: 'http://127.0.0.1:4002/health',
        readyUrl: 'http://127.0.0.1:4002/ready',
      },
    ]);
  });

  it('applies overrides by name', () => {
    const [, stores] = subgraphEndpoints(supergraph, { stores: 'http://stores:8080/graphql' });
    expect(stores).toEqual({
      name: 'stores',
      url: 'http://stores:8080/graphql',
      healthUrl: 'http://stores:8080/health',
      readyUrl: 'http://stores:8080/ready',
    });
  });

  it('refuses a supergraph without subgraphs', () => {
    expect(() => subgraphEndpoints('type Query { ping: String }')).toThrow(/no subgraphs/);
  });
});

describe('healthUrlOf', () => {
  it('puts /health next to the GraphQL path', () => {
    expect(healthUrlOf('http://h:1/graphql')).toBe('http://h:1/health');
    expect(healthUrlOf('http://h:1/api/graphql/?x=1')).toBe('http://h:1/api/health');
    expect(healthUrlOf('http://h:1/')).toBe('http://h:1/health');
  });

  it('puts /ready there for the readiness probe', () => {
    expect(healthUrlOf('http://h:1/api/graphql', 'ready')).toBe('http://h:1/api/ready');
  });
});
