import { defineConfig, loadEnv } from 'vite';

/*
 * The admin dashboard is served by Vite (development, `npm start`) or built to dist/, like the
 * storefront: /graphql (HTTP and graphql-ws) and the gateway's /ops (the health page's JSON) are
 * proxied to the gateway, so the browser talks to one origin.
 */
export default defineConfig(({ mode }) => {
  const env = loadEnv(mode, process.cwd(), '');
  const gateway = env.ADMIN_GATEWAY_URL ?? 'http://127.0.0.1:4000';
  return {
    esbuild: { jsx: 'automatic' },
    // The gateway's GraphiQL keeps React 18 elsewhere in the monorepo: one React 19 here.
    resolve: { dedupe: ['react', 'react-dom', 'react-is'] },
    server: {
      host: env.ADMIN_HOST ?? '127.0.0.1',
      port: Number(env.ADMIN_PORT ?? 5175),
      strictPort: true,
      proxy: {
        '/graphql': { target: gateway, ws: true, changeOrigin: true },
        '/ops': { target: gateway, changeOrigin: true },
        // Product photos and their uploads are served by the gateway on the same origin.
        '/images': { target: gateway, changeOrigin: true },
        '/uploads': { target: gateway, changeOrigin: true },
      },
    },
    preview: { port: Number(env.ADMIN_PORT ?? 5175), strictPort: true },
    build: { target: 'es2022', sourcemap: true },
  };
});
