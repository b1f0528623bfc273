import { SalesPage } from './sales/sales-view.js';

/** Sales: the last 7 days as a chart, the top 10 products, monthly settlements with CSV. */
export function Page() {
  return <SalesPage />;
}
