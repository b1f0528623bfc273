import type { ProductProjection, StoreProjection } from '../projections/catalog.entities.js';

/** What a cycle's charge day finds: order it, record it as not deliverable, or end for good. */
export type Availability =
  | { kind: 'deliver'; product: ProductProjection; store: StoreProjection | null }
  | { kind: 'unavailable'; reason: 'PRODUCT_UNAVAILABLE' | 'STORE_UNAVAILABLE' }
  | { kind: 'ended'; reason: 'PRODUCT_DELETED' | 'STORE_CLOSED' };

export function availability(
  product: ProductProjection | null,
  store: StoreProjection | null,
): Availability {
  if (!product || product.status === 'DELETED') return { kind: 'ended', reason: 'PRODUCT_DELETED' };
  if (store?.status === 'CLOSED') return { kind: 'ended', reason: 'STORE_CLOSED' };
  if (store?.status === 'SUSPENDED') return { kind: 'unavailable', reason: 'STORE_UNAVAILABLE' };
  // SOLD_OUT still orders: the store may restock by then, and its reservation decides.
  if (product.status !== 'ON_SALE' && product.status !== 'SOLD_OUT') {
    return { kind: 'unavailable', reason: 'PRODUCT_UNAVAILABLE' };
  }
  return { kind: 'deliver', product, store };
}
