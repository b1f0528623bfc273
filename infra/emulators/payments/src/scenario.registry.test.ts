import { describe, expect, it } from 'vitest';
import { ScenarioRegistry, scenarioApplies } from './scenario.registry.js';

describe('ScenarioRegistry', () => {
  it('matches on every given field and uses a rule up after `times`', () => {
    const registry = new ScenarioRegistry();
    registry.add({ match: { orderId: 'o1', amount: 100 }, scenario: 'error', times: 2 });
    expect(registry.take('capture', { orderId: 'o1', amount: 200 })).toBeUndefined();
    expect(registry.take('capture', { orderId: 'o1', amount: 100 })?.scenario).toBe('error');
    expect(registry.take('ready', { orderId: 'o1', amount: 100 })?.scenario).toBe('error');
    expect(registry.take('capture', { orderId: 'o1', amount: 100 })).toBeUndefined();
    expect(registry.list()).toHaveLength(0);
  });

  it('is not used up by a call it cannot affect, and the first matching rule wins', () => {
    const registry = new ScenarioRegistry();
    const decline = registry.add({ match: {}, scenario: 'decline', times: 1 });
    registry.add({ match: {}, scenario: 'timeout' });
    expect(registry.take('approve', {})?.scenario).toBe('timeout');
    expect(registry.take('capture', {})?.id).toBe(decline.id);
    expect(registry.take('capture', {})?.scenario).toBe('timeout');
  });

  it('keeps a bounded number of rules', () => {
    const registry = new ScenarioRegistry(2);
    for (const orderId of ['a', 'b', 'c']) registry.add({ match: { orderId }, scenario: 'error' });
    expect(registry.list().map((rule) => rule.match.orderId)).toEqual(['b', 'c']);
  });

  it('only declines money-moving calls and only duplicates calls that send callbacks', () => {
    expect(scenarioApplies('decline', 'billing-charge')).toBe(true);
    expect(scenarioApplies('decline', 'ready')).toBe(false);
    expect(scenarioApplies('duplicate-callback', 'cancel')).toBe(true);
    expect(scenarioApplies('duplicate-callback', 'billing-key')).toBe(false);
  });
});
