import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { TrustedDocuments } from './trusted-documents.list.js';

/**
 * A trusted document's id alone runs the manifest's text, for every caller and in every mode:
 * the clients send the id first, and Apollo's APQ cache need not have seen it. The id's
 * extension is dropped with it, so Apollo does not copy the text into that cache as well.
 */
export function trustedDocumentsPlugin<TContext extends BaseContext>(
  documents: TrustedDocuments,
): ApolloServerPlugin<TContext> {
  return {
    requestDidStart: ({ request }) => {
      const { persistedQuery, ...others } = (request.extensions ?? {}) as {
        persistedQuery?: { version?: unknown; sha256Hash?: unknown };
      };
      const id = persistedQuery?.version === 1 ? persistedQuery.sha256Hash : undefined;
      const text = request.query === undefined && typeof id === 'string' && documents.textOf(id);
      if (text) {
        request.query = text;
        request.extensions = others;
      }
      return Promise.resolve();
    },
  };
}
