import { createHmac, timingSafeEqual } from 'node:crypto';
import { HttpExchangeError, httpExchange } from '@bloom/kernel';
import { z } from 'zod';
import { PaymentErrorCode, PaymentProviderError } from './payment.errors.js';
import type {
  BillingKey,
  CancelInput,
  CancelOutcome,
  CaptureOutcome,
  ChargeBillingKeyInput,
  IssueBillingKeyInput,
  PaymentProvider,
  PaymentStatusView,
  ReadyPayment,
  ReadyPaymentInput,
  UnknownOutcome,
  WebhookEvent,
} from './payment.provider.js';

export interface PgHttpConfig {
  /** e.g. the local emulator, http://127.0.0.1:4011; a real PG is another URL and key. */
  baseUrl: string;
  secretKey: string;
  /** Verifies X-Pg-Signature on webhooks. */
  webhookSecret: string;
  /** Per call, body included; past it the outcome is UNKNOWN (or a retryable error). */
  timeoutMs: number;
}

const statuses = [
  'READY',
  'APPROVED',
  'CAPTURED',
  'DECLINED',
  'CANCELED',
  'PARTIAL_REFUNDED',
  'REFUNDED',
] as const;

const date = z.string().transform((value, ctx) => {
  const parsed = new Date(value);
  if (Number.isNaN(parsed.getTime())) {
    ctx.addIssue({ code: 'custom', message: 'not a date' });
    return z.NEVER;
  }
  return parsed;
});

const failureSchema = z.object({ code: z.string(), message: z.string() });

const paymentSchema = z.object({
  paymentKey: z.string(),
  orderId: z.string(),
  orderName: z.string(),
  customerKey: z.string(),
  amount: z.number(),
  status: z.enum(statuses),
  method: z.enum(['CARD', 'BILLING']),
  refundedAmount: z.number(),
  balanceAmount: z.number(),
  approvedAt: date.optional(),
  capturedAt: date.optional(),
  canceledAt: date.optional(),
  failure: failureSchema.optional(),
  billingKey: z.string().optional(),
  transactions: z
    .array(z.object({ type: z.string(), amount: z.number() }))
    .optional()
    .default([]),
});
type PaymentBody = z.infer<typeof paymentSchema>;

const readySchema = z.object({
  paymentKey: z.string(),
  orderId: z.string(),
  amount: z.number(),
  status: z.literal('READY'),
  approvalUrl: z.string(),
});

const billingKeySchema = z.object({
  billingKey: z.string(),
  customerKey: z.string(),
  card: z.object({ last4: z.string(), maskedNumber: z.string() }),
});

const errorSchema = z.object({ code: z.string(), message: z.string() }).partial();

const webhookSchema = z.object({
  eventId: z.string().min(1),
  paymentKey: z.string(),
  orderId: z.string(),
  status: z.enum(statuses),
  amount: z.number(),
  refundedAmount: z.number().default(0),
  occurredAt: date,
});

type CallResult =
  | { kind: 'answered'; status: number; body: unknown }
  | { kind: 'unknown'; outcome: UnknownOutcome; detail: string };

function toView(body: PaymentBody): PaymentStatusView {
  const { transactions: _transactions, ...view } = body;
  return view;
}

/**
 * PaymentProvider over a PG's HTTP/JSON API (the local emulator, or a real PG by changing the
 * base URL and key). Every call is bounded by `timeoutMs`; see payment.provider.ts for which
 * failures become UNKNOWN and which throw.
 */
export class PgHttpPaymentProvider implements PaymentProvider {
  private readonly baseUrl: string;
  private readonly authorization: string;

  constructor(private readonly config: PgHttpConfig) {
    this.baseUrl = config.baseUrl.replace(/\/+$/, '');
    // Korean PGs take the secret key as the Basic user name with an empty password.
    this.authorization = `Basic ${Buffer.from(`${config.secretKey}:`).toString('base64')}`;
  }

  async ready(input: ReadyPaymentInput): Promise<ReadyPayment> {
    const { idempotencyKey, ...body } = input;
    const result = await this.call('POST', '/v1/payments', {
      body,
      idempotencyKey,
      operation: 'ready',
    });
    return this.parse(readySchema, this.answered(result, 'ready'));
  }

