import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ExodataFunction } from '../../infra/constructs/exodata-function';
import { deploymentConfig, resourceOf, type SynthesizedIntake, synthIntake } from './synth';

const DESKS = [
  'reunion@exodata.fr',
  'martinique@exodata.fr',
  'guadeloupe@exodata.fr',
  'nouvelle-caledonie@exodata.fr',
];

type Statement = { Action: string | string[]; Resource: unknown; Effect: string };

function statementsOf(synth: SynthesizedIntake, rolePart: string): Statement[] {
  return resourceOf(synth.stateless$, 'AWS::IAM::Policy', `${rolePart}RoleDefaultPolicy`).props.PolicyDocument
    .Statement;
}

function actionsOf(statements: Statement[]): string[] {
  return statements.flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action]));
}

describe('Class: StatelessStack', () => {
  let synth: SynthesizedIntake;
  beforeAll(() => {
    synth = synthIntake();
  });

  describe('SES receiving', () => {
    it('matches exactly the desk addresses, scans for spam and viruses and requires TLS', () => {
      const rule = resourceOf(synth.stateless$, 'AWS::SES::ReceiptRule', 'DeskRule');
      expect(rule.props.Rule).toMatchObject({
        Name: 'exodata-intake-test',
        Enabled: true,
        Recipients: DESKS,
        ScanEnabled: true,
        TlsPolicy: 'Require',
      });
    });

    it('stores the raw message under inbound/ before it invokes the intake asynchronously', () => {
      const rule = resourceOf(synth.stateless$, 'AWS::SES::ReceiptRule', 'DeskRule');
      const intake = resourceOf(synth.stateless$, 'AWS::Lambda::Function', 'IntakeFunction');
      const [store, invoke, ...others] = rule.props.Rule.Actions;
      expect(others).toEqual([]);
      expect(store.S3Action).toMatchObject({ ObjectKeyPrefix: 'inbound/' });
      expect(JSON.stringify(store.S3Action.BucketName)).toContain('MailStorageMailBucket');
      expect(invoke).toEqual({
        LambdaAction: { FunctionArn: { 'Fn::GetAtt': [intake.id, 'Arn'] }, InvocationType: 'Event' },
      });
    });

    it('lets SES of this account invoke the intake, and waits for that permission', () => {
      const permission = resourceOf(synth.stateless$, 'AWS::Lambda::Permission', 'AllowSes');
      expect(permission.props).toMatchObject({
        Action: 'lambda:InvokeFunction',
        Principal: 'ses.amazonaws.com',
        SourceAccount: { Ref: 'AWS::AccountId' },
      });
      synth.stateless$.hasResource('AWS::SES::ReceiptRule', { DependsOn: Match.arrayWith([permission.id]) });
    });

    it('activates its own rule set once the rule exists, and deactivates it only when deleted', () => {
      const ruleSet = resourceOf(synth.stateless$, 'AWS::SES::ReceiptRuleSet', 'RuleSet');
      expect(ruleSet.props).toEqual({ RuleSetName: 'exodata-intake-test' });
      const rule = resourceOf(synth.stateless$, 'AWS::SES::ReceiptRule', 'DeskRule');
      expect(rule.props.RuleSetName).toEqual({ Ref: ruleSet.id });

      const [activation] = Object.values(synth.stateless$.findResources('Custom::SesActiveReceiptRuleSet'));
      const create = JSON.parse(activation!.Properties.Create);
      expect(create).toEqual({
        service: 'SES',
        action: 'setActiveReceiptRuleSet',
        parameters: { RuleSetName: 'exodata-intake-test' },
        physicalResourceId: { id: 'exodata-intake-active-receipt-rule-set' },
      });
      expect(JSON.parse(activation!.Properties.Update)).toEqual(create);
      expect(JSON.parse(activation!.Properties.Delete)).toEqual({
        service: 'SES',
        action: 'setActiveReceiptRuleSet',
        parameters: {},
      });
      expect(activation!.DependsOn).toEqual(expect.arrayContaining([rule.id]));
    });

    it('grants the activation nothing but ses:SetActiveReceiptRuleSet', () => {
      const policy = resourceOf(synth.stateless$, 'AWS::IAM::Policy', 'ActivateRuleSetCustomResourcePolicy');
      expect(policy.props.PolicyDocument.Statement).toEqual([
        { Action: 'ses:SetActiveReceiptRuleSet', Effect: 'Allow', Resource: '*' },
      ]);
    });
  });

  describe('SES receiving into an existing active rule set', () => {
    let shared: SynthesizedIntake;
    beforeAll(() => {
      shared = synthIntake(
        deploymentConfig({
          receiptRuleSet: { mode: 'existing-active-set', name: 'corporate-rules', afterRule: 'spam-filter' },
        }),
      );
    });

    it('adds the rule after the named rule of the named set', () => {
      shared.stateless$.hasResourceProperties('AWS::SES::ReceiptRule', {
        RuleSetName: 'corporate-rules',
        After: 'spam-filter',
        Rule: Match.objectLike({ Recipients: DESKS }),
      });
    });

    it('neither creates a rule set nor changes which set is active', () => {
      shared.stateless$.resourceCountIs('AWS::SES::ReceiptRuleSet', 0);
      shared.stateless$.resourceCountIs('Custom::SesActiveReceiptRuleSet', 0);
    });
  });

  describe('functions', () => {
    it('run on Node.js 24 on arm64 with source maps enabled at run time', () => {
      for (const part of ['IntakeFunction', 'BounceRecorderFunction']) {
        const fn = resourceOf(synth.stateless$, 'AWS::Lambda::Function', part);
        expect(fn.props).toMatchObject({
          Runtime: 'nodejs24.x',
          Architectures: ['arm64'],
          Handler: 'index.handler',
        });
        expect(fn.props.Environment.Variables.NODE_OPTIONS).toBe('--enable-source-maps');
      }
    });

    it('give the intake every variable of its fixed environment', () => {
      const { props } = resourceOf(synth.stateless$, 'AWS::Lambda::Function', 'IntakeFunction');
      const env = props.Environment.Variables;
      expect(Object.keys(env).sort()).toEqual(
        [
          'ATTACHMENTS_PREFIX',
          'LOG_LEVEL',
          'MAX_ATTACHMENT_BYTES',
          'NODE_OPTIONS',
          'POWERTOOLS_METRICS_NAMESPACE',
          'POWERTOOLS_SERVICE_NAME',
          'RAW_MAIL_BUCKET',
          'RAW_MAIL_PREFIX',
          'SERVICE_DESK_CONFIG',
          'SES_CONFIGURATION_SET',
          'TABLE_NAME',
        ].sort(),
      );
      expect(env).toMatchObject({
        RAW_MAIL_PREFIX: 'inbound/',
        ATTACHMENTS_PREFIX: 'attachments/',
        MAX_ATTACHMENT_BYTES: '26214400',
        POWERTOOLS_SERVICE_NAME: 'exodata-intake',
        POWERTOOLS_METRICS_NAMESPACE: 'Exodata/Intake',
        LOG_LEVEL: 'INFO',
      });
      const serviceDesk = JSON.parse(env.SERVICE_DESK_CONFIG);
      expect(serviceDesk.desks.map((d: { address: string }) => d.address)).toEqual(DESKS);
      expect(serviceDesk.contact.portalBaseUrl).toBe('https://support.exodata.fr');
      expect(JSON.stringify(env.TABLE_NAME)).toContain('TicketsTable');
      expect(JSON.stringify(env.RAW_MAIL_BUCKET)).toContain('MailStorageMailBucket');
      const configurationSet = resourceOf(synth.stateless$, 'AWS::SES::ConfigurationSet', 'ConfigurationSet');
      expect(env.SES_CONFIGURATION_SET).toEqual({ Ref: configurationSet.id });
    });

    it('retry an asynchronous event twice within 6 hours, then park it in an encrypted queue', () => {
      for (const part of ['Intake', 'BounceRecorder']) {
        const queue = resourceOf(synth.stateless$, 'AWS::SQS::Queue', `${part}FailureQueue`);
        const config = resourceOf(synth.stateless$, 'AWS::Lambda::EventInvokeConfig', `${part}Function`);
        expect(config.props).toMatchObject({
          MaximumRetryAttempts: 2,
          MaximumEventAgeInSeconds: 6 * 3600,
          Qualifier: '$LATEST',
          DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [queue.id, 'Arn'] } } },
        });
        expect(queue.props).toMatchObject({
          SqsManagedSseEnabled: true,
          MessageRetentionPeriod: 14 * 24 * 3600,
        });
        synth.stateless$.hasResourceProperties('AWS::SQS::QueuePolicy', {
          Queues: [{ Ref: queue.id }],
          PolicyDocument: {
            Statement: Match.arrayWith([
              Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
            ]),
          },
        });
      }
    });

    it('write their logs to their own log group with the configured retention', () => {
      for (const part of ['Intake', 'BounceRecorder']) {
        const logs = resourceOf(synth.stateless$, 'AWS::Logs::LogGroup', `${part}Logs`);
        expect(logs.props.RetentionInDays).toBe(90);
        const fn = resourceOf(synth.stateless$, 'AWS::Lambda::Function', `${part}Function`);
        expect(fn.props.LoggingConfig).toEqual({ LogGroup: { Ref: logs.id } });
      }
    });

    it('have roles without any AWS managed policy', () => {
      for (const role of Object.values(synth.stateless$.findResources('AWS::IAM::Role'))) {
        expect(role.Properties.ManagedPolicyArns).toBeUndefined();
      }
    });
  });

  describe('intake permissions', () => {
    it('read only inbound/ and write only attachments/ of the mail bucket', () => {
      const statements = statementsOf(synth, 'Intake');
      const s3 = statements.filter((s) => actionsOf([s]).some((a) => a.startsWith('s3:')));
      expect(actionsOf(s3).sort()).toEqual(['s3:GetObject', 's3:ListBucket', 's3:PutObject']);
      const resourceOfAction = (action: string) =>
        JSON.stringify(s3.find((s) => s.Action === action)!.Resource);
      expect(resourceOfAction('s3:GetObject')).toMatch(/"\/inbound\/\*"/);
      expect(resourceOfAction('s3:GetObject')).not.toMatch(/attachments/);
      expect(resourceOfAction('s3:PutObject')).toMatch(/"\/attachments\/\*"/);
      expect(resourceOfAction('s3:PutObject')).not.toMatch(/inbound/);
    });

    it('read and write the ticket table and its indexes', () => {
      const dynamo = statementsOf(synth, 'Intake').find((s) => actionsOf([s]).includes('dynamodb:PutItem'))!;
      expect(actionsOf([dynamo])).toEqual(expect.arrayContaining(['dynamodb:Query', 'dynamodb:UpdateItem']));
      expect(JSON.stringify(dynamo.Resource)).toMatch(/TicketsTable.*\/index\/\*/);
    });

    it('send raw mail only as the mail domain or a desk, through our configuration set', () => {
      const ses = statementsOf(synth, 'Intake').filter((s) =>
        actionsOf([s]).some((a) => a.startsWith('ses:')),
      );
      expect(ses).toHaveLength(1);
      expect(ses[0]!.Action).toBe('ses:SendRawEmail');
      const resources = JSON.stringify(ses[0]!.Resource);
      expect(resources).toContain(':configuration-set/');
      expect(resources).toContain('SendingIdentity');
      for (const desk of DESKS) expect(resources).toContain(`:identity/${desk}`);
      expect(resources).not.toMatch(/identity\/\*/);
    });

    it('give the bounce recorder the table and nothing of the bucket or SES', () => {
      const actions = actionsOf(statementsOf(synth, 'BounceRecorder'));
      expect(actions).toContain('dynamodb:UpdateItem');
      expect(actions.filter((a) => a.startsWith('s3:') || a.startsWith('ses:'))).toEqual([]);
    });
  });

  describe('sending feedback', () => {
    it('publishes bounces and complaints of the configuration set to an encrypted topic', () => {
      const topic = resourceOf(synth.stateless$, 'AWS::SNS::Topic', 'FeedbackTopic');
      const key = resourceOf(synth.stateless$, 'AWS::KMS::Key', 'NotificationKey');
      expect(topic.props.KmsMasterKeyId).toEqual({ 'Fn::GetAtt': [key.id, 'Arn'] });
      synth.stateless$.hasResourceProperties('AWS::SES::ConfigurationSetEventDestination', {
        EventDestination: {
          Enabled: true,
          MatchingEventTypes: ['bounce', 'complaint'],
          SnsDestination: { TopicARN: { Ref: topic.id } },
        },
      });
      synth.stateless$.hasResourceProperties('AWS::SES::ConfigurationSet', {
        Name: 'exodata-intake-test',
        ReputationOptions: { ReputationMetricsEnabled: true },
        SuppressionOptions: { SuppressedReasons: ['BOUNCE', 'COMPLAINT'] },
      });
    });

    it('delivers the feedback topic to the bounce recorder', () => {
      const topic = resourceOf(synth.stateless$, 'AWS::SNS::Topic', 'FeedbackTopic');
      const recorder = resourceOf(synth.stateless$, 'AWS::Lambda::Function', 'BounceRecorderFunction');
      synth.stateless$.hasResourceProperties('AWS::SNS::Subscription', {
        Protocol: 'lambda',
        TopicArn: { Ref: topic.id },
        Endpoint: { 'Fn::GetAtt': [recorder.id, 'Arn'] },
      });
    });

    it('lets SES and CloudWatch use the topic key, which the AWS-managed SNS key would not', () => {
      const key = resourceOf(synth.stateless$, 'AWS::KMS::Key', 'NotificationKey');
      expect(key.props.EnableKeyRotation).toBe(true);
      const services = key.props.KeyPolicy.Statement.map(
        (s: { Principal: { Service?: string } }) => s.Principal.Service,
      );
      expect(services).toEqual(expect.arrayContaining(['cloudwatch.amazonaws.com', 'ses.amazonaws.com']));
    });
  });

  describe('alarms', () => {
    function alarm(namePart: string) {
      const found = Object.values(synth.stateless$.findResources('AWS::CloudWatch::Alarm')).filter((a) =>
        String(a.Properties.AlarmName).endsWith(namePart),
      );
      expect(found, namePart).toHaveLength(1);
      return found[0]!.Properties;
    }

    it('alarm on errors, throttles and a parked event of each function', () => {
      for (const service of ['exodata-intake', 'exodata-bounce-recorder']) {
        expect(alarm(`${service}-errors`)).toMatchObject({
          MetricName: 'Errors',
          Namespace: 'AWS/Lambda',
          Threshold: 1,
        });
        expect(alarm(`${service}-throttles`)).toMatchObject({ MetricName: 'Throttles', Threshold: 1 });
        expect(alarm(`${service}-failure-queue`)).toMatchObject({
          MetricName: 'ApproximateNumberOfMessagesVisible',
          Namespace: 'AWS/SQS',
          Threshold: 1,
        });
      }
    });

    it('alarm on the first quarantined message, on the intake service dimension', () => {
      expect(alarm('exodata-intake-quarantined')).toMatchObject({
        Namespace: 'Exodata/Intake',
        MetricName: 'Quarantined',
        Dimensions: [{ Name: 'service', Value: 'exodata-intake' }],
        Statistic: 'Sum',
        Threshold: 1,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
        TreatMissingData: 'notBreaching',
      });
    });

    it('alarm before SES reviews the account for bounces', () => {
      expect(alarm('ses-bounce-rate')).toMatchObject({
        Namespace: 'AWS/SES',
        MetricName: 'Reputation.BounceRate',
        Statistic: 'Maximum',
        Threshold: 0.04,
      });
    });

    it('notify the encrypted alarm topic, which mails the configured address, on alarm and on recovery', () => {
      const topic = resourceOf(synth.stateless$, 'AWS::SNS::Topic', 'AlarmTopic');
      expect(topic.props.KmsMasterKeyId).toBeDefined();
      synth.stateless$.hasResourceProperties('AWS::SNS::Subscription', {
        Protocol: 'email',
        Endpoint: 'astreinte@exodata.fr',
        TopicArn: { Ref: topic.id },
      });
      const alarms = Object.values(synth.stateless$.findResources('AWS::CloudWatch::Alarm'));
      expect(alarms).toHaveLength(10);
      for (const a of alarms) {
        expect(a.Properties.AlarmActions).toEqual([{ Ref: topic.id }]);
        expect(a.Properties.OKActions).toEqual([{ Ref: topic.id }]);
      }
    });
  });
});

