import { gql } from '@apollo/client';
import { useMutation, useQuery } from '@apollo/client/react';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import {
  Empty,
  ErrorNotice,
  errorText,
  fieldName,
  formatDay,
  formatFee,
  formatWon,
  Icon,
  inKorean,
  INVALID_INPUT,
  Loading,
  seoulDay,
  type TypedError,
  UserErrorNotice,
  useSession,
} from '@bloom/client-shared';
import { deliveryFeeFor } from '../ui/buy-cart.js';
import { addDays, windowValue } from '../ui/buy-dates.js';
import {
  AddressPicker,
  type AddressValue,
  CARD_INCOMPLETE,
  CardFields,
  type CardValue,
  cardInput,
  DeliveryWindowChips,
  EMPTY_CARD,
  QuantityStepper,
  trimmedAddress,
  useAddressPick,
} from '../ui/buy-fields.js';
import { newIdempotencyKey } from '../ui/buy-idempotency.js';
import { CHARGE_LEAD_DAYS, CYCLE_LABEL, type SubscriptionCycle } from '../ui/buy-subscription.js';
import { AccountRequired } from '../ui/account-required.js';

const SUBSCRIBABLE = gql`
  query Subscribable($id: ID!) {
    product(id: $id) {
      id
      name
      summary
      price
      saleStatus
      isSubscription
      images {
        url
      }
      store {
        id
        name
        status
        deliveryPolicy {
          fee
          freeDeliveryThreshold
          windows {
            start
            end
          }
        }
      }
    }
  }
`;

const SUBSCRIBE = gql`
  mutation Subscribe($input: SubscribeInput!) {
    subscribe(input: $input) {
      __typename
      ... on FlowerSubscription {
        id
        status
        nextDeliveryDate
      }
      ... on ProductNotSubscribableError {
        code
        message
      }
      ... on PaymentMethodRefusedError {
        code
        message
      }
      ...InvalidInputFields
    }
  }
  ${INVALID_INPUT}
`;

interface SubscribableData {
  product: {
    id: string;
    name: string;
    summary: string;
    price: number;
    saleStatus: string;
    isSubscription: boolean;
    images: { url: string }[];
    store: {
      id: string;
      name: string;
      status: string;
      deliveryPolicy: {
        fee: number;
        freeDeliveryThreshold: number | null;
        windows: { start: string; end: string }[];
      };
    };
  } | null;
}

interface SubscribeInput {
  productId: string;
  quantity: number;
  cycle: SubscriptionCycle;
  firstDeliveryDate: string;
  deliveryWindow?: string;
  address: AddressValue;
  card: NonNullable<ReturnType<typeof cardInput>>;
  idempotencyKey: string;
}

type SubscribeResult =
  | { __typename: 'FlowerSubscription'; id: string }
  | ({
      __typename: 'ProductNotSubscribableError' | 'PaymentMethodRefusedError' | 'InvalidInputError';
    } & TypedError);

const CYCLES = Object.keys(CYCLE_LABEL) as SubscriptionCycle[];

export function Page() {
  const session = useSession();
  const { productId = '' } = useParams();
  if (!session) return <AccountRequired message="정기구독을 신청하려면 로그인해 주세요." />;
  return <Subscribe key={productId} productId={productId} />;
}

function Subscribe({ productId }: { productId: string }) {
  const { data, loading, error, refetch } = useQuery<SubscribableData, { id: string }>(
    SUBSCRIBABLE,
    { variables: { id: productId } },
  );
  if (loading && !data) return <Loading />;
  if (error && !data) return <ErrorNotice error={error} retry={() => void refetch()} />;
  const product = data?.product;
  if (!product || !product.isSubscription || product.saleStatus !== 'ON_SALE') {
    return (
      <Empty>
        <p>지금 정기구독을 신청할 수 없는 상품이에요.</p>
        <Link className="button" to={product ? `/products/${product.id}` : '/products'}>
          상품 보기
        </Link>
      </Empty>
    );
  }
  return <SubscribeForm product={product} />;
}

