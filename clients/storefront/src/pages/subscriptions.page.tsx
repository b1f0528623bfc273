import { gql } from '@apollo/client';
import { useMutation, useQuery } from '@apollo/client/react';
import { type ReactNode, useState } from 'react';
import { Link } from 'react-router';
import { formatDay, formatFee, formatWon, seoulDay } from '../app/format.js';
import { useSession } from '../app/session.context.js';
import { addDays, addMonths, windowText, windowValue } from '../ui/buy-dates.js';
import {
  AddressFields,
  type AddressValue,
  CARD_INCOMPLETE,
  CardFields,
  type CardValue,
  cardInput,
  DeliveryWindowChips,
  EMPTY_CARD,
  trimmedAddress,
} from '../ui/buy-fields.js';
import { INVALID_INPUT, inKorean, type TypedError } from '../ui/buy-messages.js';
import { type OrderStatus, OrderStatusPill } from '../ui/buy-order-status.js';
import {
  CYCLE_KIND_LABEL,
  CYCLE_LABEL,
  type CycleKind,
  type SubscriptionCycle,
  suspendedText,
} from '../ui/buy-subscription.js';
import {
  Empty,
  ErrorNotice,
  errorText,
  Loading,
  SignInRequired,
  UserErrorNotice,
} from '../ui/status.js';
import { Icon } from '../ui/icons.js';

const SUBSCRIPTION_FIELDS = gql`
  fragment SubscriptionFields on FlowerSubscription {
    id
    status
    cycle
    quantity
    productName
    leadDays
    nextBillingDate
    nextDeliveryDate
    nextCycle
    nextCharge {
      subtotal
      deliveryFee
      total
    }
    deliveryWindow
    paused
    pause {
      from
      until
    }
    cardLast4
    suspendedReason
    endsAfterCycle
    address {
      recipientName
      phone
      zipCode
      line1
      line2
    }
    product {
      id
      name
      images {
        url
      }
    }
    store {
      id
      name
      deliveryPolicy {
        windows {
          start
          end
        }
      }
    }
    cycles {
      cycle
      deliveryDate
      kind
      amount
      order {
        id
        status
      }
    }
  }
`;

const MY_SUBSCRIPTIONS = gql`
  query MySubscriptions {
    mySubscriptions {
      ...SubscriptionFields
    }
  }
  ${SUBSCRIPTION_FIELDS}
`;

/** Every change returns the subscription as it is now; the cache updates it by id. */
const RESULT = `
  __typename
  ... on FlowerSubscription {
    ...SubscriptionFields
  }
  ... on SubscriptionStateError {
    code
    message
  }
  ...InvalidInputFields
`;
/** The fragments `RESULT` spreads, for the mutations that select it. */
const RESULT_FRAGMENTS = gql`
  ${SUBSCRIPTION_FIELDS}
  ${INVALID_INPUT}
`;

const SKIP = gql`
  mutation SkipNextCycle($id: ID!, $cycle: Int) {
    skipNextSubscriptionCycle(id: $id, cycle: $cycle) { ${RESULT} }
  }
  ${RESULT_FRAGMENTS}
`;
const PAUSE = gql`
  mutation PauseSubscription($id: ID!, $from: String!, $until: String!) {
    pauseSubscription(id: $id, from: $from, until: $until) { ${RESULT} }
  }
  ${RESULT_FRAGMENTS}
`;
const RESUME = gql`
  mutation ResumeSubscription($id: ID!) {
    resumeSubscription(id: $id) { ${RESULT} }
  }
  ${RESULT_FRAGMENTS}
`;
const CHANGE_ADDRESS = gql`
  mutation ChangeSubscriptionAddress(
    $id: ID!
    $address: SubscriptionAddressInput!
    $deliveryWindow: String
  ) {
    changeSubscriptionAddress(id: $id, address: $address, deliveryWindow: $deliveryWindow) { ${RESULT} }
  }
  ${RESULT_FRAGMENTS}
`;
const CHANGE_DATE = gql`
  mutation ChangeSubscriptionDate($id: ID!, $date: String!) {
    changeSubscriptionDate(id: $id, date: $date) { ${RESULT} }
  }
  ${RESULT_FRAGMENTS}
`;
const CHANGE_CARD = gql`
  mutation ChangeSubscriptionCard($id: ID!, $card: CardInput!) {
    changeSubscriptionCard(id: $id, card: $card) {
      __typename
      ... on FlowerSubscription {
        ...SubscriptionFields
      }
      ... on SubscriptionStateError {
        code
        message
      }
      ... on PaymentMethodRefusedError {
        code
        message
      }
    }
  }
  ${SUBSCRIPTION_FIELDS}
`;
const CANCEL = gql`
  mutation CancelSubscription($id: ID!) {
    cancelSubscription(id: $id) { ${RESULT} }
  }
  ${RESULT_FRAGMENTS}
`;

