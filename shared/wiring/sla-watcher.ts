import { randomUUID } from 'node:crypto';
import type { SNSClient } from '@aws-sdk/client-sns';
import { DynamoDbAgentStore } from '../adapters/aws/dynamodb/agent-store';
import { DynamoDbClientDirectoryStore } from '../adapters/aws/dynamodb/client-directory-store';
import { SnsNotifier } from '../adapters/aws/sns-notifier';
import type { SlaWatcherEnv } from '../agent-config';
import { systemClock } from '../ports/clock';
import type { WatchSlaDeps } from '../use-cases/watch-sla';
import type { AwsClients } from './aws-clients';
import { cachedClientDirectory } from './client-directory-cache';

export function createSlaWatcherDependencies(
  env: SlaWatcherEnv,
  clients: Pick<AwsClients, 'doc'> & { sns: SNSClient },
  overrides: Partial<Pick<WatchSlaDeps, 'clock' | 'onError' | 'notifier'>> = {},
): WatchSlaDeps {
  const clock = overrides.clock ?? systemClock;
  const directory = new DynamoDbClientDirectoryStore(clients.doc, env.TABLE_NAME);
  return {
    config: env.SERVICE_DESK_CONFIG,
    clock,
    store: new DynamoDbAgentStore(clients.doc, env.TABLE_NAME),
    notifier: overrides.notifier ?? new SnsNotifier(clients.sns, env.SLA_TOPIC_ARNS),
    clients: cachedClientDirectory(directory, clock),
    newId: randomUUID,
    ...(overrides.onError ? { onError: overrides.onError } : {}),
  };
}
