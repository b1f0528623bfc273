import { type GraphQLResponse, callerHeaders, gqlRequest } from '@bloom/testing';
import {
  type GraphQLField,
  type GraphQLObjectType,
  getNamedType,
  isCompositeType,
  isLeafType,
  isNonNullType,
  isObjectType,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProductAs, customerToken, skyGardenSeller } from '../src/actors.js';
import { SUPERGRAPH_SDL, hidden, supergraphSchema } from '../src/schema-operations.js';
import { SUBGRAPHS, type System, startSystem } from '../src/system.harness.js';

/**
 * A federated answer equals the answer one server would give, whatever the client names its
 * fields. Generated from the supergraph: for each entity type reachable from a root field, and
 * for each name the query planner relies on for it (its `@key` fields, the fields of `@requires`
 * and `@provides` selections, `__typename`), operations that alias another field to that name,
 * alias that field away, or both, plainly, in an inline fragment and in a named fragment, on
 * lists and on nested entities; each answer is compared with the unaliased one.
 */

let sys: System;
let token: string;

beforeAll(async () => {
  sys = await startSystem([...SUBGRAPHS]);
  const seller = await skyGardenSeller(sys);
  for (const name of ['장미 한 다발', '튤립 꽃바구니']) {
    await createProductAs(sys, seller.token, {
      name,
      summary: '봄 꽃',
      description: '봄에 어울리는 꽃',
      price: 39_000,
      category: 'BOUQUET',
      recipe: [{ flowerId: 1, count: 10, representative: true }],
    });
  }
  token = await customerToken(sys, 'conformance@bloom.test');
}, 120_000);
afterAll(async () => sys?.close());

const argumentFree = (field: GraphQLField<unknown, unknown>) =>
  !field.args.some(
    (argument) => isNonNullType(argument.type) && argument.defaultValue === undefined,
  );

/** The names the planner adds for entity fetches, read from the supergraph's join directives. */
function plannerNames(): Map<string, Set<string>> {
  const names = new Map<string, Set<string>>();
  const add = (type: string, fields: string) => {
    const set = names.get(type) ?? new Set<string>(['__typename']);
    for (const name of fields.match(/[A-Za-z_]\w*/g) ?? []) set.add(name);
    names.set(type, set);
  };
  for (const match of SUPERGRAPH_SDL.matchAll(
    /\ntype (\w+)[^{]*?((?:@join__type\([^)]*\)\s*)+)/g,
  )) {
    for (const key of match[2]?.matchAll(/key: "([^"]+)"/g) ?? [])
      add(match[1] ?? '', key[1] ?? '');
  }
  for (const match of SUPERGRAPH_SDL.matchAll(/\ntype (\w+)[^{]*\{([\s\S]*?)\n\}/g)) {
    for (const selection of match[2]?.matchAll(/(?:requires|provides): "([^"]+)"/g) ?? []) {
      add(match[1] ?? '', selection[1] ?? '');
    }
  }
  return names;
}

/** Every field a client can select on a type without arguments: leaves plainly, objects by typename. */
function baseSelection(type: GraphQLObjectType): string[] {
  return Object.values(type.getFields())
    .filter((field) => !hidden(field) && argumentFree(field))
    .map((field) => {
      const named = getNamedType(field.type);
      if (isLeafType(named)) return field.name;
      if (isCompositeType(named)) {
        const id = isObjectType(named) && 'id' in named.getFields() ? ' id' : '';
        return `${field.name} { __typename${id} }`;
      }
      return field.name;
    });
}

interface Entry {
  name: string;
  type: string;
  /** The operation with `selection` placed on the entity (possibly via `fragments`). */
  wrap(selection: string, fragments?: string): string;
  /** The entity objects of an answer. */
  nodes(data: unknown): Record<string, unknown>[];
}

const at = (data: unknown, ...path: string[]): unknown =>
  path.reduce<unknown>((value, key) => {
    if (Array.isArray(value)) return value.flatMap((item) => at(item, key));
    return value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  }, data);
const objects = (value: unknown): Record<string, unknown>[] =>
  (Array.isArray(value) ? value.flat(2) : [value]).filter(
    (item): item is Record<string, unknown> => item !== null && typeof item === 'object',
  );

