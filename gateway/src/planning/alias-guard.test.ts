import { buildSchema, parse, print } from 'graphql';
import { describe, expect, it } from 'vitest';
import { guardAliases, restoreAliases } from './alias-guard.js';

const schema = buildSchema(`
  type Query { products: [Product!]! search: [Result!]! listed: [Listed!]! }
  interface Listed { id: ID! name: String! }
  type Product implements Listed { id: ID! name: String! storeId: ID! recipe: [Line!]! available: Int! }
  type Line { flowerId: ID! count: Int! }
  type Store { id: ID! title: String! name: String! }
  union Result = Product | Store
`);

const guard = (query: string) => {
  const result = guardAliases(schema, parse(query));
  return { ...result, text: print(result.document).replace(/\s+/g, ' ') };
};

describe('guardAliases', () => {
  it('renames only aliases that equal a field of their parent type or __typename', () => {
    const colliding = guard('{ products { available storeId: name recipe: id kind: __typename } }');
    expect(colliding.renamed).toBe(true);
    expect(colliding.text).toContain('bbAlias__storeId: name');
    expect(colliding.text).toContain('bbAlias__recipe: id');
    expect(colliding.text).toContain('kind: __typename');
    const harmless = guard('{ products { shop: storeId label: name id } }');
    expect(harmless.renamed).toBe(false);
  });

  it('looks at every implementation of an interface, and at fragments', () => {
    // On an interface, the planner may add an implementation's field to the same object.
    const text = guard(
      '{ listed { storeId: name } search { ...F ... on Store { name: title } } } fragment F on Product { title: name }',
    ).text;
    expect(text).toContain('bbAlias__storeId: name');
    expect(text).toContain('bbAlias__name: title');
    // A Product is never a Store: a Store field's name cannot collide on it.
    expect(text).toContain('title: name');
    expect(text).not.toContain('bbAlias__title');
  });

  it('refuses an alias in the reserved space', () => {
    expect(guard('{ products { bbAlias__x: name } }').reservedAlias).toBe('bbAlias__x');
  });

  it('gives the client its names back in data and error paths', () => {
    const restored = restoreAliases({
      data: { products: [{ bbAlias__storeId: 'a', nested: [{ bbAlias__id: 1 }] }] },
      errors: [{ message: 'x', path: ['products', 0, 'bbAlias__storeId'] }],
    });
    expect(restored.data).toEqual({ products: [{ storeId: 'a', nested: [{ id: 1 }] }] });
    expect(restored.errors?.[0]).toMatchObject({ message: 'x', path: ['products', 0, 'storeId'] });
  });
});
