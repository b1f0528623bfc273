/**
 * Prints each subgraph's SDL from its code, composes the supergraph, and writes both under
 * schema/. With --check it writes nothing and fails when composition fails or a committed
 * file is stale.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { composeServices } from '@apollo/composition';
import { printSubgraphSchema } from '@apollo/subgraph';
import { type GraphQLSchema, parse } from 'graphql';

const root = new URL('../../', import.meta.url);
const schemaDir = new URL('../', import.meta.url);
const check = process.argv.includes('--check');

const subgraphs = JSON.parse(readFileSync(new URL('subgraphs.json', schemaDir), 'utf8')) as {
  name: string;
  url: string;
}[];

const problems: string[] = [];
const services: { name: string; url: string; typeDefs: ReturnType<typeof parse> }[] = [];

function compare(file: URL, content: string): void {
  const current = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  if (current === content) return;
  if (check) problems.push(`${fileURLToPath(file)} is stale: run npm run schema:compose`);
  else writeFileSync(file, content);
}

for (const { name, url } of subgraphs) {
  const module = new URL(`subgraphs/${name}/src/schema.ts`, root);
  if (!existsSync(module)) continue;
  const { buildSchema } = (await import(pathToFileURL(fileURLToPath(module)).href)) as {
    buildSchema: () => Promise<GraphQLSchema>;
  };
  const sdl = `${printSubgraphSchema(await buildSchema()).trim()}\n`;
  compare(new URL(`subgraphs/${name}.graphql`, schemaDir), sdl);
  services.push({ name, url, typeDefs: parse(sdl) });
}

const result = composeServices(services);
if (result.errors) {
  for (const error of result.errors) console.error(`composition: ${error.message}`);
  process.exit(1);
}
compare(new URL('supergraph.graphql', schemaDir), `${result.supergraphSdl.trim()}\n`);

if (problems.length > 0) {
  for (const problem of problems) console.error(problem);
  process.exit(1);
}
console.log(
  `${check ? 'checked' : 'composed'} supergraph from ${services.map((s) => s.name).join(', ')}`,
);
