import { CfnResource, type Stack } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { HttpMethod } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { beforeAll, describe, expect, it } from 'vitest';
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

  let plain: SynthesizedIntake;
  beforeAll(() => {
    plain = synthIntake();
  });

  it('acknowledges every finding with a specific reason and, for wildcards, the exact resources', () => {
    const suppressions = suppressionsOf(plain);
    const distinct = new Map(suppressions.map(({ rule }) => [JSON.stringify(rule), rule]));
    expect([...distinct.values()].map((rule) => rule.id).sort()).toEqual([
      // agents API: GET /, GET /portal/{file}, GET /api/config and GET /api/health, one reason each
      'AwsSolutions-APIG4',
      'AwsSolutions-APIG4',
      'AwsSolutions-APIG4',
      'AwsSolutions-APIG4',
      'AwsSolutions-IAM5', // activation: ses:SetActiveReceiptRuleSet has no resource-level permission
      'AwsSolutions-IAM5', // rule-set deactivator: neither has Describe/SetActiveReceiptRuleSet
      'AwsSolutions-IAM5', // intake: X-Ray's PutTraceSegments/PutTelemetryRecords have no resource-level permission
      'AwsSolutions-IAM5', // intake and agent API: objects under inbound/ and attachments/
      'AwsSolutions-IAM5', // intake, bounce recorder, agent API, SLA watcher: indexes of the ticket table
      'AwsSolutions-SQS3', // failure queues are themselves dead-letter queues
    ]);
    for (const rule of distinct.values()) {
      expect(rule.reason.length, rule.id).toBeGreaterThan(60);
      if (rule.id === 'AwsSolutions-IAM5') expect(rule.applies_to, rule.reason).toHaveLength(1);
    }
  });

  it('acknowledges a route without authorizer on that route alone, naming it in the reason', () => {
    const publicRoutes = suppressionsOf(plain)
      .filter(({ rule }) => rule.id === 'AwsSolutions-APIG4')
      .map(({ path, rule }) => ({ path, reason: rule.reason }));
    const routeKeys = ['GET /', 'GET /portal/{file}', 'GET /api/config', 'GET /api/health'];
    expect(publicRoutes).toHaveLength(routeKeys.length);
    for (const [index, key] of routeKeys.entries()) {
      const { path, reason } = publicRoutes[index]!;
      expect(path).toMatch(/^exodata-intake-test-stateless\/AgentApi\/Api\/GET--.*\/Resource$/);
      expect(reason.startsWith(`${key} is public on purpose`), reason).toBe(true);
    }
    // No rule is acknowledged for a whole stack.
    expect(plain.stateful.templateOptions.metadata?.cdk_nag).toBeUndefined();
    expect(plain.stateless.templateOptions.metadata?.cdk_nag).toBeUndefined();
  });

  it('reports a new route without authorizer, so a public route is always a decision', () => {
    const { stateless } = buildIntakeApp(testApp(), deploymentConfig());
    stateless.agentApi.api.addRoutes({
      path: '/api/export',
      methods: [HttpMethod.GET],
      integration: new HttpLambdaIntegration('Export', stateless.agentApi.handler.function),
    });
    expect(() => findings(stateless)).toThrow(/AwsSolutions-APIG4[\s\S]*GET--api--export/);
  });
});
