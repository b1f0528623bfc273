/** A change without fields: say what it does, then no or yes. */
export function ConfirmPanel({
  title,
  detail,
  confirm,
  danger = false,
  busy,
  onCancel,
  onConfirm,
}: {
  title: string;
  detail: string;
  confirm: string;
  danger?: boolean;
  busy: boolean;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  return (
    <div className={`buy-panel${danger ? ' danger' : ''}`} role="group" aria-label={title}>
      <strong>{title}</strong>
      <p className="small muted">{detail}</p>
      <div className="buy-actions">
        <button type="button" className="button secondary" onClick={onCancel}>
          아니요
        </button>
        <button type="button" className="button" disabled={busy} onClick={onConfirm}>
          {busy ? '처리 중…' : confirm}
        </button>
      </div>
    </div>
  );
}