  async approve(paymentKey: string, idempotencyKey: string): Promise<PaymentStatusView> {
    const result = await this.call('POST', `/v1/payments/${seg(paymentKey)}/approve`, {
      body: {},
      idempotencyKey,
      operation: 'approve',
    });
    return toView(this.parse(paymentSchema, this.answered(result, 'approve')));
  }

  async capture(
    paymentKey: string,
    amount: number,
    idempotencyKey: string,
  ): Promise<CaptureOutcome> {
    const result = await this.call('POST', `/v1/payments/${seg(paymentKey)}/capture`, {
      body: { amount },
      idempotencyKey,
      operation: 'capture',
    });
    if (result.kind === 'unknown') return result.outcome;
    return this.captureOutcome(this.answered(result, 'capture'));
  }

  async cancel(paymentKey: string, input: CancelInput): Promise<CancelOutcome> {
    const { idempotencyKey, ...body } = input;
    const result = await this.call('POST', `/v1/payments/${seg(paymentKey)}/cancel`, {
      body,
      idempotencyKey,
      operation: 'cancel',
    });
    if (result.kind === 'unknown') return result.outcome;
    const payment = this.parse(paymentSchema, this.answered(result, 'cancel'));
    if (
      payment.status !== 'CANCELED' &&
      payment.status !== 'PARTIAL_REFUNDED' &&
      payment.status !== 'REFUNDED'
    ) {
      throw new PaymentProviderError(
        PaymentErrorCode.BAD_RESPONSE,
        `The PG answered a cancel with status ${payment.status}.`,
      );
    }
    const last = payment.transactions.findLast((t) => t.type === 'VOID' || t.type === 'REFUND');
    return {
      status: payment.status,
      paymentKey: payment.paymentKey,
      canceledAmount: last?.amount ?? input.amount ?? payment.amount,
      refundedAmount: payment.refundedAmount,
      balanceAmount: payment.balanceAmount,
    };
  }

  async get(paymentKey: string): Promise<PaymentStatusView | null> {
    return this.lookup(`/v1/payments/${seg(paymentKey)}`, 'get');
  }

  async findByOrder(orderId: string): Promise<PaymentStatusView | null> {
    return this.lookup(`/v1/payments/orders/${seg(orderId)}`, 'findByOrder');
  }

  async issueBillingKey(input: IssueBillingKeyInput): Promise<BillingKey> {
    const { idempotencyKey, ...body } = input;
    const result = await this.call('POST', '/v1/billing/keys', {
      body,
      idempotencyKey,
      operation: 'issueBillingKey',
    });
    const issued = this.parse(billingKeySchema, this.answered(result, 'issueBillingKey'));
    return {
      billingKey: issued.billingKey,
      customerKey: issued.customerKey,
      cardLast4: issued.card.last4,
      maskedCardNumber: issued.card.maskedNumber,
    };
  }

  async chargeBillingKey(input: ChargeBillingKeyInput): Promise<CaptureOutcome> {
    const { idempotencyKey, billingKey, ...body } = input;
    const result = await this.call('POST', `/v1/billing/${seg(billingKey)}/charge`, {
      body,
      idempotencyKey,
      operation: 'chargeBillingKey',
    });
    if (result.kind === 'unknown') return result.outcome;
    return this.captureOutcome(this.answered(result, 'chargeBillingKey'));
  }

  verifyWebhook(rawBody: string | Buffer, signature: string | undefined): WebhookEvent | null {
    if (!signature || !/^[0-9a-f]{64}$/i.test(signature.trim())) return null;
    const expected = createHmac('sha256', this.config.webhookSecret).update(rawBody).digest();
    if (!timingSafeEqual(expected, Buffer.from(signature.trim(), 'hex'))) return null;
    let json: unknown;
    try {
      json = JSON.parse(typeof rawBody === 'string' ? rawBody : rawBody.toString('utf8'));
    } catch {
      return null;
    }
    const parsed = webhookSchema.safeParse(json);
    return parsed.success ? parsed.data : null;
  }

