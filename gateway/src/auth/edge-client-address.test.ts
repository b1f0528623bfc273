import { describe, expect, it } from 'vitest';
import { TEST_JWT_SECRET } from '@bloom/testing';
import { signToken } from '../../test/federation.fixture.js';
import { ApiKeyResolver } from './api-key.resolver.js';
import { createEdgeAuthenticator } from './edge.authenticator.js';
import { createJwtVerifier } from './jwt.verifier.js';
import { TokenBucketLimiter } from './token-bucket.limiter.js';

const authenticate = createEdgeAuthenticator({
  verifyJwt: createJwtVerifier({
    secret: TEST_JWT_SECRET,
    issuer: 'blooming-blooms',
    audience: 'blooming-blooms-api',
  }),
  // Not asked: these cases send no API key.
  apiKeys: new ApiKeyResolver({ identityUrl: 'http://127.0.0.1:9/graphql', callerSecret: 'x' }),
  apiKeyLimiter: new TokenBucketLimiter({ perMinute: 60 }),
  anonymousLimiter: new TokenBucketLimiter({ perMinute: 60 }),
});

const callerOf = async (...args: Parameters<typeof authenticate>) => {
  const result = await authenticate(...args);
  if (!result.ok) throw new Error(result.rejection.message);
  return result.caller;
};

describe('the client address subgraphs receive', () => {
  it('is the client key, for anonymous and signed-in callers alike', async () => {
    expect(await callerOf({}, 't1', '203.0.113.7')).toMatchObject({
      kind: 'anonymous',
      clientAddress: '203.0.113.7',
    });
    const token = await signToken({ sub: 'user-7' });
    expect(
      await callerOf({ authorization: `Bearer ${token}` }, 't2', '2001:db8:1:2::/64'),
    ).toMatchObject({ kind: 'user', userId: 'user-7', clientAddress: '2001:db8:1:2::/64' });
  });

  it('is absent when the gateway could not tell', async () => {
    expect((await callerOf({}, 't3')).clientAddress).toBeUndefined();
  });
});
