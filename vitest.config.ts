import { createRequire } from 'node:module';
import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

// SWC, not esbuild, so decorator metadata (type-graphql, MikroORM) is emitted as tsc does.
export default defineConfig({
  plugins: [
    swc.vite({
      jsc: {
        parser: { syntax: 'typescript', decorators: true },
        transform: {
          legacyDecorator: true,
          decoratorMetadata: true,
          useDefineForClassFields: false,
        },
        target: 'es2022',
        keepClassNames: true,
      },
    }),
  ],
  resolve: {
    conditions: ['source'],
    // One graphql realm: Vite would hand our sources graphql's ESM build while CommonJS
    // dependencies (@apollo/*, type-graphql) require its CommonJS build, and graphql refuses
    // objects from "another module or realm". Node itself resolves both to the CJS build.
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    // Each runs alone: `npx vitest run --project unit` (no database needed), `integration`
    // (a workspace's test/ against the real database and NATS), `e2e` (every subgraph and the
    // gateway through HTTP and WebSocket), `browser` (the clients in Chromium).
    projects: [
      { extends: true, test: { name: 'unit', include: ['**/src/**/*.test.ts'] } },
      {
        extends: true,
        test: { name: 'integration', include: ['**/test/**/*.test.ts'], exclude: ['e2e/**'] },
      },
      { extends: true, test: { name: 'e2e', include: ['e2e/test/**/*.e2e.test.ts'] } },
      { extends: true, test: { name: 'browser', include: ['e2e/test/**/*.browser.test.ts'] } },
    ],
    exclude: ['**/node_modules/**', '**/dist/**', '.local/**'],
    testTimeout: 30_000,
    // expect.poll waits on a real system (events, projections, a browser's refetch): 1 s, the
    // default, is too short on a loaded 2-core CI machine.
    expect: { poll: { timeout: 10_000 } },
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2,
    reporters: ['default'],
  },
});