const ENTRIES: Entry[] = [
  {
    name: 'products (list)',
    type: 'Product',
    wrap: (s, f = '') => `query { products(first: 5) { nodes { ${s} } } } ${f}`,
    nodes: (d) => objects(at(d, 'products', 'nodes')),
  },
  {
    name: 'stores (list)',
    type: 'Store',
    wrap: (s, f = '') => `query { stores(first: 5) { nodes { ${s} } } } ${f}`,
    nodes: (d) => objects(at(d, 'stores', 'nodes')),
  },
  {
    name: "a product's store (nested entity)",
    type: 'Store',
    wrap: (s, f = '') => `query { products(first: 5) { nodes { id store { ${s} } } } } ${f}`,
    nodes: (d) => objects(at(d, 'products', 'nodes', 'store')),
  },
  {
    name: "a store's products (nested list)",
    type: 'Product',
    wrap: (s, f = '') =>
      `query { stores(first: 5) { nodes { id products(first: 3) { nodes { ${s} } } } } } ${f}`,
    nodes: (d) => objects(at(d, 'stores', 'nodes', 'products', 'nodes')),
  },
  {
    name: 'flowers (list)',
    type: 'Flower',
    wrap: (s, f = '') => `query { flowers { ${s} } } ${f}`,
    nodes: (d) => objects(at(d, 'flowers')),
  },
  {
    name: 'me',
    type: 'User',
    wrap: (s, f = '') => `query { me { ${s} } } ${f}`,
    nodes: (d) => objects(at(d, 'me')),
  },
];

const call = (query: string): Promise<GraphQLResponse> =>
  gqlRequest(sys.gatewayUrl, query, {}, { authorization: `Bearer ${token}` });

/** The base selection of an entry, without the fields that fail for this caller. */
async function workingSelection(entry: Entry, type: GraphQLObjectType): Promise<string[]> {
  let fields = baseSelection(type);
  for (let round = 0; round < 8; round += 1) {
    const answer = await call(entry.wrap(fields.join(' ')));
    if (!answer.errors?.length) return fields;
    const failing = new Set(
      answer.errors.flatMap((error) => (error.path ?? []).filter((s) => typeof s === 'string')),
    );
    fields = fields.filter((field) => !failing.has(field.split(' ')[0] ?? ''));
  }
  return fields;
}

