import { useCallback, useState } from 'react';

export const PAGE_SIZE = 20;

export interface CursorPages {
  /** The cursor to send as `after` (undefined on the first page). */
  after: string | undefined;
  /** 1-based, for "3쪽". */
  page: number;
  next(endCursor: string | null | undefined): void;
  previous(): void;
  /** Back to the first page (the filters changed). */
  reset(): void;
}

/**
 * Paging with the server's cursors: the server only goes forward (`after`), so the cursors of
 * the pages already seen are kept to go back.
 */
export function useCursorPages(): CursorPages {
  const [cursors, setCursors] = useState<string[]>([]);
  const next = useCallback((endCursor: string | null | undefined) => {
    if (endCursor) setCursors((all) => [...all, endCursor]);
  }, []);
  const previous = useCallback(() => setCursors((all) => all.slice(0, -1)), []);
  const reset = useCallback(() => setCursors([]), []);
  return { after: cursors.at(-1), page: cursors.length + 1, next, previous, reset };
}
