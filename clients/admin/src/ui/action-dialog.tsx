import { type TypedError, UserErrorNotice, errorText } from '@bloom/client-shared';
import { type FormEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { adminMessage } from './admin-messages.js';

export interface ActionDialogProps {
  title: string;
  children?: ReactNode;
  confirmLabel: string;
  /** A red confirm button for what cannot be undone. */
  danger?: boolean;
  /** Asks for a reason (sent to the API, shown to the person concerned). */
  reason?: { label: string; placeholder: string };
  /** Runs the action; a typed error keeps the dialog open and shows it. */
  onConfirm: (reason: string) => Promise<TypedError | null>;
  onClose: () => void;
}

const REASON_MAX = 300;

/**
 * Confirmation before an admin action, as a modal <dialog> (focus stays in it, Esc closes).
 * A typed error about the reason is shown under the reason field; any other under the buttons.
 */
export function ActionDialog({
  title,
  children,
  confirmLabel,
  danger = false,
  reason,
  onConfirm,
  onClose,
}: ActionDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const reasonId = useId();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<TypedError | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    if (reason && !text.trim()) {
      setProblem({ code: 'REASON_REQUIRED', message: '', field: 'reason' });
      return;
    }
    setBusy(true);
    try {
      const failure = await onConfirm(text.trim());
      if (failure) setProblem(failure);
      else onClose();
    } catch (error) {
      setProblem({ code: 'UNEXPECTED', message: `처리하지 못했어요. ${errorText(error)}` });
    } finally {
      setBusy(false);
    }
  };

  const reasonProblem = problem?.field === 'reason' ? problem : null;
  const otherProblem = problem && !reasonProblem ? problem : null;
  return (
    <dialog
      ref={ref}
      className="admin-dialog"
      aria-labelledby={`${reasonId}-title`}
      onClose={onClose}
    >
      <form className="stack" onSubmit={(e) => void submit(e)} noValidate>
        <h2 id={`${reasonId}-title`}>{title}</h2>
        {children}
        {reason && (
          <label className="field">
            {reason.label}
            <textarea
              rows={3}
              maxLength={REASON_MAX}
              placeholder={reason.placeholder}
              value={text}
              aria-invalid={reasonProblem ? true : undefined}
              aria-describedby={reasonProblem ? `${reasonId}-error` : undefined}
              onChange={(event) => setText(event.target.value)}
            />
            {reasonProblem && (
              <span id={`${reasonId}-error`} className="field-error" role="alert">
                {adminMessage(reasonProblem)}
              </span>
            )}
          </label>
        )}
        <UserErrorNotice
          error={otherProblem && { ...otherProblem, message: adminMessage(otherProblem) }}
        />
        <div className="admin-dialog-actions">
          <button type="button" className="button secondary" onClick={onClose} disabled={busy}>
            취소
          </button>
          <button type="submit" className={danger ? 'button danger' : 'button'} disabled={busy}>
            {busy ? '처리 중…' : confirmLabel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