describe('aliases, fragments and entity resolution', () => {
  it('answers every aliased variant with the data of the unaliased operation', async () => {
    const planner = plannerNames();
    const failures: string[] = [];
    let operations = 0;
    const covered = new Set<string>();
    for (const entry of ENTRIES) {
      const type = supergraphSchema.getType(entry.type);
      if (!isObjectType(type)) throw new Error(`${entry.type} is not an object type`);
      const fields = await workingSelection(entry, type);
      const baseline = await call(entry.wrap(fields.join(' ')));
      expect(baseline.errors, `${entry.name}: ${JSON.stringify(baseline.errors)}`).toBeUndefined();
      const expected = entry.nodes(baseline.data);
      expect(expected.length, `${entry.name} has data`).toBeGreaterThan(0);
      covered.add(entry.type);
      const leaves = fields.filter((field) => !field.includes('{'));
      const other = leaves.find((field) => field !== 'id' && field !== '__typename') ?? 'id';

      for (const name of planner.get(entry.type) ?? []) {
        const selected = fields.find((field) => (field.split(' ')[0] ?? '') === name);
        const rest = fields.filter((field) => field !== selected);
        const variants: {
          label: string;
          selection: string[];
          expect: (node: Record<string, unknown>) => Record<string, unknown>;
        }[] = [
          {
            label: `${other} aliased to ${name}`,
            selection: [...rest, `${name}: ${other}`],
            expect: (node) => ({ ...without(node, name), [name]: node[other] }),
          },
        ];
        if (selected) {
          variants.push(
            {
              label: `${name} aliased away`,
              selection: [...rest, `renamed_${name}: ${selected}`],
              expect: (node) => ({ ...without(node, name), [`renamed_${name}`]: node[name] }),
            },
            {
              label: `${name} aliased away and ${other} aliased to it`,
              selection: [...rest, `renamed_${name}: ${selected}`, `${name}: ${other}`],
              expect: (node) => ({
                ...without(node, name),
                [`renamed_${name}`]: node[name],
                [name]: node[other],
              }),
            },
          );
        }
        if (name === '__typename') {
          variants.push({
            label: '__typename aliased',
            selection: [...rest, 'kind: __typename'],
            expect: (node) => ({ ...node, kind: entry.type }),
          });
        }
        for (const variant of variants) {
          const text = variant.selection.join(' ');
          const shapes = [
            ['plainly', entry.wrap(text)],
            ['in an inline fragment', entry.wrap(`... on ${entry.type} { ${text} }`)],
            [
              'in a named fragment',
              entry.wrap('...Probe', `fragment Probe on ${entry.type} { ${text} }`),
            ],
          ] as const;
          for (const [shape, query] of shapes) {
            operations += 1;
            const answer = await call(query);
            const got = entry.nodes(answer.data);
            const want = expected.map(variant.expect);
            if (answer.errors || JSON.stringify(sorted(got)) !== JSON.stringify(sorted(want))) {
              failures.push(
                `${entry.name}: ${variant.label}, ${shape}: ${JSON.stringify(answer.errors ?? got).slice(0, 300)}`,
              );
            }
          }
        }
      }
    }
    console.log(
      `[conformance] ${operations} aliased operations over ${ENTRIES.length} entry points ` +
        `(${[...covered].join(', ')}): ${failures.length} differ`,
    );
    expect(failures).toEqual([]);
  }, 300_000);

  it('answers the two operations that used to break', async () => {
    const first = await call(
      '{ products(first: 2) { nodes { availableQuantity storeId: store { id } } } }',
    );
    expect(first.errors).toBeUndefined();
    const nodes = objects(at(first.data, 'products', 'nodes'));
    expect(nodes.length).toBeGreaterThan(0);
    for (const node of nodes) {
      expect(node).toMatchObject({
        availableQuantity: expect.any(Number) as unknown,
        storeId: { id: expect.any(String) as unknown },
      });
    }
    const second = await call(
      '{ products(first: 2) { nodes { name availableQuantity recipe: name } } }',
    );
    expect(second.errors).toBeUndefined();
    for (const node of objects(at(second.data, 'products', 'nodes'))) {
      expect(node.recipe).toBe(node.name);
    }
    const reserved = await call('{ products(first: 1) { nodes { bbAlias__x: name } } }');
    expect(reserved.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});

describe('_entities on every subgraph', () => {
  it('answers unknown, malformed and duplicate representations with null, never an error', async () => {
    const known = objects(
      at(
        (await call('{ products(first: 1) { nodes { id store { id } } } }')).data,
        'products',
        'nodes',
      ),
    )[0];
    const productId = typeof known?.id === 'string' ? known.id : '';
    const storeId = String((known?.store as { id?: string } | undefined)?.id ?? '');
    let checked = 0;
    for (const [name, url] of Object.entries(sys.subgraphUrls)) {
      const sdl = String(
        (
          (await gqlRequest(url, '{ _service { sdl } }', {}, callerHeaders())).data as
            { _service: { sdl: string } } | undefined
        )?._service.sdl ?? '',
      );
      const types = [
        ...sdl.matchAll(/\ntype (\w+)[^{]*@key\(fields: "id"(?!, resolvable: false)/g),
      ].map((m) => m[1] ?? '');
      if (types.length === 0) continue;
      const realId = (type: string) =>
        type === 'Product' ? productId : type === 'Store' ? storeId : 'aaaaaaaaaaaaaaaaaaaaaaaa';
      const representations = types.flatMap((type) => [
        { __typename: type, id: realId(type) },
        { __typename: type, id: realId(type) },
        { __typename: type, id: 'ffffffffffffffffffffffff' },
        { __typename: type, id: 'not-an-id' },
        { __typename: type, id: '' },
      ]);
      const answer = await gqlRequest(
        url,
        `query ($r: [_Any!]!) { _entities(representations: $r) { __typename ${types.map((t) => `... on ${t} { id_${t}: id }`).join(' ')} } }`,
        { r: representations },
        callerHeaders({
          userId: 'aaaaaaaaaaaaaaaaaaaaaaab',
          roles: ['CUSTOMER', 'SELLER', 'ADMIN'],
        }),
      );
      const entities =
        (answer.data as { _entities?: unknown[] } | null | undefined)?._entities ?? [];
      expect(answer.errors, `${name}: ${JSON.stringify(answer.errors)}`).toBeUndefined();
      expect(entities, name).toHaveLength(representations.length);
      representations.forEach((representation, index) => {
        const entity = entities[index] as Record<string, unknown> | null | undefined;
        if (representation.id === productId && representation.__typename === 'Product') {
          expect(entity?.id_Product, `${name} Product`).toBe(productId);
        }
        const unknown =
          !/^[0-9a-f]{24}$/.test(representation.id) || representation.id.startsWith('ffff');
        if (unknown && OWNERS[representation.__typename] === name) {
          expect(entity, `${name} ${representation.__typename} "${representation.id}"`).toBeNull();
        }
      });
      checked += 1;
    }
    expect(checked).toBeGreaterThanOrEqual(5);
  });
});

/**
 * The context that stores each entity: it answers null for an id it does not know. The others
 * only contribute fields and may answer a stub for any id, as federation allows (the gateway
 * only sends them representations another subgraph produced).
 */
const OWNERS: Record<string, string> = {
  Product: 'products',
  Flower: 'products',
  Store: 'stores',
  Coupon: 'stores',
  User: 'identity',
  Order: 'orders',
  OrderLine: 'orders',
  FlowerSubscription: 'subscriptions',
  GiftCard: 'giftcards',
};

function without(node: Record<string, unknown>, key: string): Record<string, unknown> {
  const { [key]: _dropped, ...rest } = node;
  return rest;
}

/** Objects with their keys in one order, so equal data compares equal as text. */
function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sorted((value as Record<string, unknown>)[key])]),
  );
}
