import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router';

export function Loading({ label = '불러오는 중…' }: { label?: string }) {
  return (
    <p className="muted center" role="status" aria-busy="true">
      {label}
    </p>
  );
}

/** What a failure says, for the small print next to "try again" (anything may be thrown). */
export const errorText = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

/** An unexpected failure: what to do next, never a stack trace. */
export function ErrorNotice({ error, retry }: { error: unknown; retry?: () => void }) {
  const message = errorText(error);
  return (
    <div className="notice error" role="alert">
      <p>문제가 생겼습니다. 잠시 후 다시 시도해 주세요.</p>
      <p className="muted small">{message}</p>
      {retry && (
        <button type="button" className="button secondary" onClick={retry}>
          다시 시도
        </button>
      )}
    </div>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <div className="empty">{children}</div>;
}

/** Shown on pages that need an account: one tap to sign in and come back. */
export function SignInRequired({ what }: { what: string }) {
  const location = useLocation();
  const back = encodeURIComponent(location.pathname + location.search);
  return (
    <div className="empty">
      <p>{what}을(를) 보려면 로그인해 주세요.</p>
      <Link className="button" to={`/sign-in?next=${back}`}>
        로그인
      </Link>
    </div>
  );
}

/** A typed GraphQL result error (a `UserError`): its message is safe to show. */
export function UserErrorNotice({ error }: { error: { code: string; message: string } | null }) {
  if (!error) return null;
  return (
    <p className="notice error" role="alert" data-code={error.code}>
      {error.message}
    </p>
  );
}
