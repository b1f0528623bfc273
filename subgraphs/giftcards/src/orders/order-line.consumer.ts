import {
  type Consumption,
  type EventBus,
  type EventEnvelope,
  EventContractError,
  type Logger,
  type ProcessedEvents,
  isDuplicateKeyError,
} from '@bloom/kernel';
import type { MikroORM } from '@mikro-orm/mongodb';
import type { z } from 'zod';
import {
  ORDER_EVENTS,
  lineIdOf,
  orderPlacedPayload,
  orderStatePayload,
  representativeFlowerOf,
} from '../events/inbound.events.js';
import { OrderLineView, OrderStateMark } from './order-line.entities.js';
import type { LineState } from './order-line.state.js';

const DURABLE = 'giftcards-order-lines';

const STATE_OF: Record<string, LineState> = {
  [ORDER_EVENTS.placed]: 'PENDING',
  [ORDER_EVENTS.confirmed]: 'CONFIRMED',
  [ORDER_EVENTS.preparing]: 'PREPARING',
  [ORDER_EVENTS.readyForPickup]: 'READY',
  [ORDER_EVENTS.shipping]: 'SHIPPING',
  [ORDER_EVENTS.delivered]: 'DELIVERED',
  [ORDER_EVENTS.pickedUp]: 'PICKED_UP',
  [ORDER_EVENTS.canceled]: 'CANCELED',
  [ORDER_EVENTS.failed]: 'FAILED',
  // Sent per line once its order is delivered or picked up: the same "completed" rank.
  [ORDER_EVENTS.lineCompleted]: 'DELIVERED',
};

function parse<T>(schema: z.ZodType<T>, event: EventEnvelope): T {
  const result = schema.safeParse(event.payload);
  if (!result.success) {
    throw new EventContractError(
      event.type,
      result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
    );
  }
  return result.data;
}

/**
 * Keeps the order-line projection: which lines exist, whose they are, and how far their order
 * has gone. Every effect is an insert under a unique key, so redelivery changes nothing.
 */
export async function consumeOrderEvents(
  bus: EventBus,
  orm: MikroORM,
  processed: ProcessedEvents,
  logger: Logger,
): Promise<Consumption> {
  const insertOnce = async (
    em: ReturnType<MikroORM['em']['fork']>,
    entity: object,
    data: object,
  ) => {
    try {
      await em.insert(entity as never, data as never);
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
  };
  return bus.consume({
    durable: DURABLE,
    types: Object.values(ORDER_EVENTS),
    handle: async (event) => {
      const state = STATE_OF[event.type];
      if (!state) return;
      await processed.once(DURABLE, event.id, async () => {
        const em = orm.em.fork();
        const at = new Date(event.occurredAt);
        if (event.type === ORDER_EVENTS.placed) {
          const placed = parse(orderPlacedPayload, event);
          for (const line of placed.lines) {
            await insertOnce(em, OrderLineView, {
              _id: lineIdOf(placed.orderId, line),
              orderId: placed.orderId,
              customerId: placed.customerId,
              productId: line.productId,
              flowerId:
                representativeFlowerOf({
                  representativeFlowerId: line.representativeFlowerId,
                  recipe: line.recipe ?? line.flowers,
                }) ?? undefined,
              placedAt: at,
            });
          }
        }
        const { orderId } = parse(orderStatePayload, event);
        await insertOnce(em, OrderStateMark, { _id: `${orderId}:${state}`, orderId, state, at });
        logger.debug('order state projected', { orderId, state });
      });
    },
  });
}
