// The client: requests, retries, errors, pagination.
export {
  type BloomClient,
  type BloomClientOptions,
  type BloomResponse,
  type RequestOptions,
  type VariablesArgs,
  createBloomClient,
} from './bloom.client.js';
export {
  type BloomErrorCode,
  type BloomErrorInit,
  type GraphQLErrorEntry,
  type KnownBloomErrorCode,
  BloomError,
  isBloomError,
} from './bloom.error.js';
export { type RateLimitInfo, type ResponseMeta } from './response-meta.js';
export { parseRetryAfter } from './retry-policy.js';
export {
  type Connection,
  type PageVariables,
  type PaginateOptions,
  paginateConnection,
} from './pagination.js';
export {
  type BloomResult,
  type SuccessTypename,
  type UnionError,
  type UnionResult,
  BloomResultError,
  toResult,
  unwrap,
} from './union-result.js';
export { SDK_VERSION } from './sdk-version.js';

// Webhooks.
export {
  type WebhookFailureReason,
  type WebhookVerification,
  DEFAULT_TOLERANCE_SECONDS,
  SIGNATURE_HEADER,
  signWebhook,
  verifyWebhook,
} from './webhook-signature.js';

// Generated (npm run schema:compose): every operation in src/operations/*.graphql as a
// TypedDocumentNode with its result and variables types (new files, such as the webhook
// management operations, appear here by themselves), the scopes each needs, the event types.
export * from './generated/graphql.js';
export * from './generated/scopes.js';
export * from './generated/events.js';
