import { gql } from '@apollo/client';
import { useMutation, useQuery } from '@apollo/client/react';
import { type FormEvent, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { formatDay, formatFee, formatWon, seoulDay } from '../app/format.js';
import { useSession } from '../app/session.context.js';
import { CLAIM_COUPON, type ClaimCouponData } from '../ui/browse-coupons.js';
import { CART_VIEW, type CartGroup, type CartView, deliveryFeeFor } from '../ui/buy-cart.js';
import { addDays, weekdayOf } from '../ui/buy-dates.js';
import {
  AddressPicker,
  DeliveryWindowChips,
  QuantityStepper,
  trimmedAddress,
  useAddressPick,
} from '../ui/buy-fields.js';
import { newIdempotencyKey } from '../ui/buy-idempotency.js';
import { INVALID_INPUT, inKorean, type TypedError } from '../ui/buy-messages.js';
import { AccountRequired } from '../ui/account-required.js';
import { Empty, ErrorNotice, errorText, Loading, UserErrorNotice } from '../ui/status.js';
import { Icon } from '../ui/icons.js';

/** What checkout needs to know about each store: how it delivers and whether it does pickup. */
const STORE_TERMS = gql`
  fragment CheckoutStore on Store {
    id
    name
    status
    pickup {
      enabled
    }
    businessHours {
      opensAt
      closesAt
      closedWeekdays
    }
    deliveryPolicy {
      fee
      freeDeliveryThreshold
    }
    deliveryDates(days: 14) {
      date
      sameDay
      windows {
        start
        end
      }
    }
  }
`;

const CHECKOUT_CART = gql`
  query CheckoutCart {
    cart {
      ...CartView
      groups {
        store {
          ...CheckoutStore
        }
      }
    }
  }
  ${CART_VIEW}
  ${STORE_TERMS}
`;

const BUY_NOW = gql`
  query BuyNow($id: ID!) {
    product(id: $id) {
      id
      name
      price
      saleStatus
      isSubscription
      images {
        url
      }
      store {
        ...CheckoutStore
      }
    }
  }
  ${STORE_TERMS}
`;

const PICKUP_SLOTS = gql`
  query PickupSlots($storeId: ID!, $date: String!) {
    store(id: $storeId) {
      id
      pickupSlots(date: $date) {
        startsAt
        label
        remaining
        bookable
      }
    }
  }
`;

const COUPONS = gql`
  query CheckoutCoupons($storeId: ID!, $subtotal: Int!) {
    claimableCoupons(storeId: $storeId, subtotal: $subtotal) {
      id
      name
      discountAmount
      minOrderAmount
      claimedByMe
    }
  }
`;

/** The server's prices for what is chosen so far (no address needed); nothing is reserved. */
const QUOTE = gql`
  query CheckoutQuote($input: CheckoutQuoteInput!) {
    checkoutQuote(input: $input) {
      __typename
      ... on CheckoutQuote {
        total
        stores {
          storeId
          discount
          deliveryFee
          total
        }
      }
    }
  }
`;

interface QuoteData {
  checkoutQuote:
    | {
        __typename: 'CheckoutQuote';
        total: number;
        stores: { storeId: string; discount: number; deliveryFee: number; total: number }[];
      }
    | { __typename: string };
}

const CHECKOUT = gql`
  mutation Checkout($input: CheckoutInput!) {
    checkout(input: $input) {
      __typename
      ... on CheckoutSuccess {
        total
        replayed
        orders {
          id
          number
          status
        }
      }
      ... on TotalMismatchError {
        code
        message
      }
      ... on EmptyCartError {
        code
        message
      }
      ... on UnavailableError {
        code
        message
      }
      ... on CouponNotApplicableError {
        code
        message
      }
      ... on IdempotencyKeyReusedError {
        code
        message
      }
      ...InvalidInputFields
      ... on TotalMismatchError {
        clientTotal
        serverTotal
      }
      ... on UnavailableError {
        resourceId
      }
      ... on CouponNotApplicableError {
        couponId
      }
    }
  }
  ${INVALID_INPUT}
`;

const SAVE_ADDRESS = gql`
  mutation SaveAddress($input: AddressInput!) {
    saveAddress(input: $input) {
      __typename
    }
  }
`;

const MARK_ADDRESS_USED = gql`
  mutation MarkAddressUsed($id: ID!) {
    markAddressUsed(id: $id) {
      __typename
    }
  }
`;

interface DeliveryDate {
  date: string;
  sameDay: boolean;
  windows: { start: string; end: string }[];
}

interface StoreTerms {
  id: string;
  name: string;
  status: 'OPEN' | 'SUSPENDED' | 'CLOSED';
  pickup: { enabled: boolean };
  businessHours: { opensAt: string; closesAt: string; closedWeekdays: number[] };
  deliveryPolicy: { fee: number; freeDeliveryThreshold: number | null };
  deliveryDates: DeliveryDate[];
}

interface CheckoutCartData {
  cart: Omit<CartView, 'groups'> & { groups: (Omit<CartGroup, 'store'> & { store: StoreTerms })[] };
}

interface BuyNowData {
  product: {
    id: string;
    name: string;
    price: number;
    saleStatus: string;
    isSubscription: boolean;
    images: { url: string }[];
    store: StoreTerms;
  } | null;
}

interface PickupSlotsData {
  store: {
    id: string;
    pickupSlots: { startsAt: string; label: string; remaining: number; bookable: boolean }[];
  } | null;
}

interface Coupon {
  id: string;
  name: string;
  discountAmount: number;
  minOrderAmount: number;
  claimedByMe: boolean;
}

interface CheckoutInput {
  idempotencyKey: string;
  buyNow?: { productId: string; quantity: number };
  fulfilment: Fulfilment;
  delivery?: {
    recipientName: string;
    phone: string;
    zipCode: string;
    street: string;
    detail?: string;
    deliveryDate: string;
    window: string;
    note?: string;
  };
  pickupSlots?: { storeId: string; startsAt: string }[];
  coupons?: { storeId: string; couponId: string }[];
  expectedTotal: number;
}

type CheckoutResult =
  | {
      __typename: 'CheckoutSuccess';
      total: number;
      replayed: boolean;
      orders: { id: string; number: string; status: string }[];
    }
  | ({ __typename: 'TotalMismatchError'; clientTotal: number; serverTotal: number } & TypedError)
  | ({ __typename: 'UnavailableError'; resourceId: string } & TypedError)
  | ({ __typename: 'CouponNotApplicableError'; couponId: string } & TypedError)
  | ({ __typename: 'InvalidInputError'; field: string } & TypedError)
  | ({ __typename: 'EmptyCartError' | 'IdempotencyKeyReusedError' } & TypedError);

type Fulfilment = 'DELIVERY' | 'PICKUP';

/** One store's part of the checkout: one order. */
interface OrderGroup {
  store: StoreTerms;
  lines: { productId: string; name: string; quantity: number; amount: number; imageUrl?: string }[];
  subtotal: number;
  /** What delivery would cost for this subtotal (pickup never pays it). */
  deliveryFee: number;
}

interface ChosenCoupon {
  id: string;
  name: string;
  discount: number;
  claimed: boolean;
}

export function Page() {
  const session = useSession();
  const [params] = useSearchParams();
  if (!session)
    return (
      <AccountRequired message="주문하려면 로그인해 주세요. 장바구니와 주문 내역이 계정에 저장돼요." />
    );
  const buyNow = params.get('buyNow');
  if (buyNow) {
    const quantity = Math.min(Math.max(Math.trunc(Number(params.get('quantity')) || 1), 1), 999);
    return <BuyNowCheckout productId={buyNow} initialQuantity={quantity} />;
  }
  return <CartCheckout />;
}

function CartCheckout() {
  const { data, loading, error, refetch } = useQuery<CheckoutCartData>(CHECKOUT_CART, {
    fetchPolicy: 'cache-and-network',
  });
  if (loading && !data) return <Loading />;
  if (error && !data) return <ErrorNotice error={error} retry={() => void refetch()} />;
  if (!data) return null;
  if (data.cart.groups.length === 0) {
    return (
      <Empty>
        <p>주문할 상품이 없습니다.</p>
        <Link className="button" to="/products">
          꽃 둘러보기
        </Link>
      </Empty>
    );
  }
  if (data.cart.groups.some((g) => g.lines.some((l) => !l.available))) {
    return (
      <Empty>
        <p>장바구니에 지금 판매하지 않는 상품이 있어요. 빼고 다시 주문해 주세요.</p>
        <Link className="button" to="/cart">
          장바구니로
        </Link>
      </Empty>
    );
  }
  const groups: OrderGroup[] = data.cart.groups.map((g) => ({
    store: g.store,
    subtotal: g.subtotal,
    deliveryFee: g.deliveryFee,
    lines: g.lines.map((l) => ({
      productId: l.product.id,
      name: l.product.name,
      quantity: l.quantity,
      amount: l.amount,
      ...(l.product.images[0] ? { imageUrl: l.product.images[0].url } : {}),
    })),
  }));
  return <CheckoutForm groups={groups} buyNow={null} onRepriced={() => void refetch()} />;
}

function BuyNowCheckout({
  productId,
  initialQuantity,
}: {
  productId: string;
  initialQuantity: number;
}) {
  const [quantity, setQuantity] = useState(initialQuantity);
  const { data, loading, error, refetch } = useQuery<BuyNowData, { id: string }>(BUY_NOW, {
    variables: { id: productId },
    fetchPolicy: 'cache-and-network',
  });
  if (loading && !data) return <Loading />;
  if (error && !data) return <ErrorNotice error={error} retry={() => void refetch()} />;
  const product = data?.product;
  if (!product || product.saleStatus !== 'ON_SALE' || product.isSubscription) {
    return (
      <Empty>
        <p>지금 바로 구매할 수 없는 상품입니다.</p>
        <Link className="button" to={product ? `/products/${product.id}` : '/products'}>
          상품 보기
        </Link>
      </Empty>
    );
  }
  const subtotal = product.price * quantity;
  const group: OrderGroup = {
    store: product.store,
    subtotal,
    deliveryFee: deliveryFeeFor(product.store.deliveryPolicy, subtotal),
    lines: [
      {
        productId: product.id,
        name: product.name,
        quantity,
        amount: subtotal,
        ...(product.images[0] ? { imageUrl: product.images[0].url } : {}),
      },
    ],
  };
  return (
    <CheckoutForm
      groups={[group]}
      buyNow={{ productId: product.id, quantity }}
      onQuantity={setQuantity}
      onRepriced={() => void refetch()}
    />
  );
}

const minutes = (hhmm: string) => {
  const [h = 0, m = 0] = hhmm.split(':').map(Number);
  return h * 60 + m;
};
const hhmm = (total: number) =>
  `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;

/**
 * Delivery days every store of the checkout offers, with the windows all of them can keep.
 * The API takes one delivery for the whole checkout (one order per store), and stores have
 * their own windows (10:00-13:00 here, 12:00-15:00 there): a window common to all is the
 * overlap of one window of each store (12:00-13:00), so every florist can keep it.
 */
function commonDeliveryDates(
  groups: OrderGroup[],
): { date: string; sameDay: boolean; windows: string[] }[] {
  const [first, ...rest] = groups;
  if (!first) return [];
  return first.store.deliveryDates
    .map((d) => {
      let ranges = d.windows.map((w) => [minutes(w.start), minutes(w.end)] as const);
      for (const g of rest) {
        const theirs = g.store.deliveryDates.find((o) => o.date === d.date)?.windows ?? [];
        ranges = ranges.flatMap(([start, end]) =>
          theirs
            .map((w) => [Math.max(start, minutes(w.start)), Math.min(end, minutes(w.end))] as const)
            .filter(([s, e]) => e > s),
        );
      }
      const windows = [...new Set(ranges.map(([s, e]) => `${hhmm(s)}-${hhmm(e)}`))].sort();
      return { date: d.date, sameDay: d.sameDay, windows };
    })
    .filter((d) => d.windows.length > 0);
}

function CheckoutForm({
  groups,
  buyNow,
  onQuantity,
  onRepriced,
}: {
  groups: OrderGroup[];
  buyNow: { productId: string; quantity: number } | null;
  onQuantity?: (quantity: number) => void;
  /** Prices changed on the server: read them again. */
  onRepriced: () => void;
}) {
  const navigate = useNavigate();
  // One key for this checkout screen: a double tap or a retry after a lost response returns
  // the first result instead of ordering twice.
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [tomorrow] = useState(() => seoulDay(1));
  const [fulfilment, setFulfilment] = useState<Fulfilment>('DELIVERY');
  const addressPick = useAddressPick();
  const [saveIt, setSaveIt] = useState(true);
  const [pickedDate, setPickedDate] = useState<string | null>(null);
  const [pickedWindow, setPickedWindow] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [slots, setSlots] = useState<Record<string, string>>({});
  const [coupons, setCoupons] = useState<Record<string, ChosenCoupon | null>>({});
  const [problem, setProblem] = useState<TypedError | null>(null);
  const [repriced, setRepriced] = useState<{ signature: string; total: number } | null>(null);
  const [sending, setSending] = useState(false);
  const inFlight = useRef(false);

  const [claim] = useMutation<ClaimCouponData, { id: string }>(CLAIM_COUPON);
  const [checkout] = useMutation<{ checkout: CheckoutResult }, { input: CheckoutInput }>(CHECKOUT, {
    refetchQueries: ['Badges'],
  });
  const [saveAddress] = useMutation(SAVE_ADDRESS);
  const [markUsed] = useMutation(MARK_ADDRESS_USED);

  const pickupPossible = groups.every((g) => g.store.pickup.enabled);
  const mode: Fulfilment = pickupPossible ? fulfilment : 'DELIVERY';

  const dates = commonDeliveryDates(groups);
  const date =
    dates.find((d) => d.date === pickedDate) ??
    dates.find((d) => d.date >= tomorrow) ??
    dates[0] ??
    null;
  const deliveryWindow = date?.windows.includes(pickedWindow ?? '')
    ? pickedWindow
    : (date?.windows[0] ?? null);

  const couponChoices = groups.flatMap((g) => {
    const coupon = coupons[g.store.id];
    return coupon ? [{ storeId: g.store.id, couponId: coupon.id }] : [];
  });
  const quoted = useQuery<QuoteData>(QUOTE, {
    variables: {
      input: {
        fulfilment: mode,
        ...(buyNow ? { buyNow } : {}),
        ...(couponChoices.length ? { coupons: couponChoices } : {}),
      },
    },
    fetchPolicy: 'network-only',
  });
  const quote =
    quoted.data?.checkoutQuote.__typename === 'CheckoutQuote'
      ? (quoted.data.checkoutQuote as Extract<
          QuoteData['checkoutQuote'],
          { __typename: 'CheckoutQuote' }
        >)
      : null;
  // The server's amounts when its quote has come; the same rule computed here until then.
  const priced = groups.map((g) => {
    const coupon = coupons[g.store.id] ?? null;
    const server = quote?.stores.find((q) => q.storeId === g.store.id);
    const discount = server?.discount ?? (coupon ? Math.min(coupon.discount, g.subtotal) : 0);
    const fee = server?.deliveryFee ?? (mode === 'DELIVERY' ? g.deliveryFee : 0);
    return { group: g, coupon, discount, fee, total: server?.total ?? g.subtotal - discount + fee };
  });
  const computed = quote?.total ?? priced.reduce((sum, p) => sum + p.total, 0);
  // What decides the price; a server total accepted for one choice is not for another.
  const signature = JSON.stringify({
    mode,
    coupons: priced.map((p) => p.coupon?.id ?? null),
    lines: groups.map((g) => g.lines.map((l) => [l.productId, l.quantity])),
  });
  const total = repriced?.signature === signature ? repriced.total : computed;

  /** The address book follows what was used: the saved entry moves up, a new one is kept. */
  const rememberAddress = () => {
    const address = trimmedAddress(addressPick.address);
    const same = addressPick.saved.find(
      (a) =>
        a.id === addressPick.savedId ||
        (a.recipientName === address.recipientName &&
          a.phone === address.phone &&
          a.zipCode === address.zipCode &&
          a.street === address.line1 &&
          a.detail === address.line2),
    );
    if (same) {
      void markUsed({ variables: { id: same.id } }).catch(() => undefined);
    } else if (saveIt) {
      void saveAddress({
        variables: {
          input: {
            label: address.recipientName,
            recipientName: address.recipientName,
            phone: address.phone,
            zipCode: address.zipCode,
            street: address.line1,
            detail: address.line2,
          },
        },
      }).catch(() => undefined);
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // State is not updated yet within the same tap: a ref stops a second submit at once.
    if (inFlight.current) return;
    setProblem(null);
    if (mode === 'DELIVERY' && (!date || !deliveryWindow)) {
      setProblem({ code: 'NO_WINDOW', message: '배송 날짜와 시간을 골라 주세요.' });
      return;
    }
    const missingSlot = mode === 'PICKUP' && groups.find((g) => !slots[g.store.id]);
    if (missingSlot) {
      setProblem({
        code: 'PICKUP_SLOT_REQUIRED',
        message: `${missingSlot.store.name}의 픽업 시간을 골라 주세요.`,
      });
      return;
    }
    inFlight.current = true;
    setSending(true);
    try {
      // A coupon still to claim is claimed first: checkout only redeems claimed coupons.
      for (const p of priced) {
        if (!p.coupon || p.coupon.claimed) continue;
        const { data } = await claim({ variables: { id: p.coupon.id } });
        const claimed = data?.claimCoupon;
        if (
          claimed &&
          claimed.__typename !== 'CouponClaim' &&
          claimed.code !== 'COUPON_ALREADY_CLAIMED'
        ) {
          setProblem({ code: claimed.code ?? 'COUPON', message: claimed.message ?? '' });
          return;
        }
        // Claimed now: a retry of this checkout must not claim it again.
        const claimedCoupon: ChosenCoupon = { ...p.coupon, claimed: true };
        setCoupons((c) => ({ ...c, [p.group.store.id]: claimedCoupon }));
      }
      const address = trimmedAddress(addressPick.address);
      const input: CheckoutInput = {
        idempotencyKey,
        fulfilment: mode,
        expectedTotal: total,
        ...(buyNow ? { buyNow } : {}),
        ...(mode === 'DELIVERY' && date && deliveryWindow
          ? {
              delivery: {
                recipientName: address.recipientName,
                phone: address.phone,
                zipCode: address.zipCode,
                street: address.line1,
                ...(address.line2 ? { detail: address.line2 } : {}),
                deliveryDate: date.date,
                window: deliveryWindow,
                ...(note.trim() ? { note: note.trim() } : {}),
              },
            }
          : {}),
        ...(mode === 'PICKUP'
          ? {
              pickupSlots: groups.map((g) => ({
                storeId: g.store.id,
                startsAt: slots[g.store.id] ?? '',
              })),
            }
          : {}),
        ...(priced.some((p) => p.coupon)
          ? {
              coupons: priced.flatMap((p) =>
                p.coupon ? [{ storeId: p.group.store.id, couponId: p.coupon.id }] : [],
              ),
            }
          : {}),
      };
      const { data } = await checkout({ variables: { input } });
      const result = data?.checkout;
      if (!result) return;
      switch (result.__typename) {
        case 'CheckoutSuccess': {
          // Best effort, and once: a replayed result (a double tap) was already recorded.
          if (mode === 'DELIVERY' && !result.replayed) rememberAddress();
          const [first] = result.orders;
          await navigate(first ? `/orders/${first.id}` : '/orders', {
            replace: true,
            state: { placed: result.orders.map((o) => o.id) },
          });
          return;
        }
        case 'TotalMismatchError':
          // Never charge a total the shopper did not see: show the server's and ask again.
          setRepriced({ signature, total: result.serverTotal });
          onRepriced();
          void quoted.refetch();
          setProblem({
            code: result.code,
            message: `금액이 바뀌었습니다 (${formatWon(result.clientTotal)} → ${formatWon(result.serverTotal)}). 확인 후 다시 결제해 주세요.`,
          });
          return;
        case 'CouponNotApplicableError':
          setCoupons((c) =>
            Object.fromEntries(
              Object.entries(c).map(([k, v]) => [k, v?.id === result.couponId ? null : v]),
            ),
          );
          setProblem(result);
          return;
        default:
          setProblem(result);
      }
    } catch (failure) {
      // The order may or may not exist: the same key makes the retry safe.
      setProblem({
        code: 'NETWORK',
        message: `연결이 끊겼습니다. 다시 결제하기를 눌러도 두 번 주문되지 않아요. (${errorText(failure)})`,
      });
    } finally {
      inFlight.current = false;
      setSending(false);
    }
  };

  const itemCount = groups.reduce((n, g) => n + g.lines.reduce((m, l) => m + l.quantity, 0), 0);
  const invalidField = problem?.__typename === 'InvalidInputError' ? problem.field : undefined;

  return (
    <form className="buy-page stack" onSubmit={(event) => void submit(event)} noValidate>
      <h1>주문하기</h1>

      <section className="card" aria-labelledby="co-items">
        <h2 id="co-items" className="buy-section-title">
          주문 상품 {itemCount}개
        </h2>
        {groups.map((g) => (
          <div key={g.store.id} className="buy-co-group">
            <p className="muted small">{g.store.name}</p>
            <ul className="buy-lines compact">
              {g.lines.map((l) => (
                <li key={l.productId} className="buy-line">
                  <span className="buy-thumb small">
                    {l.imageUrl ? <img src={l.imageUrl} alt="" /> : <Icon name="flower" />}
                  </span>
                  <div className="buy-line-body">
                    <span className="buy-line-name">{l.name}</span>
                    {buyNow && onQuantity ? (
                      <QuantityStepper
                        label={`${l.name} 수량`}
                        value={l.quantity}
                        onChange={onQuantity}
                      />
                    ) : (
                      <span className="muted small">{l.quantity}개</span>
                    )}
                  </div>
                  <strong>{formatWon(l.amount)}</strong>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </section>

      <section className="card" aria-labelledby="co-how">
        <h2 id="co-how" className="buy-section-title">
          받는 방법
        </h2>
        <div className="buy-segment" role="radiogroup" aria-labelledby="co-how">
          {(['DELIVERY', 'PICKUP'] as const).map((f) => (
            <button
              key={f}
              type="button"
              role="radio"
              aria-checked={mode === f}
              className={mode === f ? 'active' : ''}
              disabled={f === 'PICKUP' && !pickupPossible}
              onClick={() => setFulfilment(f)}
            >
              {f === 'DELIVERY' ? '배송' : '매장 픽업'}
            </button>
          ))}
        </div>
        {!pickupPossible && (
          <p className="muted small">픽업을 받지 않는 꽃집이 있어 배송으로만 주문할 수 있어요.</p>
        )}
      </section>

      {mode === 'DELIVERY' ? (
        <section className="card stack" aria-labelledby="co-where">
          <h2 id="co-where" className="buy-section-title">
            배송지
          </h2>
          <AddressPicker pick={addressPick} invalidField={invalidField} />
          {!addressPick.savedId && (
            <label className="buy-check">
              <input
                type="checkbox"
                checked={saveIt}
                onChange={(event) => setSaveIt(event.target.checked)}
              />
              다음에도 쓰도록 배송지 저장
            </label>
          )}
          <fieldset className="buy-fieldset">
            <legend>배송 날짜</legend>
            {dates.length === 0 ? (
              <p className="notice error small">
                {groups.length > 1
                  ? '꽃집들이 함께 배송할 수 있는 날이 없어요. 꽃집별로 나눠 주문해 주세요.'
                  : '지금은 배송 가능한 날이 없어요. 픽업을 골라 주세요.'}
              </p>
            ) : (
              <div className="chips" role="group" aria-label="배송 날짜">
                {dates.map((d) => (
                  <button
                    key={d.date}
                    type="button"
                    className={`chip${date?.date === d.date ? ' active' : ''}`}
                    aria-pressed={date?.date === d.date}
                    onClick={() => setPickedDate(d.date)}
                  >
                    {formatDay(d.date)}
                    {d.sameDay && ' · 오늘'}
                  </button>
                ))}
              </div>
            )}
          </fieldset>
          {date && (
            <DeliveryWindowChips
              windows={date.windows}
              value={deliveryWindow}
              onChange={setPickedWindow}
              hint={
                groups.length > 1 && (
                  <p className="muted small">모든 꽃집이 지킬 수 있는 시간대만 보여 드려요.</p>
                )
              }
            />
          )}
          <label className="field">
            요청사항 (선택)
            <textarea
              name="note"
              rows={2}
              maxLength={300}
              placeholder="예: 경비실에 맡겨 주세요"
              value={note}
              onChange={(event) => setNote(event.target.value)}
            />
          </label>
        </section>
      ) : (
        <section className="card stack" aria-labelledby="co-pickup">
          <h2 id="co-pickup" className="buy-section-title">
            픽업 시간
          </h2>
          {groups.map((g) => (
            <PickupPicker
              key={g.store.id}
              store={g.store}
              value={slots[g.store.id] ?? null}
              onChange={(startsAt) => setSlots((s) => ({ ...s, [g.store.id]: startsAt }))}
            />
          ))}
        </section>
      )}

      <section className="card stack" aria-labelledby="co-coupons">
        <h2 id="co-coupons" className="buy-section-title">
          쿠폰
        </h2>
        {groups.map((g) => (
          <CouponPicker
            key={g.store.id}
            group={g}
            showStore={groups.length > 1}
            value={coupons[g.store.id] ?? null}
            onChange={(coupon) => setCoupons((c) => ({ ...c, [g.store.id]: coupon }))}
          />
        ))}
      </section>

      <section className="card" aria-labelledby="co-sum">
        <h2 id="co-sum" className="buy-section-title">
          결제 금액
        </h2>
        {priced.map((p) => (
          <dl key={p.group.store.id} className="buy-amounts">
            {groups.length > 1 && <dt className="buy-amounts-store">{p.group.store.name}</dt>}
            <dt>상품 금액</dt>
            <dd>{formatWon(p.group.subtotal)}</dd>
            {p.discount > 0 && (
              <>
                <dt>쿠폰 할인</dt>
                <dd className="buy-discount">−{formatWon(p.discount)}</dd>
              </>
            )}
            <dt>{mode === 'DELIVERY' ? '배송비' : '픽업'}</dt>
            <dd>{formatFee(p.fee)}</dd>
          </dl>
        ))}
        <p className="muted small">
          주문하면 결제가 바로 진행되고, 꽃집 재고 확인과 결제 승인 결과를 주문 화면에서 실시간으로
          알려 드려요.
        </p>
      </section>

      <div className="buy-sticky">
        <UserErrorNotice error={inKorean(problem)} />
        {problem?.code === 'IDEMPOTENCY_KEY_REUSED' && (
          <Link className="button secondary block" to="/orders">
            주문 내역 보기
          </Link>
        )}
        <button type="submit" className="button block" disabled={sending}>
          {sending ? '주문하는 중…' : `${formatWon(total)} 결제하기`}
        </button>
      </div>
    </form>
  );
}

function PickupPicker({
  store,
  value,
  onChange,
}: {
  store: StoreTerms;
  value: string | null;
  onChange: (startsAt: string) => void;
}) {
  const [today] = useState(() => seoulDay(0));
  const days = Array.from({ length: 14 }, (_, i) => addDays(today, i))
    .filter((d) => !store.businessHours.closedWeekdays.includes(weekdayOf(d)))
    .slice(0, 7);
  const [picked, setPicked] = useState<string | null>(null);
  const day = picked ?? days[0] ?? today;
  const { data, loading, error, refetch } = useQuery<
    PickupSlotsData,
    { storeId: string; date: string }
  >(PICKUP_SLOTS, {
    variables: { storeId: store.id, date: day },
    fetchPolicy: 'cache-and-network',
  });
  const slots = data?.store?.pickupSlots ?? [];
  const open = slots.filter((s) => s.bookable);
  return (
    <fieldset className="buy-fieldset">
      <legend>
        {store.name}{' '}
        <span className="muted small">
          ({store.businessHours.opensAt}~{store.businessHours.closesAt})
        </span>
      </legend>
      <div className="chips" role="group" aria-label="픽업 날짜">
        {days.map((d) => (
          <button
            key={d}
            type="button"
            className={`chip${d === day ? ' active' : ''}`}
            aria-pressed={d === day}
            onClick={() => setPicked(d)}
          >
            {formatDay(d)}
          </button>
        ))}
      </div>
      {loading && !data ? (
        <p className="muted small">픽업 시간을 불러오는 중…</p>
      ) : error && !data ? (
        <ErrorNotice error={error} retry={() => void refetch()} />
      ) : open.length === 0 ? (
        <p className="muted small">
          이 날은 예약할 수 있는 픽업 시간이 없어요. 다른 날을 골라 주세요.
        </p>
      ) : (
        <div className="buy-slots" role="group" aria-label="픽업 시간">
          {slots.map((s) => (
            <button
              key={s.startsAt}
              type="button"
              className={`chip${value === s.startsAt ? ' active' : ''}`}
              aria-pressed={value === s.startsAt}
              disabled={!s.bookable}
              onClick={() => onChange(s.startsAt)}
            >
              {s.label.split('–')[0]}
              {s.bookable && s.remaining <= 2 && <small> · {s.remaining}자리</small>}
            </button>
          ))}
        </div>
      )}
      {value && (
        <p className="small">
          선택: <strong>{formatPickup(value)}</strong>
        </p>
      )}
    </fieldset>
  );
}

const pickupFormat = new Intl.DateTimeFormat('ko-KR', {
  timeZone: 'Asia/Seoul',
  month: 'long',
  day: 'numeric',
  weekday: 'short',
  hour: '2-digit',
  minute: '2-digit',
});
const formatPickup = (iso: string) => pickupFormat.format(new Date(iso));

function CouponPicker({
  group,
  showStore,
  value,
  onChange,
}: {
  group: OrderGroup;
  showStore: boolean;
  value: ChosenCoupon | null;
  onChange: (coupon: ChosenCoupon | null) => void;
}) {
  const { data, loading } = useQuery<
    { claimableCoupons: Coupon[] },
    { storeId: string; subtotal: number }
  >(COUPONS, {
    variables: { storeId: group.store.id, subtotal: group.subtotal },
    fetchPolicy: 'cache-and-network',
  });
  const coupons = data?.claimableCoupons ?? [];
  return (
    <div className="stack buy-coupons">
      {showStore && <p className="muted small">{group.store.name}</p>}
      {loading && !data ? (
        <p className="muted small">쿠폰을 확인하는 중…</p>
      ) : coupons.length === 0 ? (
        <p className="muted small">이 주문에 쓸 수 있는 쿠폰이 없어요.</p>
      ) : (
        <div className="stack" role="radiogroup" aria-label={`${group.store.name} 쿠폰`}>
          <label className="buy-radio">
            <input
              type="radio"
              name={`coupon-${group.store.id}`}
              checked={!value}
              onChange={() => onChange(null)}
            />
            쿠폰 쓰지 않기
          </label>
          {coupons.map((c) => {
            const discount = Math.min(c.discountAmount, group.subtotal);
            return (
              <label key={c.id} className="buy-radio">
                <input
                  type="radio"
                  name={`coupon-${group.store.id}`}
                  checked={value?.id === c.id}
                  onChange={() =>
                    onChange({ id: c.id, name: c.name, discount, claimed: c.claimedByMe })
                  }
                />
                <span>
                  {c.name} <strong className="buy-discount">−{formatWon(discount)}</strong>
                  {!c.claimedByMe && <span className="status-pill">받아서 사용</span>}
                  <br />
                  <span className="muted small">{formatWon(c.minOrderAmount)} 이상 주문 시</span>
                </span>
              </label>
            );
          })}
        </div>
      )}
    </div>
  );
}
