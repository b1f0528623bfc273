import { TodayPage } from './today/today-page.js';

/** The home screen: today's and tomorrow's orders by state. */
export function Page() {
  return <TodayPage />;
}
