import { gql } from '@apollo/client';
import { useQuery, useSubscription } from '@apollo/client/react';
import { useState } from 'react';
import { Link, NavLink, Outlet, useNavigate, useSearchParams } from 'react-router';
import { Icon, useSession, useToast } from '@bloom/client-shared';

const BADGES = gql`
  query Badges {
    unreadNoticeCount
    cart {
      itemCount
    }
  }
`;

const NOTICES = gql`
  subscription LiveNotices {
    notificationAdded {
      id
      title
      body
    }
  }
`;

interface Badges {
  unreadNoticeCount: number;
  cart: { itemCount: number };
}

interface LiveNotice {
  notificationAdded: { id: string; title: string; body: string };
}

/** The frame of every page: a top bar with search, the page, a bottom tab bar (thumb reach). */
export function Layout() {
  const session = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [query, setQuery] = useState(() => params.get('q') ?? '');
  const toast = useToast();
  const badges = useQuery<Badges>(BADGES, { skip: !session, fetchPolicy: 'cache-and-network' });
  useSubscription<LiveNotice>(NOTICES, {
    skip: !session,
    onData: ({ data }) => {
      const notice = data.data?.notificationAdded;
      if (!notice) return;
      toast({ id: notice.id, title: notice.title, body: notice.body });
      void badges.refetch();
    },
  });
  const unread = session ? (badges.data?.unreadNoticeCount ?? 0) : 0;
  const inCart = session ? (badges.data?.cart.itemCount ?? 0) : 0;

  return (
    <div className="shell">
      <header className="topbar">
        <Link to="/" className="brand" aria-label="Blooming Blooms 홈">
          <img src="/favicon.svg" alt="" width={28} height={28} />
          <span>Blooming Blooms</span>
        </Link>
        <form
          className="search-box"
          role="search"
          onSubmit={(event) => {
            event.preventDefault();
            if (query.trim()) void navigate(`/search?q=${encodeURIComponent(query.trim())}`);
          }}
        >
          <input
            type="search"
            name="q"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            placeholder="예: 친구 생일 5만원 이하 꽃다발"
            aria-label="꽃 검색"
          />
        </form>
        <Link to="/notices" className="icon-button" aria-label={`알림 ${unread}개`}>
          <Icon name="bell" />
          {unread > 0 && <span className="badge">{unread > 99 ? '99+' : unread}</span>}
        </Link>
      </header>
      <main className="page">
        <Outlet />
      </main>
      <nav className="tabbar" aria-label="주요 메뉴">
        <NavLink to="/" end>
          <Icon name="home" />홈
        </NavLink>
        <NavLink to="/products">
          <Icon name="flower" />
          둘러보기
        </NavLink>
        <NavLink to="/stores">
          <Icon name="store" />
          꽃집
        </NavLink>
        <NavLink to="/cart">
          <Icon name="cart" />
          장바구니
          {inCart > 0 && <span className="badge">{inCart}</span>}
        </NavLink>
        <NavLink to="/subscriptions">
          <Icon name="repeat" />
          정기구독
        </NavLink>
        <NavLink to="/account">
          <Icon name="user" />내 정보
        </NavLink>
      </nav>
    </div>
  );
}
