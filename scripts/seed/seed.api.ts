/** A small GraphQL client through the gateway for seeding demo data with the public API. */
export interface SeedApi {
  /** `T` is what the caller reads of `data` (the response is not checked against it). */
  call<T = unknown>(query: string, variables?: Record<string, unknown>, token?: string): Promise<T>;
  logIn(email: string, password: string): Promise<string>;
  log(message: string): void;
  /** Resolves a URL the API answers relative to the public origin (uploads) to an absolute one. */
  resolve(url: string): string;
}

export class SeedError extends Error {}

export function createSeedApi(gatewayUrl: string): SeedApi {
  const call: SeedApi['call'] = async (query, variables = {}, token) => {
    const response = await fetch(gatewayUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: unknown; errors?: { message: string }[] };
    if (body.errors?.length) {
      throw new SeedError(
        `${body.errors.map((e) => e.message).join('; ')}\n  in: ${query.slice(0, 120)}`,
      );
    }
    return body.data as never;
  };
  return {
    call,
    log: (message) => console.log(`seed: ${message}`),
    resolve: (url) => new URL(url, gatewayUrl).href,
    async logIn(email, password) {
      const data = await call<{ logIn: { accessToken?: string; code?: string } }>(
        `mutation($i: LogInInput!) { logIn(input: $i) { ... on AuthPayload { accessToken } ... on UserError { code } } }`,
        { i: { email, password } },
      );
      if (!data.logIn.accessToken)
        throw new SeedError(`cannot log in as ${email}: ${data.logIn.code}`);
      return data.logIn.accessToken;
    },
  };
}
