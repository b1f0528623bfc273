import { gql } from '@apollo/client';
import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Link } from 'react-router';
import {
  Empty,
  ErrorNotice,
  errorText,
  formatFee,
  formatWon,
  Icon,
  inKorean,
  Loading,
  SignInRequired,
  stockMessage,
  type TypedError,
  UserErrorNotice,
  useSession,
} from '@bloom/client-shared';
import { CART_VIEW, type CartGroup, type CartView, MAX_LINE_QUANTITY } from '../ui/buy-cart.js';
import { QuantityStepper } from '../ui/buy-fields.js';

const CART = gql`
  query Cart {
    cart {
      ...CartView
    }
  }
  ${CART_VIEW}
`;

const SET_QUANTITY = gql`
  mutation SetCartQuantity($productId: ID!, $quantity: Int!) {
    setCartQuantity(productId: $productId, quantity: $quantity) {
      __typename
      ... on Cart {
        ...CartView
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
  ${CART_VIEW}
`;

const CLEAR = gql`
  mutation ClearCart {
    clearCart {
      ...CartView
    }
  }
  ${CART_VIEW}
`;

interface CartData {
  cart: CartView;
}

type CartResult = ({ __typename: 'Cart' } & CartView) | ({ __typename: string } & TypedError);

export function Page() {
  const session = useSession();
  if (!session) return <SignInRequired what="장바구니" />;
  return <Cart />;
}

