import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

/** The storefront's workspace, whose vite.config.ts the production build uses. */
export const STOREFRONT_ROOT = fileURLToPath(new URL('../../clients/storefront/', import.meta.url));

/** The home route's module, as Vite's manifest names it. */
const HOME_MODULE = 'src/pages/home.page.tsx';

/** What a phone must download before the home page can draw its data: the initial JS budget. */
export const INITIAL_JS_BUDGET_GZIP = 180_000;

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}

export interface AssetSize {
  file: string;
  bytes: number;
  /** zlib's default level (6), what a gzip-serving static server or CDN sends. */
  gzip: number;
}

export interface InitialJs {
  /** The entry chunk and the chunks index.html modulepreloads. */
  entry: AssetSize[];
  /** The home route's lazy chunk and its own static imports not already in `entry`. */
  home: AssetSize[];
  gzip: number;
  bytes: number;
  /** The render-blocking stylesheets index.html links. */
  css: AssetSize[];
}

const sizeOf = (outDir: string, file: string): AssetSize => {
  const content = readFileSync(join(outDir, file));
  return { file, bytes: content.length, gzip: gzipSync(content).length };
};

/** A chunk and, recursively, every chunk it imports statically (what Vite modulepreloads). */
function staticClosure(manifest: Record<string, ManifestChunk>, key: string, seen: Set<string>) {
  if (seen.has(key)) return;
  seen.add(key);
  for (const imported of manifest[key]?.imports ?? []) staticClosure(manifest, imported, seen);
}

/** The home route's initial JS and CSS of a production build (built with a manifest). */
export function initialJsOf(outDir: string): InitialJs {
  const manifest = JSON.parse(readFileSync(join(outDir, '.vite/manifest.json'), 'utf8')) as Record<
    string,
    ManifestChunk
  >;
  const entryKey = Object.keys(manifest).find((key) => manifest[key]?.isEntry);
  if (!entryKey) throw new Error('the build has no entry chunk');
  if (!manifest[HOME_MODULE]) throw new Error(`the build has no ${HOME_MODULE} chunk`);
  const entryKeys = new Set<string>();
  staticClosure(manifest, entryKey, entryKeys);
  const homeKeys = new Set<string>(entryKeys);
  staticClosure(manifest, HOME_MODULE, homeKeys);
  const files = (keys: Iterable<string>) =>
    [...keys].map((key) => sizeOf(outDir, manifest[key]?.file ?? key));
  const entry = files(entryKeys);
  const home = files([...homeKeys].filter((key) => !entryKeys.has(key)));
  const all = [...entry, ...home];
  return {
    entry,
    home,
    gzip: all.reduce((sum, asset) => sum + asset.gzip, 0),
    bytes: all.reduce((sum, asset) => sum + asset.bytes, 0),
    css: (manifest[entryKey]?.css ?? []).map((file) => sizeOf(outDir, file)),
  };
}

/**
 * `vite build` of the storefront into outDir with a manifest (the app's own config otherwise),
 * as production: a test runner's NODE_ENV=test would otherwise ship React's development build.
 */
export async function buildStorefront(outDir: string): Promise<InitialJs> {
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      root: STOREFRONT_ROOT,
      configFile: join(STOREFRONT_ROOT, 'vite.config.ts'),
      mode: 'production',
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true, manifest: true, sourcemap: false },
    });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  return initialJsOf(outDir);
}

/** `12.3 kB` (1 kB = 1000 bytes, as Vite reports). */
export const kB = (bytes: number): string => `${(bytes / 1000).toFixed(1)} kB`;
