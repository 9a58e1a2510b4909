import {
  DescribeActiveReceiptRuleSetCommand,
  type SESClient,
  SetActiveReceiptRuleSetCommand,
} from '@aws-sdk/client-ses';
import { describe, expect, it } from 'vitest';
import {
  DeactivationRequestSchema,
  deactivateIfOurs,
} from '../../infra/custom-resources/deactivate-own-rule-set';

/** A stand-in SES holding one active set: it answers Describe and applies SetActive as SES does. */
function fakeSes(active: string | null, options: { failDescribe?: Error } = {}) {
  const state = { active, calls: [] as string[] };
  const client = {
    send: async (command: unknown) => {
      if (command instanceof DescribeActiveReceiptRuleSetCommand) {
        state.calls.push('DescribeActiveReceiptRuleSet');
        if (options.failDescribe) throw options.failDescribe;
        return state.active === null ? {} : { Metadata: { Name: state.active }, Rules: [] };
      }
      if (command instanceof SetActiveReceiptRuleSetCommand) {
        const name = command.input.RuleSetName;
        state.calls.push(`SetActiveReceiptRuleSet(${name ?? ''})`);
        state.active = name ?? null;
        return {};
      }
      throw new Error(`unexpected command ${String(command)}`);
    },
  } as unknown as Pick<SESClient, 'send'>;
  return { client, state };
}

describe('Function: deactivateIfOurs', () => {
  it('deactivates the active set when it is ours', async () => {
    const ses = fakeSes('exodata-intake-prod');
    const result = await deactivateIfOurs(ses.client, { ruleSetName: 'exodata-intake-prod' });
    expect(result).toEqual({ outcome: 'deactivated', ruleSetName: 'exodata-intake-prod' });
    expect(ses.state.calls).toEqual(['DescribeActiveReceiptRuleSet', 'SetActiveReceiptRuleSet()']);
    expect(ses.state.active).toBeNull();
  });

  it('leaves another set active: an operator or another stage activated it since', async () => {
    const ses = fakeSes('corporate-rules');
    const result = await deactivateIfOurs(ses.client, { ruleSetName: 'exodata-intake-prod' });
    expect(result).toEqual({
      outcome: 'left-alone',
      ruleSetName: 'exodata-intake-prod',
      activeRuleSet: 'corporate-rules',
    });
    expect(ses.state.calls).toEqual(['DescribeActiveReceiptRuleSet']);
    expect(ses.state.active).toBe('corporate-rules');
  });

  it('does nothing when no set is active', async () => {
    const ses = fakeSes(null);
    const result = await deactivateIfOurs(ses.client, { ruleSetName: 'exodata-intake-prod' });
    expect(result).toMatchObject({ outcome: 'left-alone', activeRuleSet: null });
    expect(ses.state.calls).toEqual(['DescribeActiveReceiptRuleSet']);
  });

  it('compares names exactly: a set whose name merely contains ours is not ours', async () => {
    const ses = fakeSes('exodata-intake-prod-old');
    await deactivateIfOurs(ses.client, { ruleSetName: 'exodata-intake-prod' });
    expect(ses.state.active).toBe('exodata-intake-prod-old');
  });

  it('never deactivates when it cannot tell which set is active', async () => {
    const denied = Object.assign(new Error('not authorised'), { name: 'AccessDenied' });
    const ses = fakeSes('exodata-intake-prod', { failDescribe: denied });
    await expect(deactivateIfOurs(ses.client, { ruleSetName: 'exodata-intake-prod' })).rejects.toBe(denied);
    expect(ses.state.active).toBe('exodata-intake-prod');
  });
});

describe('Schema: DeactivationRequestSchema', () => {
  it('refuses a payload without the rule-set name, which would match no set or every set', () => {
    expect(DeactivationRequestSchema.safeParse({}).success).toBe(false);
    expect(DeactivationRequestSchema.safeParse({ ruleSetName: '' }).success).toBe(false);
    expect(DeactivationRequestSchema.safeParse({ ruleSetName: 'x', extra: 1 }).success).toBe(false);
  });
});
