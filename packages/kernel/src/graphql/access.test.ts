import 'reflect-metadata';
import { graphql } from 'graphql';
import { Ctx, Query, Resolver } from 'type-graphql';
import { describe, expect, it } from 'vitest';
import type { Caller } from '../caller/caller.js';
import { buildFederatedSchema } from '../server/federated-schema.js';
import { Access } from './access.js';

const ran: string[] = [];

@Resolver()
class DeclaredResolver {
  @Access('anyone', 'catalog:read')
  @Query(() => String)
  catalog(): string {
    ran.push('catalog');
    return 'flowers';
  }

  @Access(['SELLER'])
  @Query(() => String)
  sales(@Ctx() _ctx: { caller: Caller }): string {
    ran.push('sales');
    return 'sales';
  }
}

@Resolver()
class UndeclaredResolver {
  @Query(() => String)
  forgotten(): string {
    return 'open';
  }
}

const caller = (overrides: Partial<Caller>): Caller => ({
  kind: 'user',
  userId: 'u1',
  roles: [],
  scopes: [],
  traceId: 't',
  ...overrides,
});

describe('@Access', () => {
  it('refuses to build a schema with an undeclared root field, naming it', async () => {
    await expect(
      buildFederatedSchema({ resolvers: [DeclaredResolver, UndeclaredResolver] }),
    ).rejects.toThrow('root fields without an @Access rule: Query.forgotten');
  });

  it('checks the rule before the resolver runs, and writes it into the SDL', async () => {
    const schema = await buildFederatedSchema({ resolvers: [DeclaredResolver] });
    const run = async (source: string, who: Caller) =>
      graphql({ schema, source, contextValue: { caller: who } });

    ran.length = 0;
    const keyed = await run('{ sales }', caller({ kind: 'integrator', scopes: ['catalog:read'] }));
    expect(keyed.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', requires: 'PERSON' });
    const customer = await run('{ sales }', caller({ roles: ['CUSTOMER'] }));
    expect(customer.errors?.[0]?.extensions).toMatchObject({ requires: 'SELLER' });
    const anonymous = await run('{ sales }', caller({ kind: 'anonymous', userId: undefined }));
    expect(anonymous.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(ran).toEqual([]);

    expect((await run('{ sales }', caller({ roles: ['SELLER'] }))).data).toEqual({
      sales: 'sales',
    });
    const wrongScope = await run(
      '{ catalog }',
      caller({ kind: 'integrator', scopes: ['events:read'] }),
    );
    expect(wrongScope.errors?.[0]?.extensions).toMatchObject({ requires: 'CATALOG_READ' });
    expect((await run('{ catalog }', caller({ kind: 'anonymous' }))).data).toEqual({
      catalog: 'flowers',
    });
    expect(ran).toEqual(['sales', 'catalog']);

    const sdl = (await graphql({ schema, source: '{ _service { sdl } }' })).data as {
      _service: { sdl: string };
    };
    expect(sdl._service.sdl).toContain('Access: sellers; not available to API keys.');
    expect(sdl._service.sdl).toContain('@tag(name: "key:catalog:read")');
  });
});
