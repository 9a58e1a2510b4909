import { CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { IEmailIdentity } from 'aws-cdk-lib/aws-ses';
import type { Construct } from 'constructs';
import { INTAKE_METRICS } from '../../functions/intake/intake-metrics';
import { SLA_METRICS } from '../../functions/sla-watcher/sla-metrics';
import { OUTBOUND_METRICS } from '../../shared/wiring/outbound-metrics';
import type { DeploymentConfig } from '../config';
import { AGENT_API_SERVICE_NAME, AgentApi, type AgentUserPool } from '../constructs/agent-api';
import { CLIENT_PORTAL_SERVICE_NAME, ClientPortal } from '../constructs/client-portal';
import { ExodataFunction } from '../constructs/exodata-function';
import { InboundMail } from '../constructs/inbound-mail';
import { ATTACHMENTS_PREFIX, RAW_MAIL_PREFIX, UPLOADS_PREFIX } from '../constructs/mail-storage';
import { Monitoring } from '../constructs/monitoring';
import { NotificationKey } from '../constructs/notification-key';
import { OutboundMail } from '../constructs/outbound-mail';
import { SlaWatcher } from '../constructs/sla-watcher';
import { cognitoSignInUrl, statefulRevision } from './stateful-stack';

export type StatelessStackProps = StackProps & {
  config: DeploymentConfig;
  table: ITable;
  mailBucket: IBucket;
  identity: IEmailIdentity;
  agents: AgentUserPool;
};

/** POWERTOOLS_SERVICE_NAME of the intake: the `service` dimension of its `Quarantined` metric. */
export const INTAKE_SERVICE_NAME = 'exodata-intake';
export const BOUNCE_RECORDER_SERVICE_NAME = 'exodata-bounce-recorder';

/**
 * Everything that can be replaced without losing data: the functions, the SES receipt rule (kept
 * with the intake function so the rule's invoke permission never crosses a stack), the configuration
 * set, the agents' HTTP API and its app client, the SLA watcher's schedule, the topics and the alarms.
 * The table, bucket, identity and user pool come in as props from the stateful stack; the only
 * dependency runs from here to there.
 */
export class StatelessStack extends Stack {
  readonly intake: ExodataFunction;
  readonly bounceRecorder: ExodataFunction;
  readonly inboundMail: InboundMail;
  readonly outboundMail: OutboundMail;
  readonly agentApi: AgentApi;
  readonly clientPortal: ClientPortal;
  readonly slaWatcher: SlaWatcher;
  readonly monitoring: Monitoring;

  constructor(scope: Construct, id: string, props: StatelessStackProps) {
    super(scope, id, props);
    const { config } = props;
    const name = `exodata-intake-${config.stage}`;
    const logRetention = config.logRetentionDays as RetentionDays;
    const topicKey = new NotificationKey(this, 'NotificationKey').key;

    // The client portal first: its address is the portal base URL every mail to a client links to
    // (the configured portalBaseUrl, on a custom domain when a certificate is given; else its default address).
    this.clientPortal = new ClientPortal(this, 'ClientPortal', {
      table: props.table,
      mailBucket: props.mailBucket,
      rawMailPrefix: RAW_MAIL_PREFIX,
      attachmentsPrefix: ATTACHMENTS_PREFIX,
      uploadsPrefix: UPLOADS_PREFIX,
      maxMessageBytes: config.maxMessageBytes,
      logRetention,
      ...(config.portalBaseUrl && config.clientPortalCertificateArn
        ? {
            customDomain: {
              domainName: new URL(config.portalBaseUrl).hostname,
              certificateArn: config.clientPortalCertificateArn,
            },
          }
        : {}),
    });
    const serviceDesk = config.portalBaseUrl
      ? config.serviceDesk
      : {
          ...config.serviceDesk,
          contact: { ...config.serviceDesk.contact, portalBaseUrl: this.clientPortal.portalBaseUrl },
        };
    const deskAddresses = serviceDesk.desks.map((desk) => desk.address);
    this.clientPortal.handler.addEnvironment('SERVICE_DESK_CONFIG', JSON.stringify(serviceDesk));

    this.outboundMail = new OutboundMail(this, 'OutboundMail', { configurationSetName: name, topicKey });

    this.intake = new ExodataFunction(this, 'Intake', {
      entry: 'functions/intake/handler.ts',
      description: 'SES receipt → ticket, deadlines and acknowledgement',
      serviceName: INTAKE_SERVICE_NAME,
      logRetention,
      // Parsing a message of up to 40 MB takes several times its size in memory; memory also buys CPU.
      memorySize: 1536,
      timeout: Duration.minutes(2),
      // Follow one mail from the SES receipt to the acknowledgement's SendRawEmail (docs/operations.md).
      activeTracing: true,
      environment: {
        RAW_MAIL_PREFIX,
        ATTACHMENTS_PREFIX,
        SERVICE_DESK_CONFIG: JSON.stringify(serviceDesk),
        MAX_ATTACHMENT_BYTES: String(config.maxMessageBytes),
      },
    })
      .bindTable(props.table, 'readWrite')
      .bindBucketPrefixes(props.mailBucket, {
        bucketEnvVar: 'RAW_MAIL_BUCKET',
        read: [RAW_MAIL_PREFIX],
        write: [ATTACHMENTS_PREFIX],
      })
      .bindMailSending(
        props.identity,
        this.outboundMail.configurationSet,
        deskAddresses,
        config.sesSandboxTestRecipients,
      );

    this.bounceRecorder = new ExodataFunction(this, 'BounceRecorder', {
      entry: 'functions/bounce-recorder/handler.ts',
      description: 'SES bounce and complaint events → requester and ticket',
      serviceName: BOUNCE_RECORDER_SERVICE_NAME,
      logRetention,
    }).bindTable(props.table, 'readWrite');
    this.outboundMail.subscribeRecorder(this.bounceRecorder.function);

    this.inboundMail = new InboundMail(this, 'InboundMail', {
      recipients: deskAddresses,
      ruleName: name,
      ruleSet: config.receiptRuleSet,
      bucket: props.mailBucket,
      intake: this.intake.function,
      logRetention,
    });

    this.agentApi = new AgentApi(this, 'AgentApi', {
      agents: props.agents,
      table: props.table,
      mailBucket: props.mailBucket,
      rawMailPrefix: RAW_MAIL_PREFIX,
      attachmentsPrefix: ATTACHMENTS_PREFIX,
      uploadsPrefix: UPLOADS_PREFIX,
      serviceDesk,
      maxMessageBytes: config.maxMessageBytes,
      logRetention,
      // Written from the configuration: a new prefix changes this template, not only the stateful one.
      signInUrl: cognitoSignInUrl(config.cognitoDomainPrefix, config.region),
    });
    // Agents' replies and the client notifications: from the desk identities only, through the
    // configuration set whose bounce and complaint events reach the bounce recorder.
    // SES v2 SendEmail (raw mail up to 40 MB: replies with attachments), hence ses:SendEmail.
    this.agentApi.handler.bindMailSending(
      props.identity,
      this.outboundMail.configurationSet,
      deskAddresses,
      [],
      'ses:SendEmail',
    );
    // "Mes demandes" sign-in links, from the desk identities, through the same configuration set.
    this.clientPortal.handler.bindMailSending(
      props.identity,
      this.outboundMail.configurationSet,
      deskAddresses,
      config.sesSandboxTestRecipients,
    );

    this.slaWatcher = new SlaWatcher(this, 'SlaWatcher', {
      table: props.table,
      serviceDesk,
      topicKey,
      logRetention,
      alertEmails: config.slaAlertEmails,
    });

    this.monitoring = new Monitoring(this, 'Monitoring', {
      alarmEmail: config.alarmEmail,
      topicKey,
      alarmPrefix: name,
    })
      .watchFunction(this.intake)
      .watchIntakeMetric(
        this.intake,
        INTAKE_METRICS.quarantined,
        'A received message was quarantined (unparseable): an agent must read it by hand.',
      )
      .watchIntakeMetric(
        this.intake,
        INTAKE_METRICS.acknowledgementsFailed,
        'An acknowledgement could not be sent: the client has no confirmation; check SES and the logs.',
      )
      .watchIntakeMetric(
        this.intake,
        INTAKE_METRICS.acknowledgementsUnconfirmed,
        'An acknowledgement may or may not have left (its outcome was lost) and is never resent: an agent checks the SES sending events and contacts the client if it did not (docs/operations.md).',
      )
      .watchIntakeMetric(
        this.intake,
        INTAKE_METRICS.acknowledgementsCapped,
        'A desk reached its hourly acknowledgement cap (acknowledgementsPerDeskHour): further acknowledgements are suppressed; look for a flood of forged or looping requests in the suspended list and the intake logs.',
      )
      .watchIntakeMetric(
        this.intake,
        INTAKE_METRICS.intakeFailures,
        'An intake run failed with a non-transient error: Lambda retries, then parks the event; read the "intake failed" log and fix the cause before the retries run out.',
      )
      .watchIntakeMetric(
        this.intake,
        INTAKE_METRICS.invalidClientRows,
        'Client directory rows are invalid and left out: mail from those clients is served as unknown (standard contract); run `exo-intake clients check --table` and fix the rows.',
      )
      .watchFunction(this.bounceRecorder)
      .watchSendingReputation(config.bounceRateAlarmThreshold)
      .watchFunction(this.agentApi.handler)
      .watchHttpApi(this.agentApi.api, AGENT_API_SERVICE_NAME)
      .watchIntakeMetric(
        this.agentApi.handler,
        OUTBOUND_METRICS.unconfirmed,
        'An agent reply or a client notification may or may not have left (its outcome was lost): it is shown "non confirmé" on the ticket and never resent on its own; an agent checks and may use "renvoyer" (docs/agents.md).',
      )
      .watchFunction(this.clientPortal.handler)
      .watchHttpApi(this.clientPortal.api, CLIENT_PORTAL_SERVICE_NAME)
      .watchFunction(this.slaWatcher.handler)
      .watchIntakeMetric(
        this.slaWatcher.handler,
        SLA_METRICS.notificationFailures,
        'SLA alerts could not reach a desk: check SNS and the KMS key; the watcher retries them next round.',
      )
      .watchIntakeMetric(
        this.slaWatcher.handler,
        SLA_METRICS.watchErrors,
        'The SLA watcher could not check some tickets: their warnings and breaches may be missed; read its logs.',
      );

    // Functions that read stateful values re-read them whenever the stateful stack may have changed them.
    const revision = statefulRevision(config);
    for (const fn of [
      this.intake,
      this.bounceRecorder,
      this.agentApi.handler,
      this.clientPortal.handler,
      this.slaWatcher.handler,
    ])
      fn.addEnvironment('STATEFUL_REVISION', revision);

    new CfnOutput(this, 'IntakeFunctionName', { value: this.intake.function.functionName });
    new CfnOutput(this, 'IntakeLogGroupName', { value: this.intake.logGroup.logGroupName });
    new CfnOutput(this, 'IntakeFailureQueueUrl', { value: this.intake.failureQueue?.queueUrl ?? 'none' });
    new CfnOutput(this, 'BounceRecorderFailureQueueUrl', {
      value: this.bounceRecorder.failureQueue?.queueUrl ?? 'none',
    });
    new CfnOutput(this, 'ConfigurationSetName', {
      value: this.outboundMail.configurationSet.configurationSetName,
    });
    new CfnOutput(this, 'AlarmTopicArn', { value: this.monitoring.alarmTopic.topicArn });
    new CfnOutput(this, 'AgentPortalUrl', {
      description: 'Agents portal and API (sign in with a Cognito account of the stateful stack)',
      value: this.agentApi.portalUrl,
    });
    new CfnOutput(this, 'AgentPortalClientId', {
      description: 'Cognito app client of the portal (public, authorization code with PKCE)',
      value: this.agentApi.client.userPoolClientId,
    });
    new CfnOutput(this, 'ClientPortalUrl', {
      description: 'Client portal: the portal base URL of every mail to a client',
      value: this.clientPortal.portalBaseUrl,
    });
    new CfnOutput(this, 'AgentApiLogGroupName', { value: this.agentApi.handler.logGroup.logGroupName });
    new CfnOutput(this, 'SlaWatcherLogGroupName', { value: this.slaWatcher.handler.logGroup.logGroupName });
    for (const [deskId, topic] of Object.entries(this.slaWatcher.topics)) {
      new CfnOutput(this, `SlaTopicArn${pascalCase(deskId)}`, {
        description: `SLA alerts of desk ${deskId}: subscribe its mailbox, chat or on-call phone`,
        value: topic.topicArn,
      });
    }
  }
}

/** nouvelle-caledonie → NouvelleCaledonie: output keys are alphanumeric. */
function pascalCase(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join('');
}
