import { ApolloLink } from '@apollo/client';
import { addTypenameToDocument, print } from '@apollo/client/utilities';
import { type DefinitionNode, type DocumentNode, Kind } from 'graphql';
import { from, mergeMap, of } from 'rxjs';

const wired = new WeakMap<DocumentNode, DocumentNode>();
const nameOf = (definition: DefinitionNode) =>
  ('name' in definition && definition.name?.value) || '';

/**
 * A document as every client sends it and schema/trusted-documents.json records it: with
 * Apollo's `__typename` additions, its operation first, then its fragments sorted by name (a
 * fragment it does not use would fail validation anyway). Where a source interpolated its
 * `${FRAGMENT}`s no longer matters, so the build-time extractor, which sees each template on its
 * own, prints the same text. Memoized per document, so each one is hashed once.
 */
export function wireDocument(document: DocumentNode): DocumentNode {
  let result = wired.get(document);
  if (!result) {
    const fragments = new Map<string, DefinitionNode>();
    const operations: DefinitionNode[] = [];
    for (const definition of addTypenameToDocument(document).definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION)
        fragments.set(nameOf(definition), definition);
      else operations.push(definition);
    }
    const sorted = [...fragments.values()].sort((a, b) => (nameOf(a) < nameOf(b) ? -1 : 1));
    result = { kind: Kind.DOCUMENT, definitions: [...operations, ...sorted] };
    wired.set(document, result);
  }
  return result;
}

/** Hex SHA-256 of a document's text: its id in the manifest and in `persistedQuery`. */
async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * The link in front of the transport: every operation is sent as its `wireDocument` and, where
 * the browser can hash, with `extensions.persistedQuery` (Apollo's persisted-query protocol):
 * the id alone first, and the text too only when the gateway answers PERSISTED_QUERY_NOT_FOUND.
 * Apollo's own PersistedQueryLink does this and more, for about 1 kB more of the storefront's
 * first-paint budget.
 */
export function trustedDocumentsLink(): ApolloLink {
  // Browsers hash only in a secure context (https, localhost): a phone reaching a development
  // server by its LAN address sends the text alone, which development accepts.
  const hashing = globalThis.crypto?.subtle !== undefined;
  const ids = new WeakMap<DocumentNode, Promise<string>>();
  return new ApolloLink((operation, forward) => {
    const query = (operation.query = wireDocument(operation.query));
    if (!hashing) return forward(operation);
    let id = ids.get(query);
    if (!id) ids.set(query, (id = sha256Hex(print(query))));
    const send = (includeQuery: boolean) => {
      operation.setContext(({ http }: { http?: object }) => ({ http: { ...http, includeQuery } }));
      return forward(operation);
    };
    return from(id).pipe(
      mergeMap((sha256Hash) => {
        operation.extensions.persistedQuery = { version: 1, sha256Hash };
        return send(false);
      }),
      mergeMap((result) =>
        'errors' in result &&
        result.errors?.some((error) => error.extensions?.code === 'PERSISTED_QUERY_NOT_FOUND')
          ? send(true)
          : of(result),
      ),
    );
  });
}
