import type { Caller } from '@bloom/kernel';
import { ObjectId } from '@mikro-orm/mongodb';

/** A fresh id in the shape the services store (a Mongo ObjectId's hex). */
export const newId = (): string => new ObjectId().toHexString();

/** The platform admin that identity seeds from its config in tests and the system harness. */
export const ADMIN_ACCOUNT = { email: 'admin@bloom.test', password: 'admin-pass-1' } as const;

// Callers as the gateway signs them for a subgraph: what a subgraph test passes to `call`.
export const customerCaller = (userId: string = newId()): Partial<Caller> => ({
  userId,
  roles: ['CUSTOMER'],
});
export const sellerCaller = (userId: string = newId()): Partial<Caller> => ({
  userId,
  roles: ['CUSTOMER', 'SELLER'],
});
export const adminCaller = (userId: string = newId()): Partial<Caller> => ({
  userId,
  roles: ['CUSTOMER', 'ADMIN'],
});
/** An integrator's API key acting for its owner with these scopes. */
export const apiKeyCaller = (
  scopes: string[],
  userId: string = newId(),
  roles: Caller['roles'] = ['CUSTOMER'],
): Partial<Caller> => ({ kind: 'integrator', userId, roles, scopes, apiKeyId: newId() });

/**
 * A selling store's `CreateStoreInput` (강남구, open 10–20 every day), with overrides: the one
 * store most tests need. Structurally typed, so it fits each target's generated input type.
 */
export function storeInputFixture<O extends object = object>(overrides?: O) {
  return {
    name: '하늘정원 플라워',
    description: '강남역 근처 꽃집',
    phone: '02-555-1234',
    address: {
      regionCode: '11',
      districtCode: '11680',
      street: '서울 강남구 테헤란로 123',
      detail: '1층',
      zipCode: '06133',
      latitude: 37.4999,
      longitude: 127.0355,
    },
    businessHours: { opensAt: '10:00', closesAt: '20:00', closedWeekdays: [] as number[] },
    settlementAccount: {
      bank: '국민은행',
      accountNumber: '123-456-789012',
      accountHolder: '김하늘',
    },
    ...overrides,
  };
}
