import type { IncomingMessage, ServerResponse } from 'node:http';
import { ErrorCode, hasRole, sendJson } from '@bloom/kernel';
import type { createEdgeAuthenticator } from '../auth/edge.authenticator.js';
import { BAD_REQUEST } from '../errors/gateway-error-codes.js';
import type { PlatformHealth } from './platform-health.probe.js';

export const OPS_HEALTH_PATH = '/ops/health';

export interface OpsHealthHandlerOptions {
  authenticate: ReturnType<typeof createEdgeAuthenticator>;
  probe: () => Promise<PlatformHealth>;
}

const refuse = (res: ServerResponse, status: number, code: string, message: string) =>
  sendJson(res, status, { code, message });

/**
 * GET /ops/health: the platform's health as plain JSON, for administrators only. The bearer
 * token is verified here like any request's (signature, expiry, revocations); API keys are
 * refused outright, since integrators never see operations data.
 */
export function createOpsHealthHandler(options: OpsHealthHandlerOptions) {
  return async (req: IncomingMessage, res: ServerResponse, traceId: string): Promise<void> => {
    if (req.method !== 'GET') {
      res.setHeader('allow', 'GET');
      return refuse(res, 405, BAD_REQUEST, 'Use GET.');
    }
    if (req.headers['x-api-key'] !== undefined) {
      return refuse(res, 403, ErrorCode.FORBIDDEN, 'API keys cannot read operations data.');
    }
    if (req.headers.authorization === undefined) {
      return refuse(res, 401, ErrorCode.UNAUTHENTICATED, 'Sign in as an administrator.');
    }
    const authentication = await options.authenticate(req.headers, traceId);
    if (!authentication.ok) {
      const { status, code, message, headers } = authentication.rejection;
      for (const [name, value] of Object.entries(headers ?? {})) res.setHeader(name, value);
      return refuse(res, status, code, message);
    }
    if (!hasRole(authentication.caller, 'ADMIN')) {
      return refuse(res, 403, ErrorCode.FORBIDDEN, 'Only administrators can see this.');
    }
    res.setHeader('cache-control', 'no-store');
    sendJson(res, 200, await options.probe());
  };
}
