import { isDuplicateKeyError } from '../errors/errors.js';

/**
 * Claims the lowest free numbered slot in [from, limit) by inserting it under a unique key
 * (`insert` writes the document for slot n). A duplicate-key error means a concurrent claimer
 * took that slot, so the next is tried; null when every slot is taken. This is how a limit
 * ("at most N attempts", "at most N issues") holds under concurrency without atomic counters.
 */
export async function claimSlot(
  insert: (slot: number) => Promise<unknown>,
  from: number,
  limit: number,
): Promise<number | null> {
  for (let slot = Math.max(0, from); slot < limit; slot += 1) {
    try {
      await insert(slot);
      return slot;
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
  }
  return null;
}
