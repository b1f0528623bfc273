import { gql } from '@apollo/client';
import type { AuthPayload } from '../app/session.store.js';
import type { TypedError } from './buy-messages.js';

/** What a sign-in or sign-up returns on success: the session's tokens and who it is. */
export const AUTH_PAYLOAD = gql`
  fragment AuthPayloadFields on AuthPayload {
    accessToken
    refreshToken
    expiresIn
    user {
      id
      name
      email
      roles
    }
  }
`;

export type AuthResult =
  | ({ __typename: 'AuthPayload' } & AuthPayload)
  | ({ __typename: Exclude<string, 'AuthPayload'> } & TypedError);

export const isAuthPayload = (
  result: AuthResult,
): result is { __typename: 'AuthPayload' } & AuthPayload => result.__typename === 'AuthPayload';

/**
 * Where to go after signing in. Only a path on this site: `next` comes from the URL, and an
 * absolute or protocol-relative one (`//evil.example`) would send a fresh session elsewhere.
 */
export function safeNext(next: string | null): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  // Coming back to the sign-in or sign-up page itself would look like nothing happened.
  if (/^\/sign-(in|up)(\?|$)/.test(next)) return '/';
  return next;
}
