import { defineEvent } from '@bloom/kernel';
import { z } from 'zod';

/** A buyer wrote the message card of an order line (once per line; edits are not events). */
export const cardWritten = defineEvent(
  'giftcards.card.written',
  z.object({
    cardId: z.string(),
    orderId: z.string(),
    orderLineId: z.string(),
    customerId: z.string(),
  }),
);

export const giftcardsEventContracts = [cardWritten] as const;
