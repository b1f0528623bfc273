/**
 * Generates what @bloom/sdk ships from the project's contracts, under packages/sdk/src/generated/:
 *
 * - graphql.ts: a TypedDocumentNode per operation in packages/sdk/src/operations/*.graphql (every
 *   file there is picked up), typed against the API schema of schema/supergraph.graphql;
 * - scopes.ts: the API key scope each operation needs, read from the root fields' `key:*` tags
 *   (generation fails when an operation uses a root field API keys may not call);
 * - events.ts: the payload types of the events an integrator can receive, printed from their zod
 *   contracts, with the envelope and a `BloomEvent` union discriminated by `type`.
 *
 * Run by `npm run schema:compose` after compose.ts; with --check (in `schema:check`) it writes
 * nothing and fails when a generated file is stale.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { composeServices } from '@apollo/composition';
import { envelopeSchema, type EventContract } from '@bloom/kernel';
import { generate } from '@graphql-codegen/cli';
import type { Types } from '@graphql-codegen/plugin-helpers';
import {
  Kind,
  OperationTypeNode,
  type ObjectTypeDefinitionNode,
  type SelectionSetNode,
  isEnumType,
  parse,
  printSchema,
} from 'graphql';
import { format, resolveConfig } from 'prettier';
import { z } from 'zod';
import * as contracts from '../src/index.js';
import { type JsonSchema, printDoc, printObject, printType } from './json-schema.printer.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const check = process.argv.includes('--check');
const OPERATIONS = 'packages/sdk/src/operations';
const OUTPUT = 'packages/sdk/src/generated';

/** The events an integrator can receive: the public catalogue in @bloom/schema. */
const INTEGRATOR_EVENTS: readonly string[] = contracts.WEBHOOK_EVENT_TYPES.map(
  ({ contract }) => contract.type,
);

// Scalars as they travel in JSON; anything unlisted is `unknown`.
const scalars = { ID: 'string', DateTimeISO: 'string' };

const problems: string[] = [];
const outputs = new Map<string, string>();

// --- The API schema, from the committed subgraph SDLs; it must be the committed supergraph. ---

const subgraphs = JSON.parse(readFileSync(join(root, 'schema/subgraphs.json'), 'utf8')) as {
  name: string;
  url: string;
}[];
const services = subgraphs
  .filter(({ name }) => existsSync(join(root, `schema/subgraphs/${name}.graphql`)))
  .map(({ name, url }) => ({
    name,
    url,
    typeDefs: parse(readFileSync(join(root, `schema/subgraphs/${name}.graphql`), 'utf8')),
  }));
const composed = composeServices(services);
if (composed.errors) {
  for (const error of composed.errors) console.error(`composition: ${error.message}`);
  process.exit(1);
}
const supergraphSdl = readFileSync(join(root, 'schema/supergraph.graphql'), 'utf8');
if (`${composed.supergraphSdl.trim()}\n` !== supergraphSdl) {
  console.error('schema/supergraph.graphql is stale: run npm run schema:compose');
  process.exit(1);
}
const api = composed.schema.toAPISchema().toGraphQLJSSchema();
const apiSchema = printSchema(api);
const scopeEnum = api.getType('ApiScope');
if (!isEnumType(scopeEnum)) throw new Error('the supergraph has no ApiScope enum');
const apiScopes = scopeEnum.getValues().map((value) => value.name);

// --- The operations: each root field must be open to API keys; its scope goes to scopes.ts. ---

