import { type EntityManager, isDuplicateKeyError } from '@bloom/kernel';
import type { PayloadOf } from '@bloom/kernel';
import type { orderLineCompleted } from '@bloom/schema';
import { ObjectId } from '@mikro-orm/mongodb';
import { Product } from '../products/product.entity.js';
import { ReviewEligibility } from './review.entities.js';

/**
 * Completed order lines (from orders events): each makes its line reviewable once and counts
 * toward the product's sales. Both effects are idempotent, so a redelivered event is harmless.
 */
export class CompletedLineService {
  constructor(private readonly em: EntityManager) {}

  async record(line: PayloadOf<typeof orderLineCompleted>): Promise<void> {
    try {
      await this.em.insert(ReviewEligibility, {
        _id: line.orderLineId,
        orderId: line.orderId,
        customerId: line.customerId,
        productId: line.productId,
        storeId: line.storeId,
        quantity: line.quantity ?? 1,
        completedAt: new Date(line.completedAt),
      });
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
    await this.refreshSales(line.productId);
  }

  async salesOf(productId: string): Promise<number> {
    const rows = (await this.em.aggregate(ReviewEligibility, [
      { $match: { productId } },
      { $group: { _id: null, units: { $sum: '$quantity' } } },
    ])) as { units: number }[];
    return rows[0]?.units ?? 0;
  }

  /**
   * Sales are recounted from the lines, never incremented, so a redelivered line counts once.
   * Lines are only ever added: the write is conditional on the stored count being lower, so a
   * recount that lost the race to a fuller one changes nothing.
   */
  async refreshSales(productId: string): Promise<number> {
    if (!ObjectId.isValid(productId)) return 0;
    const units = await this.salesOf(productId);
    await this.em.nativeUpdate(
      Product,
      { _id: new ObjectId(productId), salesCount: { $lt: units } },
      { salesCount: units },
    );
    return units;
  }
}
