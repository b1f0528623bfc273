/** Codes the adapter itself produces; anything else is the PG's own code, passed through. */
export const PaymentErrorCode = {
  TIMEOUT: 'TIMEOUT',
  UNAVAILABLE: 'UNAVAILABLE',
  BAD_RESPONSE: 'BAD_RESPONSE',
  IDEMPOTENCY_KEY_REUSED: 'IDEMPOTENCY_KEY_REUSED',
} as const;

/**
 * A payment call that did not produce an outcome. `retryable` says whether repeating the same
 * call (with the same idempotency key) can help; `code` is the PG's code when it refused.
 */
export class PaymentProviderError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly options: { httpStatus?: number; retryable?: boolean; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'PaymentProviderError';
  }

  get retryable(): boolean {
    return this.options.retryable ?? false;
  }

  get httpStatus(): number | undefined {
    return this.options.httpStatus;
  }
}

export const isPaymentProviderError = (error: unknown): error is PaymentProviderError =>
  error instanceof PaymentProviderError;