interface FlowerSubscription {
  id: string;
  status: 'ACTIVE' | 'SUSPENDED' | 'CANCELED';
  cycle: SubscriptionCycle;
  quantity: number;
  productName: string;
  leadDays: number;
  nextBillingDate: string | null;
  nextDeliveryDate: string | null;
  nextCycle: number | null;
  nextCharge: { subtotal: number; deliveryFee: number; total: number } | null;
  deliveryWindow: string;
  paused: boolean;
  pause: { from: string; until: string } | null;
  cardLast4: string;
  suspendedReason: string | null;
  endsAfterCycle: number | null;
  address: AddressValue;
  product: { id: string; name: string; images: { url: string }[] };
  store: {
    id: string;
    name: string;
    deliveryPolicy: { windows: { start: string; end: string }[] };
  };
  cycles: {
    cycle: number;
    deliveryDate: string;
    kind: CycleKind;
    amount: number;
    order: { id: string; status: OrderStatus } | null;
  }[];
}

type ChangeResult =
  | ({ __typename: 'FlowerSubscription' } & FlowerSubscription)
  | ({
      __typename: 'SubscriptionStateError' | 'InvalidInputError' | 'PaymentMethodRefusedError';
    } & TypedError);

type Panel = 'skip' | 'pause' | 'address' | 'date' | 'card' | 'cancel' | null;

export function Page() {
  const session = useSession();
  if (!session) return <SignInRequired what="정기구독" />;
  return <Subscriptions />;
}

function Subscriptions() {
  const { data, loading, error, refetch } = useQuery<{ mySubscriptions: FlowerSubscription[] }>(
    MY_SUBSCRIPTIONS,
    { fetchPolicy: 'cache-and-network' },
  );
  if (loading && !data) return <Loading />;
  if (error && !data) return <ErrorNotice error={error} retry={() => void refetch()} />;
  if (!data) return null;
  const list = data.mySubscriptions;
  return (
    <div className="buy-page">
      <h1>정기구독</h1>
      {list.length === 0 ? (
        <Empty>
          <p>
            구독 중인 꽃이 없어요.
            <br />
            정기구독 상품을 고르면 정해진 날마다 꽃이 도착해요.
          </p>
          <Link className="button" to="/products">
            정기구독 상품 찾기
          </Link>
        </Empty>
      ) : (
        list.map((s) => <SubscriptionCard key={s.id} subscription={s} />)
      )}
    </div>
  );
}

function statusPill(s: FlowerSubscription) {
  if (s.status === 'CANCELED') return <span className="status-pill bad">해지됨</span>;
  if (s.status === 'SUSPENDED') return <span className="status-pill bad">결제 실패로 정지</span>;
  if (s.paused) return <span className="status-pill">일시정지 중</span>;
  return <span className="status-pill good">구독 중</span>;
}

