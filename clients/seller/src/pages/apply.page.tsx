import { ApplyScreen } from './apply/apply-screen.js';

/** `/apply`: become a seller (signed out or as a customer) and wait for the decision. */
export function Page() {
  return <ApplyScreen />;
}
