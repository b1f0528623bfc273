import { auditServer } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type System, startSystem } from '../src/system.harness.js';

let sys: System;
beforeAll(async () => {
  // The audit reads types by introspection, which only an explorer-enabled gateway answers.
  sys = await startSystem(['identity'], { EXPLORER: 'true' });
});
afterAll(async () => sys?.close());

describe('GraphQL over HTTP', () => {
  it('passes the graphql-http server audit', async () => {
    const results = await auditServer({ url: sys.gatewayUrl });
    const count = (status: string) => results.filter((r) => r.status === status).length;
    for (const result of results) {
      if (result.status !== 'ok')
        console.log(`[audit] ${result.status} ${result.id} ${result.name}: ${result.reason}`);
    }
    console.log(
      `[audit] ${results.length} audits: ${count('ok')} ok, ${count('warn')} warnings, ${count('notice')} notices, ${count('error')} errors`,
    );
    expect(results.filter((r) => r.status === 'error').map((r) => r.name)).toEqual([]);
    // Kept on purpose (docs/adr/0007): Apollo answers parse, validation and variable-coercion
    // failures with 400 even for application/json, and clients rely on it.
    expect(
      results
        .filter((r) => r.status === 'warn')
        .map((r) => r.id)
        .sort(),
    ).toEqual(['572B', '7B9B', 'FDE2']);
    expect(results.filter((r) => r.status === 'notice')).toEqual([]);
  });
});
