import { PublishCommand, type SNSClient } from '@aws-sdk/client-sns';
import { ConfigError } from '../../domain/errors';
import type { Notifier, SlaNotification } from '../../ports/notifier';
import { awsCall } from './aws-errors';

/**
 * One SNS topic per desk (SLA_TOPIC_ARNS = {"reunion": "arn:aws:sns:…"}): the desk's agents and its
 * on-call phone subscribe to it (e-mail, SMS, chat webhook). Message attributes let a subscription
 * filter, e.g. the on-call SMS only on `onCall = true` or breaches.
 */
export class SnsNotifier implements Notifier {
  constructor(
    private readonly sns: SNSClient,
    private readonly topics: Readonly<Record<string, string>>,
  ) {}

  async notify(n: SlaNotification): Promise<void> {
    const topicArn = this.topics[n.deskId];
    if (!topicArn)
      throw new ConfigError(`no SNS topic for desk "${n.deskId}"`, {
        hint: 'add the desk to SLA_TOPIC_ARNS (the sla-watcher construct sets it from the desks)',
      });
    await awsCall(`publishing an SLA alert for ${n.reference}`, () =>
      this.sns.send(
        new PublishCommand({
          TopicArn: topicArn,
          // SNS e-mail subjects: ASCII-friendly, under 100 characters, no line breaks.
          Subject:
            `[${n.reference}] ${n.clock.toUpperCase()} ${n.threshold === 'breach' ? 'dépassée' : 'bientôt dépassée'}`.slice(
              0,
              99,
            ),
          Message: n.text,
          MessageAttributes: {
            deskId: { DataType: 'String', StringValue: n.deskId },
            onCall: { DataType: 'String', StringValue: String(n.onCall) },
            threshold: { DataType: 'String', StringValue: n.threshold },
            clock: { DataType: 'String', StringValue: n.clock },
            priority: { DataType: 'String', StringValue: n.priority },
          },
        }),
      ),
    );
  }
}