function SubscriptionCard({ subscription: s }: { subscription: FlowerSubscription }) {
  const [panel, setPanel] = useState<Panel>(null);
  const [done, setDone] = useState<string | null>(null);
  const { problem, setProblem, apply } = useChange();
  const [skip, skipping] = useMutation<{ skipNextSubscriptionCycle: ChangeResult }>(SKIP);
  const [resume, resuming] = useMutation<{ resumeSubscription: ChangeResult }>(RESUME);
  const [cancel, canceling] = useMutation<{ cancelSubscription: ChangeResult }>(CANCEL);

  // What every panel is given: a change made closes it and says what changed.
  const panelProps: PanelProps = {
    subscription: s,
    onDone: (message) => {
      setPanel(null);
      setDone(message);
    },
    onClose: () => setPanel(null),
  };
  /** Runs one change of the card's own buttons (skip, resume, cancel). */
  const run = (change: () => Promise<ChangeResult | undefined>, success: string) => {
    setDone(null);
    return apply(change, () => panelProps.onDone(success));
  };
  const open = (next: Panel) => {
    setProblem(null);
    setDone(null);
    setPanel((p) => (p === next ? null : next));
  };

  const active = s.status === 'ACTIVE';
  const image = s.product.images[0]?.url;
  // Deliveries up to the last cycle are charged already: the pause and the date come after.
  const after = s.cycles.at(-1)?.deliveryDate ?? null;

  return (
    <article className="card stack buy-sub" aria-labelledby={`sub-${s.id}`}>
      <div className="buy-sub-head">
        <span className="buy-thumb">
          {image ? <img src={image} alt="" loading="lazy" /> : <Icon name="flower" />}
        </span>
        <div className="buy-line-body">
          <Link id={`sub-${s.id}`} to={`/products/${s.product.id}`} className="buy-line-name">
            {s.productName}
          </Link>
          <span className="muted small">
            {s.store.name} · {CYCLE_LABEL[s.cycle]} · {s.quantity}개
          </span>
          <span>{statusPill(s)}</span>
        </div>
      </div>

      {s.status === 'SUSPENDED' && (
        <div className="notice error" role="alert">
          <p>{suspendedText(s.suspendedReason)}</p>
          <p className="small">
            카드를 바꾸면 바로 다시 시작되고, 결제에 실패한 배송도 배송일 전이라면 다시 결제해요.
          </p>
        </div>
      )}
      {s.status === 'CANCELED' && (
        <p className="notice small">
          해지된 구독입니다.
          {s.endsAfterCycle
            ? ` 이미 결제된 ${s.endsAfterCycle}회차 배송까지는 그대로 도착해요.`
            : ''}
        </p>
      )}

      {s.status !== 'CANCELED' && (
        <dl className="buy-facts">
          <dt>다음 배송</dt>
          <dd>
            {s.nextDeliveryDate
              ? `${formatDay(s.nextDeliveryDate)} ${windowText(s.deliveryWindow)}`
              : '예정된 배송 없음'}
          </dd>
          {s.nextBillingDate && (
            <>
              <dt>다음 결제</dt>
              <dd>
                {formatDay(s.nextBillingDate)}
                {s.nextCharge && (
                  <>
                    {' · '}
                    <strong>{formatWon(s.nextCharge.total)}</strong>
                    <span className="muted small">
                      {' '}
                      (배송비 {formatFee(s.nextCharge.deliveryFee)})
                    </span>
                  </>
                )}
              </dd>
            </>
          )}
          {s.pause && (
            <>
              <dt>일시정지</dt>
              <dd>
                {formatDay(s.pause.from)} ~ {formatDay(addDays(s.pause.until, -1))}
                <span className="muted small"> ({formatDay(s.pause.until)}부터 다시 배송)</span>
              </dd>
            </>
          )}
          <dt>받는 분</dt>
          <dd>
            {s.address.recipientName} · {s.address.line1} {s.address.line2}
          </dd>
          <dt>결제 카드</dt>
          <dd>**** {s.cardLast4}</dd>
        </dl>
      )}

      {done && (
        <p className="notice ok small" role="status">
          {done}
        </p>
      )}
      <UserErrorNotice error={inKorean(problem)} />

      {s.status !== 'CANCELED' && (
        <div className="buy-sub-actions" role="group" aria-label="구독 관리">
          {active && s.nextDeliveryDate && (
            <ActionButton current={panel} panel="skip" onOpen={open}>
              다음 배송 건너뛰기
            </ActionButton>
          )}
          {(s.pause || s.status === 'SUSPENDED') && (
            <button
              type="button"
              className="button secondary"
              disabled={resuming.loading}
              onClick={() =>
                void run(
                  async () => (await resume({ variables: { id: s.id } })).data?.resumeSubscription,
                  s.status === 'SUSPENDED'
                    ? '다시 시작했어요. 다음 결제일에 같은 카드로 결제해요.'
                    : '일시정지를 끝냈어요.',
                )
              }
            >
              {s.status === 'SUSPENDED' ? '같은 카드로 다시 시작' : '일시정지 해제'}
            </button>
          )}
          {active && !s.pause && (
            <ActionButton current={panel} panel="pause" onOpen={open}>
              일시정지
            </ActionButton>
          )}
          {active && (
            <ActionButton current={panel} panel="date" onOpen={open}>
              배송일 변경
            </ActionButton>
          )}
          <ActionButton current={panel} panel="address" onOpen={open}>
            배송지·시간 변경
          </ActionButton>
          <ActionButton current={panel} panel="card" onOpen={open}>
            카드 변경
          </ActionButton>
          {/* Out of the way: the one change that cannot be undone. */}
          <button
            type="button"
            className="buy-link"
            aria-expanded={panel === 'cancel'}
            onClick={() => open('cancel')}
          >
            구독 해지
          </button>
        </div>
      )}

      {panel === 'skip' && s.nextDeliveryDate && (
        <ConfirmPanel
          title={`${formatDay(s.nextDeliveryDate)} 배송을 건너뛸까요?`}
          detail="이번 회차는 결제되지 않고, 그다음 배송은 원래 일정대로 와요."
          confirm="건너뛰기"
          busy={skipping.loading}
          onCancel={panelProps.onClose}
          // The cycle shown is the one skipped: a retried or doubled tap skips it once.
          onConfirm={() =>
            void run(
              async () =>
                (await skip({ variables: { id: s.id, cycle: s.nextCycle } })).data
                  ?.skipNextSubscriptionCycle,
              '다음 배송을 건너뛰었어요.',
            )
          }
        />
      )}
      {panel === 'pause' && <PausePanel {...panelProps} after={after} />}
      {panel === 'date' && <DatePanel {...panelProps} after={after} />}
      {panel === 'address' && <AddressPanel {...panelProps} />}
      {panel === 'card' && <CardPanel {...panelProps} />}
      {panel === 'cancel' && (
        <ConfirmPanel
          title="정기구독을 해지할까요?"
          detail="다음 결제부터 멈추고, 이미 결제된 배송은 그대로 도착해요. 해지는 되돌릴 수 없어요."
          confirm="해지하기"
          danger
          busy={canceling.loading}
          onCancel={panelProps.onClose}
          onConfirm={() =>
            void run(
              async () => (await cancel({ variables: { id: s.id } })).data?.cancelSubscription,
              '정기구독을 해지했어요.',
            )
          }
        />
      )}

      {s.cycles.length > 0 && <CycleHistory cycles={s.cycles} />}
    </article>
  );
}

