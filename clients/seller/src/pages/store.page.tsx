import { StoreScreen } from './store/store-screen.js';

/** `/store`: open the store, then edit its profile, hours, address, account, delivery, pickup. */
export function Page() {
  return <StoreScreen />;
}
