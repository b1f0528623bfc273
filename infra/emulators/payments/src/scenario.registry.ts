import { randomUUID } from 'node:crypto';

export const scenarioNames = ['decline', 'timeout', 'error', 'duplicate-callback'] as const;
export type ScenarioName = (typeof scenarioNames)[number];

/** The emulator's mutating operations, which control-API scenarios can target. */
export type Operation =
  | 'ready'
  | 'approve'
  /** The customer's tap on the checkout page (easy pay). */
  | 'page-approve'
  | 'capture'
  | 'cancel'
  | 'billing-key'
  | 'billing-charge'
  | 'billing-delete';

/** What a request is about, as far as a scenario's `match` can tell. */
export interface MatchAttributes {
  orderId?: string;
  amount?: number;
  customerKey?: string;
  billingKey?: string;
}

export interface DeclineReason {
  code: string;
  message: string;
}

export interface ScenarioRule {
  id: string;
  match: MatchAttributes;
  scenario: ScenarioName;
  /** Uses left; null means until deleted. */
  remaining: number | null;
  decline?: DeclineReason;
  createdAt: string;
}

export const DEFAULT_DECLINE: DeclineReason = {
  code: 'REJECT_CARD_COMPANY',
  message: 'The card issuer declined the payment.',
};

/**
 * Where a scenario means something: only money-moving calls can be declined, and only calls
 * that change a payment's status send a callback to duplicate. A rule is not used up by a
 * request it cannot affect.
 */
export function scenarioApplies(scenario: ScenarioName, operation: Operation): boolean {
  switch (scenario) {
    case 'decline':
      return ['capture', 'billing-charge', 'page-approve'].includes(operation);
    case 'duplicate-callback':
      return ['approve', 'capture', 'cancel', 'billing-charge'].includes(operation);
    case 'timeout':
    case 'error':
      // The page is the customer's browser, not an API caller: only a decline means anything.
      return operation !== 'page-approve';
  }
}

const matchKeys = ['orderId', 'amount', 'customerKey', 'billingKey'] as const;

function matches(match: MatchAttributes, attributes: MatchAttributes): boolean {
  return matchKeys.every((key) => match[key] === undefined || match[key] === attributes[key]);
}

/** Scenarios registered through the control API, first match wins; bounded in number. */
export class ScenarioRegistry {
  private rules: ScenarioRule[] = [];

  constructor(private readonly capacity = 200) {}

  add(input: {
    match: MatchAttributes;
    scenario: ScenarioName;
    times?: number;
    decline?: DeclineReason;
  }): ScenarioRule {
    const rule: ScenarioRule = {
      id: `scn_${randomUUID()}`,
      match: input.match,
      scenario: input.scenario,
      remaining: input.times ?? null,
      createdAt: new Date().toISOString(),
      ...(input.decline ? { decline: input.decline } : {}),
    };
    this.rules.push(rule);
    if (this.rules.length > this.capacity) this.rules.shift();
    return rule;
  }

  /** Finds the first rule for this request and uses it up once. */
  take(operation: Operation, attributes: MatchAttributes): ScenarioRule | undefined {
    const rule = this.rules.find(
      (candidate) =>
        scenarioApplies(candidate.scenario, operation) && matches(candidate.match, attributes),
    );
    if (!rule) return undefined;
    if (rule.remaining !== null) {
      rule.remaining -= 1;
      if (rule.remaining <= 0) this.rules = this.rules.filter((r) => r !== rule);
    }
    return rule;
  }

  list(): readonly ScenarioRule[] {
    return this.rules;
  }

  remove(id: string): boolean {
    const before = this.rules.length;
    this.rules = this.rules.filter((rule) => rule.id !== id);
    return this.rules.length < before;
  }

  clear(): void {
    this.rules = [];
  }
}