const operationFiles = readdirSync(join(root, OPERATIONS), { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.graphql'))
  .sort();
if (operationFiles.length === 0) {
  console.error(`${OPERATIONS} holds no .graphql operations`);
  process.exit(1);
}
const documents = operationFiles.map((file) => ({
  file,
  document: parse(readFileSync(join(root, OPERATIONS, file), 'utf8')),
}));

/** Root type name → field name → the API key scopes its `key:<context>:<verb>` tags name. */
const keyScopes = new Map<string, Map<string, string[]>>();
for (const definition of parse(supergraphSdl).definitions) {
  if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION) continue;
  if (!['Query', 'Mutation', 'Subscription'].includes(definition.name.value)) continue;
  keyScopes.set(definition.name.value, fieldScopes(definition));
}

function fieldScopes(type: ObjectTypeDefinitionNode): Map<string, string[]> {
  const scopes = new Map<string, string[]>();
  for (const field of type.fields ?? []) {
    const tags = (field.directives ?? [])
      .filter((directive) => directive.name.value === 'tag')
      .flatMap((directive) => directive.arguments ?? [])
      .flatMap((argument) => (argument.value.kind === Kind.STRING ? [argument.value.value] : []))
      .filter((tag) => tag.startsWith('key:'));
    // `key:orders:write` is the ApiScope ORDERS_WRITE.
    scopes.set(
      field.name.value,
      tags.map((tag) => tag.slice('key:'.length).replace(':', '_').toUpperCase()),
    );
  }
  return scopes;
}

const fragments = new Map(
  documents.flatMap(({ document }) =>
    document.definitions.flatMap((definition) =>
      definition.kind === Kind.FRAGMENT_DEFINITION
        ? [[definition.name.value, definition.selectionSet] as const]
        : [],
    ),
  ),
);

function rootFields(selectionSet: SelectionSetNode): string[] {
  return selectionSet.selections.flatMap((selection) => {
    if (selection.kind === Kind.FIELD) {
      return selection.name.value.startsWith('__') ? [] : [selection.name.value];
    }
    if (selection.kind === Kind.INLINE_FRAGMENT) return rootFields(selection.selectionSet);
    const fragment = fragments.get(selection.name.value);
    return fragment ? rootFields(fragment) : [];
  });
}

const operationScopes: [string, string[]][] = [];
for (const { file, document } of documents) {
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    const where = `${OPERATIONS}/${file}`;
    const name = definition.name?.value;
    if (!name) {
      problems.push(`${where}: every SDK operation needs a name`);
      continue;
    }
    if (definition.operation === OperationTypeNode.SUBSCRIPTION) {
      problems.push(`${where}: ${name} is a subscription; the SDK client speaks HTTP only`);
      continue;
    }
    const type = definition.operation === OperationTypeNode.QUERY ? 'Query' : 'Mutation';
    const needed = new Set<string>();
    for (const field of rootFields(definition.selectionSet)) {
      const scopes = keyScopes.get(type)?.get(field);
      if (scopes === undefined) continue; // not in the schema: codegen's validation reports it
      if (scopes.length === 0) {
        problems.push(`${where}: ${name} uses ${type}.${field}, which API keys may not call`);
      }
      for (const scope of scopes) {
        if (!apiScopes.includes(scope)) problems.push(`${type}.${field}: unknown scope ${scope}`);
        needed.add(scope);
      }
    }
    operationScopes.push([name, [...needed].sort()]);
  }
}

// --- Typed documents. ---

const generated = (await generate(
  {
    cwd: root,
    schema: apiSchema,
    documents: [`${OPERATIONS}/**/*.graphql`],
    silent: true,
    emitLegacyCommonJSImports: false,
    generates: {
      [`${OUTPUT}/`]: {
        preset: 'client',
        presetConfig: { fragmentMasking: false, gqlTagName: 'graphql' },
        config: {
          documentMode: 'documentNode',
          useTypeImports: true,
          enumsAsTypes: true,
          scalars,
          defaultScalarType: 'unknown',
          skipTypename: false,
          nonOptionalTypename: false,
          avoidOptionals: { field: true, inputValue: false, object: true, defaultValue: false },
        },
      },
    },
  },
  false,
)) as Types.FileOutput[];
// The preset also writes a `graphql()` tag (gql.ts, index.ts); the SDK exports the documents.
const typed = generated.find(({ filename }) => filename.endsWith('/graphql.ts'));
if (!typed) throw new Error('codegen produced no graphql.ts');
// The output passes the project's lint as it is; an unused disable directive would be reported.
const lintable = typed.content.replace(/^\/\* eslint-disable \*\/\n/m, '');
outputs.set(
  `${OUTPUT}/graphql.ts`,
  `// Generated by \`npm run schema:compose\` from ${OPERATIONS}/*.graphql: do not edit.\n${lintable}`,
);

outputs.set(
  `${OUTPUT}/scopes.ts`,
  [
    `// Generated by \`npm run schema:compose\` from ${OPERATIONS}/*.graphql and the supergraph: do not edit.`,
    '',
    "/** An API key's scope, as createApiKey grants it (the schema's ApiScope). */",
    `export type ApiKeyScope = ${apiScopes.map((scope) => `'${scope}'`).join(' | ')};`,
    '',
    '/** The scopes an API key needs for each SDK operation, by operation name. */',
    'export const OPERATION_SCOPES = {',
    ...operationScopes.map(
      ([name, scopes]) => `  ${name}: [${scopes.map((s) => `'${s}'`).join(', ')}],`,
    ),
    '} as const satisfies Record<string, readonly ApiKeyScope[]>;',
    '',
  ].join('\n'),
);

