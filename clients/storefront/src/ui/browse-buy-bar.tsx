import { type ApolloCache, gql } from '@apollo/client';
import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorNotice, formatWon, UserErrorNotice } from '@bloom/client-shared';
import { type UserErrorData, useAccountGate, userErrorOf } from './browse-account.js';

/** The server's cap on one cart line. */
const MAX_LINE_QUANTITY = 999;

const ADD_TO_CART = gql`
  mutation AddToCart($productId: ID!, $quantity: Int!) {
    addToCart(productId: $productId, quantity: $quantity) {
      __typename
      ... on Cart {
        itemCount
      }
      ... on UnavailableError {
        code
        message
      }
      ... on InvalidInputError {
        code
        message
      }
    }
  }
`;

const SUBSCRIBE_RESTOCK = gql`
  mutation SubscribeRestockAlert($productId: ID!) {
    subscribeRestockAlert(productId: $productId) {
      __typename
      ... on RestockAlert {
        id
      }
      ... on ProductAvailableError {
        code
        message
      }
      ... on ProductNotFoundError {
        code
        message
      }
    }
  }
`;

const CANCEL_RESTOCK = gql`
  mutation CancelRestockAlert($productId: ID!) {
    cancelRestockAlert(productId: $productId)
  }
`;

interface AddToCartData {
  addToCart: { __typename: string; itemCount?: number; code?: string; message?: string };
}

interface SubscribeRestockData {
  subscribeRestockAlert: { __typename: string; code?: string; message?: string };
}

export interface BuyBarProduct {
  id: string;
  price: number;
  saleStatus: string;
  isSubscription: boolean;
  availableQuantity: number;
  restockAlertSubscribed: boolean;
}

/**
 * The product's one next step, pinned above the tab bar where a thumb reaches it: buy (cart or
 * buy now), subscribe, or wait for a restock. Products that cannot be bought at all (ended,
 * or their store not open) get no bar; the page says why.
 */
export function BuyBar({ product }: { product: BuyBarProduct }) {
  if (product.isSubscription && product.saleStatus !== 'SOLD_OUT') {
    return (
      <div className="browse-buy-bar" role="region" aria-label="정기구독">
        <Link className="button block" to={`/subscribe/${product.id}`}>
          정기구독 신청 · 회당 {formatWon(product.price)}
        </Link>
      </div>
    );
  }
  // A subscription's stock is counted per cycle; only its sale status says it is sold out.
  const waiting =
    product.saleStatus === 'SOLD_OUT' ||
    (!product.isSubscription && product.availableQuantity === 0);
  return waiting ? <RestockBar product={product} /> : <PurchaseBar product={product} />;
}

function PurchaseBar({ product }: { product: BuyBarProduct }) {
  const gate = useAccountGate();
  const max = Math.min(product.availableQuantity, MAX_LINE_QUANTITY);
  const [chosen, setChosen] = useState(1);
  // The stock may shrink while the page is open (a refetch): never offer more than it makes.
  const quantity = Math.max(1, Math.min(chosen, max));
  const [added, setAdded] = useState(false);
  const [problem, setProblem] = useState<UserErrorData | null>(null);
  const [addToCart, { loading, error }] = useMutation<AddToCartData>(ADD_TO_CART, {
    // The cart is one unnormalized field: dropping it makes the tab bar badge (and a cart page
    // already in the cache) read it again.
    update: (cache: ApolloCache) => {
      cache.evict({ id: 'ROOT_QUERY', fieldName: 'cart' });
      cache.gc();
    },
  });

  const onAdd = () => {
    if (!gate.ensureSignedIn()) return;
    setProblem(null);
    setAdded(false);
    addToCart({ variables: { productId: product.id, quantity } }).then(
      (result) => {
        const failure = result.data ? userErrorOf(result.data.addToCart) : null;
        setProblem(failure);
        setAdded(Boolean(result.data) && !failure);
      },
      // The hook's `error` shows an unexpected failure.
      () => undefined,
    );
  };

  return (
    <div className="browse-buy-bar" role="region" aria-label="구매">
      <UserErrorNotice error={problem} />
      {error && <ErrorNotice error={error} />}
      {added && (
        <p className="notice ok row" role="status">
          <span>장바구니에 담았어요.</span>
          <Link to="/cart" className="browse-link">
            장바구니 보기
          </Link>
        </p>
      )}
      <div className="row">
        <QuantityStepper
          value={quantity}
          max={max}
          onChange={(next) => {
            setChosen(next);
            setAdded(false);
          }}
        />
        <strong className="browse-total" aria-live="polite">
          {formatWon(product.price * quantity)}
        </strong>
      </div>
      <div className="browse-buy-actions">
        <button
          type="button"
          className="button secondary"
          onClick={onAdd}
          disabled={loading}
          aria-busy={loading}
        >
          {loading ? '담는 중…' : '장바구니 담기'}
        </button>
        <Link className="button" to={`/checkout?buyNow=${product.id}&quantity=${quantity}`}>
          바로 구매
        </Link>
      </div>
    </div>
  );
}

