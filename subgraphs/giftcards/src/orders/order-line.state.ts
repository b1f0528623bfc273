/** Order states as giftcards sees them, ordered by how far an order has gone. */
export type LineState =
  | 'PENDING'
  | 'CONFIRMED'
  | 'PREPARING'
  | 'READY'
  | 'SHIPPING'
  | 'DELIVERED'
  | 'PICKED_UP'
  | 'CANCELED'
  | 'FAILED';

// States never move backwards, and cancelation is only possible before shipping or pickup,
// so "the furthest state reached" is the current one.
const RANK: Record<LineState, number> = {
  PENDING: 0,
  CONFIRMED: 1,
  PREPARING: 2,
  READY: 2,
  SHIPPING: 3,
  DELIVERED: 4,
  PICKED_UP: 4,
  CANCELED: 5,
  FAILED: 5,
};

export const currentState = (states: LineState[]): LineState =>
  states.reduce<LineState>((best, s) => (RANK[s] > RANK[best] ? s : best), 'PENDING');

/** A card can be written until the flowers reach the recipient or the order ends. */
export const canWriteCard = (state: LineState) =>
  !['DELIVERED', 'PICKED_UP', 'CANCELED', 'FAILED'].includes(state);

/** A written card can be changed until the order ships (or is handed over at the shop). */
export const canEditCard = (state: LineState) =>
  ['PENDING', 'CONFIRMED', 'PREPARING', 'READY'].includes(state);
