import { gql } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { Empty, ErrorNotice, Loading, REGIONS, useSession } from '@bloom/client-shared';
import { type Connection, MoreButton, appendPage, useLoadMore } from '../ui/browse-listing.js';
import { STORE_CARD, StoreCard, type StoreCardData } from './stores/store-card.js';
import './stores/stores.css';

const STORES = gql`
  query StoreFinder($filter: StoreFilter, $sort: StoreSort!, $after: String) {
    stores(filter: $filter, sort: $sort, first: 20, after: $after) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      nodes {
        ...StoreCard
      }
    }
  }
  ${STORE_CARD}
`;

interface StoresData {
  stores: Connection<StoreCardData>;
}

type StoreSort = 'RATING' | 'NEWEST' | 'DISTANCE';

/** How far "내 주변" looks: a florist delivers across a city, not across the country. */
const RADII = [3000, 10000, 30000] as const;

type Located =
  | { state: 'idle' }
  | { state: 'locating' }
  | { state: 'found'; latitude: number; longitude: number }
  | { state: 'failed'; note: string };

const NOTES = {
  denied: '위치 권한이 없어서 지역으로 찾아 드릴게요. 시·도와 구·군을 골라 주세요.',
  unsupported: '이 브라우저에서는 위치를 쓸 수 없어요. 지역으로 찾아 주세요.',
  unavailable: '지금 위치를 알 수 없어요. 지역으로 찾아 주세요.',
};

/** The shopper's position, asked only when they choose "내 주변". */
function useShopperPosition() {
  const [located, setLocated] = useState<Located>({ state: 'idle' });
  const locate = () => {
    if (!('geolocation' in navigator)) {
      setLocated({ state: 'failed', note: NOTES.unsupported });
      return;
    }
    setLocated({ state: 'locating' });
    navigator.geolocation.getCurrentPosition(
      ({ coords }) =>
        setLocated({ state: 'found', latitude: coords.latitude, longitude: coords.longitude }),
      (error) =>
        setLocated({
          state: 'failed',
          note: error.code === error.PERMISSION_DENIED ? NOTES.denied : NOTES.unavailable,
        }),
      // A shop finder needs a district, not a doorstep: a recent, coarse fix is fine.
      { timeout: 10_000, maximumAge: 300_000 },
    );
  };
  return { located, locate };
}