  private captureOutcome(body: unknown): CaptureOutcome {
    const payment = this.parse(paymentSchema, body);
    if (payment.status === 'CAPTURED') {
      return {
        status: 'CAPTURED',
        paymentKey: payment.paymentKey,
        orderId: payment.orderId,
        amount: payment.amount,
        capturedAt: payment.capturedAt ?? new Date(),
      };
    }
    if (payment.status === 'DECLINED') {
      return {
        status: 'DECLINED',
        paymentKey: payment.paymentKey,
        orderId: payment.orderId,
        code: payment.failure?.code ?? 'DECLINED',
        message: payment.failure?.message ?? 'The payment was declined.',
      };
    }
    throw new PaymentProviderError(
      PaymentErrorCode.BAD_RESPONSE,
      `The PG answered a capture with status ${payment.status}.`,
    );
  }

  private async lookup(path: string, operation: string): Promise<PaymentStatusView | null> {
    const result = await this.call('GET', path, { operation });
    if (result.kind === 'answered' && result.status === 404) return null;
    return toView(this.parse(paymentSchema, this.answered(result, operation)));
  }

  /**
   * The body of a 2xx answer. A call that moves no money throws a retryable error when the
   * outcome is unknown; a refusal throws with the PG's code.
   */
  private answered(result: CallResult, operation: string): unknown {
    if (result.kind === 'unknown') {
      throw new PaymentProviderError(
        result.outcome.reason,
        `Payment ${operation}: ${result.detail}`,
        { retryable: true },
      );
    }
    if (result.status >= 200 && result.status < 300) return result.body;
    const parsed = errorSchema.safeParse(result.body);
    const error = parsed.success ? parsed.data : {};
    throw new PaymentProviderError(
      error.code ?? `HTTP_${result.status}`,
      error.message ?? `Payment ${operation} failed with HTTP ${result.status}.`,
      { httpStatus: result.status, retryable: false },
    );
  }

  private parse<T>(schema: z.ZodType<T>, body: unknown): T {
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      throw new PaymentProviderError(
        PaymentErrorCode.BAD_RESPONSE,
        `Unexpected PG response: ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}`,
      );
    }
    return parsed.data;
  }

  private async call(
    method: 'GET' | 'POST',
    path: string,
    options: { body?: unknown; idempotencyKey?: string; operation: string },
  ): Promise<CallResult> {
    const headers: Record<string, string> = {
      authorization: this.authorization,
      accept: 'application/json',
    };
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    if (options.idempotencyKey !== undefined) headers['idempotency-key'] = options.idempotencyKey;
    let status: number;
    let text: string;
    try {
      // One timeout for the whole exchange: a PG that stalls mid-body is as unknown as a silent one.
      const answer = await httpExchange({
        method,
        url: `${this.baseUrl}${path}`,
        headers,
        ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
        timeoutMs: this.config.timeoutMs,
        spanName: `pg ${options.operation}`,
      });
      status = answer.status;
      text = answer.text;
    } catch (error) {
      const timedOut = error instanceof HttpExchangeError && error.name === 'TimeoutError';
      return {
        kind: 'unknown',
        outcome: { status: 'UNKNOWN', reason: timedOut ? 'TIMEOUT' : 'UNAVAILABLE' },
        detail: timedOut
          ? `no answer within ${this.config.timeoutMs} ms`
          : `PG unreachable (${describe(error)})`,
      };
    }
    // A PG's 5xx (and 429) does not say whether the request took effect: treat it as unknown.
    if (status >= 500 || status === 429) {
      return {
        kind: 'unknown',
        outcome: { status: 'UNKNOWN', reason: status === 504 ? 'TIMEOUT' : 'UNAVAILABLE' },
        detail: `PG answered HTTP ${status}`,
      };
    }
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : {};
    } catch {
      throw new PaymentProviderError(
        PaymentErrorCode.BAD_RESPONSE,
        `The PG answered HTTP ${status} with a body that is not JSON.`,
        { httpStatus: status },
      );
    }
    return { kind: 'answered', status, body };
  }
}

const seg = (value: string) => encodeURIComponent(value);

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error.message}${cause}`;
}
