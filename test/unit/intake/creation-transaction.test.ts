import { describe, expect, it } from 'vitest';
import { type CreationItemName, reasonOf } from '../../../shared/adapters/aws/dynamodb/ticket-creation';

describe('Function: reasonOf (a ticket creation transaction read by item name)', () => {
  const item = { ConditionCheck: undefined };
  const named = (names: CreationItemName[]) => names.map((name) => ({ name, item }));
  const failedAt = (count: number, index: number) =>
    Array.from({ length: count }, (_, i) => ({ Code: i === index ? 'ConditionalCheckFailed' : 'None' }));

  it('reads the conversion of a suspended message without rate history as the conversion, not as the rate', () => {
    // Positions would say 4 = rate; here item 4 is the conversion (no acknowledgement, so no rate).
    const items = named(['counter', 'record', 'ticket', 'message', 'conversion']);
    const reasons = failedAt(5, 4);
    expect(reasonOf(items, reasons, 'rate')).toBeUndefined();
    expect(reasonOf(items, reasons, 'conversion')?.Code).toBe('ConditionalCheckFailed');
  });

  it('finds each item where the transaction put it, rate and conversion included', () => {
    const items = named(['counter', 'record', 'ticket', 'message', 'rate', 'conversion']);
    for (const [index, name] of items.map((n, i) => [i, n.name] as const)) {
      expect(reasonOf(items, failedAt(6, index), name)?.Code).toBe('ConditionalCheckFailed');
    }
  });
});
