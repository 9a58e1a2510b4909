import { CfnResource, type Stack } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { describe, expect, it } from 'vitest';
import { buildIntakeApp } from '../../infra/intake-app';
import { deploymentConfig, type SynthesizedIntake, synthIntake, testApp } from './synth';

const AWS_SOLUTIONS = Match.stringLikeRegexp('AwsSolutions-');

function findings(stack: Stack) {
  const annotations = Annotations.fromStack(stack);
  return [...annotations.findError('*', AWS_SOLUTIONS), ...annotations.findWarning('*', AWS_SOLUTIONS)].map(
    (m) => `${m.id}: ${String(m.entry.data).split(':')[0]}`,
  );
}

type Suppression = { id: string; reason: string; applies_to?: unknown[] };

function suppressionsOf(synth: SynthesizedIntake): { path: string; rule: Suppression }[] {
  return [synth.stateful, synth.stateless].flatMap((stack) =>
    stack.node
      .findAll()
      .filter((c): c is CfnResource => c instanceof CfnResource)
      .flatMap((resource) =>
        ((resource.getMetadata('cdk_nag')?.rules_to_suppress ?? []) as Suppression[]).map((rule) => ({
          path: resource.node.path,
          rule,
        })),
      ),
  );
}

describe('Check: cdk-nag AwsSolutions', () => {
  // CloudFormation validation on, as in `cdk synth`: a template it rejects throws here.
  it.each([
    ['activate', { mode: 'activate', name: 'exodata-intake-test' }],
    ['existing-active-set', { mode: 'existing-active-set', name: 'corporate-rules' }],
  ])(
    'reports no unacknowledged finding in either stack with rule-set mode %s',
    (_mode, receiptRuleSet) => {
      const synth = synthIntake(deploymentConfig({ receiptRuleSet }), { cloudFormationValidation: true });
      expect(findings(synth.stateful)).toEqual([]);
      expect(findings(synth.stateless)).toEqual([]);
    },
    // The CloudFormation linter is a WebAssembly module: its first run takes seconds on a busy machine.
    180_000,
  );

  it('reports a finding when a non-compliant resource is added, so the checks really run', () => {
    const { stateless } = buildIntakeApp(testApp(), deploymentConfig());
    new Queue(stateless, 'Unencrypted', { encryption: QueueEncryption.UNENCRYPTED });
    // An unacknowledged finding is an error annotation, and CDK refuses to synthesise the app.
    expect(() => findings(stateless)).toThrow(/AwsSolutions-SQS2[\s\S]*Unencrypted/);
  });

  it('acknowledges every finding with a specific reason and, for wildcards, the exact resources', () => {
    const suppressions = suppressionsOf(synthIntake());
    const distinct = new Map(suppressions.map(({ rule }) => [JSON.stringify(rule), rule]));
    expect([...distinct.values()].map((rule) => rule.id).sort()).toEqual([
      'AwsSolutions-IAM5', // activation: ses:SetActiveReceiptRuleSet has no resource-level permission
      'AwsSolutions-IAM5', // intake: objects under inbound/ and attachments/
      'AwsSolutions-IAM5', // intake and bounce recorder: indexes of the ticket table
      'AwsSolutions-SQS3', // failure queues are themselves dead-letter queues
    ]);
    for (const rule of distinct.values()) {
      expect(rule.reason.length, rule.id).toBeGreaterThan(60);
      if (rule.id === 'AwsSolutions-IAM5') expect(rule.applies_to, rule.reason).toHaveLength(1);
    }
  });
});
