import { ArnFormat, Aws, Duration, Stack } from 'aws-cdk-lib';
import type { IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  Alarm,
  ComparisonOperator,
  type IMetric,
  Metric,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';
import { type ExodataFunction, METRICS_NAMESPACE } from './exodata-function';

export type MonitoringProps = {
  alarmEmail: string;
  topicKey: IKey;
  /** Prefix of every alarm name, e.g. exodata-intake-prod. */
  alarmPrefix: string;
};

const FIVE_MINUTES = Duration.minutes(5);
const HTTP_5XX_THRESHOLD = 5;

/**
 * Alarms that mean "a client's mail may not become a ticket" or "our sending reputation is at risk",
 * all sent to one encrypted topic with an e-mail subscription. Every alarm also notifies when it
 * clears, so the on-call agent knows the incident is over. Missing data is not a breach: a quiet
 * night is not an incident.
 */
export class Monitoring extends Construct {
  readonly alarmTopic: Topic;
  readonly alarms: Alarm[] = [];
  private readonly prefix: string;

  constructor(scope: Construct, id: string, props: MonitoringProps) {
    super(scope, id);
    this.prefix = props.alarmPrefix;
    this.alarmTopic = new Topic(this, 'AlarmTopic', {
      displayName: 'Exodata intake alarms',
      masterKey: props.topicKey,
      enforceSSL: true,
    });
    this.alarmTopic.addSubscription(new EmailSubscription(props.alarmEmail));
    // enforceSSL gives the topic a policy of its own, which replaces SNS's default one: without this
    // statement CloudWatch may not publish and every alarm would change state silently. Only alarms of
    // this account whose names carry our prefix may publish (AWS's confused-deputy conditions).
    this.alarmTopic.addToResourcePolicy(
      new PolicyStatement({
        sid: 'AllowOurAlarmsToPublish',
        principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['sns:Publish'],
        resources: [this.alarmTopic.topicArn],
        conditions: {
          StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID },
          ArnLike: { 'aws:SourceArn': alarmArnPattern(this, props.alarmPrefix) },
        },
      }),
    );
  }

  /**
   * Errors, throttles and a parked event in the failure queue: for an asynchronous function each one is
   * an event at risk; for the synchronous API, a request an agent saw fail.
   */
  watchFunction(fn: ExodataFunction): this {
    const name = fn.serviceName;
    const parked = fn.failureQueue !== undefined;
    this.alarmOn(`${name}-errors`, fn.function.metricErrors({ period: FIVE_MINUTES, statistic: 'Sum' }), {
      threshold: 1,
      description: parked
        ? `${name} failed at least once in 5 minutes; Lambda retries, then parks the event in the failure queue.`
        : `${name} failed at least once in 5 minutes; the caller got an error and does not retry: read its logs.`,
    });
    this.alarmOn(
      `${name}-throttles`,
      fn.function.metricThrottles({ period: FIVE_MINUTES, statistic: 'Sum' }),
      {
        threshold: 1,
        description: parked
          ? `${name} was throttled: check the account concurrency; events wait up to 6 hours before they are parked.`
          : `${name} was throttled: callers got 429/503 answers; check the account concurrency.`,
      },
    );
    if (fn.failureQueue) {
      this.alarmOn(
        `${name}-failure-queue`,
        fn.failureQueue.metricApproximateNumberOfMessagesVisible({
          period: FIVE_MINUTES,
          statistic: 'Maximum',
        }),
        {
          threshold: 1,
          description: `An event for ${name} failed every retry and waits in its failure queue: read it, fix the cause, redrive it (docs/deploy.md).`,
        },
      );
    }
    return this;
  }

  /**
   * Server errors of an HTTP API. The function's Errors metric misses them: the app turns an unexpected
   * exception into a 500 answer, and API Gateway answers 5xx itself when the integration times out.
   * A few, not one: a single 503 (a throttled table, answered with Retry-After) is a blip, not an outage.
   */
  watchHttpApi(api: IHttpApi, name: string): this {
    this.alarmOn(`${name}-5xx`, api.metricServerError({ period: FIVE_MINUTES, statistic: 'Sum' }), {
      threshold: HTTP_5XX_THRESHOLD,
      description: `${name} answered ${HTTP_5XX_THRESHOLD} or more server errors in 5 minutes: agents cannot work tickets; read the function's logs and the API access logs.`,
    });
    return this;
  }

  /** A Powertools counter of the function (namespace Exodata/Intake, dimension service) that must stay at 0. */
  watchIntakeMetric(fn: ExodataFunction, metricName: string, description: string): this {
    const metric = new Metric({
      namespace: METRICS_NAMESPACE,
      metricName,
      dimensionsMap: { service: fn.serviceName },
      statistic: 'Sum',
      period: FIVE_MINUTES,
    });
    this.alarmOn(`${fn.serviceName}-${kebab(metricName)}`, metric, { threshold: 1, description });
    return this;
  }

  /** SES reviews an account at 5 % bounces and 0.1 % complaints: warn before either. */
  watchSendingReputation(bounceRateThreshold: number): this {
    const reputation = (metricName: string) =>
      new Metric({ namespace: 'AWS/SES', metricName, statistic: 'Maximum', period: Duration.hours(1) });
    this.alarmOn('ses-bounce-rate', reputation('Reputation.BounceRate'), {
      threshold: bounceRateThreshold,
      description: `SES bounce rate reached ${bounceRateThreshold * 100} %: SES reviews the account at 5 % and may stop sending at 10 %.`,
    });
    this.alarmOn('ses-complaint-rate', reputation('Reputation.ComplaintRate'), {
      threshold: 0.0008,
      description: 'SES complaint rate reached 0.08 %: SES reviews the account at 0.1 %.',
    });
    return this;
  }

  private alarmOn(name: string, metric: IMetric, options: { threshold: number; description: string }): void {
    const alarm = new Alarm(this, name, {
      alarmName: `${this.prefix}-${name}`,
      alarmDescription: options.description,
      metric,
      threshold: options.threshold,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    const action = new SnsAction(this.alarmTopic);
    alarm.addAlarmAction(action);
    alarm.addOkAction(action);
    this.alarms.push(alarm);
  }
}

/** ARN of every alarm this construct names: arn:aws:cloudwatch:REGION:ACCOUNT:alarm:<prefix>-*. */
export function alarmArnPattern(scope: Construct, prefix: string): string {
  return Stack.of(scope).formatArn({
    service: 'cloudwatch',
    resource: 'alarm',
    resourceName: `${prefix}-*`,
    arnFormat: ArnFormat.COLON_RESOURCE_NAME,
  });
}

/** QuarantinedMessages → quarantined-messages, for alarm names. */
function kebab(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}
