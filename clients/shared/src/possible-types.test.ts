import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import generated from './possible-types.generated.json';
import { possibleTypesOf } from './possible-types.js';

describe('possibleTypes', () => {
  const sdl = readFileSync(new URL('../../../schema/supergraph.graphql', import.meta.url), 'utf8');

  it('lists the implementations of interfaces and the members of unions', () => {
    const types = possibleTypesOf(`
      interface UserError { code: String! }
      type A implements UserError { code: String! }
      type B implements UserError & Node { code: String! id: ID! }
      interface Node { id: ID! }
      union R = B | A
    `);
    expect(types).toEqual({ Node: ['B'], R: ['A', 'B'], UserError: ['A', 'B'] });
  });

  it('is up to date with the supergraph (npm run -w @bloom/client-shared possible-types)', () => {
    expect(generated).toEqual(possibleTypesOf(sdl));
    expect(generated.UserError?.length).toBeGreaterThan(10);
  });
});