describe('Class: ExodataFunction', () => {
  it('fails the synth when the environment would exceed the 4 KB Lambda allows', () => {
    const app = new App({
      context: { 'aws:cdk:bundling-stacks': [] },
      builtinCloudFormationValidation: false,
    });
    const stack = new Stack(app, 'Oversized', { env: { region: 'eu-west-1', account: '123456789012' } });
    new ExodataFunction(stack, 'Fn', {
      entry: 'functions/bounce-recorder/handler.ts',
      description: 'oversized',
      serviceName: 'oversized',
      logRetention: RetentionDays.ONE_WEEK,
      environment: { SERVICE_DESK_CONFIG: 'x'.repeat(4000) },
    });
    expect(() => Template.fromStack(stack)).toThrow(
      /environment of oversized is about \d+ bytes, over Lambda's 4096/,
    );
  });

  it('does not create a failure queue for a function called synchronously', () => {
    const app = new App({
      context: { 'aws:cdk:bundling-stacks': [] },
      builtinCloudFormationValidation: false,
    });
    const stack = new Stack(app, 'Api', { env: { region: 'eu-west-1', account: '123456789012' } });
    const fn = new ExodataFunction(stack, 'Fn', {
      entry: 'functions/bounce-recorder/handler.ts',
      description: 'api',
      serviceName: 'api',
      logRetention: RetentionDays.ONE_WEEK,
      asyncInvocation: false,
    });
    expect(fn.failureQueue).toBeUndefined();
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::SQS::Queue', 0);
    template.resourceCountIs('AWS::Lambda::EventInvokeConfig', 0);
  });
});
