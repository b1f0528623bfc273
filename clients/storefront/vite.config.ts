import { defineConfig, loadEnv } from 'vite';

/*
 * The storefront is served by Vite (development, `npm start`) or built to dist/. The browser
 * talks to one origin: /graphql (HTTP and graphql-ws) is proxied to the gateway, so no CORS and
 * the same URLs work behind any ingress that routes /graphql to the gateway.
 */
export default defineConfig(({ mode }) => {
  const env = loadEnv(mode, process.cwd(), '');
  const gateway = env.STOREFRONT_GATEWAY_URL ?? 'http://127.0.0.1:4000';
  return {
    esbuild: { jsx: 'automatic' },
    // The gateway's GraphiQL keeps React 18 elsewhere in the monorepo: one React 19 here.
    resolve: { dedupe: ['react', 'react-dom'] },
    server: {
      host: env.STOREFRONT_HOST ?? '127.0.0.1',
      port: Number(env.STOREFRONT_PORT ?? 5173),
      strictPort: true,
      proxy: {
        '/graphql': { target: gateway, ws: true, changeOrigin: true },
        // Product photos and their uploads are served by the gateway on the same origin.
        '/images': { target: gateway, changeOrigin: true },
        '/uploads': { target: gateway, changeOrigin: true },
      },
    },
    preview: { port: Number(env.STOREFRONT_PORT ?? 5173), strictPort: true },
    build: {
      target: 'es2022',
      sourcemap: true,
      // Every browser the es2022 target allows has <link rel=modulepreload>: no polyfill in the
      // entry chunk (the home route's initial JS has a budget, e2e/test/storefront-budget).
      modulePreload: { polyfill: false },
    },
  };
});
