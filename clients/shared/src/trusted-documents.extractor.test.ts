import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractTrustedDocuments, manifestText } from './trusted-documents.extractor.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const supergraph = readFileSync(join(root, 'schema/supergraph.graphql'), 'utf8');

/** A repository with the given client sources (and every client folder present). */
function fixtureRoot(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'trusted-extract-'));
  for (const client of ['storefront', 'seller', 'admin', 'shared']) {
    mkdirSync(join(dir, `clients/${client}/src`), { recursive: true });
  }
  for (const [path, code] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), code);
  }
  return dir;
}

describe('trusted documents: the extractor', () => {
  const { manifest, problems } = extractTrustedDocuments(root, supergraph);
  const byName = (name: string) =>
    Object.entries(manifest.operations).find(([, entry]) => entry.name === name);

  it("finds the clients' operations, each completed with its fragments", () => {
    expect(problems).toEqual([]);
    const [, mySubscriptions] = byName('MySubscriptions') ?? [];
    expect(mySubscriptions).toMatchObject({
      operation: 'query',
      clients: ['storefront'],
      files: ['clients/storefront/src/pages/subscriptions/subscription.operations.ts'],
    });
    expect(mySubscriptions?.document).toMatch(/^query MySubscriptions \{/);
    expect(mySubscriptions?.document).toContain(
      'fragment SubscriptionFields on FlowerSubscription',
    );
    // A selection shared as a string constant is inlined; fragments follow by name.
    const skip = byName('SkipNextCycle')?.[1]?.document ?? '';
    expect(skip).toContain('... on SubscriptionStateError');
    expect(skip.indexOf('fragment InvalidInputFields')).toBeLessThan(
      skip.indexOf('fragment SubscriptionFields'),
    );
    // Shared operations are every client's; each dashboard logs in under its own name.
    expect(byName('Refresh')?.[1]?.clients).toEqual(['admin', 'seller', 'storefront']);
    expect(byName('SellerLogIn')?.[1]?.clients).toEqual(['seller']);
    expect(byName('AdminLogIn')?.[1]?.clients).toEqual(['admin']);
    expect(byName('OrderLive')?.[1]?.operation).toBe('subscription');
  });

  it('is what schema/trusted-documents.json holds (npm run schema:compose)', () => {
    expect(readFileSync(join(root, 'schema/trusted-documents.json'), 'utf8')).toBe(
      manifestText(manifest),
    );
  });

  it('names the file and operation of every document it cannot trust', () => {
    const dir = fixtureRoot({
      'clients/storefront/src/bad.operations.ts': `
        import { gql } from '@apollo/client';
        export const WRONG = gql\`query WrongField { products { nodes { noSuchField } } }\`;
        export const MISSING = gql\`query MissingFragment { products { nodes { ...Nowhere } } }\`;
        export const ANONYMOUS = gql\`{ categories { key } }\`;
        export const HIDDEN = gql\`query Hidden { apiKeyPrincipal(key: "k") { apiKeyId } }\`;
      `,
      'clients/seller/src/dynamic.operations.ts': `
        import { gql } from '@apollo/client';
        const fields = ['id'].join(' ');
        export const DYNAMIC = gql\`query Dynamic { categories { \${fields} } }\`;
      `,
    });
    const found = extractTrustedDocuments(dir, supergraph).problems;
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^clients\/storefront\/src\/bad\.operations\.ts: operation WrongField does not validate against schema\/supergraph\.graphql: .*noSuchField/,
        ),
        'clients/storefront/src/bad.operations.ts: operation MissingFragment spreads ...Nowhere, which no file of the storefront client defines',
        'clients/storefront/src/bad.operations.ts: an operation has no name; trusted documents need one',
        expect.stringMatching(/operation Hidden does not validate .*apiKeyPrincipal/),
        expect.stringMatching(
          /^clients\/seller\/src\/dynamic\.operations\.ts: \$\{fields\} inside a selection is not a string constant/,
        ),
      ]),
    );
    expect(found).toHaveLength(5);
  });

  it('keeps tests out, and a fragment one client defines out of the others', () => {
    const dir = fixtureRoot({
      'clients/admin/src/card.ts': `
        import { gql } from '@apollo/client';
        export const CARD = gql\`fragment StoreCard on Store { id name }\`;
        export const STORE = gql\`query AdminStore($id: ID!) { store(id: $id) { ...StoreCard } }\`;
      `,
      'clients/seller/src/stores.operations.ts': `
        import { gql } from '@apollo/client';
        export const STORES = gql\`query SellerStore { myStore { ...StoreCard } }\`;
      `,
      'clients/admin/src/stores.test.ts': `
        import { gql } from '@apollo/client';
        export const ONLY_IN_TEST = gql\`query OnlyInTest { categories { key } }\`;
      `,
    });
    const { manifest: found, problems: refused } = extractTrustedDocuments(dir, supergraph);
    expect(Object.values(found.operations).map((entry) => entry.name)).toEqual(['AdminStore']);
    expect(refused).toEqual([
      'clients/seller/src/stores.operations.ts: operation SellerStore spreads ...StoreCard, which no file of the seller client defines',
    ]);
  });
});
