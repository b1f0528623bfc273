import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { forbidden, unauthenticated } from '../errors/errors.js';

/** The header in which the gateway forwards the authenticated caller to subgraphs. */
export const CALLER_HEADER = 'x-bloom-caller';
/** How far a signed caller's timestamp may be from a subgraph's clock. */
const MAX_AGE_SECONDS = 300;

export const roleSchema = z.enum(['CUSTOMER', 'SELLER', 'ADMIN']);
export type Role = z.infer<typeof roleSchema>;

export const callerSchema = z.object({
  kind: z.enum(['anonymous', 'user', 'integrator']),
  userId: z.string().optional(),
  roles: z.array(roleSchema).default([]),
  scopes: z.array(z.string()).default([]),
  apiKeyId: z.string().optional(),
  traceId: z.string(),
  /**
   * Where the request came from, as the gateway resolved it (the socket's peer, or the hop its
   * trusted proxies recorded): an IPv4 address or an IPv6 /64 (`2001:db8:1:2::/64`). Signed
   * with the rest, so subgraphs can limit callers per client; absent when the gateway could
   * not tell (a WebSocket's operations).
   */
  clientAddress: z.string().max(100).optional(),
});
export type Caller = z.infer<typeof callerSchema>;

/** The signed payload; built once, as zod compiles a schema's parser on its first use. */
const signedCallerSchema = callerSchema.extend({ iat: z.number() });

export const anonymousCaller = (traceId: string): Caller => ({
  kind: 'anonymous',
  roles: [],
  scopes: [],
  traceId,
});

function mac(secret: string, payload: string): Buffer {
  return createHmac('sha256', secret).update(payload).digest();
}

/** Gateway side: `<base64url(json)>.<base64url(hmac)>`, with an issue time to bound replay. */
export function signCaller(caller: Caller, secret: string, now = Date.now()): string {
  const payload = Buffer.from(JSON.stringify({ ...caller, iat: Math.floor(now / 1000) })).toString(
    'base64url',
  );
  return `${payload}.${mac(secret, payload).toString('base64url')}`;
}

/**
 * Subgraph side: a missing, malformed, forged or stale header is refused, so a subgraph
 * cannot be called around the gateway.
 */
export function verifyCaller(header: string | undefined, secret: string, now = Date.now()): Caller {
  if (!header) throw unauthenticated('Requests must come through the gateway.');
  const [payload, signature, extra] = header.split('.');
  if (!payload || !signature || extra !== undefined) {
    throw unauthenticated('Malformed caller signature.');
  }
  const expected = mac(secret, payload);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw unauthenticated('Invalid caller signature.');
  }
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    throw unauthenticated('Malformed caller signature.');
  }
  const parsed = signedCallerSchema.safeParse(decoded);
  if (!parsed.success) throw unauthenticated('Malformed caller signature.');
  if (Math.abs(now / 1000 - parsed.data.iat) > MAX_AGE_SECONDS) {
    throw unauthenticated('Caller signature expired.');
  }
  const { iat: _iat, ...caller } = parsed.data;
  return caller;
}

export type AuthenticatedCaller = Caller & { userId: string };

/** A signed-in person, or an integrator acting on behalf of one. */
export function requireUser(caller: Caller): AuthenticatedCaller {
  if (!caller.userId) throw unauthenticated();
  return caller as AuthenticatedCaller;
}

export function hasRole(caller: Caller, role: Role): boolean {
  return caller.roles.includes(role);
}

export function requireRole(caller: Caller, role: Role): AuthenticatedCaller {
  const user = requireUser(caller);
  if (!hasRole(user, role)) {
    throw forbidden(
      role === 'SELLER'
        ? 'Only approved sellers can do this.'
        : role === 'ADMIN'
          ? 'Only administrators can do this.'
          : 'Only customers can do this.',
    );
  }
  return user;
}

/** Integrators hold scopes; people are limited by their roles instead. */
export function requireScope(caller: Caller, scope: string): void {
  if (caller.kind === 'integrator' && !caller.scopes.includes(scope)) {
    throw forbidden(`This API key lacks the ${scope} scope.`);
  }
}
