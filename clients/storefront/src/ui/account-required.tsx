import { Link, useLocation } from 'react-router';

/**
 * Like `<SignInRequired>`, for pages that do something rather than show something
 * ("주문하려면 …"): one tap to sign in or sign up and come back to this very page.
 */
export function AccountRequired({ message }: { message: string }) {
  const location = useLocation();
  const back = encodeURIComponent(location.pathname + location.search);
  return (
    <div className="empty account-required">
      <p>{message}</p>
      <Link className="button block account-cta" to={`/sign-in?next=${back}`}>
        로그인
      </Link>
      <Link className="button secondary block account-cta" to={`/sign-up?next=${back}`}>
        회원가입
      </Link>
    </div>
  );
}

/** The sign-in and sign-up pages, opened while signed in: go on to where they lead. */
export function AlreadySignedIn({ name, next }: { name: string; next: string }) {
  return (
    <div className="empty">
      <p>{name}님으로 로그인되어 있어요.</p>
      <Link className="button" to={next}>
        계속하기
      </Link>
    </div>
  );
}