function ActionButton({
  current,
  panel,
  onOpen,
  children,
}: {
  current: Panel;
  panel: Exclude<Panel, null>;
  onOpen: (panel: Panel) => void;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      className={`button secondary${current === panel ? ' buy-open' : ''}`}
      aria-expanded={current === panel}
      onClick={() => onOpen(panel)}
    >
      {children}
    </button>
  );
}

function ConfirmPanel({
  title,
  detail,
  confirm,
  danger = false,
  busy,
  onCancel,
  onConfirm,
}: {
  title: string;
  detail: string;
  confirm: string;
  danger?: boolean;
  busy: boolean;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  return (
    <div className={`buy-panel${danger ? ' danger' : ''}`} role="group" aria-label={title}>
      <strong>{title}</strong>
      <p className="small muted">{detail}</p>
      <div className="buy-actions">
        <button type="button" className="button secondary" onClick={onCancel}>
          아니요
        </button>
        <button type="button" className="button" disabled={busy} onClick={onConfirm}>
          {busy ? '처리 중…' : confirm}
        </button>
      </div>
    </div>
  );
}

/** A change with its own fields: what to fill in, why it failed, close or send. */
function ChangePanel({
  label,
  title,
  detail,
  problem,
  busy,
  busyText = '처리 중…',
  submitText,
  canSubmit = true,
  onSubmit,
  onClose,
  children,
}: {
  label: string;
  title: string;
  detail: ReactNode;
  problem: TypedError | null;
  busy: boolean;
  busyText?: string;
  submitText: string;
  canSubmit?: boolean;
  onSubmit: () => void;
  onClose: () => void;
  children: ReactNode;
}) {
  return (
    <div className="buy-panel stack" role="group" aria-label={label}>
      <strong>{title}</strong>
      <p className="small muted">{detail}</p>
      {children}
      <UserErrorNotice error={inKorean(problem)} />
      <div className="buy-actions">
        <button type="button" className="button secondary" onClick={onClose}>
          닫기
        </button>
        <button type="button" className="button" disabled={busy || !canSubmit} onClick={onSubmit}>
          {busy ? busyText : submitText}
        </button>
      </div>
    </div>
  );
}

interface PanelProps {
  subscription: FlowerSubscription;
  onDone: (message: string) => void;
  onClose: () => void;
}

/** Shared by the panels: a typed error in Korean, or a network failure. */
function useChange() {
  const [problem, setProblem] = useState<TypedError | null>(null);
  const apply = async (change: () => Promise<ChangeResult | undefined>, onDone: () => void) => {
    setProblem(null);
    try {
      const result = await change();
      if (!result) return;
      if (result.__typename === 'FlowerSubscription') onDone();
      else setProblem(result);
    } catch (failure) {
      setProblem({
        code: 'NETWORK',
        message: `바꾸지 못했습니다. 다시 시도해 주세요. (${errorText(failure)})`,
      });
    }
  };
  return { problem, setProblem, apply };
}

/**
 * The first day a pause or a new date can start: `floor` at the earliest, and after `after`
 * (the last delivery already charged). The panel opens on the next delivery when it qualifies.
 */
function firstFreeDay(s: FlowerSubscription, after: string | null, floor: string) {
  const earliest = after && after >= floor ? addDays(after, 1) : floor;
  const initial =
    s.nextDeliveryDate && s.nextDeliveryDate >= earliest ? s.nextDeliveryDate : earliest;
  return { earliest, initial };
}

function PausePanel({
  subscription: s,
  after,
  onDone,
  onClose,
}: PanelProps & { after: string | null }) {
  const [today] = useState(() => seoulDay(0));
  // A pause starts today or later, and after the deliveries already charged.
  const { earliest, initial } = firstFreeDay(s, after, today);
  const [from, setFrom] = useState(initial);
  const [until, setUntil] = useState(addDays(from, 14));
  const latest = addMonths(from, 3);
  const [pause, { loading }] = useMutation<
    { pauseSubscription: ChangeResult },
    { id: string; from: string; until: string }
  >(PAUSE);
  const { problem, setProblem, apply } = useChange();
  const submit = () => {
    if (until <= from || until > latest) {
      setProblem({
        code: 'PAUSE_RANGE',
        message: '다시 받을 날은 시작일 다음 날부터 3개월 안에서 골라 주세요.',
      });
      return;
    }
    void apply(
      async () => (await pause({ variables: { id: s.id, from, until } })).data?.pauseSubscription,
      () => onDone(`${formatDay(from)}부터 ${formatDay(until)} 전까지 배송을 쉬어요.`),
    );
  };
  return (
    <ChangePanel
      label="일시정지"
      title="얼마 동안 쉴까요?"
      detail="최대 3개월까지 쉴 수 있고, 쉬는 동안은 결제되지 않아요."
      problem={problem}
      busy={loading}
      submitText="일시정지"
      canSubmit={Boolean(from && until)}
      onSubmit={submit}
      onClose={onClose}
    >
      <div className="buy-two">
        <label className="field">
          쉬기 시작하는 날
          <input
            type="date"
            min={earliest}
            value={from}
            onChange={(event) => {
              const next = event.target.value;
              setFrom(next);
              if (until <= next || until > addMonths(next, 3)) setUntil(addDays(next, 14));
            }}
          />
        </label>
        <label className="field">
          다시 받는 날
          <input
            type="date"
            min={addDays(from, 1)}
            max={latest}
            value={until}
            onChange={(event) => setUntil(event.target.value)}
          />
        </label>
      </div>
    </ChangePanel>
  );
}

function DatePanel({
  subscription: s,
  after,
  onDone,
  onClose,
}: PanelProps & { after: string | null }) {
  const [today] = useState(() => seoulDay(0));
  // A delivery is charged `leadDays` before it: the new date leaves time for that.
  const { earliest, initial } = firstFreeDay(s, after, addDays(today, s.leadDays));
  const [date, setDate] = useState(initial);
  const [change, { loading }] = useMutation<
    { changeSubscriptionDate: ChangeResult },
    { id: string; date: string }
  >(CHANGE_DATE);
  const { problem, apply } = useChange();
  return (
    <ChangePanel
      label="배송일 변경"
      title="다음 배송을 언제 받을까요?"
      detail={`고른 날부터 ${CYCLE_LABEL[s.cycle]} 같은 요일(날짜)에 배송돼요. 결제는 배송 ${s.leadDays}일 전에 해요.`}
      problem={problem}
      busy={loading}
      submitText="변경하기"
      canSubmit={Boolean(date)}
      onSubmit={() =>
        void apply(
          async () =>
            (await change({ variables: { id: s.id, date } })).data?.changeSubscriptionDate,
          () => onDone(`다음 배송을 ${formatDay(date)}로 옮겼어요.`),
        )
      }
      onClose={onClose}
    >
      <label className="field">
        다음 배송일
        <input
          type="date"
          min={earliest}
          value={date}
          onChange={(event) => setDate(event.target.value)}
        />
      </label>
    </ChangePanel>
  );
}

function AddressPanel({ subscription: s, onDone, onClose }: PanelProps) {
  const [address, setAddress] = useState<AddressValue>({
    recipientName: s.address.recipientName,
    phone: s.address.phone,
    zipCode: s.address.zipCode,
    line1: s.address.line1,
    line2: s.address.line2,
  });
  const windows = s.store.deliveryPolicy.windows.map(windowValue);
  const [deliveryWindow, setDeliveryWindow] = useState(s.deliveryWindow);
  const [change, { loading }] = useMutation<
    { changeSubscriptionAddress: ChangeResult },
    { id: string; address: AddressValue; deliveryWindow?: string }
  >(CHANGE_ADDRESS);
  const { problem, apply } = useChange();
  return (
    <ChangePanel
      label="배송지·시간 변경"
      title="배송지와 시간"
      detail="아직 결제되지 않은 배송부터 바뀐 곳으로 보내요."
      problem={problem}
      busy={loading}
      submitText="저장하기"
      onSubmit={() =>
        void apply(
          async () =>
            (
              await change({
                variables: {
                  id: s.id,
                  address: trimmedAddress(address),
                  ...(windows.includes(deliveryWindow) ? { deliveryWindow } : {}),
                },
              })
            ).data?.changeSubscriptionAddress,
          () => onDone('배송지와 시간을 바꿨어요.'),
        )
      }
      onClose={onClose}
    >
      <AddressFields value={address} onChange={setAddress} invalidField={problem?.field} />
      <DeliveryWindowChips windows={windows} value={deliveryWindow} onChange={setDeliveryWindow} />
    </ChangePanel>
  );
}

function CardPanel({ subscription: s, onDone, onClose }: PanelProps) {
  const [card, setCard] = useState<CardValue>(EMPTY_CARD);
  const [change, { loading }] = useMutation<
    { changeSubscriptionCard: ChangeResult },
    { id: string; card: NonNullable<ReturnType<typeof cardInput>> }
  >(CHANGE_CARD);
  const { problem, setProblem, apply } = useChange();
  const suspended = s.status === 'SUSPENDED';
  const submit = () => {
    const input = cardInput(card);
    if (!input) {
      setProblem(CARD_INCOMPLETE);
      return;
    }
    void apply(
      async () =>
        (await change({ variables: { id: s.id, card: input } })).data?.changeSubscriptionCard,
      () =>
        onDone(
          suspended
            ? `카드를 바꾸고 구독을 다시 시작했어요 (**** ${input.number.slice(-4)}).`
            : `결제 카드를 바꿨어요 (**** ${input.number.slice(-4)}).`,
        ),
    );
  };
  return (
    <ChangePanel
      label="카드 변경"
      title="결제 카드 바꾸기"
      detail={
        <>
          카드는 결제대행사에 안전하게 등록되고, 다음 결제부터 이 카드로 결제해요.
          {suspended &&
            ' 정지된 구독은 새 카드로 바로 다시 시작되고, 실패한 배송도 배송일 전이라면 다시 결제해요.'}
        </>
      }
      problem={problem}
      busy={loading}
      busyText="등록 중…"
      submitText={suspended ? '카드 바꾸고 다시 시작' : '카드 바꾸기'}
      onSubmit={submit}
      onClose={onClose}
    >
      <CardFields value={card} onChange={setCard} />
    </ChangePanel>
  );
}

function CycleHistory({ cycles }: { cycles: FlowerSubscription['cycles'] }) {
  const [all, setAll] = useState(false);
  const newestFirst = [...cycles].reverse();
  const shown = all ? newestFirst : newestFirst.slice(0, 3);
  return (
    <details className="buy-cycles">
      <summary>회차 기록 {cycles.length}건</summary>
      <ul>
        {shown.map((c) => (
          <li key={c.cycle} className="row">
            <span className="small">
              {c.cycle}회 · {formatDay(c.deliveryDate)} ·{' '}
              <span className={c.kind === 'DELIVERY' ? '' : 'muted'}>
                {CYCLE_KIND_LABEL[c.kind]}
              </span>
              {c.kind === 'DELIVERY' && c.amount > 0 && ` · ${formatWon(c.amount)}`}
            </span>
            {c.order && (
              <Link to={`/orders/${c.order.id}`} aria-label={`${c.cycle}회 주문 보기`}>
                <OrderStatusPill status={c.order.status} />
              </Link>
            )}
          </li>
        ))}
      </ul>
      {!all && cycles.length > 3 && (
        <button type="button" className="buy-link" onClick={() => setAll(true)}>
          모두 보기
        </button>
      )}
    </details>
  );
}
