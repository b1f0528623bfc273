import {
  type Consumption,
  type EventBus,
  EventContractError,
  type Logger,
  type ProcessedEvents,
  isDuplicateKeyError,
} from '@bloom/kernel';
import type { MikroORM } from '@mikro-orm/mongodb';
import {
  PRODUCT_EVENTS,
  productPayload,
  representativeFlowerOf,
} from '../events/inbound.events.js';
import { ProductFlower } from './product-flower.entity.js';

const DURABLE = 'giftcards-product-flowers';

/**
 * productId → representative flower. Not an invariant (a stale flower only changes a
 * suggestion), so the highest-sequence-wins update is a plain write by this single consumer.
 */
export async function consumeProductEvents(
  bus: EventBus,
  orm: MikroORM,
  processed: ProcessedEvents,
  logger: Logger,
): Promise<Consumption> {
  return bus.consume({
    durable: DURABLE,
    types: Object.values(PRODUCT_EVENTS),
    handle: async (event) => {
      const result = productPayload.safeParse(event.payload);
      if (!result.success) {
        throw new EventContractError(
          event.type,
          result.error.issues.map((i) => i.message),
        );
      }
      const flowerId = representativeFlowerOf(result.data);
      if (!flowerId) return;
      const { productId } = result.data;
      await processed.once(DURABLE, event.id, async () => {
        const em = orm.em.fork();
        const { sequence } = event;
        const existing = await em.findOne(ProductFlower, { _id: productId });
        if (!existing) {
          try {
            await em.insert(ProductFlower, { _id: productId, flowerId, sequence });
            return;
          } catch (error) {
            if (!isDuplicateKeyError(error)) throw error;
          }
        }
        await em.nativeUpdate(
          ProductFlower,
          { _id: productId, sequence: { $lte: sequence } },
          { flowerId, sequence },
        );
        logger.debug('product flower projected', { productId, flowerId });
      });
    },
  });
}
