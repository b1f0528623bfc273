import { useMutation, useQuery } from '@apollo/client/react';
import {
  Empty,
  ErrorNotice,
  Loading,
  formatDay,
  formatWon,
  seoulDay,
  useToast,
} from '@bloom/client-shared';
import { useState } from 'react';
import { CouponForm } from './coupon-form.js';
import {
  COUPON_USE_LABEL,
  type Coupon,
  type CouponsData,
  DELETE_COUPON,
  type DeleteCouponData,
  SELLER_COUPONS,
} from './coupons.operations.js';
import './coupons.css';

const dayOf = (iso: string) => seoulDay(0, new Date(iso));

type Phase = 'live' | 'upcoming' | 'over';

function phaseOf(coupon: Coupon, now: number): Phase {
  if (coupon.active) return 'live';
  if (new Date(coupon.startsAt).getTime() > now && new Date(coupon.endsAt).getTime() > now)
    return 'upcoming';
  return 'over';
}

const PHASE_LABEL: Record<Phase, string> = { live: '진행 중', upcoming: '시작 전', over: '끝남' };

/** The store's coupons: running ones first, each with issued against its limit. */
export function CouponsView() {
  const { data, error, loading, refetch } = useQuery<CouponsData>(SELLER_COUPONS, {
    fetchPolicy: 'cache-and-network',
  });
  const toast = useToast();
  const [editing, setEditing] = useState<Coupon | 'new' | null>(null);
  // When the page opened: enough to sort coupons into running, upcoming and over.
  const [now] = useState(() => Date.now());

  if (loading && !data) return <Loading />;
  if (error && !data) return <ErrorNotice error={error} retry={() => void refetch()} />;
  const store = data?.myStore;
  if (!store)
    return <Empty>꽃집을 먼저 만들어 주세요. 쿠폰은 꽃집이 생긴 뒤에 만들 수 있어요.</Empty>;

  const withPhase = store.coupons.map((c) => ({ coupon: c, phase: phaseOf(c, now) }));
  const current = withPhase.filter((c) => c.phase !== 'over');
  const over = withPhase.filter((c) => c.phase === 'over');
  const done = (message: string) => {
    setEditing(null);
    toast({ title: message });
  };

  return (
    <div className="cpn stack">
      <header className="cpn-head">
        <div>
          <h1>쿠폰</h1>
          <p className="muted small">손님이 쿠폰을 받으면 발급 수가 올라가요.</p>
        </div>
        {editing === null && (
          <button type="button" className="button" onClick={() => setEditing('new')}>
            새 쿠폰 만들기
          </button>
        )}
      </header>
      {editing !== null && (
        <CouponForm
          key={editing === 'new' ? 'new' : editing.id}
          storeId={store.id}
          coupon={editing === 'new' ? null : editing}
          onDone={done}
          onCancel={() => setEditing(null)}
        />
      )}
      {current.length === 0 ? (
        <Empty>진행 중인 쿠폰이 없어요. 새 쿠폰을 만들어 단골손님께 감사를 전해 보세요.</Empty>
      ) : (
        <ul className="cpn-list">
          {current.map(({ coupon, phase }) => (
            <CouponRow
              key={coupon.id}
              coupon={coupon}
              phase={phase}
              onEdit={() => setEditing(coupon)}
              onEnded={(m) => toast({ title: m })}
            />
          ))}
        </ul>
      )}
      {over.length > 0 && (
        <section className="stack" aria-label="끝난 쿠폰">
          <h2>끝난 쿠폰</h2>
          <ul className="cpn-list">
            {over.map(({ coupon, phase }) => (
              <CouponRow key={coupon.id} coupon={coupon} phase={phase} />
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

function CouponRow({
  coupon,
  phase,
  onEdit,
  onEnded,
}: {
  coupon: Coupon;
  phase: Phase;
  onEdit?: () => void;
  onEnded?: (message: string) => void;
}) {
  const [confirming, setConfirming] = useState(false);
  const [failed, setFailed] = useState(false);
  const [end, ending] = useMutation<DeleteCouponData>(DELETE_COUPON, {
    // A deleted coupon is gone for good: drop it from the cache so it never shows as "끝남".
    update(cache, { data }) {
      if (data)
        cache.evict({ id: cache.identify({ __typename: 'Coupon', id: data.deleteCoupon.id }) });
      cache.gc();
    },
  });
  const used = coupon.issueLimit > 0 ? Math.min(1, coupon.issuedCount / coupon.issueLimit) : 0;

  const finish = async () => {
    setFailed(false);
    try {
      await end({ variables: { couponId: coupon.id } });
      onEnded?.(`‘${coupon.name}’ 쿠폰 발급을 끝냈어요.`);
    } catch {
      setFailed(true);
    }
  };

  return (
    <li className={`cpn-row card ${phase}`} data-code={coupon.code}>
      <div className="cpn-row-head">
        <div>
          <h3 className="cpn-name">{coupon.name}</h3>
          <p className="cpn-code">{coupon.code}</p>
        </div>
        <span className={`cpn-phase ${phase}`}>{PHASE_LABEL[phase]}</span>
      </div>
      <p className="cpn-discount">{formatWon(coupon.discountAmount)} 할인</p>
      <p className="cpn-terms muted small">
        {coupon.minOrderAmount > 0
          ? `${formatWon(coupon.minOrderAmount)} 이상 주문 시`
          : '최소 주문 금액 없음'}{' '}
        · {formatDay(dayOf(coupon.startsAt))} ~ {formatDay(dayOf(coupon.endsAt))}
      </p>
      <p className="cpn-use-line small">
        사용 조건:{' '}
        <span className={coupon.onlyFor ? 'cpn-use-tag' : undefined}>
          {COUPON_USE_LABEL[coupon.onlyFor ?? 'ANY']}
        </span>
      </p>
      <div className="cpn-issued">
        <div
          className="cpn-meter"
          role="meter"
          aria-label="발급 현황"
          aria-valuemin={0}
          aria-valuemax={coupon.issueLimit}
          aria-valuenow={coupon.issuedCount}
        >
          <span style={{ width: `${Math.round(used * 100)}%` }} />
        </div>
        <p className="cpn-issued-text">
          <strong>{coupon.issuedCount.toLocaleString('ko-KR')}</strong> /{' '}
          {coupon.issueLimit.toLocaleString('ko-KR')}장 발급 ·{' '}
          {coupon.remaining > 0
            ? `${coupon.remaining.toLocaleString('ko-KR')}장 남음`
            : '모두 소진'}
        </p>
      </div>
      {onEdit && (
        <div className="cpn-actions">
          {confirming ? (
            <>
              <span className="small">
                끝내면 목록에서 빠지고, 이미 받은 손님도 더는 쓸 수 없어요. 끝낼까요?
              </span>
              <button
                type="button"
                className="button secondary"
                onClick={() => setConfirming(false)}
              >
                그대로 두기
              </button>
              <button
                type="button"
                className="button cpn-danger"
                disabled={ending.loading}
                onClick={() => void finish()}
              >
                발급 끝내기
              </button>
            </>
          ) : (
            <>
              <button type="button" className="button secondary" onClick={onEdit}>
                고치기
              </button>
              <button
                type="button"
                className="button secondary"
                onClick={() => setConfirming(true)}
              >
                끝내기
              </button>
            </>
          )}
        </div>
      )}
      {failed && (
        <p className="notice error" role="alert">
          쿠폰을 끝내지 못했어요. 잠시 후 다시 시도해 주세요.
        </p>
      )}
    </li>
  );
}
