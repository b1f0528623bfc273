import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { Empty, ErrorNotice, Loading } from '@bloom/client-shared';
import { CHECKOUT_CART, type CheckoutCartData } from './checkout.operations.js';
import type { OrderGroup } from './checkout.types.js';
import { CheckoutForm } from './checkout-form.js';

/** Checking out the whole cart: one order per store. */
export function CartCheckout() {
  const { data, loading, error, refetch } = useQuery<CheckoutCartData>(CHECKOUT_CART, {
    fetchPolicy: 'cache-and-network',
  });
  if (loading && !data) return <Loading />;
  if (error && !data) return <ErrorNotice error={error} retry={() => void refetch()} />;
  if (!data) return null;
  if (data.cart.groups.length === 0) {
    return (
      <Empty>
        <p>주문할 상품이 없어요.</p>
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
      available: l.product.availableQuantity,
      ...(l.product.images[0] ? { imageUrl: l.product.images[0].url } : {}),
    })),
  }));
  return <CheckoutForm groups={groups} buyNow={null} onRepriced={() => void refetch()} />;
}
