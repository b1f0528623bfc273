/**
 * Writes src/possible-types.generated.json (used by every client) from
 * schema/supergraph.graphql. `npm run schema:compose` runs it; a unit test fails when the file
 * is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { possibleTypesOf } from '../src/possible-types.js';

const supergraph = new URL('../../../schema/supergraph.graphql', import.meta.url);
const target = new URL('../src/possible-types.generated.json', import.meta.url);
writeFileSync(
  target,
  `${JSON.stringify(possibleTypesOf(readFileSync(supergraph, 'utf8')), null, 2)}\n`,
);
console.log(`wrote ${target.pathname}`);
