import type { Dispatch, SetStateAction } from 'react';
import type { OrderGroup } from './checkout.types.js';
import { PickupSlotPicker } from './pickup-slot-picker.js';

/** A pickup slot at each store of the checkout. */
export function PickupForm({
  groups,
  slots,
  onSlots,
}: {
  groups: OrderGroup[];
  /** The slot chosen per store id. */
  slots: Record<string, string>;
  onSlots: Dispatch<SetStateAction<Record<string, string>>>;
}) {
  return (
    <section className="card stack" aria-labelledby="co-pickup">
      <h2 id="co-pickup" className="buy-section-title">
        픽업 시간
      </h2>
      {groups.map((g) => (
        <PickupSlotPicker
          key={g.store.id}
          store={g.store}
          value={slots[g.store.id] ?? null}
          onChange={(startsAt) => onSlots((s) => ({ ...s, [g.store.id]: startsAt }))}
        />
      ))}
    </section>
  );
}
