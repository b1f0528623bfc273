import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { gqlPluckFromCodeStringSync } from '@graphql-tools/graphql-tag-pluck';
import {
  type ASTNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  Kind,
  type OperationDefinitionNode,
  buildASTSchema,
  parse,
  print,
  validate,
  visit,
} from 'graphql';
import ts from 'typescript';
import { wireDocument } from './trusted-documents.link.js';

/** The first-party clients, each with the source folders its build takes operations from. */
export type TrustedClient = 'admin' | 'seller' | 'storefront';
const TRUSTED_CLIENTS: Readonly<Record<TrustedClient, readonly string[]>> = {
  admin: ['clients/admin/src', 'clients/shared/src'],
  seller: ['clients/seller/src', 'clients/shared/src'],
  storefront: ['clients/storefront/src', 'clients/shared/src'],
};

/** One manifest entry: the exact text a client sends, keyed by its SHA-256. */
export interface TrustedOperation {
  name: string;
  operation: OperationDefinitionNode['operation'];
  clients: TrustedClient[];
  /** Repository-relative files that define the operation. */
  files: string[];
  document: string;
}

export interface TrustedDocumentsManifest {
  operations: Record<string, TrustedOperation>;
}

export interface Extraction {
  manifest: TrustedDocumentsManifest;
  /** Each names the file and operation at fault; the manifest is not to be written if any. */
  problems: string[];
}

interface Found<T> {
  definition: T;
  file: string;
}

interface FileDefinitions {
  operations: Found<OperationDefinitionNode>[];
  fragments: Found<FragmentDefinitionNode>[];
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** By code unit, not locale, so every machine writes the same file. */
const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Every operation in the clients' sources (`gql` templates in clients/<client>/src and
 * clients/shared/src, tests excluded), completed with the fragments it uses from the same
 * client, printed as the client sends it (`wireDocument`) and validated against the
 * supergraph's API schema.
 */
export function extractTrustedDocuments(root: string, supergraphSdl: string): Extraction {
  const problems: string[] = [];
  const schema = apiSchemaOf(supergraphSdl);
  const byFile = new Map<string, FileDefinitions>();
  const definitionsIn = (dir: string): FileDefinitions[] =>
    sourceFiles(join(root, dir)).map((path) => {
      const file = relative(root, path).split(sep).join('/');
      let found = byFile.get(file);
      if (!found) {
        found = definitionsOf(file, readFileSync(path, 'utf8'), problems);
        byFile.set(file, found);
      }
      return found;
    });

  const entries = new Map<string, TrustedOperation>();
  const validated = new Set<string>();
  for (const [client, dirs] of Object.entries(TRUSTED_CLIENTS) as [TrustedClient, string[]][]) {
    const files = dirs.flatMap(definitionsIn);
    const fragments = fragmentScope(client, files, problems);
    for (const { definition, file } of files.flatMap((found) => found.operations)) {
      const name = definition.name?.value ?? '';
      const missing: string[] = [];
      const used = fragmentsUsedBy(definition, fragments, missing);
      if (missing.length > 0) {
        for (const fragment of missing) {
          problems.push(
            `${file}: operation ${name} spreads ...${fragment}, which no file of the ${client} client defines`,
          );
        }
        continue;
      }
      const text = print(wireDocument({ kind: Kind.DOCUMENT, definitions: [definition, ...used] }));
      const hash = sha256(text);
      if (!validated.has(hash)) {
        validated.add(hash);
        const errors = validate(schema, parse(text));
        if (errors.length > 0) {
          problems.push(
            `${file}: operation ${name} does not validate against schema/supergraph.graphql: ${errors
              .map((error) => error.message)
              .join(' ')}`,
          );
        }
      }
      const entry = entries.get(hash) ?? {
        name,
        operation: definition.operation,
        clients: [],
        files: [],
        document: text,
      };
      if (!entry.clients.includes(client)) entry.clients.push(client);
      if (!entry.files.includes(file)) entry.files.push(file);
      entries.set(hash, entry);
    }
  }
  const sorted = [...entries].sort(
    ([hashA, a], [hashB, b]) => byCodeUnit(a.name, b.name) || byCodeUnit(hashA, hashB),
  );
  const operations: Record<string, TrustedOperation> = {};
  for (const [hash, entry] of sorted) {
    operations[hash] = {
      ...entry,
      clients: entry.clients.sort(byCodeUnit),
      files: entry.files.sort(byCodeUnit),
    };
  }
  return { manifest: { operations }, problems };
}

/** The manifest file's text: stable for the same sources, so a stale copy shows as a diff. */
export function manifestText(manifest: TrustedDocumentsManifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/** The schema clients see: the supergraph without what it marks `@inaccessible`. */
function apiSchemaOf(supergraphSdl: string): GraphQLSchema {
  const visible = visit(parse(supergraphSdl), {
    enter: (node: ASTNode) =>
      'directives' in node && node.directives?.some((d) => d.name.value === 'inaccessible')
        ? null
        : undefined,
  });
  return buildASTSchema(visible, { assumeValidSDL: true });
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => byCodeUnit(a.name, b.name))
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return sourceFiles(path);
      return /\.tsx?$/.test(entry.name) && !/\.(test|d)\.tsx?$/.test(entry.name) ? [path] : [];
    });
}

