import { type App, Validations } from 'aws-cdk-lib';
import { HttpMethod } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildIntakeApp } from '../../infra/intake-app';
import { deploymentConfig, type SynthesizedIntake, synthIntake, testApp } from './synth';

/**
 * cdk-nag 3 is a policy-validation plugin: an unacknowledged finding makes synth throw a report that
 * names the rule and the construct path (it is no longer an annotation).
 */
function synthError(app: App): string {
  try {
    app.synth();
    return '';
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

type Acknowledgement = { id: string; reason: string };

/** Every acknowledgement (`Validations.of(x).acknowledge`) in the synthesised app, with where it is. */
function acknowledgementsOf(synth: SynthesizedIntake): { path: string; rule: Acknowledgement }[] {
  return synth.app.node.findAll().flatMap((construct) =>
    construct.node.metadata
      .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((entry) =>
        Object.entries(entry.data as Record<string, string>).map(([id, reason]) => ({
          path: construct.node.path,
          // stored as `Annotation::<rule>` (cdk-nag strips the prefix the same way)
          rule: { id: id.replace(/^annotation::/i, ''), reason },
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
      // synthIntake synthesises the app: a finding would throw here with the cdk-nag report.
      const synth = synthIntake(deploymentConfig({ receiptRuleSet }), { cloudFormationValidation: true });
      expect(synthError(synth.app)).toBe('');
    },
    // The CloudFormation linter is a WebAssembly module: its first run takes seconds on a busy machine.
    180_000,
  );

  it('reports a finding when a non-compliant resource is added, so the checks really run', () => {
    const { stateless } = buildIntakeApp(testApp(), deploymentConfig());
    new Queue(stateless, 'Unencrypted', { encryption: QueueEncryption.UNENCRYPTED });
    // An unacknowledged finding fails the policy validation, and CDK refuses to synthesise the app.
    expect(synthError(stateless.node.root as App)).toMatch(/Unencrypted\/Resource .*\n.*AwsSolutions-SQS2'/);
  });

  let plain: SynthesizedIntake;
  beforeAll(() => {
    plain = synthIntake();
  });

  it('acknowledges every finding with a specific reason and, for wildcards, the exact resources', () => {
    const acknowledgements = acknowledgementsOf(plain);
    const distinct = new Map(acknowledgements.map(({ rule }) => [JSON.stringify(rule), rule]));
    // A wildcard is acknowledged by its finding id, which names the one resource: the ARN of the other
    // stack's table or bucket is a stack output, shortened here to what follows it.
    const shown = [...distinct.values()].map((rule) =>
      rule.id.replace(/Resource::\{.*\}/, 'Resource::<ARN>'),
    );
    expect(shown.sort()).toEqual([
      // agents API: GET /, GET /portal/{file}, GET /api/config and GET /api/health, one reason each
      'AwsSolutions-APIG4',
      'AwsSolutions-APIG4',
      'AwsSolutions-APIG4',
      'AwsSolutions-APIG4',
      // client portal: GET /, GET /{proxy+}, POST /api/client/{proxy+} (no account: the app checks each)
      'AwsSolutions-APIG4',
      'AwsSolutions-APIG4',
      'AwsSolutions-APIG4',
      'AwsSolutions-IAM5[Resource::*]', // activation: ses:SetActiveReceiptRuleSet has no resource-level permission
      'AwsSolutions-IAM5[Resource::*]', // rule-set deactivator: neither Describe- nor SetActiveReceiptRuleSet has one
      'AwsSolutions-IAM5[Resource::*]', // intake: X-Ray's PutTraceSegments/PutTelemetryRecords have none either
      // intake and agent API (one reason each: the agent API's names uploads/ too): objects under attachments/
      'AwsSolutions-IAM5[Resource::<ARN>/attachments/*]',
      'AwsSolutions-IAM5[Resource::<ARN>/attachments/*]',
      'AwsSolutions-IAM5[Resource::<ARN>/attachments/*]', // client portal (its own reason)
      'AwsSolutions-IAM5[Resource::<ARN>/inbound/*]', // intake and agent API: objects under inbound/
      'AwsSolutions-IAM5[Resource::<ARN>/inbound/*]',
      'AwsSolutions-IAM5[Resource::<ARN>/inbound/*]', // client portal: reads the raw mail it wrote
      'AwsSolutions-IAM5[Resource::<ARN>/inbound/portal/*]', // client portal: writes portal messages only
      'AwsSolutions-IAM5[Resource::<ARN>/index/*]', // intake, bounce recorder, agent API, SLA watcher: the table's indexes
      'AwsSolutions-IAM5[Resource::<ARN>/uploads/*/client/*]', // client portal: clients' files (presigned POST, check, delete)
      'AwsSolutions-IAM5[Resource::<ARN>/uploads/*/replies/*]', // client portal: reads agents' reply files (presigned GET)
      'AwsSolutions-IAM5[Resource::<ARN>/uploads/*]', // agent API: reply files under uploads/ (presigned POST, check, delete)
      'AwsSolutions-SQS3', // failure queues are themselves dead-letter queues
    ]);
    for (const rule of distinct.values()) expect(rule.reason.length, rule.id).toBeGreaterThan(60);
  });

  it('acknowledges a route without authorizer on that route alone, naming it in the reason', () => {
    const publicRoutes = acknowledgementsOf(plain)
      .filter(({ rule }) => rule.id === 'AwsSolutions-APIG4')
      .map(({ path, rule }) => ({ path, reason: rule.reason }));
    const routeKeys = ['GET /', 'GET /portal/{file}', 'GET /api/config', 'GET /api/health'];
    const agentRoutes = publicRoutes.filter(({ path }) => path.includes('/AgentApi/'));
    expect(agentRoutes).toHaveLength(routeKeys.length);
    // The client portal's routes (no account): each acknowledged on its own route, naming it.
    const clientRoutes = publicRoutes.filter(({ path }) => path.includes('/ClientPortal/'));
    expect(clientRoutes.map(({ reason }) => reason.split(':')[0])).toEqual([
      'GET /',
      'GET /{proxy+}',
      'POST /api/client/{proxy+}',
    ]);
    expect(publicRoutes).toHaveLength(routeKeys.length + clientRoutes.length);
    for (const [index, key] of routeKeys.entries()) {
      const { path, reason } = agentRoutes[index]!;
      expect(path).toMatch(/^exodata-intake-test-stateless\/AgentApi\/Api\/GET--.*\/Resource$/);
      expect(reason.startsWith(`${key} is public on purpose`), reason).toBe(true);
    }
    // No rule is acknowledged for a whole stack or the app.
    const wide = [plain.app, plain.stateful, plain.stateless].map((c) => c.node.path);
    expect(acknowledgementsOf(plain).filter(({ path }) => wide.includes(path))).toEqual([]);
  });

  it('reports a new route without authorizer, so a public route is always a decision', () => {
    const { stateless } = buildIntakeApp(testApp(), deploymentConfig());
    stateless.agentApi.api.addRoutes({
      path: '/api/export',
      methods: [HttpMethod.GET],
      integration: new HttpLambdaIntegration('Export', stateless.agentApi.handler.function),
    });
    expect(synthError(stateless.node.root as App)).toMatch(
      /GET--api--export\/Resource .*\n.*AwsSolutions-APIG4'/,
    );
  });
});
