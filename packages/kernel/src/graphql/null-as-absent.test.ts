import 'reflect-metadata';
import { graphql } from 'graphql';
import {
  Arg,
  Field,
  FieldResolver,
  InputType,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { describe, expect, it } from 'vitest';
import { buildFederatedSchema } from '../server/federated-schema.js';
import { Access } from './access.js';

@InputType()
class ContactInput {
  @Field()
  name!: string;

  @Field({ nullable: true })
  phone?: string;
}

@InputType()
class ProfileInput {
  @Field({ nullable: true })
  nickname?: string;

  @Field(() => [ContactInput], { nullable: true })
  contacts?: ContactInput[];
}

@ObjectType()
class Shelf {
  @Field()
  name!: string;
}

/** What a resolver saw: which keys were present, and their values. */
const seen: Record<string, unknown>[] = [];
const keys = (value: object) =>
  JSON.stringify(value, (_, v: unknown) => (v === null ? '<null>' : v));

@Resolver(() => Shelf)
class NullResolver {
  @Access('anyone')
  @Mutation(() => String)
  updateProfile(@Arg('input', () => ProfileInput) input: ProfileInput): string {
    seen.push({ ...input, contacts: input.contacts?.map((contact) => ({ ...contact })) });
    // What every service does: an optional field is `undefined` when left out.
    return input.nickname === undefined ? 'kept' : input.nickname.trim();
  }

  @Access('anyone')
  @Query(() => Int)
  count(
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ): number {
    seen.push({ first, after });
    return first;
  }

  @Access('anyone')
  @Query(() => Shelf)
  shelf(): Shelf {
    return { name: 'top' };
  }

  @FieldResolver(() => String)
  label(@Root() shelf: Shelf, @Arg('suffix', () => String, { nullable: true }) suffix?: string) {
    return `${shelf.name}${suffix === undefined ? '' : suffix.toUpperCase()}`;
  }
}

describe('explicit null in arguments', () => {
  const schemaReady = buildFederatedSchema({ resolvers: [NullResolver] });
  const run = async (source: string, variableValues?: Record<string, unknown>) =>
    graphql({
      schema: await schemaReady,
      source,
      variableValues,
      contextValue: { caller: { kind: 'anonymous', roles: [], scopes: [], traceId: 't' } },
    });

  it('reaches resolvers as a value left out, in literals and variables, nested in lists too', async () => {
    seen.length = 0;
    const literal = await run(
      'mutation { updateProfile(input: { nickname: null, contacts: [{ name: "a", phone: null }] }) }',
    );
    expect(literal).toEqual({ data: { updateProfile: 'kept' } });
    const variables = await run('mutation ($i: ProfileInput!) { updateProfile(input: $i) }', {
      i: { nickname: null, contacts: null },
    });
    expect(variables).toEqual({ data: { updateProfile: 'kept' } });
    expect(seen.map(keys)).toEqual(['{"contacts":[{"name":"a"}]}', '{}']);
  });

  it('gives an argument with a default its default, as leaving it out does', async () => {
    seen.length = 0;
    expect(await run('{ count(first: null, after: null) }')).toEqual({ data: { count: 20 } });
    expect(seen).toEqual([{ first: 20, after: undefined }]);
  });

  it('applies to field resolvers below the root', async () => {
    expect(await run('{ shelf { label(suffix: null) } }')).toEqual({
      data: { shelf: { label: 'top' } },
    });
    expect(await run('{ shelf { label(suffix: "-a") } }')).toEqual({
      data: { shelf: { label: 'top-A' } },
    });
  });
});
