import type { EntityManager } from '@bloom/kernel';
import { OrderLineView, OrderStateMark } from './order-line.entities.js';
import { type LineState, currentState } from './order-line.state.js';

export interface KnownLine {
  line: OrderLineView;
  state: LineState;
}

/** The line with its order's current state, or null when orders has not told us about it. */
export async function findLine(em: EntityManager, orderLineId: string): Promise<KnownLine | null> {
  const line = await em.findOne(OrderLineView, { _id: orderLineId });
  if (!line) return null;
  const marks = await em.find(OrderStateMark, { orderId: line.orderId });
  return { line, state: currentState(marks.map((m) => m.state as LineState)) };
}
