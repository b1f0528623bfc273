import { createHash, timingSafeEqual } from 'node:crypto';
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { BodyTooLargeError, type Logger, createLogger, readBody, sendJson } from '@bloom/kernel';
import type { z } from 'zod';
import {
  billingChargeBody,
  billingKeyBody,
  cancelBody,
  captureBody,
  describeIssues,
  emptyBody,
  readyBody,
  scenarioBody,
  scenarioHeader,
} from './api.schemas.js';
import {
  CANCELED_BY_CUSTOMER,
  checkoutPage,
  failRedirect,
  successRedirect,
} from './checkout.page.js';
import { type Execution, IdempotencyStore, requestFingerprint } from './idempotency.store.js';
import { EmulatorError, PaymentLedger, type PaymentRecord } from './payment.ledger.js';
import type { PaymentsEmulatorConfig } from './payments-emulator.config.js';
import {
  DEFAULT_DECLINE,
  type DeclineReason,
  type MatchAttributes,
  type Operation,
  ScenarioRegistry,
  type ScenarioName,
  scenarioApplies,
} from './scenario.registry.js';
import { WebhookDispatcher } from './webhook.dispatcher.js';

export interface PaymentsEmulator {
  url: string;
  port: number;
  server: Server;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 64 * 1024;
const IDEMPOTENCY_HEADER = 'idempotency-key';
const SCENARIO_HEADER = 'x-emulator-scenario';

/** What a scenario does to one execution. */
interface Effects {
  decline?: DeclineReason;
  /** How many copies of each callback to send (2 under `duplicate-callback`). */
  callbackCopies: number;
}

interface Reply {
  status: number;
  body: unknown;
}

interface MutationRoute<B> {
  operation: Operation;
  schema: z.ZodType<B>;
  /** What scenario rules match on; may throw when the payment does not exist. */
  attributes: (params: Record<string, string>, body: B) => MatchAttributes;
  execute: (params: Record<string, string>, body: B, effects: Effects) => Reply;
}

/** Per-request notes for the access log line. */
interface RequestNotes {
  idempotencyKey?: string;
  scenario?: ScenarioName;
  replayed?: boolean;
}

class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

const digest = (text: string) => createHash('sha256').update(text).digest();

/**
 * Accepts `Basic <secret>` as written in our docs and `Basic base64(<secret>:)` as real Korean
 * PGs expect, so a production adapter talks to the emulator unchanged.
 */
function authorized(req: IncomingMessage, secret: string): boolean {
  const match = /^Basic\s+(.+)$/i.exec(header(req, 'authorization') ?? '');
  if (!match?.[1]) return false;
  const presented = match[1].trim();
  const decoded = Buffer.from(presented, 'base64').toString('utf8');
  const expected = digest(secret);
  // Hashing first gives equal lengths, so timingSafeEqual can compare any input.
  return [presented, decoded, decoded.replace(/:$/, '')].some((candidate) =>
    timingSafeEqual(digest(candidate), expected),
  );
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  let text: string;
  try {
    text = await readBody(req, MAX_BODY_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLargeError) {
      throw new HttpProblem(413, 'INVALID_REQUEST', 'Request body too large.');
    }
    throw error;
  }
  if (!text.trim()) return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new HttpProblem(400, 'INVALID_REQUEST', 'Request body is not valid JSON.');
  }
}

function parse<B>(schema: z.ZodType<B>, value: unknown): B {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new HttpProblem(400, 'INVALID_REQUEST', describeIssues(result.error));
  }
  return result.data;
}

/** The payment as the API shows it. */
function paymentView(payment: PaymentRecord, publicUrl: string) {
  return {
    ...payment,
    balanceAmount: payment.amount - payment.refundedAmount,
    approvalUrl: `${publicUrl}/checkout/${payment.paymentKey}`,
  };
}

/**
 * Starts the payment-gateway sandbox: the PG API under /v1 (Basic auth, Idempotency-Key),
 * a customer checkout page under /checkout, and the test control API under /__emulator.
 */
