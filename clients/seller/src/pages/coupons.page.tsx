import { CouponsView } from './coupons/coupons-view.js';

/** The store's coupons: create, edit, end; issued against the limit. */
export function Page() {
  return <CouponsView />;
}
