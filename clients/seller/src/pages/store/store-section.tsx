import { UserErrorNotice, type TypedError } from '@bloom/client-shared';
import type { FormEvent, ReactNode } from 'react';
import { fieldKey } from './store-messages.js';

/**
 * One card of the set-up page with its own save button, so changing the delivery fee never
 * resends the bank account. `fields` are the keys whose errors the fields show themselves;
 * anything else is shown above the button.
 */
export function StoreSection({
  id,
  title,
  hint,
  children,
  onSave,
  saving,
  saved,
  error,
  fields,
}: {
  id: string;
  title: string;
  hint?: string;
  children: ReactNode;
  onSave?: () => void;
  saving?: boolean;
  saved?: boolean;
  error?: TypedError | null;
  fields?: string[];
}) {
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSave?.();
  };
  const stray = error && !(fields ?? []).includes(fieldKey(error) ?? '') ? error : null;
  const body = (
    <>
      <h2>{title}</h2>
      {hint && <p className="small muted store-hint">{hint}</p>}
      {children}
    </>
  );
  if (!onSave) {
    return (
      <section className="card stack store-section" aria-label={title} id={id}>
        {body}
      </section>
    );
  }
  return (
    <form
      className="card stack store-section"
      id={id}
      aria-label={title}
      onSubmit={submit}
      noValidate
    >
      {body}
      <UserErrorNotice error={stray} />
      {saved && !error && (
        <p className="notice ok" role="status">
          저장했어요.
        </p>
      )}
      <button type="submit" className="button block" disabled={saving}>
        {saving ? '저장 중…' : `${title} 저장`}
      </button>
    </form>
  );
}
