import { useSession } from '@bloom/client-shared';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';

export const isSeller = (roles: readonly string[]): boolean => roles.includes('SELLER');

/**
 * The dashboard is for approved sellers only: signed out → the sign-in page (and back here
 * after it); signed in without the SELLER role (a customer, a pending or rejected applicant) →
 * the application page. The API refuses them anyway; this only shows the right page.
 */
export function RequireSeller({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (!session) {
    const back = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/sign-in?next=${back}`} replace />;
  }
  if (!isSeller(session.user.roles)) return <Navigate to="/apply" replace />;
  return children;
}
