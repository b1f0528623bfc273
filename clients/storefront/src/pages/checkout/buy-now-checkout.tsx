import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Link } from 'react-router';
import { deliveryFeeFor } from '../../ui/buy-cart.js';
import { Empty, ErrorNotice, Loading } from '@bloom/client-shared';
import { BUY_NOW, type BuyNowData } from './checkout.operations.js';
import type { OrderGroup } from './checkout.types.js';
import { CheckoutForm } from './checkout-form.js';

/** Buying one product straight from its page: its quantity can still change here. */
export function BuyNowCheckout({
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
        <p>지금 바로 구매할 수 없는 상품이에요.</p>
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
        available: product.availableQuantity,
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
