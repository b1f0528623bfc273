import { InventoryView } from './inventory/inventory-view.js';

/** Flower stock: set, adjust with a reason, receive a delivery, read the ledger. */
export function Page() {
  return <InventoryView />;
}
