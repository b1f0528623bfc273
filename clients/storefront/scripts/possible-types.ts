/**
 * Writes src/app/possible-types.generated.json from schema/supergraph.graphql. Run it after
 * `npm run schema:compose` (`npm run -w @bloom/storefront possible-types`); a unit test fails
 * when the file is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { possibleTypesOf } from '../src/app/possible-types.js';

const supergraph = new URL('../../../schema/supergraph.graphql', import.meta.url);
const target = new URL('../src/app/possible-types.generated.json', import.meta.url);
writeFileSync(
  target,
  `${JSON.stringify(possibleTypesOf(readFileSync(supergraph, 'utf8')), null, 2)}\n`,
);
console.log(`wrote ${target.pathname}`);
