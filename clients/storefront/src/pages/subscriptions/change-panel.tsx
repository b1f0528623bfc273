import type { ReactNode } from 'react';
import { inKorean, type TypedError, UserErrorNotice } from '@bloom/client-shared';

/** A change with its own fields: what to fill in, why it failed, close or send. */
export function ChangePanel({
  label,
  title,
  detail,
  problem,
  busy,
  busyText = '처리 중…',
  submitText,
  canSubmit = true,
  onSubmit,
  onClose,
  children,
}: {
  label: string;
  title: string;
  detail: ReactNode;
  problem: TypedError | null;
  busy: boolean;
  busyText?: string;
  submitText: string;
  canSubmit?: boolean;
  onSubmit: () => void;
  onClose: () => void;
  children: ReactNode;
}) {
  return (
    <div className="buy-panel stack" role="group" aria-label={label}>
      <strong>{title}</strong>
      <p className="small muted">{detail}</p>
      {children}
      <UserErrorNotice error={inKorean(problem)} />
      <div className="buy-actions">
        <button type="button" className="button secondary" onClick={onClose}>
          닫기
        </button>
        <button type="button" className="button" disabled={busy || !canSubmit} onClick={onSubmit}>
          {busy ? busyText : submitText}
        </button>
      </div>
    </div>
  );
}