function QuantityStepper({
  value,
  max,
  onChange,
}: {
  value: number;
  max: number;
  onChange: (value: number) => void;
}) {
  return (
    <div className="browse-stepper" role="group" aria-label="수량">
      <button
        type="button"
        aria-label="수량 줄이기"
        disabled={value <= 1}
        onClick={() => onChange(Math.max(1, value - 1))}
      >
        −
      </button>
      <output aria-live="polite" aria-label={`수량 ${value}개`}>
        {value}
      </output>
      <button
        type="button"
        aria-label="수량 늘리기"
        disabled={value >= max}
        onClick={() => onChange(Math.min(max, value + 1))}
      >
        +
      </button>
    </div>
  );
}

/** The mutations return no product, so the product's flag is set in the cache directly. */
const markWaiting = (cache: ApolloCache, productId: string, waiting: boolean) => {
  cache.modify({
    id: cache.identify({ __typename: 'Product', id: productId }),
    fields: { restockAlertSubscribed: () => waiting },
  });
};

function RestockBar({ product }: { product: BuyBarProduct }) {
  const gate = useAccountGate();
  const [problem, setProblem] = useState<UserErrorData | null>(null);
  const [subscribe, subscribing] = useMutation<SubscribeRestockData>(SUBSCRIBE_RESTOCK, {
    update: (cache, { data }) => {
      if (data?.subscribeRestockAlert.__typename === 'RestockAlert') {
        markWaiting(cache, product.id, true);
      }
    },
  });
  const [cancel, canceling] = useMutation<{ cancelRestockAlert: boolean }>(CANCEL_RESTOCK, {
    update: (cache) => markWaiting(cache, product.id, false),
  });
  const busy = subscribing.loading || canceling.loading;
  const failure = subscribing.error ?? canceling.error;

  const onToggle = () => {
    if (!gate.ensureSignedIn()) return;
    setProblem(null);
    const variables = { productId: product.id };
    if (product.restockAlertSubscribed) {
      // The hook's `error` shows an unexpected failure.
      cancel({ variables }).catch(() => undefined);
      return;
    }
    subscribe({ variables }).then(
      (result) => setProblem(result.data ? userErrorOf(result.data.subscribeRestockAlert) : null),
      () => undefined,
    );
  };

  return (
    <div className="browse-buy-bar" role="region" aria-label="재입고 알림">
      <UserErrorNotice error={problem} />
      {failure && <ErrorNotice error={failure} />}
      <p className="small browse-restock-note" role="status">
        {product.restockAlertSubscribed
          ? '다시 주문할 수 있게 되면 알림과 문자로 알려 드릴게요.'
          : '지금은 품절이에요. 다시 들어오면 알려 드릴까요?'}
      </p>
      <button
        type="button"
        className={`button block${product.restockAlertSubscribed ? ' secondary' : ''}`}
        onClick={onToggle}
        disabled={busy}
        aria-pressed={product.restockAlertSubscribed}
        aria-busy={busy}
      >
        {busy
          ? '처리 중…'
          : product.restockAlertSubscribed
            ? '재입고 알림 취소'
            : '재입고 알림 받기'}
      </button>
    </div>
  );
}
