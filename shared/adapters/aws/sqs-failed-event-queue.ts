import { DeleteMessageCommand, ReceiveMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { FailedEvent, FailedEventQueue } from '../../ports/failed-event-queue';
import { awsCall } from './aws-errors';

/**
 * The intake's on-failure destination. Received messages are hidden for `visibilityTimeout`
 * seconds: one that is not removed (its redrive failed again) comes back for the next redrive.
 */
export class SqsFailedEventQueue implements FailedEventQueue {
  constructor(
    private readonly sqs: SQSClient,
    private readonly queueUrl: string,
    private readonly visibilityTimeout = 300,
  ) {}

  async receive(max: number): Promise<FailedEvent[]> {
    const events: FailedEvent[] = [];
    while (events.length < max) {
      const out = await awsCall('receiving failed intake events', () =>
        this.sqs.send(
          new ReceiveMessageCommand({
            QueueUrl: this.queueUrl,
            MaxNumberOfMessages: Math.min(10, max - events.length),
            VisibilityTimeout: this.visibilityTimeout,
            WaitTimeSeconds: 1,
          }),
        ),
      );
      const messages = out.Messages ?? [];
      if (messages.length === 0) break;
      for (const m of messages) {
        if (m.ReceiptHandle && m.Body !== undefined) events.push({ id: m.ReceiptHandle, body: m.Body });
      }
    }
    return events;
  }

  async remove(id: string): Promise<void> {
    await awsCall('deleting a redriven event', () =>
      this.sqs.send(new DeleteMessageCommand({ QueueUrl: this.queueUrl, ReceiptHandle: id })),
    );
  }

  describe(): string {
    return this.queueUrl;
  }
}
