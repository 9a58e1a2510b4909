import { App, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ExodataFunction } from '../../infra/constructs/exodata-function';
import { deploymentConfig, resourceOf, type SynthesizedIntake, synthIntake } from './synth';

/** The logical-id parts of our four functions (ExodataFunction: <part>Function, <part>Logs, <part>Role…). */
const FUNCTIONS = ['Intake', 'BounceRecorder', 'AgentApiHandler', 'SlaWatcherHandler'] as const;
const DESK_IDS = ['reunion', 'martinique', 'guadeloupe', 'nouvelle-caledonie'];

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

    it('lets SES invoke the intake only for our receipt rule of this account, and waits for that permission', () => {
      const permissions = synth.stateless$.findResources('AWS::Lambda::Permission', {
        Properties: { Principal: 'ses.amazonaws.com' },
      });
      expect(Object.keys(permissions)).toHaveLength(1);
      const permission = resourceOf(synth.stateless$, 'AWS::Lambda::Permission', 'AllowSes');
      const intake = resourceOf(synth.stateless$, 'AWS::Lambda::Function', 'IntakeFunction');
      expect(permission.props).toEqual({
        Action: 'lambda:InvokeFunction',
        FunctionName: { 'Fn::GetAtt': [intake.id, 'Arn'] },
        Principal: 'ses.amazonaws.com',
        SourceAccount: { Ref: 'AWS::AccountId' },
        SourceArn:
          'arn:aws:ses:eu-west-1:123456789012:receipt-rule-set/exodata-intake-test:receipt-rule/exodata-intake-test',
      });
      const rule = resourceOf(synth.stateless$, 'AWS::SES::ReceiptRule', 'DeskRule');
      expect(synth.stateless$.toJSON().Resources[rule.id].DependsOn).toEqual(
        expect.arrayContaining([permission.id]),
      );
    });

    it('waits for the bucket policy of the stateful stack before creating the rule (SES test-writes)', () => {
      expect(synth.stateless.dependencies.map((stack) => stack.stackName)).toEqual([
        'exodata-intake-test-stateful',
      ]);
      const policy = synth.stateful.mailBucket.policy;
      expect(policy).toBeDefined();
      expect(synth.stateless.inboundMail.rule.node.dependencies).toContain(policy);
    });

    it('activates its own rule set once the rule exists, and on delete deactivates it only if it is still the active one', () => {
      const ruleSet = resourceOf(synth.stateless$, 'AWS::SES::ReceiptRuleSet', 'RuleSet');
      expect(ruleSet.props).toEqual({ RuleSetName: 'exodata-intake-test' });
      const rule = resourceOf(synth.stateless$, 'AWS::SES::ReceiptRule', 'DeskRule');
      expect(rule.props.RuleSetName).toEqual({ Ref: ruleSet.id });
      const deactivator = resourceOf(synth.stateless$, 'AWS::Lambda::Function', 'DeactivatorFunction');

      const [activation] = Object.values(synth.stateless$.findResources('Custom::SesActiveReceiptRuleSet'));
      const create = JSON.parse(activation!.Properties.Create);
      expect(create).toEqual({
        service: 'SES',
        action: 'setActiveReceiptRuleSet',
        parameters: { RuleSetName: 'exodata-intake-test' },
        physicalResourceId: { id: 'exodata-intake-active-receipt-rule-set' },
      });
      expect(JSON.parse(activation!.Properties.Update)).toEqual(create);
      // Delete never calls SetActiveReceiptRuleSet itself (without a name it disables any active set):
      // it invokes the deactivator, which checks DescribeActiveReceiptRuleSet first.
      const del = activation!.Properties.Delete;
      expect(JSON.stringify(del)).not.toContain('setActiveReceiptRuleSet');
      expect(JSON.stringify(del)).toContain(deactivator.id);
      const deleteCall = JSON.parse(
        (del['Fn::Join'][1] as unknown[]).map((p) => (typeof p === 'string' ? p : 'FN')).join(''),
      );
      expect(deleteCall).toEqual({
        service: 'Lambda',
        action: 'invoke',
        parameters: {
          FunctionName: 'FN',
          InvocationType: 'RequestResponse',
          Payload: JSON.stringify({ ruleSetName: 'exodata-intake-test' }),
        },
      });
      expect(activation!.DependsOn).toEqual(expect.arrayContaining([rule.id]));
    });

    it('grants the activation SetActiveReceiptRuleSet and the invocation of its deactivator only', () => {
      const policy = resourceOf(synth.stateless$, 'AWS::IAM::Policy', 'ActivateRuleSetCustomResourcePolicy');
      const deactivator = resourceOf(synth.stateless$, 'AWS::Lambda::Function', 'DeactivatorFunction');
      expect(policy.props.PolicyDocument.Statement).toEqual([
        { Action: 'ses:SetActiveReceiptRuleSet', Effect: 'Allow', Resource: '*' },
        {
          Action: 'lambda:InvokeFunction',
          Effect: 'Allow',
          Resource: { 'Fn::GetAtt': [deactivator.id, 'Arn'] },
        },
      ]);
    });

    it('lets the deactivator read which set is active and change it, and nothing else of SES', () => {
      const statements = statementsOf(synth, 'InboundMailDeactivator');
      const ses = statements.filter((s) => JSON.stringify(s.Action).includes('ses:'));
      expect(ses).toEqual([
        {
          Action: ['ses:DescribeActiveReceiptRuleSet', 'ses:SetActiveReceiptRuleSet'],
          Effect: 'Allow',
          Resource: '*',
        },
      ]);
      const fn = resourceOf(synth.stateless$, 'AWS::Lambda::Function', 'DeactivatorFunction');
      expect(fn.props).toMatchObject({ Runtime: 'nodejs24.x', Architectures: ['arm64'] });
      synth.stateless$.resourcePropertiesCountIs(
        'AWS::Lambda::EventInvokeConfig',
        { FunctionName: { Ref: fn.id } },
        0,
      );
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

    it('names the rule in the shared set as the only source SES may write and invoke for', () => {
      const arn =
        'arn:aws:ses:eu-west-1:123456789012:receipt-rule-set/corporate-rules:receipt-rule/exodata-intake-test';
      shared.stateless$.hasResourceProperties('AWS::Lambda::Permission', { SourceArn: arn });
      shared.stateful$.hasResourceProperties('AWS::S3::BucketPolicy', {
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({ Condition: { StringEquals: Match.objectLike({ 'aws:SourceArn': arn }) } }),
          ]),
        },
      });
    });

    it('neither creates a rule set nor changes which set is active', () => {
      shared.stateless$.resourceCountIs('AWS::SES::ReceiptRuleSet', 0);
      shared.stateless$.resourceCountIs('Custom::SesActiveReceiptRuleSet', 0);
      expect(Object.keys(shared.stateless$.findResources('AWS::Lambda::Function')).join()).not.toContain(
        'Deactivator',
      );
    });
  });

  describe('functions', () => {
    it('run on Node.js 24 on arm64 with source maps enabled at run time', () => {
      for (const part of FUNCTIONS.map((f) => `${f}Function`)) {
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
          'STATEFUL_REVISION',
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

    it('trace the intake actively (X-Ray), and only the intake', () => {
      expect(
        resourceOf(synth.stateless$, 'AWS::Lambda::Function', 'IntakeFunction').props.TracingConfig,
      ).toEqual({
        Mode: 'Active',
      });
      for (const part of ['BounceRecorderFunction', 'AgentApiHandlerFunction', 'SlaWatcherHandlerFunction'])
        expect(
          resourceOf(synth.stateless$, 'AWS::Lambda::Function', part).props.TracingConfig,
        ).toBeUndefined();
      const xray = statementsOf(synth, 'Intake').filter((s) =>
        actionsOf([s]).some((a) => a.startsWith('xray:')),
      );
      expect(xray).toEqual([
        { Action: ['xray:PutTelemetryRecords', 'xray:PutTraceSegments'], Effect: 'Allow', Resource: '*' },
      ]);
    });

    it('retry an asynchronous event twice within 6 hours, then park it in an encrypted queue', () => {
      for (const part of ['Intake', 'BounceRecorder', 'SlaWatcherHandler']) {
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
      for (const part of FUNCTIONS) {
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

    it('may send to verified sandbox test recipients only when listed, and only as a desk', () => {
      const sandbox = synthIntake(
        deploymentConfig({ sesSandboxTestRecipients: ['tester@example.org', 'qa.example.net'] }),
      );
      const ses = statementsOf(sandbox, 'Intake').filter((s) =>
        actionsOf([s]).some((a) => a.startsWith('ses:')),
      );
      expect(ses).toHaveLength(2);
      expect(ses[1]).toEqual({
        Sid: 'SesSandboxTestRecipients',
        Effect: 'Allow',
        Action: 'ses:SendRawEmail',
        // (minimizePolicies sorts the resources)
        Resource: [
          'arn:aws:ses:eu-west-1:123456789012:identity/qa.example.net',
          'arn:aws:ses:eu-west-1:123456789012:identity/tester@example.org',
        ],
        Condition: { StringEquals: { 'ses:FromAddress': DESKS } },
      });
      // The default configuration grants nothing on any recipient.
      expect(JSON.stringify(statementsOf(synth, 'Intake'))).not.toContain('SesSandboxTestRecipients');
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

  describe('agents API', () => {
    function routes(
      apiPart = 'AgentApi',
    ): Record<string, { AuthorizationType?: string; AuthorizerId?: unknown; Target: unknown }> {
      const api = resourceOf(synth.stateless$, 'AWS::ApiGatewayV2::Api', apiPart);
      return Object.fromEntries(
        Object.values(synth.stateless$.findResources('AWS::ApiGatewayV2::Route'))
          .filter((r) => JSON.stringify(r.Properties.ApiId) === JSON.stringify({ Ref: api.id }))
          .map((r) => [r.Properties.RouteKey, r.Properties]),
      );
    }

    it('client portal: its own API, no account so no authorizer, every route to its function (checked by the app)', () => {
      const byKey = Object.fromEntries(
        Object.entries(routes('ClientPortalApi')).map(([key, r]) => [key, r.AuthorizationType ?? 'NONE']),
      );
      expect(byKey).toEqual({
        'GET /': 'NONE',
        'GET /{proxy+}': 'NONE',
        'POST /api/client/{proxy+}': 'NONE',
      });
      const integration = resourceOf(synth.stateless$, 'AWS::ApiGatewayV2::Integration', 'ClientPortal');
      const fn = resourceOf(synth.stateless$, 'AWS::Lambda::Function', 'ClientPortalHandlerFunction');
      expect(integration.props).toMatchObject({ IntegrationUri: { 'Fn::GetAtt': [fn.id, 'Arn'] } });
      for (const route of Object.values(routes('ClientPortalApi')))
        expect(route.Target).toEqual({ 'Fn::Join': ['', ['integrations/', { Ref: integration.id }]] });
    });

    it("client portal: clients' files under uploads/<ref>/client/ (presign, check, delete), downloads of attachments/ and reply files", () => {
      const statements = statementsOf(synth, 'ClientPortalHandler');
      const resourceOfAction = (action: string) =>
        JSON.stringify(statements.find((s) => s.Action === action)!.Resource);
      expect(resourceOfAction('s3:GetObject')).toMatch(/"\/inbound\/\*"/);
      expect(resourceOfAction('s3:GetObject')).toMatch(/"\/attachments\/\*"/);
      expect(resourceOfAction('s3:GetObject')).toMatch(/"\/uploads\/\*\/client\/\*"/);
      expect(resourceOfAction('s3:GetObject')).toMatch(/"\/uploads\/\*\/replies\/\*"/);
      expect(resourceOfAction('s3:PutObject')).toMatch(/"\/uploads\/\*\/client\/\*"/);
      expect(resourceOfAction('s3:PutObject')).toMatch(/"\/inbound\/portal\/\*"/);
      expect(resourceOfAction('s3:DeleteObject')).toMatch(/"\/uploads\/\*\/client\/\*"/);
      expect(resourceOfAction('s3:DeleteObject')).not.toMatch(/inbound|attachments|replies/);
      // The attacker's view: no statement of this role reaches the whole of uploads/ (agents' unsent files),
      // and it may neither write nor delete an agent's reply file.
      for (const action of ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'])
        expect(resourceOfAction(action)).not.toMatch(/"\/uploads\/\*"/);
      expect(resourceOfAction('s3:PutObject')).not.toMatch(/replies/);
      const { props } = resourceOf(synth.stateless$, 'AWS::Lambda::Function', 'ClientPortalHandlerFunction');
      expect(props.Environment.Variables.UPLOADS_PREFIX).toBe('uploads/');
    });

    it('puts every /api route behind the JWT authorizer and leaves public only routes without ticket data', () => {
      const authorizer = resourceOf(synth.stateless$, 'AWS::ApiGatewayV2::Authorizer', 'AgentApiAgents');
      const byKey = Object.fromEntries(
        Object.entries(routes()).map(([key, r]) => [key, r.AuthorizationType ?? 'NONE']),
      );
      expect(byKey).toEqual({
        'ANY /api/{proxy+}': 'JWT',
        'GET /': 'NONE',
        'GET /portal/{file}': 'NONE',
        'GET /api/config': 'NONE',
        'GET /api/health': 'NONE',
      });
      expect(routes()['ANY /api/{proxy+}']!.AuthorizerId).toEqual({ Ref: authorizer.id });
    });

    it('accepts only access tokens of the agents pool issued to the portal client', () => {
      const authorizer = resourceOf(synth.stateless$, 'AWS::ApiGatewayV2::Authorizer', 'AgentApiAgents');
      const client = resourceOf(synth.stateless$, 'AWS::Cognito::UserPoolClient', 'AgentApiPortalClient');
      expect(authorizer.props).toMatchObject({
        AuthorizerType: 'JWT',
        IdentitySource: ['$request.header.Authorization'],
        JwtConfiguration: { Audience: [{ Ref: client.id }] },
      });
      const issuer = JSON.stringify(authorizer.props.JwtConfiguration.Issuer);
      expect(issuer).toContain('https://cognito-idp.eu-west-1.amazonaws.com/');
      // The pool of the stateful stack, through a (weak) cross-stack reference.
      expect(issuer).toMatch(/Fn::GetStackOutput.*exodata-intake-test-stateful.*AgentsUserPool/);
    });

    it('signs the portal in with a public client: authorization code with PKCE, back to the API URL', () => {
      const client = resourceOf(synth.stateless$, 'AWS::Cognito::UserPoolClient', 'AgentApiPortalClient');
      const portalUrl = synth.stateless$.findOutputs('AgentPortalUrl').AgentPortalUrl!.Value;
      expect(client.props).toMatchObject({
        AllowedOAuthFlows: ['code'],
        AllowedOAuthFlowsUserPoolClient: true,
        AllowedOAuthScopes: ['openid', 'email', 'profile'],
        GenerateSecret: false,
        SupportedIdentityProviders: ['COGNITO'],
        AccessTokenValidity: 60,
        PreventUserExistenceErrors: 'ENABLED',
        EnableTokenRevocation: true,
        CallbackURLs: [portalUrl],
        LogoutURLs: [portalUrl],
      });
      expect(JSON.stringify(client.props.UserPoolId)).toMatch(/exodata-intake-test-stateful.*AgentsUserPool/);
    });

    it('sends every route to the agent-api function', () => {
      const api = resourceOf(synth.stateless$, 'AWS::ApiGatewayV2::Api', 'AgentApi');
      const integration = resourceOf(synth.stateless$, 'AWS::ApiGatewayV2::Integration', 'AgentApi');
      const fn = resourceOf(synth.stateless$, 'AWS::Lambda::Function', 'AgentApiHandlerFunction');
      expect(integration.props).toMatchObject({
        ApiId: { Ref: api.id },
        IntegrationType: 'AWS_PROXY',
        IntegrationUri: { 'Fn::GetAtt': [fn.id, 'Arn'] },
        PayloadFormatVersion: '2.0',
      });
      for (const route of Object.values(routes()))
        expect(route.Target).toEqual({ 'Fn::Join': ['', ['integrations/', { Ref: integration.id }]] });
      // No CORS: the portal is served by the same origin, browsers refuse every other one.
      expect(api.props.CorsConfiguration).toBeUndefined();
    });

    it('logs every request and throttles the $default stage', () => {
      const stage = resourceOf(synth.stateless$, 'AWS::ApiGatewayV2::Stage', 'AgentApiStage');
      const logs = resourceOf(synth.stateless$, 'AWS::Logs::LogGroup', 'AgentApiAccessLogs');
      expect(stage.props).toMatchObject({
        StageName: '$default',
        AutoDeploy: true,
        DefaultRouteSettings: { ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 },
        AccessLogSettings: { DestinationArn: { 'Fn::GetAtt': [logs.id, 'Arn'] } },
      });
      expect(logs.props.RetentionInDays).toBe(90);
    });

    it('gives the agent-api function its sign-in settings and answers within the 30 s of API Gateway', () => {
      const { props } = resourceOf(synth.stateless$, 'AWS::Lambda::Function', 'AgentApiHandlerFunction');
      const client = resourceOf(synth.stateless$, 'AWS::Cognito::UserPoolClient', 'AgentApiPortalClient');
      const env = props.Environment.Variables;
      expect(Object.keys(env).sort()).toEqual(
        [
          'ATTACHMENTS_PREFIX',
          'COGNITO_CLIENT_ID',
          'COGNITO_DOMAIN',
          'LOG_LEVEL',
          'MAX_ATTACHMENT_BYTES',
          'NODE_OPTIONS',
          'POWERTOOLS_METRICS_NAMESPACE',
          'POWERTOOLS_SERVICE_NAME',
          'RAW_MAIL_BUCKET',
          'RAW_MAIL_PREFIX',
          'SERVICE_DESK_CONFIG',
          'SES_CONFIGURATION_SET',
          'STATEFUL_REVISION',
          'TABLE_NAME',
          'UPLOADS_PREFIX',
        ].sort(),
      );
      expect(env).toMatchObject({
        POWERTOOLS_SERVICE_NAME: 'exodata-agent-api',
        RAW_MAIL_PREFIX: 'inbound/',
        ATTACHMENTS_PREFIX: 'attachments/',
        MAX_ATTACHMENT_BYTES: '26214400',
        COGNITO_CLIENT_ID: { Ref: client.id },
      });
      // Written from the configuration, not read from the stateful stack: see 'stateful values'.
      expect(env.COGNITO_DOMAIN).toBe('https://exodata-agents-test.auth.eu-west-1.amazoncognito.com');
      expect(JSON.parse(env.SERVICE_DESK_CONFIG).desks.map((d: { id: string }) => d.id)).toEqual(DESK_IDS);
      expect(props.Timeout).toBeLessThan(30);
      expect(props.MemorySize).toBe(1024);
    });

    it('is called synchronously: no retries, no failure queue', () => {
      const configs = Object.keys(synth.stateless$.findResources('AWS::Lambda::EventInvokeConfig'));
      expect(configs.filter((id) => id.includes('AgentApi'))).toEqual([]);
      expect(
        Object.keys(synth.stateless$.findResources('AWS::SQS::Queue')).filter((id) =>
          id.includes('AgentApi'),
        ),
      ).toEqual([]);
    });

    it('may read raw mail, attachments and uploads, write attachments and uploads, delete only uploads, publish nothing', () => {
      const statements = statementsOf(synth, 'AgentApiHandler');
      const actions = actionsOf(statements);
      expect(actions).toEqual(expect.arrayContaining(['dynamodb:Query', 'dynamodb:UpdateItem']));
      expect(actions.filter((a) => /^(sns|kms):/.test(a))).toEqual([]);
      const resourceOfAction = (action: string) =>
        JSON.stringify(statements.find((s) => s.Action === action)!.Resource);
      expect(resourceOfAction('s3:GetObject')).toMatch(/"\/inbound\/\*"/);
      expect(resourceOfAction('s3:GetObject')).toMatch(/"\/attachments\/\*"/);
      expect(resourceOfAction('s3:GetObject')).toMatch(/"\/uploads\/\*"/);
      expect(resourceOfAction('s3:PutObject')).toMatch(/"\/attachments\/\*"/);
      // Presigned POSTs are signed with this role: the upload is allowed under uploads/ only.
      expect(resourceOfAction('s3:PutObject')).toMatch(/"\/uploads\/\*"/);
      expect(resourceOfAction('s3:PutObject')).not.toMatch(/inbound/);
      expect(resourceOfAction('s3:DeleteObject')).toMatch(/"\/uploads\/\*"/);
      expect(resourceOfAction('s3:DeleteObject')).not.toMatch(/inbound|attachments/);
      const { props } = resourceOf(synth.stateless$, 'AWS::Lambda::Function', 'AgentApiHandlerFunction');
      expect(props.Environment.Variables.UPLOADS_PREFIX).toBe('uploads/');
    });

    it("sends agents' replies (SES v2 SendEmail, raw), only as the mail domain or a desk, through our configuration set", () => {
      const ses = statementsOf(synth, 'AgentApiHandler').filter((s) =>
        actionsOf([s]).some((a) => a.startsWith('ses:')),
      );
      expect(ses).toHaveLength(1);
      expect(ses[0]!.Action).toBe('ses:SendEmail');
      const resources = JSON.stringify(ses[0]!.Resource);
      expect(resources).toContain(':configuration-set/');
      expect(resources).toContain('SendingIdentity');
      for (const desk of DESKS) expect(resources).toContain(`:identity/${desk}`);
      expect(resources).not.toMatch(/identity\/\*/);
      const { props } = resourceOf(synth.stateless$, 'AWS::Lambda::Function', 'AgentApiHandlerFunction');
      expect(Object.keys(props.Environment.Variables)).toContain('SES_CONFIGURATION_SET');
    });
  });

  describe('SLA watcher', () => {
    function deskTopics() {
      return DESK_IDS.map((desk) => ({
        desk,
        topic: resourceOf(synth.stateless$, 'AWS::SNS::Topic', `SlaWatcherDesk${desk.replaceAll('-', '')}`),
      }));
    }

    it('runs a round every 5 minutes and drops a round older than one period', () => {
      const rule = resourceOf(synth.stateless$, 'AWS::Events::Rule', 'SlaWatcherSchedule');
      const fn = resourceOf(synth.stateless$, 'AWS::Lambda::Function', 'SlaWatcherHandlerFunction');
      expect(rule.props).toMatchObject({
        ScheduleExpression: 'rate(5 minutes)',
        State: 'ENABLED',
        Targets: [
          {
            Arn: { 'Fn::GetAtt': [fn.id, 'Arn'] },
            RetryPolicy: { MaximumEventAgeInSeconds: 300, MaximumRetryAttempts: 1 },
          },
        ],
      });
      synth.stateless$.hasResourceProperties('AWS::Lambda::Permission', {
        Action: 'lambda:InvokeFunction',
        Principal: 'events.amazonaws.com',
        FunctionName: { 'Fn::GetAtt': [fn.id, 'Arn'] },
        SourceArn: { 'Fn::GetAtt': [rule.id, 'Arn'] },
      });
    });

    it('alerts each desk on its own topic, encrypted with the notification key and TLS-only', () => {
      const key = resourceOf(synth.stateless$, 'AWS::KMS::Key', 'NotificationKey');
      for (const { desk, topic } of deskTopics()) {
        expect(topic.props).toEqual(
          expect.objectContaining({
            DisplayName: `Exodata SLA ${desk}`,
            KmsMasterKeyId: { 'Fn::GetAtt': [key.id, 'Arn'] },
          }),
        );
        synth.stateless$.hasResourceProperties('AWS::SNS::TopicPolicy', {
          Topics: [{ Ref: topic.id }],
          PolicyDocument: {
            Statement: Match.arrayWith([
              Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
            ]),
          },
        });
      }
    });

    it('tells the watcher which topic is whose desk', () => {
      const { props } = resourceOf(synth.stateless$, 'AWS::Lambda::Function', 'SlaWatcherHandlerFunction');
      const arns = JSON.stringify(props.Environment.Variables.SLA_TOPIC_ARNS);
      for (const { desk, topic } of deskTopics())
        expect(arns).toContain(`\\"${desk}\\":\\"",{"Ref":"${topic.id}"}`);
      expect(props.Environment.Variables.POWERTOOLS_SERVICE_NAME).toBe('exodata-sla-watcher');
    });

    it('may publish to the desk topics only, with the notification key, and use no bucket nor SES', () => {
      const statements = statementsOf(synth, 'SlaWatcherHandler');
      const key = resourceOf(synth.stateless$, 'AWS::KMS::Key', 'NotificationKey');
      expect(statements.find((s) => s.Action === 'sns:Publish')!.Resource).toEqual(
        expect.arrayContaining(deskTopics().map(({ topic }) => ({ Ref: topic.id }))),
      );
      expect(statements.find((s) => s.Action === 'sns:Publish')!.Resource).toHaveLength(DESK_IDS.length);
      expect(statements.find((s) => actionsOf([s]).includes('kms:GenerateDataKey'))).toMatchObject({
        Action: ['kms:Decrypt', 'kms:GenerateDataKey'],
        Resource: { 'Fn::GetAtt': [key.id, 'Arn'] },
      });
      const actions = actionsOf(statements);
      expect(actions).toContain('dynamodb:ConditionCheckItem');
      expect(actions.filter((a) => a.startsWith('s3:') || a.startsWith('ses:'))).toEqual([]);
    });

    it('subscribes the configured addresses to their desk topic, and no one else', () => {
      const reunion = deskTopics().find((t) => t.desk === 'reunion')!.topic;
      const subscriptions = Object.values(synth.stateless$.findResources('AWS::SNS::Subscription'))
        .map((s) => s.Properties)
        .filter((s) => s.Protocol === 'email' && s.Endpoint !== 'astreinte@exodata.fr');
      expect(subscriptions).toEqual([
        expect.objectContaining({ Endpoint: 'astreinte-reunion@exodata.fr', TopicArn: { Ref: reunion.id } }),
      ]);
    });
  });

  describe('outputs', () => {
    it('give the portal URL, its client, the new log groups and each desk SLA topic', () => {
      const outputs = synth.stateless$.findOutputs('*');
      expect(Object.keys(outputs)).toEqual(
        expect.arrayContaining([
          'AgentPortalUrl',
          'AgentPortalClientId',
          'AgentApiLogGroupName',
          'SlaWatcherLogGroupName',
          'SlaTopicArnReunion',
          'SlaTopicArnMartinique',
          'SlaTopicArnGuadeloupe',
          'SlaTopicArnNouvelleCaledonie',
        ]),
      );
      const api = resourceOf(synth.stateless$, 'AWS::ApiGatewayV2::Api', 'AgentApi');
      expect(outputs.AgentPortalUrl!.Value).toEqual({
        'Fn::Join': [
          '',
          ['https://', { Ref: api.id }, '.execute-api.eu-west-1.', { Ref: 'AWS::URLSuffix' }, '/'],
        ],
      });
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

    it('alarm on errors, throttles and a parked event of each asynchronous function', () => {
      for (const service of ['exodata-intake', 'exodata-bounce-recorder', 'exodata-sla-watcher']) {
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

    it('alarm on errors and throttles of the agent API, which has no failure queue', () => {
      expect(alarm('exodata-agent-api-errors')).toMatchObject({ MetricName: 'Errors', Threshold: 1 });
      expect(alarm('exodata-agent-api-throttles')).toMatchObject({ MetricName: 'Throttles', Threshold: 1 });
      const names = Object.values(synth.stateless$.findResources('AWS::CloudWatch::Alarm')).map((a) =>
        String(a.Properties.AlarmName),
      );
      expect(names.filter((n) => n.includes('agent-api-failure-queue'))).toEqual([]);
    });

    it('alarm on server errors of the agents HTTP API, which the function Errors metric does not see', () => {
      const api = resourceOf(synth.stateless$, 'AWS::ApiGatewayV2::Api', 'AgentApi');
      expect(alarm('exodata-agent-api-5xx')).toMatchObject({
        Namespace: 'AWS/ApiGateway',
        MetricName: '5xx',
        Dimensions: [{ Name: 'ApiId', Value: { Ref: api.id } }],
        Statistic: 'Sum',
        Period: 300,
        Threshold: 5,
      });
    });

    it('alarm on the first SLA alert that could not be published and the first ticket the watcher could not check', () => {
      for (const [suffix, metric] of [
        ['sla-notification-failures', 'SlaNotificationFailures'],
        ['sla-watch-errors', 'SlaWatchErrors'],
      ]) {
        expect(alarm(`exodata-sla-watcher-${suffix}`)).toMatchObject({
          Namespace: 'Exodata/Intake',
          MetricName: metric,
          Dimensions: [{ Name: 'service', Value: 'exodata-sla-watcher' }],
          Threshold: 1,
          TreatMissingData: 'notBreaching',
        });
      }
    });

    it('alarm on the first agent reply or client notification whose outcome is unknown', () => {
      expect(alarm('exodata-agent-api-outbound-unconfirmed')).toMatchObject({
        Namespace: 'Exodata/Intake',
        MetricName: 'OutboundUnconfirmed',
        Dimensions: [{ Name: 'service', Value: 'exodata-agent-api' }],
        Threshold: 1,
        TreatMissingData: 'notBreaching',
      });
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

    it('alarm on the first acknowledgement whose outcome is unknown and the first intake run that failed for good', () => {
      for (const [suffix, metric] of [
        ['acknowledgements-unconfirmed', 'AcknowledgementsUnconfirmed'],
        ['intake-failures', 'IntakeFailures'],
        // Issue 13 §4: a client directory row left out because it is invalid.
        ['invalid-client-rows', 'InvalidClientRows'],
      ]) {
        expect(alarm(`exodata-intake-${suffix}`)).toMatchObject({
          Namespace: 'Exodata/Intake',
          MetricName: metric,
          Dimensions: [{ Name: 'service', Value: 'exodata-intake' }],
          Statistic: 'Sum',
          Period: 300,
          Threshold: 1,
          ComparisonOperator: 'GreaterThanOrEqualToThreshold',
          TreatMissingData: 'notBreaching',
        });
      }
    });

    it('alarm before SES reviews the account for bounces', () => {
      expect(alarm('ses-bounce-rate')).toMatchObject({
        Namespace: 'AWS/SES',
        MetricName: 'Reputation.BounceRate',
        Statistic: 'Maximum',
        Threshold: 0.04,
      });
    });

    it('lets CloudWatch publish to the alarm topic, only for our alarms of this account, over TLS', () => {
      const topic = resourceOf(synth.stateless$, 'AWS::SNS::Topic', 'AlarmTopic');
      const policy = Object.values(synth.stateless$.findResources('AWS::SNS::TopicPolicy')).find((p) =>
        JSON.stringify(p.Properties.Topics).includes(topic.id),
      );
      const statements = policy!.Properties.PolicyDocument.Statement as Array<Record<string, unknown>>;
      const publish = statements.find((s) => s.Effect === 'Allow');
      expect(publish).toEqual({
        Sid: 'AllowOurAlarmsToPublish',
        Effect: 'Allow',
        Principal: { Service: 'cloudwatch.amazonaws.com' },
        Action: 'sns:Publish',
        Resource: { Ref: topic.id },
        Condition: {
          StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } },
          ArnLike: {
            'aws:SourceArn': 'arn:aws:cloudwatch:eu-west-1:123456789012:alarm:exodata-intake-test-*',
          },
        },
      });
      // The TLS deny stays, and every alarm's name falls under the allowed pattern.
      expect(statements.some((s) => s.Effect === 'Deny')).toBe(true);
      for (const a of Object.values(synth.stateless$.findResources('AWS::CloudWatch::Alarm')))
        expect(String(a.Properties.AlarmName)).toMatch(/^exodata-intake-test-/);
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
      // intake 9 (errors, throttles, queue, quarantined, acknowledgements failed, unconfirmed and
      // capped, intake failures, invalid client rows), bounce recorder 3, SES 2, agent API 4 (errors,
      // throttles, 5xx, outbound unconfirmed), client portal 3 (errors, throttles, 5xx), SLA watcher 5
      // (errors, throttles, queue, 2 metrics).
      expect(alarms).toHaveLength(26);
      for (const a of alarms) {
        expect(a.Properties.AlarmActions).toEqual([{ Ref: topic.id }]);
        expect(a.Properties.OKActions).toEqual([{ Ref: topic.id }]);
      }
    });
  });
});

describe('Stateful values reaching the stateless stack', () => {
  type Env = Record<string, unknown>;
  const READERS = [
    'IntakeFunction',
    'BounceRecorderFunction',
    'AgentApiHandlerFunction',
    'SlaWatcherHandlerFunction',
  ];
  const envOf = (synth: SynthesizedIntake, part: string): Env =>
    resourceOf(synth.stateless$, 'AWS::Lambda::Function', part).props.Environment.Variables;

  let base: SynthesizedIntake;
  beforeAll(() => {
    base = synthIntake();
  });

  it('changes the agent API environment itself when the Cognito domain prefix changes', () => {
    const renamed = synthIntake(deploymentConfig({ cognitoDomainPrefix: 'exodata-support-974' }));
    expect(envOf(renamed, 'AgentApiHandlerFunction').COGNITO_DOMAIN).toBe(
      'https://exodata-support-974.auth.eu-west-1.amazoncognito.com',
    );
    // The stateful stack's domain and the value the functions get are the same prefix.
    renamed.stateful$.hasResourceProperties('AWS::Cognito::UserPoolDomain', {
      Domain: 'exodata-support-974',
    });
  });

  it('changes every reader of stateful values when anything that shapes the stateful stack changes', () => {
    const before = Object.fromEntries(READERS.map((part) => [part, envOf(base, part).STATEFUL_REVISION]));
    for (const value of Object.values(before)) expect(value).toMatch(/^[0-9a-f]{16}$/);
    expect(new Set(Object.values(before)).size).toBe(1);
    for (const change of [
      { cognitoDomainPrefix: 'exodata-support-974' },
      { rawMailRetentionDays: 30 },
      { receiptRuleSet: { mode: 'activate', name: 'exodata-intake-renamed' } },
    ]) {
      const changed = synthIntake(deploymentConfig(change));
      for (const part of READERS)
        expect(envOf(changed, part).STATEFUL_REVISION, `${part} after ${JSON.stringify(change)}`).not.toBe(
          before[part],
        );
    }
  });

  it('keeps the functions unchanged when only a stateless setting changes', () => {
    const changed = synthIntake(deploymentConfig({ alarmEmail: 'ops@exodata.fr', logRetentionDays: 30 }));
    for (const part of READERS)
      expect(envOf(changed, part).STATEFUL_REVISION).toBe(envOf(base, part).STATEFUL_REVISION);
  });

  it('reads every other stateful value through the weak references the revision refreshes', () => {
    const json = JSON.stringify(base.stateless$.toJSON());
    expect(json).not.toContain('Fn::ImportValue');
    expect(json).toContain('Fn::GetStackOutput');
  });
});

describe('Function: buildIntakeApp', () => {
  it('prints a configuration warning (an unlisted region) on the stateless stack without failing the synth', () => {
    const synth = synthIntake(deploymentConfig({ region: 'ap-northeast-3' }));
    Annotations.fromStack(synth.stateless).hasWarning(
      '/exodata-intake-test-stateless',
      Match.stringLikeRegexp('region ap-northeast-3 is not in the SES receiving regions'),
    );
    const checked = synthIntake(
      deploymentConfig({ region: 'ap-northeast-3', sesReceivingRegionChecked: true }),
    );
    Annotations.fromStack(checked.stateless).hasNoWarning(
      '*',
      Match.stringLikeRegexp('SES receiving regions'),
    );
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
