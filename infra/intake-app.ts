import { Annotations, type App, Tags, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { DeploymentConfig } from './config';
import { StatefulStack } from './stacks/stateful-stack';
import { StatelessStack } from './stacks/stateless-stack';

export type IntakeStacks = { stateful: StatefulStack; stateless: StatelessStack };

/**
 * The whole deployment of one stage, shared by `cdk synth` (infra/app.ts) and the tests, with the
 * cdk-nag AwsSolutions checks: any unacknowledged finding fails synth (CDK's policy validation).
 */
export function buildIntakeApp(app: App, config: DeploymentConfig): IntakeStacks {
  const env = { region: config.region, account: config.account ?? process.env.CDK_DEFAULT_ACCOUNT };
  const prefix = `exodata-intake-${config.stage}`;
  const stateful = new StatefulStack(app, `${prefix}-stateful`, {
    env,
    config,
    description:
      'Exodata service-desk intake: mail bucket, ticket table, SES identity, agents user pool (stateful)',
  });
  const stateless = new StatelessStack(app, `${prefix}-stateless`, {
    env,
    config,
    table: stateful.table,
    mailBucket: stateful.mailBucket,
    identity: stateful.identity,
    agents: stateful.agents,
    description:
      'Exodata service-desk intake: SES receiving, functions, agents API, SLA watcher, alarms (stateless)',
  });
  for (const warning of config.warnings)
    Annotations.of(stateless).addWarningV2('@exodata/intake:configuration', warning);
  Tags.of(app).add('project', 'exodata-intake');
  Tags.of(app).add('stage', config.stage);
  // cdk-nag 3 is a policy-validation plugin: synth fails on any unacknowledged finding. The acknowledgements
  // are also written into the templates' `cdk_nag` metadata, the audit trail the v2 API left there.
  Validations.of(app).addPlugins(
    new AwsSolutionsChecks(app, { verbose: true, writeSuppressionsToCloudFormation: true }),
  );
  return { stateful, stateless };
}