function Cart() {
  const { data, loading, error, refetch } = useQuery<CartData>(CART, {
    fetchPolicy: 'cache-and-network',
  });
  const [problem, setProblem] = useState<TypedError | null>(null);
  // The tab bar's badge (Layout's `Badges` query) counts the cart too.
  const [setQuantity, setting] = useMutation<
    { setCartQuantity: CartResult },
    { productId: string; quantity: number }
  >(SET_QUANTITY, { refetchQueries: ['Badges'] });
  const [clear, clearing] = useMutation<{ clearCart: CartView }>(CLEAR, {
    refetchQueries: ['Badges'],
  });
  const [busyLine, setBusyLine] = useState<string | null>(null);
  const [confirmClear, setConfirmClear] = useState(false);

  if (loading && !data) return <Loading />;
  if (error && !data) return <ErrorNotice error={error} retry={() => void refetch()} />;
  if (!data) return null;
  const cart = data.cart;

  const change = async (productId: string, quantity: number) => {
    setProblem(null);
    setBusyLine(productId);
    try {
      const result = await setQuantity({
        variables: { productId, quantity },
        // The new cart comes back whole: show it without a second round trip.
        update: (cache, { data: done }) => {
          const next = done?.setCartQuantity;
          if (next?.__typename === 'Cart') {
            cache.writeQuery<CartData>({ query: CART, data: { cart: next as CartView } });
          }
        },
      });
      const next = result.data?.setCartQuantity;
      if (next && next.__typename !== 'Cart') setProblem(next as TypedError);
    } catch (failure) {
      setProblem({ code: 'NETWORK', message: errorText(failure) });
    } finally {
      setBusyLine(null);
    }
  };

  if (cart.groups.length === 0) {
    return (
      <Empty>
        <p>장바구니가 비어 있어요.</p>
        <Link className="button" to="/products">
          꽃 둘러보기
        </Link>
      </Empty>
    );
  }

  const unavailable = cart.groups.some((g) => g.lines.some((l) => !l.available));
  return (
    <div className="buy-page">
      <div className="row">
        <h1>장바구니</h1>
        {confirmClear ? (
          <span className="row">
            <button
              type="button"
              className="button secondary buy-small"
              onClick={() => setConfirmClear(false)}
            >
              아니요
            </button>
            <button
              type="button"
              className="button buy-small"
              disabled={clearing.loading}
              onClick={() =>
                void clear({
                  update: (cache, { data: done }) => {
                    if (done)
                      cache.writeQuery<CartData>({ query: CART, data: { cart: done.clearCart } });
                  },
                })
                  .then(() => setConfirmClear(false))
                  .catch((failure: unknown) =>
                    setProblem({ code: 'NETWORK', message: errorText(failure) }),
                  )
              }
            >
              모두 비우기
            </button>
          </span>
        ) : (
          <button type="button" className="buy-link" onClick={() => setConfirmClear(true)}>
            전체 삭제
          </button>
        )}
      </div>
      <UserErrorNotice error={inKorean(problem)} />
      {cart.groups.map((group) => (
        <section key={group.store.id} className="card" aria-label={group.store.name}>
          <h2 className="buy-store">
            <Link to={`/stores/${group.store.id}`}>{group.store.name}</Link>
          </h2>
          <ul className="buy-lines">
            {group.lines.map((line) => (
              <li key={line.id} className={`buy-line${line.available ? '' : ' unavailable'}`}>
                <Link to={`/products/${line.product.id}`} className="buy-thumb" tabIndex={-1}>
                  {line.product.images[0] ? (
                    <img src={line.product.images[0].url} alt="" loading="lazy" />
                  ) : (
                    <Icon name="flower" />
                  )}
                </Link>
                <div className="buy-line-body">
                  <Link to={`/products/${line.product.id}`} className="buy-line-name">
                    {line.product.name}
                  </Link>
                  <span className="muted small">{formatWon(line.unitPrice)}</span>
                  {!line.available && (
                    <span className="status-pill bad">판매 중지 · 빼 주세요</span>
                  )}
                  <div className="row">
                    <QuantityStepper
                      label={`${line.product.name} 수량`}
                      value={line.quantity}
                      min={0}
                      max={Math.min(line.product.availableQuantity, MAX_LINE_QUANTITY)}
                      disabled={setting.loading && busyLine === line.product.id}
                      // Below 1 removes the line (the API's rule).
                      onChange={(quantity) => void change(line.product.id, quantity)}
                    />
                    <strong>{formatWon(line.amount)}</strong>
                  </div>
                  {line.available && line.quantity > line.product.availableQuantity && (
                    <span className="field-error" role="alert">
                      {stockMessage(line.product.availableQuantity)}
                    </span>
                  )}
                </div>
                <button
                  type="button"
                  className="buy-remove"
                  aria-label={`${line.product.name} 삭제`}
                  disabled={setting.loading && busyLine === line.product.id}
                  onClick={() => void change(line.product.id, 0)}
                >
                  ✕
                </button>
              </li>
            ))}
          </ul>
          <dl className="buy-amounts">
            <dt>상품 금액</dt>
            <dd>{formatWon(group.subtotal)}</dd>
            <dt>배송비</dt>
            <dd>{formatFee(group.deliveryFee)}</dd>
          </dl>
          <FreeDeliveryHint group={group} />
        </section>
      ))}
      <div className="buy-sticky">
        <div className="row">
          <span>
            결제 예정 금액 <span className="muted small">· {cart.itemCount}개</span>
          </span>
          <strong className="buy-total">{formatWon(cart.total)}</strong>
        </div>
        {unavailable && (
          <p className="notice error small" role="alert">
            판매하지 않는 상품을 빼야 주문할 수 있어요.
          </p>
        )}
        {unavailable ? (
          <button type="button" className="button block" disabled>
            주문하기
          </button>
        ) : (
          <Link className="button block" to="/checkout">
            주문하기
          </Link>
        )}
      </div>
    </div>
  );
}

function FreeDeliveryHint({ group }: { group: CartGroup }) {
  const threshold = group.freeDeliveryThreshold;
  if (threshold === null) return null;
  if (group.subtotal >= threshold) {
    return <p className="notice ok small">무료배송 조건을 채웠어요.</p>;
  }
  const left = threshold - group.subtotal;
  return (
    <div className="buy-free">
      <p className="small">
        <strong>{formatWon(left)}</strong> 더 담으면 무료배송
      </p>
      <progress max={threshold} value={group.subtotal} aria-label="무료배송까지" />
      <Link className="small" to={`/stores/${group.store.id}`}>
        {group.store.name} 상품 더 보기 ›
      </Link>
    </div>
  );
}
