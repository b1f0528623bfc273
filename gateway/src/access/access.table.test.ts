import { readFileSync } from 'node:fs';
import { type AccessRule, type Caller, type Role, checkAccess } from '@bloom/kernel';
import { describe, expect, it } from 'vitest';
import { accessTable, rootFields } from './access.table.js';

const supergraph = readFileSync(
  new URL('../../../schema/supergraph.graphql', import.meta.url),
  'utf8',
);
const table = accessTable(supergraph);
const rule = (field: string): AccessRule => {
  const found = table.get(field);
  if (!found) throw new Error(`${field} has no rule`);
  return found;
};
const key = (...scopes: string[]): Caller => ({
  kind: 'integrator',
  userId: 'owner',
  roles: [],
  scopes,
  apiKeyId: 'k',
  traceId: 't',
});
const person = (...roles: Role[]): Caller => ({
  kind: 'user',
  userId: 'u',
  roles,
  scopes: [],
  traceId: 't',
});

describe('the access table of the committed supergraph', () => {
  it('has a rule for every root field of every subgraph', () => {
    const fields = rootFields(supergraph);
    expect(fields.length).toBeGreaterThan(100);
    expect(fields.filter((field) => !table.has(field))).toEqual([]);
  });

  it('keeps account and key management away from every API key', () => {
    const all = key('catalog:read', 'orders:write', 'events:read');
    for (const field of [
      'Mutation.createApiKey',
      'Mutation.revokeApiKey',
      'Query.myApiKeys',
      'Mutation.changePassword',
      'Mutation.updateProfile',
      'Mutation.deleteAccount',
      'Mutation.saveAddress',
      'Query.myAddresses',
      'Query.me',
      'Query.giftCard',
      'Mutation.renewGiftCardLink',
      'Query.mySubscriptions',
    ]) {
      expect(checkAccess(all, rule(field))?.extensions, field).toMatchObject({
        code: 'FORBIDDEN',
        requires: 'PERSON',
      });
    }
  });

  it('lets a key reach only the fields of its scopes', () => {
    expect(checkAccess(key('catalog:read'), rule('Query.products'))).toBeUndefined();
    expect(checkAccess(key('catalog:read'), rule('Mutation.addToCart'))?.extensions).toMatchObject({
      code: 'FORBIDDEN',
      requires: 'ORDERS_WRITE',
    });
    expect(checkAccess(key('orders:write'), rule('Mutation.checkout'))).toBeUndefined();
    expect(checkAccess(key('orders:write'), rule('Query.products'))?.extensions).toMatchObject({
      requires: 'CATALOG_READ',
    });
    for (const field of [
      'Subscription.notificationAdded',
      'Subscription.orderStatusChanged',
      'Subscription.productRestocked',
    ]) {
      expect(checkAccess(key('catalog:read'), rule(field))?.extensions, field).toMatchObject({
        requires: 'EVENTS_READ',
      });
      expect(checkAccess(key('events:read'), rule(field)), field).toBeUndefined();
    }
  });

  it('holds people to their roles', () => {
    expect(
      checkAccess({ ...person(), userId: undefined, kind: 'anonymous' }, rule('Query.me'))
        ?.extensions,
    ).toMatchObject({ code: 'UNAUTHENTICATED', requires: 'SIGN_IN' });
    expect(checkAccess(person('CUSTOMER'), rule('Query.users'))?.extensions).toMatchObject({
      code: 'FORBIDDEN',
      requires: 'ADMIN',
    });
    expect(checkAccess(person('CUSTOMER', 'ADMIN'), rule('Query.users'))).toBeUndefined();
    expect(checkAccess(person('CUSTOMER'), rule('Query.storeOrders'))).toBeDefined();
    expect(checkAccess(person('CUSTOMER', 'SELLER'), rule('Query.storeOrders'))).toBeUndefined();
    expect(checkAccess(person(), rule('Query.products'))).toBeUndefined();
    for (const field of ['Subscription.auditEntryAdded', 'Query.auditLog']) {
      expect(
        checkAccess(person('CUSTOMER', 'SELLER'), rule(field))?.extensions,
        field,
      ).toMatchObject({ code: 'FORBIDDEN', requires: 'ADMIN' });
      expect(checkAccess(person('CUSTOMER', 'ADMIN'), rule(field)), field).toBeUndefined();
    }
  });
});
