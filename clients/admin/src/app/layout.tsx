import { gql } from '@apollo/client';
import { useApolloClient, useSubscription } from '@apollo/client/react';
import { Icon, useSession, useToast } from '@bloom/client-shared';
import { Link, NavLink, Outlet } from 'react-router';
import { AUDIT_ADDED } from '../pages/audit/audit.operations.js';
import { NAV } from './nav.js';
import { useSignOut } from './sign-out.hook.js';

const NOTICES = gql`
  subscription AdminLiveNotices {
    notificationAdded {
      id
      kind
      title
      body
    }
  }
`;

interface LiveNotice {
  notificationAdded: { id: string; kind: string; title: string; body: string };
}

interface LiveAudit {
  auditEntryAdded: { id: string; action: string };
}

/** Live notices that change what a page lists, and the queries that list it. */
const REFETCH_ON: Record<string, string[]> = {
  SELLER_APPLICATION: ['AdminApplications'],
};

/** Every audit entry refreshes the log; a decision another admin made also the queue. */
const refetchOnAudit = (action: string): string[] =>
  action.startsWith('SELLER_') ? ['AdminAuditLog', 'AdminApplications'] : ['AdminAuditLog'];

/**
 * The frame of every console page: a side nav (desktop first, it stays at 1024px), the signed-in
 * admin with sign-out, live notices as toasts (a new seller application refreshes the queue),
 * live audit entries (the log, and the queue when another admin decided an application).
 */
export function Layout() {
  const session = useSession();
  const toast = useToast();
  const client = useApolloClient();
  const signOut = useSignOut();
  useSubscription<LiveNotice>(NOTICES, {
    onData: ({ data }) => {
      const notice = data.data?.notificationAdded;
      if (!notice) return;
      toast({ id: notice.id, title: notice.title, body: notice.body });
      const include = REFETCH_ON[notice.kind];
      if (include) void client.refetchQueries({ include });
    },
  });
  useSubscription<LiveAudit>(AUDIT_ADDED, {
    onData: ({ data }) => {
      const entry = data.data?.auditEntryAdded;
      if (entry) void client.refetchQueries({ include: refetchOnAudit(entry.action) });
    },
  });

  return (
    <div className="admin-shell">
      <aside className="admin-side">
        <Link to="/" className="admin-brand" aria-label="운영센터 처음으로">
          <img src="/favicon.svg" alt="" width={28} height={28} />
          <span>
            <small>Blooming Blooms</small>
            <strong>운영센터</strong>
          </span>
        </Link>
        <nav className="admin-nav" aria-label="운영 메뉴">
          {NAV.map((item) => (
            <NavLink key={item.to} to={item.to} end={item.to === '/'}>
              <Icon name={item.icon} size={20} />
              <span>{item.label}</span>
            </NavLink>
          ))}
        </nav>
        <div className="admin-me">
          <span className="admin-me-name">{session?.user.name}</span>
          <span className="muted small">{session?.user.email}</span>
          <button type="button" className="admin-sign-out" onClick={() => void signOut()}>
            <Icon name="logout" size={18} />
            <span>로그아웃</span>
          </button>
        </div>
      </aside>
      <main className="admin-page">
        <Outlet />
      </main>
    </div>
  );
}
