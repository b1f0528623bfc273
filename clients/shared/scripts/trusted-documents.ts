/**
 * Writes schema/trusted-documents.json, the operations the three clients send (hash → document),
 * from their sources; the gateway accepts only these from first-party traffic in production.
 * `npm run schema:compose` runs it. With --check it writes nothing and fails when an operation
 * does not validate against schema/supergraph.graphql or the committed file is stale.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { extractTrustedDocuments, manifestText } from '../src/trusted-documents.extractor.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const target = new URL('../../../schema/trusted-documents.json', import.meta.url);
const check = process.argv.includes('--check');

const { manifest, problems } = extractTrustedDocuments(
  root,
  readFileSync(new URL('../../../schema/supergraph.graphql', import.meta.url), 'utf8'),
);
if (problems.length > 0) {
  for (const problem of problems) console.error(`trusted documents: ${problem}`);
  process.exit(1);
}
const text = manifestText(manifest);
const current = existsSync(target) ? readFileSync(target, 'utf8') : undefined;
if (current !== text) {
  if (check) {
    console.error('schema/trusted-documents.json is stale: run npm run schema:compose');
    process.exit(1);
  }
  writeFileSync(target, text);
}
console.log(
  `${check ? 'checked' : 'wrote'} schema/trusted-documents.json: ${Object.keys(manifest.operations).length} operations`,
);
