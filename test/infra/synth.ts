import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { type DeploymentConfig, type DeploymentFile, parseDeploymentConfig } from '../../infra/config';
import { buildIntakeApp, type IntakeStacks } from '../../infra/intake-app';

export const FIXTURES_DIR = fileURLToPath(new URL('../fixtures/infra/', import.meta.url));
const CDK_JSON = fileURLToPath(new URL('../../cdk.json', import.meta.url));

/** A deployment file as an operator would write it; desks come from the fixture service-desk.json. */
export function deploymentFile(
  overrides: Partial<Record<keyof DeploymentFile, unknown>> = {},
): Record<string, unknown> {
  return {
    stage: 'test',
    account: '123456789012',
    region: 'eu-west-1',
    mailDomain: 'exodata.fr',
    serviceDeskConfigFile: 'service-desk.json',
    portalBaseUrl: 'https://support.exodata.fr',
    rawMailRetentionDays: 400,
    maxMessageBytes: 26_214_400,
    receiptRuleSet: { mode: 'activate', name: 'exodata-intake-test' },
    alarmEmail: 'astreinte@exodata.fr',
    logRetentionDays: 90,
    slaAlertEmails: { reunion: ['astreinte-reunion@exodata.fr'] },
    ...overrides,
  };
}

export function deploymentConfig(overrides: Parameters<typeof deploymentFile>[0] = {}): DeploymentConfig {
  return parseDeploymentConfig(deploymentFile(overrides), FIXTURES_DIR, 'test fixture');
}

/** The feature flags of cdk.json, so the tests build what `cdk synth` builds. */
function cdkJsonContext(): Record<string, unknown> {
  return (JSON.parse(readFileSync(CDK_JSON, 'utf8')) as { context: Record<string, unknown> }).context;
}

export type SynthOptions = { bundle?: boolean; outdir?: string; cloudFormationValidation?: boolean };

/** An App with the context of cdk.json (feature flags included), as `cdk synth` creates it. */
export function testApp(options: SynthOptions = {}): App {
  const context = { ...cdkJsonContext(), ...(options.bundle ? {} : { 'aws:cdk:bundling-stacks': [] }) };
  return new App({
    context,
    // CDK's own CloudFormation linter costs seconds per synth: the nag test runs it, the others skip it.
    builtinCloudFormationValidation: options.cloudFormationValidation ?? false,
    ...(options.outdir ? { outdir: options.outdir } : {}),
  });
}

export type SynthesizedIntake = IntakeStacks & { stateful$: Template; stateless$: Template; app: App };

/**
 * Builds both stacks with the cdk-nag checks. Bundling is skipped unless asked (10× faster): the
 * assets then point at the source directory and only the bundling test builds real bundles.
 */
export function synthIntake(
  config: DeploymentConfig = deploymentConfig(),
  options: SynthOptions = {},
): SynthesizedIntake {
  const app = testApp(options);
  const stacks = buildIntakeApp(app, config);
  return {
    ...stacks,
    app,
    stateful$: Template.fromStack(stacks.stateful),
    stateless$: Template.fromStack(stacks.stateless),
  };
}

/** CloudFormation JSON is untyped: the assertions themselves check its shape. */
// biome-ignore lint/suspicious/noExplicitAny: template JSON, checked by the assertions that read it
type TemplateJson = any;

/** The one resource of a type whose logical id contains `idPart`. */
export function resourceOf(
  template: Template,
  type: string,
  idPart: string,
): { id: string; props: TemplateJson } {
  const matches = Object.entries(template.findResources(type)).filter(([id]) => id.includes(idPart));
  if (matches.length !== 1)
    throw new Error(
      `expected one ${type} with "${idPart}" in its id, found ${matches.map(([id]) => id).join(', ') || 'none'}`,
    );
  const [id, resource] = matches[0]!;
  return { id, props: (resource as { Properties: TemplateJson }).Properties };
}
