import { Duration, Stack } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';
import type { ServiceDeskConfig } from '../../shared/domain/desk/service-desk-config';
import { ConfigError } from '../../shared/domain/errors';
import { ExodataFunction } from './exodata-function';

export const SLA_WATCHER_SERVICE_NAME = 'exodata-sla-watcher';

export type SlaWatcherProps = {
  table: ITable;
  serviceDesk: ServiceDeskConfig;
  /** The stack's notification key (SNS topics are encrypted with a customer-managed key). */
  topicKey: IKey;
  logRetention: RetentionDays;
  /** How often a round runs; the warning comes 15 open minutes before a deadline, so keep it well under. */
  every?: Duration;
  /** E-mail subscribers of each desk's topic, by desk id (each confirms the first message). */
  alertEmails?: Readonly<Record<string, readonly string[]>>;
};

/**
 * The SLA watcher: an EventBridge schedule (every 5 minutes) runs one round over the open tickets;
 * alerts go to the SNS topic of the desk on duty (agents and the on-call phone subscribe to their
 * desk's topic: e-mail, SMS, chat). A round may overlap the next one safely: every write is conditional.
 */
export class SlaWatcher extends Construct {
  readonly handler: ExodataFunction;
  readonly topics: Record<string, Topic>;
  readonly schedule: Rule;

  constructor(scope: Construct, id: string, props: SlaWatcherProps) {
    super(scope, id);
    this.topics = Object.fromEntries(
      props.serviceDesk.desks.map((desk) => [
        desk.id,
        new Topic(this, `Desk-${desk.id}`, {
          displayName: `Exodata SLA ${desk.id}`,
          masterKey: props.topicKey,
          enforceSSL: true,
        }),
      ]),
    );
    for (const [deskId, addresses] of Object.entries(props.alertEmails ?? {})) {
      const topic = this.topics[deskId];
      if (!topic)
        throw new ConfigError(`SLA alert e-mails for unknown desk "${deskId}"`, {
          hint: `use one of the desk ids ${Object.keys(this.topics).join(', ')}`,
        });
      for (const address of addresses) topic.addSubscription(new EmailSubscription(address));
    }
    const topicArns = Object.fromEntries(
      Object.entries(this.topics).map(([desk, topic]) => [desk, topic.topicArn]),
    );

    // readWriteDelete: withdrawing an SLA alert marker deletes it (agent-store withdrawAlert).
    this.handler = new ExodataFunction(this, 'Handler', {
      entry: 'functions/sla-watcher/handler.ts',
      description: 'Every 5 minutes: follow the sun, SLA warnings and breaches to the desk on duty',
      serviceName: SLA_WATCHER_SERVICE_NAME,
      logRetention: props.logRetention,
      timeout: Duration.minutes(2),
      environment: {
        SERVICE_DESK_CONFIG: JSON.stringify(props.serviceDesk),
        SLA_TOPIC_ARNS: Stack.of(this).toJsonString(topicArns),
      },
    }).bindTable(props.table, 'readWriteDelete');
    // Written out rather than topic.grantPublish(): that grants kms:GenerateDataKey*, a wildcard action.
    this.handler.role.addToPrincipalPolicy(
      new PolicyStatement({ actions: ['sns:Publish'], resources: Object.values(topicArns) }),
    );
    this.handler.role.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['kms:GenerateDataKey', 'kms:Decrypt'],
        resources: [props.topicKey.keyArn],
      }),
    );

    this.schedule = new Rule(this, 'Schedule', {
      description: 'SLA watcher round',
      schedule: Schedule.rate(props.every ?? Duration.minutes(5)),
      // A round older than one period is replaced by the next one: do not pile them up.
      targets: [
        new LambdaFunction(this.handler.function, { maxEventAge: Duration.minutes(5), retryAttempts: 1 }),
      ],
    });
  }
}
