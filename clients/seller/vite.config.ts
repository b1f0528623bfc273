import { defineConfig, loadEnv } from 'vite';

/*
 * The seller dashboard is served by Vite (development, `npm start`) or built to dist/, like the
 * storefront: /graphql (HTTP and graphql-ws) is proxied to the gateway, so the browser talks to
 * one origin.
 */
export default defineConfig(({ mode }) => {
  const env = loadEnv(mode, process.cwd(), '');
  const gateway = env.SELLER_GATEWAY_URL ?? 'http://127.0.0.1:4000';
  return {
    esbuild: { jsx: 'automatic' },
    // The gateway's GraphiQL keeps React 18 elsewhere in the monorepo: one React 19 here, and
    // recharts' react-is must match it (react-is 18 does not recognise React 19 fragments).
    resolve: { dedupe: ['react', 'react-dom', 'react-is'] },
    server: {
      host: env.SELLER_HOST ?? '127.0.0.1',
      port: Number(env.SELLER_PORT ?? 5174),
      strictPort: true,
      proxy: {
        '/graphql': { target: gateway, ws: true, changeOrigin: true },
        // Product photos and their uploads are served by the gateway on the same origin.
        '/images': { target: gateway, changeOrigin: true },
        '/uploads': { target: gateway, changeOrigin: true },
      },
    },
    preview: { port: Number(env.SELLER_PORT ?? 5174), strictPort: true },
    build: { target: 'es2022', sourcemap: true },
  };
});
