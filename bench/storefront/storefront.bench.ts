/**
 * bench/storefront: the storefront's production build (`vite build`) served by a small static
 * server with gzip, loaded in headless Chromium on a phone-sized page. Prints the home route's
 * initial JS (gzip, from the build's manifest) against its 180 kB budget, and the first
 * contentful paint and the moment the React skeleton shows, median of several cold loads, on a
 * throttled network (150 ms latency, 6 Mbit/s down and up, CPU not throttled) against an
 * unthrottled baseline from the same run.
 *
 *   npm run -w @bloom/bench storefront   (no database or gateway needed)
 *   BENCH_RUNS=7
 *
 * /graphql is not proxied: the shell (index.html) and the skeleton paint without data, which is
 * what is measured; the home page's data requests fail fast (404) after that.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { type Server, createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { createGzip } from 'node:zlib';
import { freePort } from '@bloom/testing';
import { chromium } from 'playwright-core';
import { INITIAL_JS_BUDGET_GZIP, buildStorefront, kB } from '../../e2e/src/storefront-build.js';

const runs = Number(process.env.BENCH_RUNS ?? 5);
const FCP_BUDGET_MS = 1500;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
  '.json': 'application/json',
};
/** Already compressed: sent as they are. */
const BINARY = new Set(['.woff2', '.png']);

/** dist/ as a CDN would serve it: gzip for text, index.html for every app route. */
function serveStatic(root: string, port: number): Promise<Server> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (path.startsWith('/graphql')) {
      res.writeHead(404).end();
      return;
    }
    let file = join(root, normalize(path).replace(/^(\.\.[/\\])+/, ''));
    if (!existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html');
    const ext = extname(file);
    const gzip = !BINARY.has(ext) && /\bgzip\b/.test(String(req.headers['accept-encoding']));
    res.writeHead(200, {
      'content-type': TYPES[ext] ?? 'application/octet-stream',
      'cache-control': 'no-store',
      ...(gzip ? { 'content-encoding': 'gzip' } : {}),
    });
    const body = createReadStream(file);
    (gzip ? body.pipe(createGzip()) : body).pipe(res);
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

interface Load {
  fcp: number;
  skeleton: number;
  scriptBytes: number;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
};

const outDir = await mkdtemp(join(tmpdir(), 'bloom-storefront-bench-'));
const initial = await buildStorefront(outDir);
const port = await freePort();
const server = await serveStatic(outDir, port);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});

/** One cold load of / (a new context: empty cache, no service worker, new connections). */
async function load(throttled: boolean): Promise<Load> {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    locale: 'ko-KR',
  });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (throttled) {
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 150,
      downloadThroughput: 750_000,
      uploadThroughput: 750_000,
    });
  }
  const scripts = new Set<string>();
  let scriptBytes = 0;
  cdp.on('Network.responseReceived', (event: { requestId: string; type: string }) => {
    if (event.type === 'Script') scripts.add(event.requestId);
  });
  cdp.on('Network.loadingFinished', (event: { requestId: string; encodedDataLength: number }) => {
    if (scripts.has(event.requestId)) scriptBytes += event.encodedDataLength;
  });
  // When React first draws its skeleton, on the page's own clock (since navigation start): it
  // may be replaced within milliseconds once data (or here, the missing /graphql) answers.
  // A string, run in the page: this package is typed for Node, not the DOM.
  await page.addInitScript({
    content: `new MutationObserver((_, seen) => {
      if (!document.querySelector('.skeleton-page')) return;
      window.skeletonAt = performance.now();
      seen.disconnect();
    }).observe(document, { childList: true, subtree: true });`,
  });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`http://127.0.0.1:${port}/`, { waitUntil: 'commit' });
  await page.waitForFunction('"skeletonAt" in window', undefined, { timeout: 30_000 });
  const skeleton = await page.evaluate<number>('window.skeletonAt');
  if (errors.length > 0) throw new Error(`the page failed: ${errors.join('; ')}`);
  const fcp = await page.evaluate<number>(`new Promise((resolve) => {
    new PerformanceObserver((list) => {
      const paint = list.getEntriesByName('first-contentful-paint')[0];
      if (paint) resolve(paint.startTime);
    }).observe({ type: 'paint', buffered: true });
  })`);
  // Let the home route's chunks finish before counting what the scripts cost on the wire.
  await page.waitForLoadState('networkidle');
  await context.close();
  return { fcp, skeleton, scriptBytes };
}

try {
  const results: { label: string; loads: Load[] }[] = [];
  for (const [label, throttled] of [
    ['unthrottled (baseline)', false],
    ['150 ms RTT, 6 Mbit/s', true],
  ] as const) {
    await load(throttled); // warm-up: Chromium's own first-start costs
    const loads: Load[] = [];
    for (let i = 0; i < runs; i += 1) loads.push(await load(throttled));
    results.push({ label, loads });
  }

  console.log(`\nbench/storefront: production build, phone 390×844, ${runs} cold loads each`);
  console.log('\n| chunk | bytes | gzip |');
  console.log('|---|---|---|');
  for (const asset of [...initial.entry, ...initial.home]) {
    console.log(`| ${asset.file} | ${kB(asset.bytes)} | ${kB(asset.gzip)} |`);
  }
  for (const css of initial.css)
    console.log(`| ${css.file} (CSS) | ${kB(css.bytes)} | ${kB(css.gzip)} |`);
  console.log(
    `\nhome route initial JS: ${kB(initial.gzip)} gzip (${kB(initial.bytes)} raw), budget ${kB(INITIAL_JS_BUDGET_GZIP)}: ${initial.gzip <= INITIAL_JS_BUDGET_GZIP ? 'within' : 'OVER'}`,
  );
  console.log('\n| network | FCP p50 ms | FCP min–max ms | skeleton p50 ms | JS on the wire |');
  console.log('|---|---|---|---|---|');
  for (const { label, loads } of results) {
    const fcps = loads.map((l) => l.fcp);
    console.log(
      `| ${label} | ${median(fcps).toFixed(0)} | ${Math.min(...fcps).toFixed(0)}–${Math.max(...fcps).toFixed(0)} | ${median(loads.map((l) => l.skeleton)).toFixed(0)} | ${kB(median(loads.map((l) => l.scriptBytes)))} |`,
    );
  }
  const [baseline, throttled] = results.map((r) => median(r.loads.map((l) => l.fcp)));
  if (baseline !== undefined && throttled !== undefined) {
    console.log(
      `\nthrottled FCP ${throttled.toFixed(0)} ms (+${(throttled - baseline).toFixed(0)} ms over the baseline), budget ${FCP_BUDGET_MS} ms: ${throttled <= FCP_BUDGET_MS ? 'within' : 'OVER'}`,
    );
  }
  console.log(
    '("JS on the wire" is every script response, gzip, the home route\'s lazy chunks included)',
  );
} finally {
  await browser.close();
  server.close();
  await rm(outDir, { recursive: true, force: true });
}