export async function startPaymentsEmulator(
  config: PaymentsEmulatorConfig,
  overrides: { logger?: Logger; now?: () => Date } = {},
): Promise<PaymentsEmulator> {
  const logger =
    overrides.logger ?? createLogger({ service: 'payments-emulator', level: config.LOG_LEVEL });
  const ledger = new PaymentLedger(config.EMULATOR_MAX_RECORDS, overrides.now);
  const idempotency = new IdempotencyStore(config.EMULATOR_MAX_RECORDS);
  const scenarios = new ScenarioRegistry();
  const webhooks = new WebhookDispatcher({
    secret: config.PG_WEBHOOK_SECRET,
    maxAttempts: config.WEBHOOK_MAX_ATTEMPTS,
    retryBaseMs: config.WEBHOOK_RETRY_BASE_MS,
    attemptTimeoutMs: config.WEBHOOK_ATTEMPT_TIMEOUT_MS,
    logger,
  });
  // Aborted on close, releasing responses that the `timeout` scenario is holding.
  const closing = new AbortController();
  let publicUrl = config.PG_PUBLIC_URL?.replace(/\/$/, '') ?? '';

  const view = (payment: PaymentRecord) => paymentView(payment, publicUrl);

  /** Reports a status change to the payment's callbackUrl, if it has one. */
  const changed = (payment: PaymentRecord, effects: Effects): Reply => {
    if (payment.callbackUrl) {
      webhooks.dispatch(
        payment.callbackUrl,
        {
          paymentKey: payment.paymentKey,
          orderId: payment.orderId,
          status: payment.status,
          amount: payment.amount,
          refundedAmount: payment.refundedAmount,
          occurredAt: new Date().toISOString(),
        },
        effects.callbackCopies,
      );
    }
    return { status: 200, body: view(payment) };
  };

  const paymentAttributes = (paymentKey: string): MatchAttributes => {
    const payment = ledger.require(paymentKey);
    return {
      orderId: payment.orderId,
      amount: payment.amount,
      customerKey: payment.customerKey,
      ...(payment.billingKey ? { billingKey: payment.billingKey } : {}),
    };
  };

  const mutations: { method: string; pattern: RegExp; route: MutationRoute<unknown> }[] = [];
  const mutation = <B>(method: string, pattern: RegExp, route: MutationRoute<B>) =>
    mutations.push({ method, pattern, route: route as unknown as MutationRoute<unknown> });

  mutation('POST', /^\/v1\/payments$/, {
    operation: 'ready',
    schema: readyBody,
    attributes: (_p, body) => ({
      orderId: body.orderId,
      amount: body.amount,
      customerKey: body.customerKey,
    }),
    execute: (_p, body) => {
      const payment = ledger.ready(body);
      return {
        status: 200,
        body: {
          paymentKey: payment.paymentKey,
          orderId: payment.orderId,
          amount: payment.amount,
          status: payment.status,
          approvalUrl: view(payment).approvalUrl,
        },
      };
    },
  });
  mutation('POST', /^\/v1\/payments\/(?<paymentKey>[^/]+)\/approve$/, {
    operation: 'approve',
    schema: emptyBody,
    attributes: (p) => paymentAttributes(p.paymentKey!),
    execute: (p, _body, effects) => changed(ledger.approve(p.paymentKey!), effects),
  });
  mutation('POST', /^\/v1\/payments\/(?<paymentKey>[^/]+)\/capture$/, {
    operation: 'capture',
    schema: captureBody,
    attributes: (p) => paymentAttributes(p.paymentKey!),
    execute: (p, body, effects) =>
      changed(ledger.capture(p.paymentKey!, body.amount, effects.decline), effects),
  });
  mutation('POST', /^\/v1\/payments\/(?<paymentKey>[^/]+)\/cancel$/, {
    operation: 'cancel',
    schema: cancelBody,
    attributes: (p) => paymentAttributes(p.paymentKey!),
    execute: (p, body, effects) => changed(ledger.cancel(p.paymentKey!, body), effects),
  });
  mutation('POST', /^\/v1\/billing\/keys$/, {
    operation: 'billing-key',
    schema: billingKeyBody,
    attributes: (_p, body) => ({ customerKey: body.customerKey }),
    execute: (_p, body) => ({ status: 200, body: ledger.issueBillingKey(body) }),
  });
  mutation('POST', /^\/v1\/billing\/(?<billingKey>[^/]+)\/charge$/, {
    operation: 'billing-charge',
    schema: billingChargeBody,
    attributes: (p, body) => ({
      billingKey: p.billingKey!,
      orderId: body.orderId,
      amount: body.amount,
      customerKey: ledger.requireBillingKey(p.billingKey!).customerKey,
    }),
    execute: (p, body, effects) =>
      changed(ledger.chargeBillingKey(p.billingKey!, body, effects.decline), effects),
  });
  mutation('DELETE', /^\/v1\/billing\/(?<billingKey>[^/]+)$/, {
    operation: 'billing-delete',
    schema: emptyBody,
    attributes: (p) => ({ billingKey: p.billingKey! }),
    execute: (p) => ({
      status: 200,
      body: { ...ledger.deleteBillingKey(p.billingKey!), deleted: true },
    }),
  });

  /** Holds a response as a stalled PG would, then answers 504 (if the caller still listens). */
  const holdThenTimeout = async (res: ServerResponse): Promise<void> => {
    // A caller that gave up (as a real client's timeout does) frees the hold at once.
    const gone = new AbortController();
    res.once('close', () => gone.abort());
    try {
      await sleep(config.EMULATOR_TIMEOUT_MS, undefined, {
        signal: AbortSignal.any([closing.signal, gone.signal]),
      });
    } catch {
      res.destroy();
      return;
    }
    if (!res.destroyed && !res.writableEnded) {
      sendJson(res, 504, { code: 'GATEWAY_TIMEOUT', message: 'Emulated timeout (scenario).' });
    }
  };

  const headerScenario = (req: IncomingMessage): ScenarioName | undefined => {
    const value = header(req, SCENARIO_HEADER);
    if (value === undefined || value === '') return undefined;
    const parsed = scenarioHeader.safeParse(value.trim().toLowerCase());
    if (!parsed.success) {
      throw new HttpProblem(400, 'INVALID_SCENARIO', `Unknown ${SCENARIO_HEADER}: ${value}.`);
    }
    return parsed.data;
  };

  const runMutation = async (
    req: IncomingMessage,
    res: ServerResponse,
    path: string,
    route: MutationRoute<unknown>,
    params: Record<string, string>,
    notes: RequestNotes,
  ): Promise<void> => {
    const body = parse(route.schema, await readJson(req));
    const requested = headerScenario(req);
    const key = header(req, IDEMPOTENCY_HEADER);
    if (key !== undefined && (key.length === 0 || key.length > 300)) {
      throw new HttpProblem(400, 'INVALID_REQUEST', 'Idempotency-Key must be 1 to 300 characters.');
    }
    notes.idempotencyKey = key;

    let hold = false;
    const execute = (): Promise<Execution> => {
      let attributes: MatchAttributes = {};
      try {
        attributes = route.attributes(params, body);
      } catch {
        // An unknown payment or billing key: no rule can be about it; execute reports the 404.
      }
      let scenario: ScenarioName | undefined;
      let decline: DeclineReason | undefined;
      if (requested) {
        if (scenarioApplies(requested, route.operation)) scenario = requested;
      } else {
        const rule = scenarios.take(route.operation, attributes);
        scenario = rule?.scenario;
        decline = rule?.decline;
      }
      notes.scenario = scenario;
      if (scenario === 'error') {
        return Promise.resolve({
          response: { status: 500, body: { code: 'PROVIDER_ERROR', message: 'Emulated error.' } },
          remember: false,
        });
      }
      // `timeout` does the work and loses the answer: the caller must look the payment up.
      hold = scenario === 'timeout';
      try {
        const reply = route.execute(params, body, {
          callbackCopies: scenario === 'duplicate-callback' ? 2 : 1,
          ...(scenario === 'decline' ? { decline: decline ?? DEFAULT_DECLINE } : {}),
        });
        return Promise.resolve({ response: reply, remember: true });
      } catch (error) {
        if (!(error instanceof EmulatorError)) throw error;
        return Promise.resolve({
          response: { status: error.status, body: { code: error.code, message: error.message } },
          remember: true,
        });
      }
    };

    let reply: Reply;
    if (key === undefined) {
      reply = (await execute()).response;
    } else {
      const outcome = await idempotency.run(
        key,
        requestFingerprint(req.method ?? 'POST', path, body),
        execute,
      );
      if (outcome.kind === 'conflict') {
        throw new HttpProblem(
          409,
          'IDEMPOTENCY_KEY_REUSED',
          'This Idempotency-Key was used with a different request.',
        );
      }
      reply = outcome.response;
      if (outcome.kind === 'replayed') {
        notes.replayed = true;
        res.setHeader('idempotent-replayed', 'true');
      }
    }
    if (hold) return holdThenTimeout(res);
    sendJson(res, reply.status, reply.body);
  };

  const runQuery = async (
    req: IncomingMessage,
    res: ServerResponse,
    notes: RequestNotes,
    answer: () => Reply,
  ): Promise<void> => {
    const requested = headerScenario(req);
    if (requested === 'error' || requested === 'timeout') notes.scenario = requested;
    if (requested === 'error') {
      return sendJson(res, 500, { code: 'PROVIDER_ERROR', message: 'Emulated error.' });
    }
    if (requested === 'timeout') return holdThenTimeout(res);
    const reply = answer();
    sendJson(res, reply.status, reply.body);
  };

  const notFound = (code: string, message: string): Reply => ({
    status: 404,
    body: { code, message },
  });

  /** The PG API. */
  const handleApi = async (
    req: IncomingMessage,
    res: ServerResponse,
    path: string,
    notes: RequestNotes,
  ): Promise<void> => {
    if (!authorized(req, config.PG_SECRET_KEY)) {
      throw new HttpProblem(401, 'UNAUTHORIZED_KEY', 'Missing or wrong secret key.');
    }
    const method = req.method ?? 'GET';
    for (const candidate of mutations) {
      const match = candidate.pattern.exec(path);
      if (match && candidate.method === method) {
        const params = decodeParams(match.groups);
        return runMutation(req, res, path, candidate.route, params, notes);
      }
    }
    if (method === 'GET') {
      const byOrder = /^\/v1\/payments\/orders\/(?<orderId>[^/]+)$/.exec(path);
      if (byOrder) {
        const { orderId } = decodeParams(byOrder.groups);
        return runQuery(req, res, notes, () => {
          const payment = ledger.findByOrder(orderId!);
          return payment
            ? { status: 200, body: view(payment) }
            : notFound('NOT_FOUND_PAYMENT', `No payment for order ${orderId}.`);
        });
      }
      const byKey = /^\/v1\/payments\/(?<paymentKey>[^/]+)$/.exec(path);
      if (byKey) {
        const { paymentKey } = decodeParams(byKey.groups);
        return runQuery(req, res, notes, () => {
          const payment = ledger.get(paymentKey!);
          return payment
            ? { status: 200, body: view(payment) }
            : notFound('NOT_FOUND_PAYMENT', `No payment ${paymentKey}.`);
        });
      }
    }
    throw new HttpProblem(404, 'NOT_FOUND', `No route ${method} ${path}.`);
  };

  /** The test and demo control API; unauthenticated, like the rest of a local sandbox's admin. */
  const handleControl = async (
    req: IncomingMessage,
    res: ServerResponse,
    path: string,
  ): Promise<void> => {
    const method = req.method ?? 'GET';
    if (path === '/__emulator/payments' && method === 'GET') {
      return sendJson(res, 200, { payments: ledger.list().map(view) });
    }
    if (path === '/__emulator/webhooks' && method === 'GET') {
      return sendJson(res, 200, { deliveries: webhooks.deliveries() });
    }
    if (path === '/__emulator/scenarios') {
      if (method === 'GET') return sendJson(res, 200, { scenarios: scenarios.list() });
      if (method === 'POST') {
        const input = parse(scenarioBody, await readJson(req));
        return sendJson(res, 201, scenarios.add(input));
      }
      if (method === 'DELETE') {
        const cleared = scenarios.list().length;
        scenarios.clear();
        return sendJson(res, 200, { cleared });
      }
    }
    const one = /^\/__emulator\/scenarios\/(?<id>[^/]+)$/.exec(path);
    if (one && method === 'DELETE') {
      const { id } = decodeParams(one.groups);
      return scenarios.remove(id!)
        ? sendJson(res, 200, { deleted: id })
        : sendJson(res, 404, { code: 'NOT_FOUND', message: `No scenario ${id}.` });
    }
    if (path === '/__emulator/reset' && method === 'POST') {
      ledger.reset();
      idempotency.clear();
      scenarios.clear();
      webhooks.cancelAll();
      return sendJson(res, 200, { reset: true });
    }
    throw new HttpProblem(404, 'NOT_FOUND', `No route ${method} ${path}.`);
  };

  /** The customer's side: what approvalUrl opens in a browser, and its two buttons. */
  const handleCheckout = (req: IncomingMessage, res: ServerResponse, path: string): void => {
    const match = /^\/checkout\/(?<paymentKey>[^/]+)(?:\/(?<action>approve|cancel))?$/.exec(path);
    const { paymentKey, action } = decodeParams(match?.groups);
    const payment = paymentKey === undefined ? undefined : ledger.get(paymentKey);
    if (!payment) throw new HttpProblem(404, 'NOT_FOUND_PAYMENT', 'No such payment.');
    if (action && req.method === 'POST') {
      let redirect: string | undefined;
      if (action === 'approve') {
        const rule = scenarios.take('page-approve', paymentAttributes(payment.paymentKey));
        const answered = ledger.approveOnPage(
          payment.paymentKey,
          rule ? (rule.decline ?? DEFAULT_DECLINE) : undefined,
        );
        changed(answered, { callbackCopies: 1 });
        redirect = answered.failure
          ? failRedirect(answered, answered.failure)
          : successRedirect(answered);
      } else {
        changed(ledger.cancel(payment.paymentKey, { reason: CANCELED_BY_CUSTOMER.code }), {
          callbackCopies: 1,
        });
        redirect = failRedirect(payment, CANCELED_BY_CUSTOMER);
      }
      if (redirect) {
        res.writeHead(303, { location: redirect });
        res.end();
        return;
      }
    } else if (action || req.method !== 'GET') {
      throw new HttpProblem(405, 'METHOD_NOT_ALLOWED', 'Use GET for the page, POST to answer it.');
    }
    const html = checkoutPage(payment);
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'content-length': Buffer.byteLength(html),
    });
    res.end(html);
  };

  const server = createServer((req, res) => {
    const started = performance.now();
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const notes: RequestNotes = {};
    res.once('close', () => {
      const fields = {
        method: req.method,
        path,
        status: res.statusCode,
        durationMs: Math.round(performance.now() - started),
        ...notes,
        ...(res.writableFinished ? {} : { aborted: true }),
      };
      if (path === '/health') logger.debug('request', fields);
      else logger.info('request', fields);
    });

    const handle = async (): Promise<void> => {
      if (path === '/health') {
        return sendJson(res, 200, { status: 'ok', service: 'payments-emulator' });
      }
      if (path.startsWith('/v1/')) return handleApi(req, res, path, notes);
      if (path.startsWith('/__emulator/')) return handleControl(req, res, path);
      if (path.startsWith('/checkout/')) return handleCheckout(req, res, path);
      throw new HttpProblem(404, 'NOT_FOUND', `No route ${req.method} ${path}.`);
    };
    handle().catch((error: unknown) => {
      if (res.headersSent || res.destroyed) return;
      if (error instanceof HttpProblem) {
        return sendJson(res, error.status, { code: error.code, message: error.message });
      }
      if (error instanceof EmulatorError) {
        return sendJson(res, error.status, { code: error.code, message: error.message });
      }
      logger.error('request failed', { error, method: req.method, path });
      sendJson(res, 500, { code: 'INTERNAL_ERROR', message: 'Internal emulator error.' });
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.PORT, config.HOST, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${config.HOST}:${port}`;
  if (!publicUrl) publicUrl = url;
  logger.info('listening', { url, publicUrl });

  let closed: Promise<void> | undefined;
  return {
    url,
    port,
    server,
    close: () => {
      closed ??= (async () => {
        closing.abort();
        webhooks.cancelAll();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeIdleConnections();
        });
      })();
      return closed;
    },
  };
}

function decodeParams(groups: Record<string, string> | undefined): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [name, value] of Object.entries(groups ?? {})) {
    if (value === undefined) continue;
    try {
      params[name] = decodeURIComponent(value);
    } catch {
      throw new HttpProblem(400, 'INVALID_REQUEST', `Malformed ${name} in the path.`);
    }
  }
  return params;
}
