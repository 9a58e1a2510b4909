import { SQSClient } from '@aws-sdk/client-sqs';
import { SqsFailedEventQueue } from '../adapters/aws/sqs-failed-event-queue';
import { FileFailedEventQueue } from '../adapters/local/file-failed-event-queue';
import type { FailedEventQueue } from '../ports/failed-event-queue';

/** The intake's on-failure queue: a local file (the local stack's), else the SQS queue at `queueUrl`. */
export function createFailedEventQueue(where: {
  region: string;
  queueUrl?: string;
  file?: string;
}): FailedEventQueue {
  return where.file
    ? new FileFailedEventQueue(where.file)
    : new SqsFailedEventQueue(new SQSClient({ region: where.region }), where.queueUrl ?? '');
}
