import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router';

export function Loading({ label = '불러오는 중…' }: { label?: string }) {
  return (
    <p className="muted center" role="status" aria-busy="true">
      {label}
    </p>
  );
}

/** Failures a person can act on, in Korean; the server's own words are for developers. */
const CODE_TEXT: Record<string, string> = {
  UNAUTHENTICATED: '로그인이 끝났어요. 다시 로그인해 주세요.',
  FORBIDDEN: '이 내용을 볼 수 있는 권한이 없어요.',
  NOT_FOUND: '찾는 내용이 없어요.',
  RATE_LIMITED: '요청이 너무 많아요. 잠시 후 다시 시도해 주세요.',
  QUERY_TOO_COMPLEX: '한 번에 불러올 내용이 너무 많아요.',
  GATEWAY_TIMEOUT: '응답이 늦어지고 있어요.',
  CONFLICT: '다른 곳에서 먼저 바뀌었어요. 새로 불러와 다시 시도해 주세요.',
  BAD_USER_INPUT: '입력한 내용을 확인해 주세요.',
};

function codeOf(error: unknown): string | undefined {
  if (CombinedGraphQLErrors.is(error)) {
    const code = error.errors[0]?.extensions?.code;
    return typeof code === 'string' ? code : undefined;
  }
  if (ServerError.is(error) && error.statusCode === 429) return 'RATE_LIMITED';
  return undefined;
}

/** What a failure means for the person, for the small print next to "try again". */
export const errorText = (error: unknown): string => {
  const code = codeOf(error);
  if (code && CODE_TEXT[code]) return CODE_TEXT[code];
  // fetch() rejects with a TypeError when the network is down or the server unreachable.
  if (error instanceof TypeError || ServerError.is(error)) return '인터넷 연결을 확인해 주세요.';
  return '잠시 뒤에도 같으면 고객센터로 알려 주세요.';
};

/** An unexpected failure: what to do next, never a stack trace. */
export function ErrorNotice({ error, retry }: { error: unknown; retry?: () => void }) {
  const message = errorText(error);
  return (
    <div className="notice error" role="alert">
      <p>문제가 생겼어요. 잠시 후 다시 시도해 주세요.</p>
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