/** The operations and fragments of one file's `gql` templates. */
function definitionsOf(file: string, code: string, problems: string[]): FileDefinitions {
  const found: FileDefinitions = { operations: [], fragments: [] };
  const constants = stringConstantsOf(file, code);
  let sources: ReturnType<typeof gqlPluckFromCodeStringSync>;
  try {
    sources = gqlPluckFromCodeStringSync(file, code, {
      pluckStringFromFile: (text, node) => templateText(file, text, node, constants),
    });
  } catch (error) {
    problems.push(error instanceof Error ? error.message : String(error));
    return found;
  }
  for (const source of sources) {
    let document: DocumentNode;
    try {
      document = parse(source.body, { noLocation: true });
    } catch (error) {
      problems.push(`${file}: ${error instanceof Error ? error.message : String(error)}`);
      continue;
    }
    for (const definition of document.definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) {
        found.fragments.push({ definition, file });
      } else if (definition.kind === Kind.OPERATION_DEFINITION) {
        if (definition.name) found.operations.push({ definition, file });
        else problems.push(`${file}: an operation has no name; trusted documents need one`);
      }
    }
  }
  return found;
}

/**
 * A template's GraphQL text. `${NAME}` inside a selection must be a string constant of the same
 * file (a shared selection), which is inlined as the browser's template does; between
 * definitions it is a `gql` fragment document, left out here because its fragments are found
 * by name. Anything else cannot be known before the code runs.
 */
function templateText(
  file: string,
  code: string,
  node: { start?: number | null; end?: number | null },
  constants: ReadonlyMap<string, string>,
): string {
  const raw = code.slice((node.start ?? 0) + 1, (node.end ?? 0) - 1).replaceAll('\\`', '`');
  let text = '';
  let depth = 0;
  let last = 0;
  for (const match of raw.matchAll(/\$\{([^}]*)\}/g)) {
    const before = raw.slice(last, match.index);
    depth += (before.match(/\{/g)?.length ?? 0) - (before.match(/\}/g)?.length ?? 0);
    text += before;
    last = match.index + match[0].length;
    const name = (match[1] ?? '').trim();
    const constant = constants.get(name);
    if (constant !== undefined) text += constant;
    else if (depth > 0) {
      throw new Error(
        `${file}: \${${name}} inside a selection is not a string constant of this file, so the fields it adds are not known before the code runs`,
      );
    }
  }
  // Trimmed: a template made only of fragment interpolations is empty and skipped.
  return (text + raw.slice(last)).trim();
}

/** The file's top-level `const NAME = '…'` / `` `…` `` strings (without interpolations). */
function stringConstantsOf(file: string, code: string): Map<string, string> {
  const source = ts.createSourceFile(file, code, ts.ScriptTarget.Latest);
  const constants = new Map<string, string>();
  for (const statement of source.statements) {
    if (
      !ts.isVariableStatement(statement) ||
      !(statement.declarationList.flags & ts.NodeFlags.Const)
    ) {
      continue;
    }
    for (const { name, initializer } of statement.declarationList.declarations) {
      if (
        ts.isIdentifier(name) &&
        initializer &&
        (ts.isNoSubstitutionTemplateLiteral(initializer) || ts.isStringLiteral(initializer))
      ) {
        constants.set(name.text, initializer.text);
      }
    }
  }
  return constants;
}

/** A client's fragments by name; one name defined twice, differently, is a problem. */
function fragmentScope(
  client: TrustedClient,
  files: FileDefinitions[],
  problems: string[],
): Map<string, Found<FragmentDefinitionNode>> {
  const scope = new Map<string, Found<FragmentDefinitionNode>>();
  for (const fragment of files.flatMap((found) => found.fragments)) {
    const name = fragment.definition.name.value;
    const known = scope.get(name);
    if (!known) scope.set(name, fragment);
    else if (print(known.definition) !== print(fragment.definition)) {
      problems.push(
        `${fragment.file}: fragment ${name} is also defined, differently, in ${known.file} (${client} client)`,
      );
    }
  }
  return scope;
}

/** The fragments an operation spreads, directly or through others; unknown names to `missing`. */
function fragmentsUsedBy(
  operation: OperationDefinitionNode,
  scope: ReadonlyMap<string, Found<FragmentDefinitionNode>>,
  missing: string[],
): FragmentDefinitionNode[] {
  const used = new Map<string, FragmentDefinitionNode>();
  const collect = (node: ASTNode) =>
    visit(node, {
      FragmentSpread: ({ name }) => {
        if (used.has(name.value) || missing.includes(name.value)) return;
        const fragment = scope.get(name.value);
        if (!fragment) return void missing.push(name.value);
        used.set(name.value, fragment.definition);
        collect(fragment.definition);
      },
    });
  collect(operation);
  return [...used.values()];
}
