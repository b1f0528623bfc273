/** What the service needs from an SMS gateway; the HTTP adapter speaks to the real one or the emulator. */
export interface SmsProvider {
  /** Sends one text. The provider drops a repeated idempotency key, so a retry never sends twice. */
  send(message: { to: string; text: string; idempotencyKey: string }): Promise<{ id: string }>;
}

export class SmsProviderError extends Error {
  constructor(
    message: string,
    /** False for a rejected request (bad number): retrying will not help. */
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = 'SmsProviderError';
  }
}

export interface HttpProviderOptions {
  baseUrl: string;
  account: string;
  apiKey: string;
  timeoutMs: number;
}

export const basicAuth = (account: string, key: string) =>
  `Basic ${Buffer.from(`${account}:${key}`).toString('base64')}`;

/** POSTs JSON with Basic auth; 4xx (but 408/429) is final, anything else may be retried. */
export async function postJson(
  options: HttpProviderOptions,
  path: string,
  body: unknown,
): Promise<{ id: string }> {
  let response: Response;
  try {
    response = await fetch(new URL(path, options.baseUrl), {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: basicAuth(options.account, options.apiKey),
      },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(options.timeoutMs),
    });
  } catch (error) {
    throw new SmsProviderError(
      `provider unreachable: ${error instanceof Error ? error.message : String(error)}`,
      true,
    );
  }
  const text = await response.text();
  if (!response.ok) {
    const retryable = response.status >= 500 || response.status === 408 || response.status === 429;
    throw new SmsProviderError(
      `provider answered ${response.status}: ${text.slice(0, 200)}`,
      retryable,
    );
  }
  const parsed = JSON.parse(text) as { id?: unknown };
  return { id: typeof parsed.id === 'string' ? parsed.id : 'unknown' };
}

export class HttpSmsProvider implements SmsProvider {
  constructor(private readonly options: HttpProviderOptions) {}

  send(message: { to: string; text: string; idempotencyKey: string }) {
    return postJson(this.options, '/v1/messages', message);
  }
}
