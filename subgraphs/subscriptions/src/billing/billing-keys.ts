import { z } from 'zod';

export interface CardInput {
  number: string;
  expiryYear: number;
  expiryMonth: number;
  ownerName?: string;
}

export interface IssuedBillingKey {
  billingKey: string;
  cardLast4: string;
  maskedCardNumber: string;
}

/** The provider refused the card (bad number, expired); the message is safe to show. */
export class CardRefusedError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Saves a card at the payment provider for recurring charges. Subscriptions only issues keys;
 * charging them is the orders saga's job (subscriptions.cycle.orderRequested).
 */
export interface BillingKeys {
  issue(input: {
    customerKey: string;
    card: CardInput;
    idempotencyKey: string;
  }): Promise<IssuedBillingKey>;
}

const issuedSchema = z.object({
  billingKey: z.string(),
  card: z.object({ last4: z.string(), maskedNumber: z.string() }),
});

/** `POST /v1/billing/keys` of the PG (infra/emulators/payments). */
export class PgBillingKeys implements BillingKeys {
  private readonly authorization: string;

  constructor(private readonly config: { baseUrl: string; secretKey: string; timeoutMs: number }) {
    this.authorization = `Basic ${Buffer.from(`${config.secretKey}:`).toString('base64')}`;
  }

  async issue(input: {
    customerKey: string;
    card: CardInput;
    idempotencyKey: string;
  }): Promise<IssuedBillingKey> {
    const response = await fetch(new URL('/v1/billing/keys', this.config.baseUrl), {
      method: 'POST',
      headers: {
        authorization: this.authorization,
        'content-type': 'application/json',
        'idempotency-key': input.idempotencyKey,
      },
      body: JSON.stringify({ customerKey: input.customerKey, card: input.card }),
      signal: AbortSignal.timeout(this.config.timeoutMs),
    });
    const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
    if (response.status >= 400 && response.status < 500) {
      const code = typeof body.code === 'string' ? body.code : 'CARD_REFUSED';
      const message = typeof body.message === 'string' ? body.message : 'The card was refused.';
      throw new CardRefusedError(code, message);
    }
    if (!response.ok) throw new Error(`Billing key issue failed with HTTP ${response.status}`);
    const issued = issuedSchema.parse(body);
    return {
      billingKey: issued.billingKey,
      cardLast4: issued.card.last4,
      maskedCardNumber: issued.card.maskedNumber,
    };
  }
}
