/** A heart toggle with the like count; `what` names the thing for screen readers. */
export function LikeButton({
  liked,
  count,
  busy,
  what,
  onToggle,
}: {
  liked: boolean;
  count: number;
  busy: boolean;
  what: string;
  onToggle: () => void;
}) {
  return (
    <button
      type="button"
      className={`browse-like${liked ? ' liked' : ''}`}
      aria-pressed={liked}
      aria-label={`${what} 찜하기 (${count}명)`}
      disabled={busy}
      onClick={onToggle}
    >
      <span aria-hidden>{liked ? '♥' : '♡'}</span>
      <span aria-hidden className="small">
        {count}
      </span>
    </button>
  );
}
