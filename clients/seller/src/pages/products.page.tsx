import { ProductsView } from './products/products-view.js';

/** The seller's products: list, sale status, delete, create and edit. */
export function Page() {
  return <ProductsView />;
}
