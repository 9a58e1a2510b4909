import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import {
  DkimIdentity,
  EasyDkimSigningKeyLength,
  EmailIdentity,
  Identity,
  MailFromBehaviorOnMxFailure,
} from 'aws-cdk-lib/aws-ses';
import type { Construct } from 'constructs';
import type { DeploymentConfig } from '../config';
import { AgentUserPool } from '../constructs/agent-api';
import { MailStorage } from '../constructs/mail-storage';
import { TicketTable } from '../constructs/ticket-table';

export type StatefulStackProps = StackProps & { config: DeploymentConfig };

/** Fields of the configuration the stateful stack never reads: changing them changes none of its values. */
const STATELESS_ONLY_FIELDS = [
  'warnings',
  'alarmEmail',
  'logRetentionDays',
  'bounceRateAlarmThreshold',
  'slaAlertEmails',
  'maxMessageBytes',
  'sesSandboxTestRecipients',
  'sesReceivingRegionChecked',
] as const satisfies ReadonlyArray<keyof DeploymentConfig>;

const AWS_CDK_LIB_VERSION: string = createRequire(import.meta.url)('aws-cdk-lib/package.json').version;

/**
 * A digest of everything that shapes the stateful stack: its configuration (every field but the
 * stateless-only ones, so a new field counts until someone says otherwise) and the aws-cdk-lib version.
 * The stateless stack reads the stateful values through Fn::GetStackOutput, which CloudFormation
 * resolves only for resources it updates, and `cdk deploy` skips a stack whose template did not change.
 * Every function that reads a stateful value carries this digest in its environment (STATEFUL_REVISION),
 * so any change that can change such a value also updates those functions and makes them re-read it.
 */
export function statefulRevision(config: DeploymentConfig): string {
  const inputs: Record<string, unknown> = { ...config };
  for (const field of STATELESS_ONLY_FIELDS) delete inputs[field];
  return createHash('sha256')
    .update(canonicalJson({ awsCdkLib: AWS_CDK_LIB_VERSION, inputs }))
    .digest('hex')
    .slice(0, 16);
}

/** JSON with object keys sorted at every level: the same configuration always gives the same digest. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

/** The agents' hosted sign-in address, written from the configuration rather than read from the stack. */
export function cognitoSignInUrl(domainPrefix: string, region: string): string {
  return `https://${domainPrefix}.auth.${region}.amazoncognito.com`;
}

/** Server access logs are evidence for a dispute about a message: kept a little over a year. */
const ACCESS_LOG_RETENTION_DAYS = 400;

/**
 * What must survive a redeploy of the functions: the mail bucket, the table, the SES identity (whose
 * DKIM tokens are published in DNS) and the agents' user pool (their accounts, passwords and MFA
 * devices). Deployed rarely, termination-protected, and every data resource is retained if the stack
 * is deleted anyway. Nothing here refers to the stateless stack: the portal's app client, whose
 * callback URL is the API's, lives there.
 */
export class StatefulStack extends Stack {
  readonly table: ITable;
  readonly mailBucket: IBucket;
  readonly identity: EmailIdentity;
  readonly agents: AgentUserPool;

  constructor(scope: Construct, id: string, props: StatefulStackProps) {
    super(scope, id, { terminationProtection: true, ...props });
    const { config } = props;

    const storage = new MailStorage(this, 'MailStorage', {
      retentionDays: config.rawMailRetentionDays,
      accessLogRetentionDays: ACCESS_LOG_RETENTION_DAYS,
    });
    this.mailBucket = storage.bucket;
    this.table = new TicketTable(this, 'Tickets').table;
    this.agents = new AgentUserPool(this, 'Agents', {
      serviceDesk: config.serviceDesk,
      domainPrefix: config.cognitoDomainPrefix,
      withoutDomain: config.cognitoDomainRemoved,
    });

    const mailFromDomain = `bounce.${config.mailDomain}`;
    this.identity = new EmailIdentity(this, 'SendingIdentity', {
      identity: Identity.domain(config.mailDomain),
      dkimSigning: true,
      dkimIdentity: DkimIdentity.easyDkim(EasyDkimSigningKeyLength.RSA_2048_BIT),
      mailFromDomain,
      // Until the MAIL FROM records exist, send with amazonses.com rather than refuse to send.
      mailFromBehaviorOnMxFailure: MailFromBehaviorOnMxFailure.USE_DEFAULT_VALUE,
    });

    // The DNS records an operator must publish (docs/deploy.md, "DNS records").
    this.identity.dkimRecords.forEach((record, index) => {
      new CfnOutput(this, `DkimCname${index + 1}`, {
        description: `DKIM CNAME ${index + 1}: name → value`,
        value: `${record.name} CNAME ${record.value}`,
      });
    });
    new CfnOutput(this, 'InboundMx', {
      description: `MX of ${config.mailDomain} for SES receiving`,
      value: `${config.mailDomain} MX 10 inbound-smtp.${config.region}.amazonaws.com`,
    });
    new CfnOutput(this, 'MailFromMx', {
      description: 'MX of the MAIL FROM domain',
      value: `${mailFromDomain} MX 10 feedback-smtp.${config.region}.amazonses.com`,
    });
    new CfnOutput(this, 'MailFromSpf', {
      description: 'SPF of the MAIL FROM domain',
      value: `${mailFromDomain} TXT "v=spf1 include:amazonses.com ~all"`,
    });
    new CfnOutput(this, 'MailBucketName', { value: storage.bucket.bucketName });
    new CfnOutput(this, 'TableName', { value: this.table.tableName });
    new CfnOutput(this, 'AgentUserPoolId', {
      description: 'Cognito user pool of the agents (admin-create-user, admin-add-user-to-group)',
      value: this.agents.userPool.userPoolId,
    });
    new CfnOutput(this, 'AgentSignInDomain', {
      description: 'Hosted sign-in of the agents portal',
      value:
        this.agents.domain?.baseUrl() ??
        'none: cognitoDomainRemoved is set (docs/deploy.md, "Changing the sign-in prefix")',
    });
  }
}
