import { useSession } from '@bloom/client-shared';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useSignOut } from './sign-out.hook.js';

export const isAdmin = (roles: readonly string[]): boolean => roles.includes('ADMIN');

/** What a customer or seller who signed in here sees, and nothing else. */
function Refused() {
  const signOut = useSignOut();
  return (
    <main className="admin-auth">
      <section className="card stack admin-auth-form" aria-labelledby="refused-title">
        <div className="admin-auth-brand">
          <img src="/favicon.svg" alt="" width={36} height={36} />
          <span>Blooming Blooms 운영센터</span>
        </div>
        <h1 id="refused-title">운영자 계정만 들어올 수 있어요</h1>
        <p className="muted">
          지금 로그인한 계정에는 운영 권한이 없어요. 운영자 계정으로 다시 로그인해 주세요.
        </p>
        <button type="button" className="button block" onClick={() => void signOut()}>
          다른 계정으로 로그인
        </button>
      </section>
    </main>
  );
}

/**
 * The console is for admins only: signed out → the sign-in page (and back here after it);
 * signed in without the ADMIN role → the refused page, rendered before any admin query can be
 * sent. The API refuses such callers anyway; this only shows the right page.
 */
export function RequireAdmin({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (!session) {
    const back = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/sign-in?next=${back}`} replace />;
  }
  if (!isAdmin(session.user.roles)) return <Refused />;
  return children;
}
