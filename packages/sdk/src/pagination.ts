import { BloomError } from './bloom.error.js';

/** A connection as the SDK's list operations select it. */
export interface Connection<TNode> {
  nodes: readonly TNode[];
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
}

/** Variables of a paginated operation: the SDK sets `after` from page to page. */
export interface PageVariables {
  after?: string | null;
}

export interface PaginateOptions {
  /** Stop after this many pages (default: follow every page). */
  maxPages?: number;
  signal?: AbortSignal;
}

/**
 * Every node of a cursor-paginated connection, page after page: `fetchPage(after)` loads one
 * page and the next starts at its `pageInfo.endCursor`. A page is fetched only when the
 * iteration reaches it, so breaking out of a `for await` stops loading.
 */
export async function* paginateConnection<TNode>(
  fetchPage: (after: string | null | undefined) => Promise<Connection<TNode> | null | undefined>,
  firstCursor: string | null | undefined,
  options: PaginateOptions = {},
): AsyncGenerator<TNode, void, undefined> {
  const maxPages = options.maxPages ?? Number.POSITIVE_INFINITY;
  let after = firstCursor;
  for (let page = 0; page < maxPages; page += 1) {
    options.signal?.throwIfAborted();
    const connection = await fetchPage(after);
    if (!connection) return;
    yield* connection.nodes;
    const { hasNextPage, endCursor } = connection.pageInfo;
    if (!hasNextPage || !endCursor) return;
    // A server that hands back the cursor it was given would make this loop forever.
    if (endCursor === after) {
      throw new BloomError({
        code: 'INVALID_RESPONSE',
        message: `The next page's cursor is the current one (${endCursor}).`,
      });
    }
    after = endCursor;
  }
}
