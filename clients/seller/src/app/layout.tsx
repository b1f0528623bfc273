import { gql } from '@apollo/client';
import { useQuery, useSubscription } from '@apollo/client/react';
import { Icon, useSession, useToast } from '@bloom/client-shared';
import { Link, NavLink, Outlet } from 'react-router';
import { NAV } from './nav.js';
import { useSignOut } from './sign-out.hook.js';

const SHELL = gql`
  query SellerShell {
    unreadNoticeCount
    myStore {
      id
      name
      unanswered: questions(unansweredOnly: true, first: 1) {
        totalCount
      }
    }
  }
`;

const NOTICES = gql`
  subscription SellerLiveNotices {
    notificationAdded {
      id
      title
      body
    }
  }
`;

interface Shell {
  unreadNoticeCount: number;
  myStore: { id: string; name: string; unanswered: { totalCount: number } } | null;
}

interface LiveNotice {
  notificationAdded: { id: string; title: string; body: string };
}

const count = (n: number) => (n > 99 ? '99+' : String(n));

/**
 * The frame of every dashboard page: a top bar with the shop's name and the unread notices, a
 * side nav on a tablet (≥768px) and a bottom tab bar on a phone (thumb reach), the page.
 */
export function Layout() {
  const session = useSession();
  const toast = useToast();
  const signOut = useSignOut();
  const shell = useQuery<Shell>(SHELL, { fetchPolicy: 'cache-and-network' });
  useSubscription<LiveNotice>(NOTICES, {
    onData: ({ data }) => {
      const notice = data.data?.notificationAdded;
      if (!notice) return;
      toast({ id: notice.id, title: notice.title, body: notice.body });
      void shell.refetch();
    },
  });
  const unread = shell.data?.unreadNoticeCount ?? 0;
  const waiting = shell.data?.myStore?.unanswered.totalCount ?? 0;
  // Nav badges: unread notices, and questions still waiting for an answer.
  const badgeOf = (to: string): { n: number; label: string } | null => {
    if (to === '/notices' && unread > 0) return { n: unread, label: `읽지 않은 알림 ${unread}개` };
    if (to === '/questions' && waiting > 0) {
      return { n: waiting, label: `답변을 기다리는 문의 ${waiting}개` };
    }
    return null;
  };
  // No store yet: the set-up page (매장 설정) creates it.
  const storeName = shell.data
    ? (shell.data.myStore?.name ?? '매장을 등록해 주세요')
    : (session?.user.name ?? '');

  return (
    <div className="seller-shell">
      <header className="seller-topbar">
        <Link to="/" className="seller-brand" aria-label="오늘 주문으로">
          <img src="/favicon.svg" alt="" width={28} height={28} />
          <span className="seller-brand-text">
            <small>판매자센터</small>
            <strong className="seller-store-name">{storeName}</strong>
          </span>
        </Link>
        <div className="seller-topbar-actions">
          <Link
            to="/notices"
            className="icon-button"
            aria-label={unread > 0 ? `알림 ${unread}개 읽지 않음` : '알림'}
          >
            <Icon name="bell" />
            {unread > 0 && <span className="badge">{count(unread)}</span>}
          </Link>
          <button type="button" className="seller-sign-out" onClick={() => void signOut()}>
            <Icon name="logout" size={20} />
            <span>로그아웃</span>
          </button>
        </div>
      </header>
      <nav className="seller-nav" aria-label="판매자 메뉴">
        {NAV.map((item) => {
          const badge = badgeOf(item.to);
          return (
            <NavLink
              key={item.to}
              to={item.to}
              end={item.to === '/'}
              aria-label={badge ? `${item.label}, ${badge.label}` : undefined}
            >
              <Icon name={item.icon} size={22} />
              <span>{item.label}</span>
              {badge && (
                <span className="badge" aria-hidden="true">
                  {count(badge.n)}
                </span>
              )}
            </NavLink>
          );
        })}
      </nav>
      <main className="seller-page">
        <Outlet />
      </main>
    </div>
  );
}
