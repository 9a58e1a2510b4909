import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import {
  ConfigurationSet,
  EmailSendingEvent,
  EventDestination,
  SuppressionReasons,
} from 'aws-cdk-lib/aws-ses';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { LambdaSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';

export type OutboundMailProps = {
  configurationSetName: string;
  topicKey: IKey;
};

/**
 * The configuration set every acknowledgement is sent through: reputation metrics on (the bounce-rate
 * alarm reads them), bounced and complaining addresses suppressed, and bounce and complaint events
 * published to an encrypted topic that the bounce recorder subscribes to.
 */
export class OutboundMail extends Construct {
  readonly configurationSet: ConfigurationSet;
  readonly feedbackTopic: Topic;

  constructor(scope: Construct, id: string, props: OutboundMailProps) {
    super(scope, id);
    this.feedbackTopic = new Topic(this, 'FeedbackTopic', {
      displayName: 'Exodata intake: SES bounces and complaints',
      masterKey: props.topicKey,
      enforceSSL: true,
    });
    this.configurationSet = new ConfigurationSet(this, 'ConfigurationSet', {
      configurationSetName: props.configurationSetName,
      reputationMetrics: true,
      sendingEnabled: true,
      suppressionReasons: SuppressionReasons.BOUNCES_AND_COMPLAINTS,
    });
    this.configurationSet.addEventDestination('BouncesAndComplaints', {
      destination: EventDestination.snsTopic(this.feedbackTopic),
      events: [EmailSendingEvent.BOUNCE, EmailSendingEvent.COMPLAINT],
    });
  }

  /** SNS invokes the recorder asynchronously: its own retries and failure queue apply. */
  subscribeRecorder(recorder: IFunction): void {
    this.feedbackTopic.addSubscription(new LambdaSubscription(recorder));
  }
}
