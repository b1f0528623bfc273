import { useState } from 'react';

export interface PageInfo {
  endCursor: string | null;
  hasNextPage: boolean;
}

/**
 * "더 보기" under a cursor-paged list: asks for the page after `pageInfo.endCursor`; gone when
 * there is nothing more.
 */
export function MoreButton({
  pageInfo,
  onMore,
  label = '더 보기',
}: {
  pageInfo: PageInfo | undefined;
  onMore: (after: string) => Promise<unknown>;
  label?: string;
}) {
  const [loading, setLoading] = useState(false);
  const [failed, setFailed] = useState(false);
  const after = pageInfo?.hasNextPage ? pageInfo.endCursor : null;
  if (!after) return null;
  const more = async () => {
    setLoading(true);
    setFailed(false);
    try {
      await onMore(after);
    } catch {
      setFailed(true);
    } finally {
      setLoading(false);
    }
  };
  return (
    <div className="more stack">
      {failed && (
        <p className="notice error" role="alert">
          더 불러오지 못했어요. 연결을 확인하고 다시 눌러 주세요.
        </p>
      )}
      <button
        type="button"
        className="button secondary block"
        disabled={loading}
        onClick={() => void more()}
      >
        {loading ? '불러오는 중…' : label}
      </button>
    </div>
  );
}

/** A connection with the next page's nodes after the ones already shown. */
export function appendPage<C extends { nodes: readonly unknown[] }>(shown: C, next: C): C {
  return { ...next, nodes: [...shown.nodes, ...next.nodes] };
}