function SubscribeForm({ product }: { product: NonNullable<SubscribableData['product']> }) {
  const navigate = useNavigate();
  // One key per screen: a double tap or a retry returns the first subscription.
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [earliest] = useState(() => seoulDay(CHARGE_LEAD_DAYS));
  const [cycle, setCycle] = useState<SubscriptionCycle>('WEEKLY');
  const [quantity, setQuantity] = useState(1);
  const [firstDate, setFirstDate] = useState(earliest);
  const windows = product.store.deliveryPolicy.windows.map(windowValue);
  const [deliveryWindow, setDeliveryWindow] = useState(windows[0] ?? '');
  const addressPick = useAddressPick();
  const [card, setCard] = useState<CardValue>(EMPTY_CARD);
  const [problem, setProblem] = useState<TypedError | null>(null);
  const [subscribe, { loading }] = useMutation<
    { subscribe: SubscribeResult },
    { input: SubscribeInput }
  >(SUBSCRIBE);

  const subtotal = product.price * quantity;
  const fee = deliveryFeeFor(product.store.deliveryPolicy, subtotal);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    const cardValue = cardInput(card);
    if (!cardValue) {
      setProblem(CARD_INCOMPLETE);
      return;
    }
    if (firstDate < earliest) {
      setProblem({ code: 'DATE', message: '', field: 'firstDeliveryDate' });
      return;
    }
    try {
      const { data } = await subscribe({
        variables: {
          input: {
            productId: product.id,
            quantity,
            cycle,
            firstDeliveryDate: firstDate,
            ...(deliveryWindow ? { deliveryWindow } : {}),
            address: trimmedAddress(addressPick.address),
            card: cardValue,
            idempotencyKey,
          },
        },
      });
      const result = data?.subscribe;
      if (!result) return;
      if (result.__typename === 'FlowerSubscription') {
        await navigate('/subscriptions', { replace: true });
        return;
      }
      setProblem(result);
    } catch (failure) {
      setProblem({
        code: 'NETWORK',
        message: `신청하지 못했어요. 다시 눌러도 두 번 신청되지 않아요. (${errorText(failure)})`,
      });
    }
  };

  const invalid = fieldName(problem?.field);
  const image = product.images[0]?.url;

  return (
    <form className="buy-page stack" onSubmit={(event) => void submit(event)} noValidate>
      <h1>정기구독 신청</h1>
      <section className="card buy-sub-head" aria-label="구독 상품">
        <span className="buy-thumb">
          {image ? <img src={image} alt="" /> : <Icon name="flower" />}
        </span>
        <div className="buy-line-body">
          <strong className="buy-line-name">{product.name}</strong>
          <span className="muted small">{product.store.name}</span>
          <span>{formatWon(product.price)} / 회</span>
        </div>
      </section>

      <section className="card stack" aria-labelledby="sb-plan">
        <h2 id="sb-plan" className="buy-section-title">
          받는 주기
        </h2>
        <div className="buy-segment four" role="radiogroup" aria-labelledby="sb-plan">
          {CYCLES.map((c) => (
            <button
              key={c}
              type="button"
              role="radio"
              aria-checked={cycle === c}
              className={cycle === c ? 'active' : ''}
              onClick={() => setCycle(c)}
            >
              {CYCLE_LABEL[c]}
            </button>
          ))}
        </div>
        <div className="row">
          <span>수량</span>
          <QuantityStepper label="회당 수량" value={quantity} max={20} onChange={setQuantity} />
        </div>
        <label className="field">
          첫 배송일
          <input
            type="date"
            name="firstDeliveryDate"
            min={earliest}
            max={addDays(earliest, 90)}
            required
            value={firstDate}
            onChange={(event) => setFirstDate(event.target.value)}
            aria-invalid={invalid === 'firstDeliveryDate' || undefined}
            aria-describedby="sb-date-why"
          />
          <span id="sb-date-why" className="muted small">
            결제는 배송 {CHARGE_LEAD_DAYS}일 전에 해요. 그래서 {formatDay(earliest)}부터 고를 수
            있어요.
          </span>
        </label>
        <DeliveryWindowChips
          windows={windows}
          value={deliveryWindow}
          onChange={setDeliveryWindow}
        />
      </section>

      <section className="card stack" aria-labelledby="sb-where">
        <h2 id="sb-where" className="buy-section-title">
          받는 곳
        </h2>
        <AddressPicker pick={addressPick} invalidField={problem?.field} />
      </section>

      <section className="card stack" aria-labelledby="sb-card">
        <h2 id="sb-card" className="buy-section-title">
          결제 카드
        </h2>
        <p className="muted small">
          카드는 정기 결제를 위해 결제대행사에 안전하게 등록돼요. 블루밍 블룸즈는 카드 번호를
          저장하지 않아요.
        </p>
        <CardFields value={card} onChange={setCard} />
      </section>

      <section className="card" aria-labelledby="sb-sum">
        <h2 id="sb-sum" className="buy-section-title">
          회차마다 결제
        </h2>
        <dl className="buy-amounts">
          <dt>상품 금액</dt>
          <dd>{formatWon(subtotal)}</dd>
          <dt>배송비</dt>
          <dd>{formatFee(fee)}</dd>
          <dt className="buy-amounts-total">회당 결제</dt>
          <dd className="buy-amounts-total">{formatWon(subtotal + fee)}</dd>
        </dl>
        <p className="muted small">
          첫 결제: {formatDay(addDays(firstDate || earliest, -CHARGE_LEAD_DAYS))} · 첫 배송:{' '}
          {formatDay(firstDate || earliest)}. 건너뛰기, 일시정지, 해지는 언제든 정기구독 화면에서 할
          수 있어요. 금액은 결제일의 상품 가격으로 계산돼요.
        </p>
      </section>

      <div className="buy-sticky">
        <UserErrorNotice error={inKorean(problem)} />
        <button type="submit" className="button block" disabled={loading}>
          {loading ? '신청하는 중…' : `${CYCLE_LABEL[cycle]} ${formatWon(subtotal + fee)} 구독하기`}
        </button>
      </div>
    </form>
  );
}