// --- Event payload types. ---

const byType = new Map<string, EventContract>();
for (const value of Object.values(contracts) as unknown[]) {
  if (isContract(value)) byType.set(value.type, value);
}

function isContract(value: unknown): value is EventContract {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { type?: unknown }).type === 'string' &&
    (value as { payload?: unknown }).payload instanceof z.ZodType
  );
}

const toJsonSchema = (schema: z.ZodType) =>
  z.toJSONSchema(schema, { target: 'draft-2020-12', unrepresentable: 'throw' }) as JsonSchema;

/** `orders.order.readyForPickup` → `OrderReadyForPickup`. */
const typeName = (type: string) =>
  type
    .split('.')
    .slice(1)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');

const envelope = toJsonSchema(
  envelopeSchema
    .pick({ id: true, occurredAt: true })
    .extend({ apiVersion: z.literal(contracts.WEBHOOK_API_VERSION) }),
);
const envelopeFields = printObject(envelope, { defs: envelope.$defs ?? {}, where: 'envelope' })
  .replace(/^\{\n/, '')
  .replace(/\n\}$/, '');

const events: string[] = [
  '// Generated by `npm run schema:compose` from the event contracts in @bloom/schema: do not edit.',
  '',
  '/**',
  " * The envelope an event reaches an integrator in (a webhook delivery's body): `type` says",
  ' * which payload it carries, `apiVersion` the version of this shape.',
  ' */',
  'export interface BloomEventEnvelope<TType extends string = string, TPayload = unknown> {',
  envelopeFields,
  '  /** `<context>.<entity>.<pastTenseVerb>`, e.g. `orders.order.placed`. */',
  '  type: TType;',
  '  payload: TPayload;',
  '}',
  '',
];
const names = new Set<string>();
for (const type of INTEGRATOR_EVENTS) {
  const contract = byType.get(type);
  if (!contract) {
    problems.push(`no event contract for ${type} in @bloom/schema (see INTEGRATOR_EVENTS)`);
    continue;
  }
  const name = typeName(type);
  if (names.has(name)) problems.push(`two integrator events are named ${name}`);
  names.add(name);
  const schema = toJsonSchema(contract.payload);
  const context = { defs: schema.$defs ?? {}, where: type };
  const doc = printDoc(schema, '');
  const body =
    schema.type === 'object' && !schema.anyOf && !schema.oneOf
      ? `export interface ${name}Payload ${printObject(schema, context)}`
      : `export type ${name}Payload = ${printType(schema, context)};`;
  events.push(
    ...(doc.length > 0 ? doc : [`/** The payload of \`${type}\`. */`]),
    body,
    '',
    `export type ${name}Event = BloomEventEnvelope<'${type}', ${name}Payload>;`,
    '',
  );
}
const eventNames = INTEGRATOR_EVENTS.map(typeName);
events.push(
  '/** Every event an integrator can receive; narrow it with `switch (event.type)`. */',
  `export type BloomEvent = ${eventNames.map((name) => `${name}Event`).join(' | ')};`,
  '',
  "export type BloomEventType = BloomEvent['type'];",
  '',
  "/** The event of one type, e.g. `BloomEventOf<'orders.order.placed'>`. */",
  'export type BloomEventOf<T extends BloomEventType> = Extract<BloomEvent, { type: T }>;',
  '',
  '/** Every event type an integrator can receive. */',
  `export const BLOOM_EVENT_TYPES = [${INTEGRATOR_EVENTS.map((type) => `'${type}'`).join(', ')}] as const satisfies readonly BloomEventType[];`,
  '',
);
outputs.set(`${OUTPUT}/events.ts`, events.join('\n'));

// --- Write, or compare with what is committed; nothing is written when a rule above failed. ---

const stale: [file: string, text: string][] = [];
for (const [path, content] of outputs) {
  const file = join(root, path);
  const text = await format(content, { ...(await resolveConfig(file)), filepath: file });
  const current = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  if (current !== text) stale.push([file, text]);
}
if (check) {
  const files = stale.map(([file]) => relative(root, file));
  problems.push(...files.map((file) => `${file} is stale: run npm run schema:compose`));
}
if (problems.length > 0) {
  for (const problem of problems) console.error(problem);
  process.exit(1);
}
for (const [file, text] of stale) {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
}
console.log(
  `${check ? 'checked' : 'generated'} @bloom/sdk: ${operationScopes.length} operations, ${INTEGRATOR_EVENTS.length} event types`,
);
