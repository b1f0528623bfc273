import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../logging/logger.js';
import { type HttpShell, createHttpShell } from '../server/http-shell.js';
import { parsePrometheusText, sumSamples } from './prometheus-text.parser.js';

const logger = createLogger({ service: 'metrics-endpoint-test', level: 'silent' });
let shell: HttpShell;
let origin = '';

beforeAll(async () => {
  shell = createHttpShell({
    name: 'metrics-endpoint-test',
    logger,
    metricRoutes: ['/images'],
    handle: (req, res) => {
      if (!req.url?.startsWith('/images/')) return false;
      res.end('png');
      return true;
    },
  });
  ({ origin } = await shell.listen(0, '127.0.0.1'));
});
afterAll(() => shell.close());

const scrape = async () => {
  const res = await fetch(`${origin}/metrics`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
  return parsePrometheusText(await res.text());
};

describe('GET /metrics on the HTTP shell', () => {
  it('times requests by method, route and status, never by raw path', async () => {
    for (let i = 0; i < 3; i += 1) await (await fetch(`${origin}/health`)).text();
    await (await fetch(`${origin}/images/abc.png?w=3`)).text();
    await (await fetch(`${origin}/no/such/6650f3a2`)).text();
    const parsed = await scrape();
    const count = (labels: Record<string, string>) =>
      sumSamples(parsed, 'http_request_duration_seconds_count', {
        service: 'metrics-endpoint-test',
        ...labels,
      });
    expect(count({ method: 'GET', route: '/health', status: '200' })).toBe(3);
    expect(count({ route: '/images', status: '200' })).toBe(1);
    expect(count({ route: 'other', status: '404' })).toBe(1);
    const routes = new Set(
      parsed.samples
        .filter((s) => s.name === 'http_request_duration_seconds_count')
        .map((s) => s.labels.route ?? ''),
    );
    // Only labels from the fixed set, never the raw paths requested above.
    for (const route of routes)
      expect(['/health', '/images', 'other', '/metrics']).toContain(route);
  });

  it('is not served to a forwarded request, nor to other methods', async () => {
    const forwarded = await fetch(`${origin}/metrics`, {
      headers: { 'x-forwarded-for': '203.0.113.9' },
    });
    expect(forwarded.status).toBe(404);
    await forwarded.text();
    const post = await fetch(`${origin}/metrics`, { method: 'POST' });
    expect(post.status).toBe(405);
    await post.text();
  });
});
