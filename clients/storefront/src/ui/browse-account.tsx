import { useLocation, useNavigate } from 'react-router';
import { useSession } from '@bloom/client-shared';

/**
 * For buttons that need an account (like, cart, coupon, restock alert, question): a signed-out
 * shopper is sent to sign in and brought back to this page, instead of seeing an error.
 */
export function useAccountGate() {
  const session = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const signInHref = `/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`;
  return {
    signedIn: session !== null,
    signInHref,
    /** True when signed in; otherwise goes to sign-in and returns false. */
    ensureSignedIn: (): boolean => {
      if (session) return true;
      void navigate(signInHref);
      return false;
    },
  };
}

export interface UserErrorData {
  code: string;
  message: string;
}

/**
 * The API's typed errors carry an English message; the shopper reads Korean. Known codes get a
 * Korean sentence, anything else keeps the server's message (it is safe to show).
 */
const KOREAN: Record<string, string> = {
  PRODUCT_NOT_FOUND: '지금은 판매하지 않는 상품이에요.',
  PRODUCT_UNAVAILABLE: '지금은 주문할 수 없는 상품이에요.',
  PRODUCT_AVAILABLE: '지금 바로 주문할 수 있는 상품이라 재입고 알림이 필요 없어요.',
  INVALID_QUANTITY: '수량은 1개부터 999개까지 담을 수 있어요.',
  STORE_NOT_FOUND: '찾을 수 없는 꽃집이에요.',
  COUPON_UNAVAILABLE: '이 쿠폰은 더 이상 받을 수 없어요.',
  COUPON_SOLD_OUT: '쿠폰이 모두 소진되었어요.',
  COUPON_ALREADY_CLAIMED: '이미 받은 쿠폰이에요.',
};

export function koreanUserError(error: UserErrorData): UserErrorData {
  return { code: error.code, message: KOREAN[error.code] ?? error.message };
}

/**
 * The typed error of a result union, or null for the success member. Select `code` and
 * `message` on each concrete error type: the cache has no `possibleTypes` for the `UserError`
 * interface, so fields asked with `... on UserError` come back missing.
 */
export function userErrorOf(
  result: { __typename: string } & Partial<UserErrorData>,
): UserErrorData | null {
  if (typeof result.code === 'string' && typeof result.message === 'string') {
    return koreanUserError({ code: result.code, message: result.message });
  }
  // An error member whose fields were not selected still must not pass for success.
  return result.__typename.endsWith('Error')
    ? { code: result.__typename, message: '요청을 처리하지 못했어요. 잠시 후 다시 시도해 주세요.' }
    : null;
}
