import { z } from 'zod';
import { easyPayNames } from './payment.ledger.js';
import { scenarioNames } from './scenario.registry.js';

// KRW has no minor unit: amounts are whole won.
const amount = z.number().int().positive().max(1_000_000_000);
const orderId = z.string().min(1).max(64);

export const readyBody = z.object({
  orderId,
  amount,
  orderName: z.string().min(1).max(100),
  customerKey: z.string().min(1).max(300),
  successUrl: z.url().optional(),
  /** Where the browser goes when the customer cancels or the payment is declined on the page. */
  failUrl: z.url().optional(),
  /** An easy-pay wallet: its approval page wears the wallet's name. */
  easyPay: z.enum(easyPayNames).optional(),
  callbackUrl: z.url().optional(),
});

export const emptyBody = z.object({});

export const captureBody = z.object({ amount });

export const cancelBody = z.object({
  reason: z.string().min(1).max(200),
  amount: amount.optional(),
});

export const billingKeyBody = z.object({
  customerKey: z.string().min(1).max(300),
  card: z.object({
    number: z.string().min(1).max(30),
    expiryYear: z.number().int().min(2000).max(2100),
    expiryMonth: z.number().int().min(1).max(12),
    ownerName: z.string().max(100).optional(),
  }),
});

export const billingChargeBody = z.object({
  orderId,
  amount,
  orderName: z.string().min(1).max(100),
  callbackUrl: z.url().optional(),
});

export const scenarioBody = z.object({
  match: z
    .object({
      orderId: z.string().optional(),
      amount: z.number().int().optional(),
      customerKey: z.string().optional(),
      billingKey: z.string().optional(),
    })
    .default({}),
  scenario: z.enum(scenarioNames),
  times: z.number().int().positive().optional(),
  /** For `decline`: the code and message to decline with (a card-issuer refusal by default). */
  decline: z.object({ code: z.string().min(1), message: z.string().min(1) }).optional(),
});

export const scenarioHeader = z.enum(scenarioNames);

/** One readable line out of a validation failure. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`)
    .join('; ');
}
