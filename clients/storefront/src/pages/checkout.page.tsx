import { useSearchParams } from 'react-router';
import { useSession } from '@bloom/client-shared';
import { AccountRequired } from '../ui/account-required.js';
import { BuyNowCheckout } from './checkout/buy-now-checkout.js';
import { CartCheckout } from './checkout/cart-checkout.js';

/** Checkout: the cart, or one product bought now (`?buyNow=<id>&quantity=<n>`). */
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
