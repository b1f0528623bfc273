import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/**
 * GraphiQL's UMD bundle and the React 18 UMD builds it runs on, served from node_modules
 * (no CDN: the gateway must work without internet access). A fixed list, so no request path
 * ever reaches the file system.
 */
const ASSETS: Record<string, { pkg: string; file: string; type: string }> = {
  'graphiql.min.js': { pkg: 'graphiql', file: 'graphiql.min.js', type: 'text/javascript' },
  'graphiql.min.css': { pkg: 'graphiql', file: 'graphiql.min.css', type: 'text/css' },
  'react.production.min.js': {
    pkg: 'react',
    file: 'umd/react.production.min.js',
    type: 'text/javascript',
  },
  'react-dom.production.min.js': {
    pkg: 'react-dom',
    file: 'umd/react-dom.production.min.js',
    type: 'text/javascript',
  },
};

const ASSET_PREFIX = '/explorer/assets/';

const DEFAULT_QUERY = `# Blooming Blooms API explorer
#
# Requests are anonymous. To call as a signed-in person,
# open "Headers" below and add:
#   { "Authorization": "Bearer <access token>" }
# Integrators send { "X-Api-Key": "<key>" } instead.

query {
  __typename
}
`;

const PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Blooming Blooms · API explorer</title>
    <link rel="stylesheet" href="${ASSET_PREFIX}graphiql.min.css" />
    <style>html, body, #explorer { height: 100%; margin: 0; }</style>
  </head>
  <body>
    <div id="explorer">Loading the explorer…</div>
    <script src="${ASSET_PREFIX}react.production.min.js"></script>
    <script src="${ASSET_PREFIX}react-dom.production.min.js"></script>
    <script src="${ASSET_PREFIX}graphiql.min.js"></script>
    <script>
      const fetcher = GraphiQL.createFetcher({ url: new URL('/graphql', location.href).href });
      ReactDOM.createRoot(document.getElementById('explorer')).render(
        React.createElement(GraphiQL, {
          fetcher,
          defaultQuery: ${JSON.stringify(DEFAULT_QUERY)},
          defaultEditorToolsVisibility: 'headers',
          isHeadersEditorEnabled: true,
          shouldPersistHeaders: true,
        }),
      );
    </script>
  </body>
</html>
`;

/**
 * Serves `/explorer` and its assets. Returns false for any other path so the caller can go on
 * routing; the caller decides whether the explorer is enabled at all.
 */
export function createExplorerHandler() {
  const loaded = new Map<string, Promise<Buffer>>();
  const load = (name: string, asset: { pkg: string; file: string }) => {
    let content = loaded.get(name);
    if (!content) {
      const root = dirname(require.resolve(`${asset.pkg}/package.json`));
      content = readFile(join(root, asset.file)).catch((error: unknown) => {
        loaded.delete(name); // Not cached: a fixed install is picked up without a restart.
        throw error;
      });
      loaded.set(name, content);
    }
    return content;
  };

  return async (path: string, res: ServerResponse): Promise<boolean> => {
    if (path === '/explorer' || path === '/explorer/') {
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-cache',
      });
      res.end(PAGE);
      return true;
    }
    if (!path.startsWith(ASSET_PREFIX)) return false;
    const name = path.slice(ASSET_PREFIX.length);
    const asset = Object.hasOwn(ASSETS, name) ? ASSETS[name] : undefined;
    if (!asset) return false;
    const content = await load(name, asset);
    res.writeHead(200, {
      'content-type': `${asset.type}; charset=utf-8`,
      'content-length': content.length,
      // Pinned package versions: the bytes only change with a deploy.
      'cache-control': 'public, max-age=3600',
    });
    res.end(content);
    return true;
  };
}
