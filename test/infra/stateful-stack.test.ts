import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { deploymentConfig, resourceOf, type SynthesizedIntake, synthIntake } from './synth';

describe('Class: StatefulStack', () => {
  let synth: SynthesizedIntake;
  beforeAll(() => {
    synth = synthIntake();
  });

  describe('mail bucket', () => {
    it('is private, encrypted, TLS-only, versioned and retained', () => {
      const bucket = synth.stateful$.findResources('AWS::S3::Bucket');
      const [id, mail] = Object.entries(bucket).find(([key]) => key.includes('MailBucket'))!;
      expect(mail.DeletionPolicy).toBe('Retain');
      expect(mail.UpdateReplacePolicy).toBe('Retain');
      expect(mail.Properties).toMatchObject({
        BucketEncryption: {
          ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
        },
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        },
        VersioningConfiguration: { Status: 'Enabled' },
        OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
      });
      expect(id).toContain('MailStorage');
    });

    it('expires raw mail and attachments after the configured retention', () => {
      const { props } = resourceOf(synth.stateful$, 'AWS::S3::Bucket', 'MailBucket');
      expect(props.LifecycleConfiguration.Rules).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ Prefix: 'inbound/', ExpirationInDays: 400, Status: 'Enabled' }),
          expect.objectContaining({ Prefix: 'attachments/', ExpirationInDays: 400, Status: 'Enabled' }),
          expect.objectContaining({ Prefix: 'uploads/', ExpirationInDays: 400, Status: 'Enabled' }),
          expect.objectContaining({
            NoncurrentVersionExpiration: { NoncurrentDays: 30 },
            AbortIncompleteMultipartUpload: { DaysAfterInitiation: 7 },
          }),
        ]),
      );
    });

    it('answers browsers posting uploads (CORS: POST only, no read granted)', () => {
      const { props } = resourceOf(synth.stateful$, 'AWS::S3::Bucket', 'MailBucket');
      expect(props.CorsConfiguration).toEqual({
        CorsRules: [{ AllowedMethods: ['POST'], AllowedOrigins: ['*'], AllowedHeaders: ['*'], MaxAge: 600 }],
      });
    });

    it('logs server access to the access-log bucket', () => {
      const logBucket = resourceOf(synth.stateful$, 'AWS::S3::Bucket', 'AccessLogBucket');
      const { props } = resourceOf(synth.stateful$, 'AWS::S3::Bucket', 'MailBucket');
      expect(props.LoggingConfiguration).toEqual({
        DestinationBucketName: { Ref: logBucket.id },
        LogFilePrefix: 'mail-bucket/',
      });
      expect(logBucket.props.PublicAccessBlockConfiguration.BlockPublicPolicy).toBe(true);
    });

    it('lets SES write under inbound/ only for our receipt rule of this account', () => {
      const mail = resourceOf(synth.stateful$, 'AWS::S3::Bucket', 'MailBucket');
      const { props } = resourceOf(synth.stateful$, 'AWS::S3::BucketPolicy', 'MailBucketPolicy');
      const sesStatements = props.PolicyDocument.Statement.filter(
        (s: { Principal?: { Service?: string } }) => s.Principal?.Service === 'ses.amazonaws.com',
      );
      expect(sesStatements).toEqual([
        {
          Sid: 'AllowSesReceiptRulePutObject',
          Effect: 'Allow',
          Action: 's3:PutObject',
          Principal: { Service: 'ses.amazonaws.com' },
          Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [mail.id, 'Arn'] }, '/inbound/*']] },
          Condition: {
            StringEquals: {
              'aws:SourceAccount': { Ref: 'AWS::AccountId' },
              // The rule's ARN as SES documents it, written from the configured names: a reference to
              // the rule resource would make this policy wait for the rule, which SES refuses to create
              // until it can write here (the 2024 regression in pitfalls.md).
              'aws:SourceArn':
                'arn:aws:ses:eu-west-1:123456789012:receipt-rule-set/exodata-intake-test:receipt-rule/exodata-intake-test',
            },
          },
        },
      ]);
      expect(JSON.stringify(props)).not.toMatch(/DeskRule|Fn::GetStackOutput|Fn::ImportValue/);
    });

    it('denies every request that is not over TLS 1.2 or later', () => {
      synth.stateful$.hasResourceProperties('AWS::S3::BucketPolicy', {
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
            Match.objectLike({ Effect: 'Deny', Condition: { NumericLessThan: { 's3:TlsVersion': 1.2 } } }),
          ]),
        },
      });
      expect(Object.keys(synth.stateful$.findResources('AWS::S3::BucketPolicy'))).toHaveLength(2);
    });
  });

  describe('ticket table', () => {
    it('has the fixed keys, the queue and requester indexes with every attribute, the keys-only look-up index and the report index', () => {
      synth.stateful$.hasResourceProperties('AWS::DynamoDB::Table', {
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
        AttributeDefinitions: Match.arrayEquals([
          { AttributeName: 'pk', AttributeType: 'S' },
          { AttributeName: 'sk', AttributeType: 'S' },
          { AttributeName: 'gsi1pk', AttributeType: 'S' },
          { AttributeName: 'gsi1sk', AttributeType: 'S' },
          { AttributeName: 'gsi2pk', AttributeType: 'S' },
          { AttributeName: 'gsi2sk', AttributeType: 'S' },
          { AttributeName: 'gsi3pk', AttributeType: 'S' },
          { AttributeName: 'gsi4pk', AttributeType: 'S' },
          { AttributeName: 'gsi4sk', AttributeType: 'S' },
        ]),
        GlobalSecondaryIndexes: [
          {
            IndexName: 'gsi1',
            KeySchema: [
              { AttributeName: 'gsi1pk', KeyType: 'HASH' },
              { AttributeName: 'gsi1sk', KeyType: 'RANGE' },
            ],
            Projection: { ProjectionType: 'ALL' },
          },
          {
            IndexName: 'gsi2',
            KeySchema: [
              { AttributeName: 'gsi2pk', KeyType: 'HASH' },
              { AttributeName: 'gsi2sk', KeyType: 'RANGE' },
            ],
            Projection: { ProjectionType: 'ALL' },
          },
          {
            IndexName: 'gsi3',
            KeySchema: [{ AttributeName: 'gsi3pk', KeyType: 'HASH' }],
            Projection: { ProjectionType: 'KEYS_ONLY' },
          },
          {
            // The SLA reports: a desk's tickets by receipt time, with only what a report reads.
            IndexName: 'gsi4',
            KeySchema: [
              { AttributeName: 'gsi4pk', KeyType: 'HASH' },
              { AttributeName: 'gsi4sk', KeyType: 'RANGE' },
            ],
            Projection: {
              ProjectionType: 'INCLUDE',
              NonKeyAttributes: [
                'reference',
                'desk',
                'deskOnDuty',
                'client',
                'contract',
                'subject',
                'priority',
                'status',
                'receivedAt',
                'gtiDueAt',
                'gtrDueAt',
                'resolvedAt',
                'reopenedAt',
                'updatedAt',
                'work',
              ],
            },
          },
        ],
      });
    });

    it('is on demand, recoverable to the second, protected from deletion and expires by expiresAt', () => {
      synth.stateful$.hasResource('AWS::DynamoDB::Table', {
        Type: 'AWS::DynamoDB::Table',
        DeletionPolicy: 'Retain',
        UpdateReplacePolicy: 'Retain',
        Properties: Match.objectLike({
          BillingMode: 'PAY_PER_REQUEST',
          PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
          DeletionProtectionEnabled: true,
          TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
        }),
      });
      synth.stateful$.resourceCountIs('AWS::DynamoDB::GlobalTable', 0);
    });
  });

  describe('sending identity', () => {
    it('signs with 2048-bit Easy DKIM and sends bounces through bounce.<domain>', () => {
      synth.stateful$.hasResourceProperties('AWS::SES::EmailIdentity', {
        EmailIdentity: 'exodata.fr',
        DkimAttributes: { SigningEnabled: true },
        DkimSigningAttributes: { NextSigningKeyLength: 'RSA_2048_BIT' },
        MailFromAttributes: { MailFromDomain: 'bounce.exodata.fr', BehaviorOnMxFailure: 'USE_DEFAULT_VALUE' },
      });
    });

    it('outputs the DNS records an operator must publish', () => {
      const outputs = synth.stateful$.findOutputs('*');
      expect(Object.keys(outputs)).toEqual(
        expect.arrayContaining([
          'DkimCname1',
          'DkimCname2',
          'DkimCname3',
          'InboundMx',
          'MailFromMx',
          'MailFromSpf',
        ]),
      );
      expect(outputs.InboundMx!.Value).toBe('exodata.fr MX 10 inbound-smtp.eu-west-1.amazonaws.com');
      expect(outputs.MailFromMx!.Value).toBe('bounce.exodata.fr MX 10 feedback-smtp.eu-west-1.amazonses.com');
    });
  });

  describe('agents user pool', () => {
    it('admits only accounts created by an administrator, with MFA by authenticator app and threat protection', () => {
      const pool = resourceOf(synth.stateful$, 'AWS::Cognito::UserPool', 'AgentsUserPool');
      expect(pool.props).toMatchObject({
        AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
        MfaConfiguration: 'ON',
        EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
        UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' },
        Policies: { PasswordPolicy: expect.objectContaining({ MinimumLength: 12, RequireSymbols: true }) },
      });
    });

    it('keeps the agents accounts when the pool or the stack is deleted', () => {
      synth.stateful$.hasResource('AWS::Cognito::UserPool', {
        DeletionPolicy: 'Retain',
        UpdateReplacePolicy: 'Retain',
        Properties: Match.objectLike({ DeletionProtection: 'ACTIVE' }),
      });
    });

    it('has one group per desk id, which the agent API reads as the agent desks', () => {
      const pool = resourceOf(synth.stateful$, 'AWS::Cognito::UserPool', 'AgentsUserPool');
      const groups = Object.values(synth.stateful$.findResources('AWS::Cognito::UserPoolGroup')).map(
        (g) => g.Properties,
      );
      expect(groups.map((g) => g.GroupName)).toEqual([
        'reunion',
        'martinique',
        'guadeloupe',
        'nouvelle-caledonie',
      ]);
      for (const group of groups) expect(group.UserPoolId).toEqual({ Ref: pool.id });
    });

    it('signs agents in on the configured Cognito domain prefix, exodata-agents-<stage> by default', () => {
      const pool = resourceOf(synth.stateful$, 'AWS::Cognito::UserPool', 'AgentsUserPool');
      expect(
        resourceOf(synth.stateful$, 'AWS::Cognito::UserPoolDomain', 'AgentsUserPoolDomain').props,
      ).toEqual({
        Domain: 'exodata-agents-test',
        UserPoolId: { Ref: pool.id },
      });
      const outputs = synth.stateful$.findOutputs('*');
      expect(outputs.AgentUserPoolId!.Value).toEqual({ Ref: pool.id });
      expect(JSON.stringify(outputs.AgentSignInDomain!.Value)).toContain('.auth.eu-west-1.amazoncognito.com');
    });

    it('changes the sign-in prefix in two deployments: first without any domain, then with the new prefix', () => {
      // One deployment cannot: Cognito holds one prefix domain per pool and CloudFormation creates the
      // replacement before it deletes the old domain, so the stack would roll back.
      const step1 = synthIntake(deploymentConfig({ cognitoDomainRemoved: true }));
      step1.stateful$.resourceCountIs('AWS::Cognito::UserPoolDomain', 0);
      expect(step1.stateful$.findOutputs('AgentSignInDomain').AgentSignInDomain!.Value).toMatch(
        /^none: cognitoDomainRemoved/,
      );
      // The pool and its groups stay: agents keep their accounts, passwords and MFA devices.
      step1.stateful$.resourceCountIs('AWS::Cognito::UserPool', 1);
      step1.stateful$.resourceCountIs('AWS::Cognito::UserPoolGroup', 4);

      const step2 = synthIntake(deploymentConfig({ cognitoDomainPrefix: 'exodata-support-974' }));
      const pool = resourceOf(step2.stateful$, 'AWS::Cognito::UserPool', 'AgentsUserPool');
      expect(
        resourceOf(step2.stateful$, 'AWS::Cognito::UserPoolDomain', 'AgentsUserPoolDomain').props,
      ).toEqual({
        Domain: 'exodata-support-974',
        UserPoolId: { Ref: pool.id },
      });
    });

    it('holds no app client: the portal client, whose callback is the API URL, belongs to the stateless stack', () => {
      synth.stateful$.resourceCountIs('AWS::Cognito::UserPoolClient', 0);
    });
  });

  it('is protected against termination', () => {
    expect(synth.stateful.terminationProtection).toBe(true);
  });

  it('holds no function, so redeploying code never touches the data', () => {
    synth.stateful$.resourceCountIs('AWS::Lambda::Function', 0);
  });

  it('depends on no other stack, so it deploys first and alone', () => {
    expect(synth.stateful.dependencies).toEqual([]);
    expect(synth.stateless.dependencies).toEqual([synth.stateful]);
  });
});
