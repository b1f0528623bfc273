import { Directive, Extensions } from 'type-graphql';
import { type Caller, type Role, roleSchema } from '../caller/caller.js';
import { AppError, ErrorCode } from '../errors/errors.js';

/** What an integrator's API key may do; the values travel in the signed caller. */
export const API_SCOPES = ['catalog:read', 'orders:write', 'events:read'] as const;
export type ApiScopeValue = (typeof API_SCOPES)[number];

/** Who a root field serves among people: everyone, any signed-in person, or holders of a role. */
export type Audience = 'anyone' | 'signed-in' | readonly [Role, ...Role[]];

/**
 * A root field's access rule. `key` is the scope an API key needs to reach the field; without
 * it no key may (account and key management, personal inboxes, seller and admin work).
 */
export interface AccessRule {
  people: Audience;
  key?: ApiScopeValue;
}

/** The `@tag` prefixes that carry a rule into the SDL and the supergraph (read by the gateway). */
export const ACCESS_TAG = 'access:';
export const KEY_TAG = 'key:';

const AUDIENCE_TEXT: Record<string, string> = {
  anyone: 'anyone, signed in or not',
  'signed-in': 'any signed-in person',
};
const SCOPE_NAMES: Record<ApiScopeValue, string> = {
  'catalog:read': 'CATALOG_READ',
  'orders:write': 'ORDERS_WRITE',
  'events:read': 'EVENTS_READ',
};

/** The rule in words, appended to the field's description so integrators read it in the SDL. */
export function describeAccess(rule: AccessRule): string {
  const people =
    typeof rule.people === 'string'
      ? AUDIENCE_TEXT[rule.people]
      : rule.people.map((role) => `${role.toLowerCase()}s`).join(' and ');
  const key = rule.key ? `API keys with ${SCOPE_NAMES[rule.key]}` : 'not available to API keys';
  return `Access: ${people}; ${key}.`;
}

/** The rule as `@tag` names: `access:anyone` / `access:signed-in` / `access:SELLER`…, `key:…`. */
export function accessTags(rule: AccessRule): string[] {
  const people = typeof rule.people === 'string' ? [rule.people] : [...rule.people];
  return [
    ...people.map((who) => `${ACCESS_TAG}${who}`),
    ...(rule.key ? [`${KEY_TAG}${rule.key}`] : []),
  ];
}

/** Reads a rule back from `@tag` names (the gateway's view); undefined when none is declared. */
export function accessFromTags(tags: readonly string[]): AccessRule | undefined {
  const people = tags
    .filter((tag) => tag.startsWith(ACCESS_TAG))
    .map((tag) => tag.slice(ACCESS_TAG.length));
  if (people.length === 0) return undefined;
  const key = tags.find((tag) => tag.startsWith(KEY_TAG))?.slice(KEY_TAG.length) as
    ApiScopeValue | undefined;
  // `anyone` is wider than `signed-in`, which is wider than any role.
  if (people.includes('anyone')) return { people: 'anyone', key };
  if (people.includes('signed-in')) return { people: 'signed-in', key };
  const roles = people.filter((who): who is Role => roleSchema.safeParse(who).success);
  const [first, ...rest] = roles;
  if (!first) return undefined;
  return { people: [first, ...rest], key };
}

/**
 * Whether the caller may reach a field with this rule; the error to throw when not. An API key
 * acts for its owner but only within its scopes: it passes on the scope alone, never on roles.
 * A refusal says in `extensions.requires` what would have been needed (a scope, a role, or
 * SIGN_IN), so an integrator can tell a missing scope from a missing record.
 */
export function checkAccess(caller: Caller, rule: AccessRule): AppError | undefined {
  if (caller.kind === 'integrator') {
    if (!rule.key) {
      return new AppError(ErrorCode.FORBIDDEN, 'API keys cannot use this field.', {
        requires: 'PERSON',
      });
    }
    if (!caller.scopes.includes(rule.key)) {
      const scope = SCOPE_NAMES[rule.key];
      return new AppError(ErrorCode.FORBIDDEN, `This API key lacks the ${scope} scope.`, {
        requires: scope,
      });
    }
    return undefined;
  }
  if (rule.people === 'anyone') return undefined;
  if (!caller.userId) {
    return new AppError(ErrorCode.UNAUTHENTICATED, 'Sign in to do this.', { requires: 'SIGN_IN' });
  }
  if (rule.people === 'signed-in') return undefined;
  if (rule.people.some((role) => caller.roles.includes(role))) return undefined;
  const only = rule.people.map((role) => `${role.toLowerCase()}s`).join(' and ');
  return new AppError(ErrorCode.FORBIDDEN, `Only ${only} can do this.`, {
    requires: rule.people.join(' | '),
  });
}

/**
 * Declares who may call a root field (Query, Mutation, Subscription). Every root field must
 * have one: `buildFederatedSchema` refuses to build a schema with an undeclared root field and
 * checks the rule before the resolver runs; the gateway checks the same rule at the edge.
 */
export function Access(people: Audience, key?: ApiScopeValue): MethodDecorator & PropertyDecorator {
  const rule: AccessRule = key ? { people, key } : { people };
  const decorators = [
    Extensions({ access: rule }),
    ...accessTags(rule).map((tag) => Directive(`@tag(name: "${tag}")`)),
  ];
  return (target: object, property: string | symbol, descriptor?: PropertyDescriptor) => {
    for (const decorate of decorators) decorate(target, property, descriptor as never);
  };
}
