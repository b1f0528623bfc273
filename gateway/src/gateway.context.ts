import type { Caller } from '@bloom/kernel';

/** What one client request carries through Apollo Server, the query plan and the request log. */
export interface GatewayContext {
  caller: Caller;
  traceId: string;
  /** Written by the request-log plugin, read by the HTTP layer when it logs the request. */
  outcome: RequestOutcome;
  /** The caller signed for subgraphs, set by the first fetch and reused by the rest. */
  signedCaller?: string;
}

export interface RequestOutcome {
  callerKind?: Caller['kind'];
  operationName?: string;
  errorCodes: string[];
}
