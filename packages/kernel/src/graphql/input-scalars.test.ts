import { buildSchema, graphql } from 'graphql';
import { describe, expect, it } from 'vitest';
import { checkInputScalars } from './input-scalars.js';

/** A pass-through schema, as the gateway builds it from the supergraph: DateTimeISO is opaque. */
const opaque = () =>
  buildSchema(`
    scalar DateTimeISO
    type Query { echo(at: DateTimeISO): String }
  `);
const rootValue = { echo: ({ at }: { at?: unknown }) => JSON.stringify(at ?? null) };

const run = (schema: ReturnType<typeof opaque>, source: string, at?: unknown) =>
  graphql({ schema, source, rootValue, variableValues: { at } });

describe('checkInputScalars', () => {
  const schema = checkInputScalars(opaque());

  it.each(['', 'not-a-date', '2024-02-30T00:00:00Z', '2023-02-29T00:00:00Z', '2024-01-01', 5])(
    'refuses %j as a variable (coercion error) and as a literal (validation error)',
    async (value) => {
      const variable = await run(schema, 'query ($at: DateTimeISO) { echo(at: $at) }', value);
      expect(variable.data).toBeUndefined();
      expect(variable.errors?.[0]?.message).toMatch(
        /^Variable "\$at" got invalid value .*; DateTimeISO needs a real date and time/,
      );
      const literal = await run(schema, `{ echo(at: ${JSON.stringify(value)}) }`);
      expect(literal.errors?.[0]?.message).toMatch(/DateTimeISO needs a real date and time/);
    },
  );

  it('passes valid values on unchanged (the gateway forwards what the client sent)', async () => {
    for (const value of ['2024-02-29T00:00:00Z', '2025-05-01T09:00:00.123+09:00']) {
      expect(await run(schema, 'query ($at: DateTimeISO) { echo(at: $at) }', value)).toEqual({
        data: { echo: JSON.stringify(value) },
      });
      expect(await run(schema, `{ echo(at: ${JSON.stringify(value)}) }`)).toEqual({
        data: { echo: JSON.stringify(value) },
      });
    }
  });

  it('is what the opaque scalar lacked: without it, a day that does not exist went through', async () => {
    expect(await run(opaque(), '{ echo(at: "2024-02-30T00:00:00Z") }')).toEqual({
      data: { echo: '"2024-02-30T00:00:00Z"' },
    });
  });
});