export function Page() {
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const { located, locate } = useShopperPosition();
  const near = params.get('mode') === 'near';
  const regionCode = params.get('region') ?? '';
  const districtCode = params.get('district') ?? '';
  const radius = Number(params.get('radius')) || RADII[1];
  const likedFirst = session !== null && params.get('liked') === '1';
  const sortParam = params.get('sort');
  const sort: StoreSort = near
    ? sortParam === 'RATING'
      ? 'RATING'
      : 'DISTANCE'
    : sortParam === 'NEWEST'
      ? 'NEWEST'
      : 'RATING';
  const region = REGIONS.find((r) => r.code === regionCode);

  const update = (changes: Record<string, string | null>) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(changes)) {
          if (value === null || value === '') next.delete(key);
          else next.set(key, value);
        }
        return next;
      },
      { replace: true },
    );

  // Back from a store page in "내 주변": the position is asked again (a granted permission
  // answers at once).
  useEffect(() => {
    if (near && located.state === 'idle') locate();
  }, [near, located.state, locate]);

  // Refused or impossible: fall back to choosing a region, with the note saying why.
  useEffect(() => {
    if (near && located.state === 'failed') update({ mode: null, sort: null });
  });

  return (
    <div className="finder">
      <title>꽃집 찾기 · Blooming Blooms</title>
      <h1>꽃집 찾기</h1>
      <div className="finder-modes" role="group" aria-label="찾는 방법">
        <button
          type="button"
          className={`chip${near ? ' active' : ''}`}
          aria-pressed={near}
          onClick={() => {
            update({ mode: 'near', sort: null });
            if (located.state !== 'found') locate();
          }}
        >
          내 주변
        </button>
        <button
          type="button"
          className={`chip${near ? '' : ' active'}`}
          aria-pressed={!near}
          onClick={() => update({ mode: null, sort: null })}
        >
          지역으로 찾기
        </button>
      </div>
      {located.state === 'failed' && !near && (
        <p className="notice" role="status">
          {located.note}
        </p>
      )}
      <div className="finder-controls">
        {near ? (
          <div className="finder-select">
            <label htmlFor="finder-radius">반경</label>
            <select
              id="finder-radius"
              value={radius}
              onChange={(e) => update({ radius: e.target.value })}
            >
              {RADII.map((r) => (
                <option key={r} value={r}>
                  {r / 1000}km 이내
                </option>
              ))}
            </select>
          </div>
        ) : (
          <>
            <div className="finder-select">
              <label htmlFor="finder-region">시·도</label>
              <select
                id="finder-region"
                value={regionCode}
                onChange={(e) => update({ region: e.target.value, district: null })}
              >
                <option value="">전국</option>
                {REGIONS.map((r) => (
                  <option key={r.code} value={r.code}>
                    {r.name}
                  </option>
                ))}
              </select>
            </div>
            <div className="finder-select">
              <label htmlFor="finder-district">구·군</label>
              <select
                id="finder-district"
                value={districtCode}
                disabled={!region}
                onChange={(e) => update({ district: e.target.value })}
              >
                <option value="">{region ? `${region.name} 전체` : '구·군 전체'}</option>
                {region?.districts.map((d) => (
                  <option key={d.code} value={d.code}>
                    {d.name}
                  </option>
                ))}
              </select>
            </div>
          </>
        )}
        <div className="finder-select">
          <label htmlFor="finder-sort">정렬</label>
          <select id="finder-sort" value={sort} onChange={(e) => update({ sort: e.target.value })}>
            {near && <option value="DISTANCE">가까운 순</option>}
            <option value="RATING">평점 높은 순</option>
            {!near && <option value="NEWEST">새로 연 순</option>}
          </select>
        </div>
      </div>
      {session && (
        <label className="finder-check">
          <input
            type="checkbox"
            checked={likedFirst}
            onChange={(e) => update({ liked: e.target.checked ? '1' : null })}
          />
          찜한 꽃집 먼저 보기
        </label>
      )}
      {near ? (
        located.state === 'found' ? (
          <StoreResults
            key={`near-${radius}-${sort}`}
            filter={{
              near: {
                latitude: located.latitude,
                longitude: located.longitude,
                radiusMeters: radius,
              },
            }}
            sort={sort}
            likedFirst={likedFirst}
            empty={`${radius / 1000}km 안에는 꽃집이 없어요. 반경을 넓혀 보세요.`}
          />
        ) : (
          <Loading label="위치를 확인하는 중…" />
        )
      ) : (
        <StoreResults
          key={`region-${regionCode}-${districtCode}-${sort}`}
          filter={{
            ...(regionCode && { regionCode }),
            ...(districtCode && { districtCode }),
          }}
          sort={sort}
          likedFirst={likedFirst}
          empty="이 지역에는 아직 꽃집이 없어요. 다른 지역을 골라 보세요."
        />
      )}
    </div>
  );
}

interface StoreFilter {
  regionCode?: string;
  districtCode?: string;
  near?: { latitude: number; longitude: number; radiusMeters: number };
}

function StoreResults({
  filter,
  sort,
  likedFirst,
  empty,
}: {
  filter: StoreFilter;
  sort: StoreSort;
  likedFirst: boolean;
  empty: string;
}) {
  const { data, loading, error, refetch, fetchMore } = useQuery<StoresData>(STORES, {
    variables: { filter, sort },
    fetchPolicy: 'cache-and-network',
  });
  const more = useLoadMore(() =>
    fetchMore({
      variables: { after: data?.stores.pageInfo.endCursor ?? null },
      updateQuery: (shown, { fetchMoreResult }) => ({
        stores: appendPage(shown.stores, fetchMoreResult.stores),
      }),
    }),
  );
  if (loading && !data) return <Loading />;
  if (!data) return <ErrorNotice error={error} retry={() => void refetch()} />;
  const { stores } = data;
  if (stores.nodes.length === 0) {
    return (
      <Empty>
        <p>{empty}</p>
      </Empty>
    );
  }
  // Among the shown stores only: the server's order stays within each group.
  const shown = likedFirst
    ? [...stores.nodes.filter((s) => s.likedByMe), ...stores.nodes.filter((s) => !s.likedByMe)]
    : stores.nodes;
  return (
    <>
      <p className="small muted" role="status">
        꽃집 {stores.totalCount}곳
      </p>
      <ul className="finder-list" aria-label="꽃집 목록">
        {shown.map((store) => (
          <li key={store.id}>
            <StoreCard store={store} />
          </li>
        ))}
      </ul>
      <MoreButton
        pageInfo={stores.pageInfo}
        shown={stores.nodes.length}
        total={stores.totalCount}
        more={more}
      />
    </>
  );
}
