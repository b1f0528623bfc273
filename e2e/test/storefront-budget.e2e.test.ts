import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { INITIAL_JS_BUDGET_GZIP, buildStorefront, kB } from '../src/storefront-build.js';

/*
 * The storefront's production build (`vite build`, about 5 s) against the home route's initial
 * JS budget: the entry chunk, what index.html modulepreloads and the home page's own chunks,
 * gzipped. No browser: the load timing is bench/storefront's job.
 */

const outDir = await mkdtemp(join(tmpdir(), 'bloom-storefront-build-'));
afterAll(() => rm(outDir, { recursive: true, force: true }));

describe('the storefront production build', () => {
  it('ships at most 180 kB of gzipped JS before the home page can draw', async () => {
    const initial = await buildStorefront(outDir);
    const files = [...initial.entry, ...initial.home]
      .map((asset) => `${asset.file} ${kB(asset.gzip)}`)
      .join(', ');
    expect(initial.home.length, 'the home page is its own lazy chunk').toBeGreaterThan(0);
    expect(initial.gzip, `initial JS ${kB(initial.gzip)}: ${files}`).toBeLessThanOrEqual(
      INITIAL_JS_BUDGET_GZIP,
    );
    // Subscriptions are not needed for a first paint: graphql-ws loads with the first one.
    // (graphql-ws's protocol name is in its code, nowhere else.)
    const entryCode = initial.entry.map((asset) => readFileSync(join(outDir, asset.file), 'utf8'));
    expect(entryCode.some((code) => code.includes('graphql-transport-ws'))).toBe(false);
  }, 120_000);
});
