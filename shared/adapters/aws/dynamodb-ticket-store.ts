import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  BatchWriteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  type QueryCommandInput,
  TransactWriteCommand,
  type TransactWriteCommandInput,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { z } from 'zod';
import { type AckRateEntry, AckRateHistorySchema } from '../../domain/acknowledgement-rate';
import { type ClientEntry, ClientEntrySchema } from '../../domain/client-directory';
import { ConflictError, NotFoundError, TransientError } from '../../domain/errors';
import type { Receipt } from '../../domain/receipt';
import {
  type AuditEvent,
  AuditEventSchema,
  type Ticket,
  type TicketMessage,
  TicketMessageSchema,
  TicketSchema,
} from '../../domain/ticket';
import { formatReference } from '../../domain/ticket-reference';
import {
  type AcknowledgementTransition,
  type ClientDirectoryStore,
  type DeliveryRecord,
  DeliveryRecordSchema,
  type Duplicate,
  type FollowUpCommit,
  type MessageRecord,
  MessageRecordSchema,
  type NewTicketCommit,
  type OutcomeCommit,
  type QuarantineRecord,
  QuarantineRecordSchema,
  type SuppressedAddress,
  SuppressedAddressSchema,
  type SuspendedMessage,
  SuspendedMessageSchema,
  type TicketClaim,
  type TicketStore,
  type TransitionResult,
} from '../../ports/ticket-store';
import { asIntakeFailure, awsCall } from './aws-errors';
import { keys, QUARANTINE_LIST, queueKeys, requesterKeys, SUSPENDED_LIST_PREFIX } from './dynamodb-keys';
import { TABLE_SCHEMA } from './dynamodb-table';

type Item = Record<string, unknown>;
type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

export type DynamoDbTicketStoreOptions = {
  /** How long a run holds the creation of a ticket; must exceed the intake's own time limit. */
  claimLeaseMs?: number;
  /** How long a duplicate run waits for another run's creation before asking to be retried. */
  claimWaitMs?: number;
  sleep?: (ms: number) => Promise<void>;
};

const CLAIM_POLL_MS = 100;
const MAX_CREATE_ROUNDS = 200;

const DAY_SECONDS = 24 * 60 * 60;
/** Delivery records only serve operators and late duplicates: a year is plenty. */
const DELIVERY_TTL_SECONDS = 400 * DAY_SECONDS;

/**
 * The TicketStore on one DynamoDB table. Every effect is one TransactWriteItems guarded by a
 * condition: the Message-ID record (duplicates), the counter value (references), the ticket version
 * (concurrent follow-ups and agents) or the acknowledgement state (at most one sender).
 */
export class DynamoDbTicketStore implements TicketStore, ClientDirectoryStore {
  private readonly claimLeaseMs: number;
  private readonly claimWaitMs: number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
    options: DynamoDbTicketStoreOptions = {},
  ) {
    // Longer than the intake Lambda's timeout (2 min), shorter than the gap to Lambda's second retry.
    this.claimLeaseMs = options.claimLeaseMs ?? 150_000;
    this.claimWaitMs = options.claimWaitMs ?? 10_000;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  async getTicket(reference: string): Promise<Ticket | null> {
    return this.getParsed(keys.ticket(reference), TicketSchema, `ticket ${reference}`);
  }

  async getMessage(reference: string, ticketMessageId: string): Promise<TicketMessage | null> {
    return this.getParsed(keys.message(reference, ticketMessageId), TicketMessageSchema, 'ticket message');
  }

  async listMessages(reference: string): Promise<TicketMessage[]> {
    const items = await this.queryAll({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': keys.ticket(reference).pk, ':prefix': 'MSG#' },
    });
    return items.map((item) => TicketMessageSchema.parse(item));
  }

  async listAuditEvents(reference: string): Promise<AuditEvent[]> {
    const items = await this.queryAll({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': keys.ticket(reference).pk, ':prefix': 'EVENT#' },
    });
    return items.map((item) => AuditEventSchema.parse(item));
  }

  async findMessageRecord(deskId: string, messageId: string): Promise<MessageRecord | null> {
    return this.getParsed(keys.messageRecord(messageId, deskId), MessageRecordSchema, 'message record');
  }

  async findThreadRecords(messageIds: readonly string[]): Promise<MessageRecord[]> {
    const unique = [...new Set(messageIds)];
    const perId = await Promise.all(
      unique.map((id) =>
        this.queryAll({
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :desk)',
          ExpressionAttributeValues: { ':pk': keys.messageRecord(id, '').pk, ':desk': 'DESK#' },
        }),
      ),
    );
    return perId
      .flat()
      .map((item) => MessageRecordSchema.parse(item))
      .filter((record) => record.reference !== null);
  }

  async createTicket(
    year: number,
    build: (reference: string) => NewTicketCommit,
    claim: TicketClaim,
  ): Promise<{ status: 'created'; commit: NewTicketCommit } | Duplicate> {
    let waited = 0;
    for (let round = 1; round <= MAX_CREATE_ROUNDS; round++) {
      const held = await this.claimCreation(claim);
      if (held === null) {
        // Another run is creating this very ticket: it is done when the Message-ID record exists.
        const existing = await this.findMessageRecord(claim.deskId, claim.messageId);
        if (existing) return { status: 'duplicate', record: existing };
        if (waited >= this.claimWaitMs) {
          throw new TransientError(`another run is creating the ticket of ${claim.messageId}`, {
            hint: 'retried later: by then it is created, or that run has lost its claim',
          });
        }
        waited += CLAIM_POLL_MS;
        await this.sleep(CLAIM_POLL_MS);
        continue;
      }
      let outcome: Awaited<ReturnType<DynamoDbTicketStore['commitClaimed']>>;
      try {
        outcome = await this.commitClaimed(year, build, claim, held.reference);
      } catch (err) {
        // Give the claim back (the reference stays on it): Lambda's retry need not wait out the lease.
        await this.releaseCreation(claim).catch(() => {});
        throw err;
      }
      if (outcome !== 'lost') return outcome;
    }
    throw new TransientError(`creating the ticket of ${claim.messageId} kept losing races`, {});
  }

  /** The claimed part of createTicket; `lost` when the claim went to another run meanwhile. */
  private async commitClaimed(
    year: number,
    build: (reference: string) => NewTicketCommit,
    claim: TicketClaim,
    claimedReference: string | null,
  ): Promise<{ status: 'created'; commit: NewTicketCommit } | Duplicate | 'lost'> {
    const reference = claimedReference ?? (await this.allocateReference(year, claim));
    if (reference === null) return 'lost';
    const commit = build(reference);
    const converting = commit.convertsSuspended;
    const items: TransactItem[] = [
      this.claimCheck(claim),
      this.putNew(ticketItem(commit.ticket)),
      converting
        ? this.replaceSuspendedRecord(recordItem(commit.record))
        : this.putNew(recordItem(commit.record)),
      this.put(messageItem(commit.message)),
      this.put(deliveryItem(commit.delivery)),
      ...commit.events.map((e) => this.put(eventItem(e))),
      ...(converting
        ? [this.markSuspendedConverted(converting, commit.ticket.reference, commit.record.at)]
        : []),
    ];
    const failed = await this.transact('creating a ticket', items);
    if (failed === null) return { status: 'created', commit };
    if (failed.has(2) || (converting !== undefined && failed.has(items.length - 1))) {
      const existing = await this.findMessageRecord(commit.record.deskId, commit.record.messageId);
      if (existing) return { status: 'duplicate', record: existing };
      if (converting)
        throw new NotFoundError(`suspended message ${converting.id} or its Message-ID record is missing`);
    }
    if (failed.has(1)) {
      throw new ConflictError(`ticket ${reference} already exists for another message`, {
        hint: 'the reference counter is behind the tickets: set COUNTER#REFERENCE# to the highest sequence',
      });
    }
    // Lost the claim, or a TransactionConflict: go round (the record or the claim tells what happened).
    return 'lost';
  }

  private async releaseCreation(claim: TicketClaim): Promise<void> {
    await this.doc.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: keys.creationClaim(claim.messageId, claim.deskId),
        UpdateExpression: 'SET leaseUntil = :free',
        ConditionExpression: 'claimToken = :token',
        ExpressionAttributeValues: { ':free': '', ':token': claim.token },
      }),
    );
  }

  async appendMessage(
    commit: FollowUpCommit,
  ): Promise<{ status: 'appended' } | { status: 'conflict' } | Duplicate> {
    const failed = await this.transact('adding a message to a ticket', [
      versionedTicketPut(this.tableName, commit.ticket, commit.expectedVersion),
      this.putNew(recordItem(commit.record)),
      this.put(messageItem(commit.message)),
      this.put(deliveryItem(commit.delivery)),
      ...commit.events.map((e) => this.put(eventItem(e))),
    ]);
    if (failed === null) return { status: 'appended' };
    if (failed.has(1)) {
      const existing = await this.findMessageRecord(commit.record.deskId, commit.record.messageId);
      if (existing) return { status: 'duplicate', record: existing };
    }
    return { status: 'conflict' };
  }

  async recordOutcome(
    commit: OutcomeCommit,
  ): Promise<{ status: 'recorded' } | { status: 'duplicate'; record: MessageRecord | null }> {
    const items: TransactItem[] = [];
    const guards: number[] = [];
    if (commit.record) {
      guards.push(items.length);
      items.push(this.putNew(recordItem(commit.record)));
    }
    if (commit.quarantine) {
      const item = quarantineItem(commit.quarantine);
      if (!commit.replaceQuarantine) guards.push(items.length);
      items.push(commit.replaceQuarantine ? this.put(item) : this.putNew(item));
    }
    if (commit.suspended) items.push(this.put(suspendedItem(commit.suspended)));
    items.push(this.put(deliveryItem(commit.delivery)));
    const failed = await this.transact('recording what became of a message', items);
    if (failed === null) return { status: 'recorded' };
    if (guards.some((g) => failed.has(g))) {
      const record = commit.record
        ? await this.findMessageRecord(commit.record.deskId, commit.record.messageId)
        : null;
      return { status: 'duplicate', record };
    }
    throw new TransientError('recording what became of a message lost a race; retry', {});
  }

  async markAttachmentsStored(reference: string, ticketMessageId: string): Promise<void> {
    await awsCall('marking attachments stored', () =>
      this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.message(reference, ticketMessageId),
          UpdateExpression: 'SET attachmentsStored = :true',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':true': true },
        }),
      ),
    );
  }

  async transitionAcknowledgement(t: AcknowledgementTransition): Promise<TransitionResult> {
    if (
      t.rate &&
      !(await this.writeIfUnchanged(this.putRate(t.rate.address, t.rate.history, t.rate.expectedVersion)))
    ) {
      return 'rate-changed';
    }
    // The SES Message-ID index is the truth about a sent mail; with it, the event of a change that only
    // the lease holder can make (attemptId) goes in the same request.
    const early = t.record && t.from.attemptId !== undefined;
    if (t.record) {
      await this.putItems('indexing the acknowledgement', [
        recordItem(t.record),
        ...(early && t.event ? [eventItem(t.event)] : []),
      ]);
    }
    const from = Array.isArray(t.from.state) ? t.from.state : [t.from.state];
    const stateValues = Object.fromEntries(from.map((s, i) => [`:from${i}`, s]));
    const applied = await this.writeIfUnchanged({
      Update: {
        TableName: this.tableName,
        Key: keys.ticket(t.reference),
        UpdateExpression: 'SET acknowledgement = :to, updatedAt = :now, #version = #version + :one',
        ConditionExpression: [
          'attribute_exists(pk)',
          `acknowledgement.#state IN (${Object.keys(stateValues).join(', ')})`,
          ...(t.from.attemptId === undefined ? [] : ['acknowledgement.attemptId = :attempt']),
        ].join(' AND '),
        ExpressionAttributeNames: { '#state': 'state', '#version': 'version' },
        ExpressionAttributeValues: {
          ':to': t.to,
          ':now': t.to.updatedAt,
          ':one': 1,
          ...stateValues,
          ...(t.from.attemptId === undefined ? {} : { ':attempt': t.from.attemptId }),
        },
      },
    });
    if (!applied) return 'ticket-changed';
    if (t.event && !early) await this.putItems('recording an audit event', [eventItem(t.event)]);
    return 'applied';
  }

  async getRecipient(address: string): Promise<{
    suppressed: SuppressedAddress | null;
    rate: { history: AckRateEntry[]; version: number };
  }> {
    const rateKey = keys.ackRate(address);
    const suppressedKey = keys.suppressedAddress(address);
    const out = await awsCall('reading the recipient of an acknowledgement', () =>
      this.doc.send(
        new BatchGetCommand({
          RequestItems: { [this.tableName]: { Keys: [rateKey, suppressedKey], ConsistentRead: true } },
        }),
      ),
    );
    if (Object.keys(out.UnprocessedKeys ?? {}).length > 0) {
      throw new TransientError('DynamoDB left keys unprocessed while reading a recipient', {});
    }
    const items = out.Responses?.[this.tableName] ?? [];
    const rate = items.find((i) => i.pk === rateKey.pk);
    const suppressed = items.find((i) => i.pk === suppressedKey.pk);
    return {
      suppressed: suppressed ? SuppressedAddressSchema.parse(suppressed) : null,
      rate: rate
        ? { history: AckRateHistorySchema.parse(rate.history ?? []), version: Number(rate.version ?? 0) }
        : { history: [], version: 0 },
    };
  }

  async getDelivery(channel: Receipt['channel'], deliveryId: string): Promise<DeliveryRecord | null> {
    return this.getParsed(keys.delivery(channel, deliveryId), DeliveryRecordSchema, 'delivery record');
  }

  async putDelivery(delivery: DeliveryRecord): Promise<void> {
    await awsCall('recording a delivery', () =>
      this.doc.send(new PutCommand({ TableName: this.tableName, Item: deliveryItem(delivery) })),
    );
  }

  async getQuarantine(channel: Receipt['channel'], deliveryId: string): Promise<QuarantineRecord | null> {
    return this.getParsed(keys.quarantine(channel, deliveryId), QuarantineRecordSchema, 'quarantine record');
  }

  async listQuarantine(limit: number): Promise<QuarantineRecord[]> {
    const items = await this.queryAll(
      {
        IndexName: TABLE_SCHEMA.gsi1.indexName,
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': QUARANTINE_LIST },
      },
      limit,
    );
    return items.map((item) => QuarantineRecordSchema.parse(item));
  }

  async releaseQuarantine(
    channel: Receipt['channel'],
    deliveryId: string,
    release: { at: string; outcome: string; reference: string | null },
  ): Promise<void> {
    try {
      await this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.quarantine(channel, deliveryId),
          // Leaving gsi1 takes it off the operators' quarantine list; the record stays for history.
          UpdateExpression:
            'SET #status = :released, releasedAt = :at, releasedOutcome = :outcome, releasedReference = :ref REMOVE gsi1pk, gsi1sk',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':released': 'released',
            ':at': release.at,
            ':outcome': release.outcome,
            ':ref': release.reference,
          },
        }),
      );
    } catch (err) {
      if (err instanceof ConditionalCheckFailedException) return;
      throw asIntakeFailure('releasing a quarantined message', err);
    }
  }

  async getSuspended(id: string): Promise<SuspendedMessage | null> {
    return this.getParsed(keys.suspended(id), SuspendedMessageSchema, 'suspended message');
  }

  async getSuppressedAddress(address: string): Promise<SuppressedAddress | null> {
    return this.getParsed(keys.suppressedAddress(address), SuppressedAddressSchema, 'suppressed address');
  }

  async putSuppressedAddress(entry: SuppressedAddress): Promise<void> {
    const item = { ...keys.suppressedAddress(entry.address), entity: 'suppressed-address', ...entry };
    await awsCall('recording a suppressed address', () =>
      this.doc.send(new PutCommand({ TableName: this.tableName, Item: item })),
    );
  }

  async listClients(): Promise<ClientEntry[]> {
    const items = await this.queryAll({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': 'DIRECTORY', ':prefix': 'CLIENT#' },
    });
    return items.map((item) => ClientEntrySchema.parse(item));
  }

  async putClient(entry: ClientEntry): Promise<void> {
    const item = { ...keys.client(entry.clientId), entity: 'client', ...ClientEntrySchema.parse(entry) };
    await awsCall('writing a client', () =>
      this.doc.send(new PutCommand({ TableName: this.tableName, Item: item })),
    );
  }

  /**
   * The creation claim of a message at a desk: one run at a time allocates and commits its ticket.
   * Taken when free, expired, or already ours; returns the reference a previous holder allocated, so
   * that a run taking over an expired claim reuses it instead of burning another number.
   */
  private async claimCreation(claim: TicketClaim): Promise<{ reference: string | null } | null> {
    const leaseUntil = new Date(claim.now.getTime() + this.claimLeaseMs).toISOString();
    try {
      const out = await this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.creationClaim(claim.messageId, claim.deskId),
          UpdateExpression:
            'SET claimToken = :token, leaseUntil = :lease, expiresAt = :expires, entity = :entity',
          ConditionExpression: 'attribute_not_exists(pk) OR leaseUntil < :now OR claimToken = :token',
          ExpressionAttributeValues: {
            ':token': claim.token,
            ':lease': leaseUntil,
            ':expires': Math.ceil(claim.now.getTime() / 1000) + DAY_SECONDS,
            ':entity': 'creation-claim',
            ':now': claim.now.toISOString(),
          },
          ReturnValues: 'ALL_NEW',
        }),
      );
      const reference = out.Attributes?.reference;
      return { reference: typeof reference === 'string' ? reference : null };
    } catch (err) {
      if (err instanceof ConditionalCheckFailedException) return null;
      throw asIntakeFailure('claiming the creation of a ticket', err);
    }
  }

  /**
   * The next number of the year (an atomic ADD: no race to lose), kept on the claim at once. Only a
   * run that dies between these two writes skips a number; no number is ever given twice.
   */
  private async allocateReference(year: number, claim: TicketClaim): Promise<string | null> {
    const out = await awsCall('allocating a ticket reference', () =>
      this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.counter(year),
          UpdateExpression: 'ADD #seq :one SET entity = :entity',
          ExpressionAttributeNames: { '#seq': 'seq' },
          ExpressionAttributeValues: { ':one': 1, ':entity': 'counter' },
          ReturnValues: 'UPDATED_NEW',
        }),
      ),
    );
    const reference = formatReference(year, Number(out.Attributes?.seq));
    try {
      await this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.creationClaim(claim.messageId, claim.deskId),
          UpdateExpression: 'SET #reference = :ref',
          ConditionExpression: 'claimToken = :token',
          ExpressionAttributeNames: { '#reference': 'reference' },
          ExpressionAttributeValues: { ':ref': reference, ':token': claim.token },
        }),
      );
      return reference;
    } catch (err) {
      if (err instanceof ConditionalCheckFailedException) return null;
      throw asIntakeFailure('keeping the allocated reference on the claim', err);
    }
  }

  private claimCheck(claim: TicketClaim): TransactItem {
    return {
      ConditionCheck: {
        TableName: this.tableName,
        Key: keys.creationClaim(claim.messageId, claim.deskId),
        ConditionExpression: 'claimToken = :token',
        ExpressionAttributeValues: { ':token': claim.token },
      },
    };
  }

  /** One conditional write (Put or Update of a transaction item, sent alone); false when its condition failed. */
  private async writeIfUnchanged(item: TransactItem): Promise<boolean> {
    try {
      if (item.Put) await this.doc.send(new PutCommand(item.Put));
      else if (item.Update) await this.doc.send(new UpdateCommand(item.Update));
      else throw new Error('writeIfUnchanged takes a Put or an Update');
      return true;
    } catch (err) {
      if (err instanceof ConditionalCheckFailedException) return false;
      throw asIntakeFailure('a conditional write', err);
    }
  }

  /** Unconditional puts, in one request when there are several. */
  private async putItems(what: string, items: Item[]): Promise<void> {
    if (items.length === 1) {
      await awsCall(what, () => this.doc.send(new PutCommand({ TableName: this.tableName, Item: items[0] })));
      return;
    }
    const out = await awsCall(what, () =>
      this.doc.send(
        new BatchWriteCommand({
          RequestItems: { [this.tableName]: items.map((Item) => ({ PutRequest: { Item } })) },
        }),
      ),
    );
    if (Object.keys(out.UnprocessedItems ?? {}).length > 0) {
      throw new TransientError(`${what}: DynamoDB left items unprocessed`, {});
    }
  }

  /** Null when it went through; else the indexes of the items whose condition failed. */
  private async transact(what: string, items: TransactItem[]): Promise<Set<number> | null> {
    try {
      await this.doc.send(new TransactWriteCommand({ TransactItems: items }));
      return null;
    } catch (err) {
      if (!(err instanceof TransactionCanceledException)) throw asIntakeFailure(what, err);
      const reasons = err.CancellationReasons ?? [];
      const failed = new Set<number>();
      reasons.forEach((reason, index) => {
        if (reason.Code === 'ConditionalCheckFailed') failed.add(index);
      });
      // A TransactionConflict (another transaction on the same item) is treated like a lost race.
      if (failed.size === 0 && !reasons.some((r) => r.Code === 'TransactionConflict')) {
        throw asIntakeFailure(what, err);
      }
      return failed;
    }
  }

  private put(item: Item): TransactItem {
    return { Put: { TableName: this.tableName, Item: item } };
  }

  /** Converting a suspended message: its Message-ID record moves to the ticket, only from `suspended`. */
  private replaceSuspendedRecord(item: Item): TransactItem {
    return {
      Put: {
        TableName: this.tableName,
        Item: item,
        ConditionExpression: '#outcome = :suspended',
        ExpressionAttributeNames: { '#outcome': 'outcome' },
        ExpressionAttributeValues: { ':suspended': 'suspended' },
      },
    };
  }

  /** The converted message leaves the desk's review list (gsi1) and says what it became. */
  private markSuspendedConverted(
    converting: NonNullable<NewTicketCommit['convertsSuspended']>,
    reference: string,
    at: string,
  ): TransactItem {
    return {
      Update: {
        TableName: this.tableName,
        Key: keys.suspended(converting.id),
        UpdateExpression:
          'SET convertedTo = :ref, convertedAt = :at, convertedBy = :by REMOVE gsi1pk, gsi1sk',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':ref': reference, ':at': at, ':by': converting.by },
      },
    };
  }

  private putNew(item: Item): TransactItem {
    return {
      Put: { TableName: this.tableName, Item: item, ConditionExpression: 'attribute_not_exists(pk)' },
    };
  }

  private putRate(address: string, history: AckRateEntry[], expectedVersion: number): TransactItem {
    const last = history.reduce((max, e) => Math.max(max, Date.parse(e.at)), 0);
    return {
      Put: {
        TableName: this.tableName,
        Item: {
          ...keys.ackRate(address),
          entity: 'ack-rate',
          history,
          version: expectedVersion + 1,
          // Nothing in it matters once the 3-hour window has passed.
          expiresAt: Math.ceil(last / 1000) + DAY_SECONDS,
        },
        ConditionExpression: expectedVersion === 0 ? 'attribute_not_exists(pk)' : '#version = :expected',
        ...(expectedVersion === 0
          ? {}
          : {
              ExpressionAttributeNames: { '#version': 'version' },
              ExpressionAttributeValues: { ':expected': expectedVersion },
            }),
      },
    };
  }

  private async getItem(key: Item, what: string): Promise<Item | null> {
    const out = await awsCall(what, () =>
      this.doc.send(new GetCommand({ TableName: this.tableName, Key: key, ConsistentRead: true })),
    );
    return out.Item ?? null;
  }

  private async getParsed<T>(key: Item, schema: z.ZodType<T>, what: string): Promise<T | null> {
    const item = await this.getItem(key, `reading ${what}`);
    return item ? schema.parse(item) : null;
  }

  private async queryAll(input: Omit<QueryCommandInput, 'TableName'>, limit = Infinity): Promise<Item[]> {
    const items: Item[] = [];
    let startKey: Item | undefined;
    do {
      const page = await awsCall('querying the table', () =>
        this.doc.send(
          new QueryCommand({
            TableName: this.tableName,
            ...input,
            ...(input.IndexName ? {} : { ConsistentRead: true }),
            ExclusiveStartKey: startKey,
          }),
        ),
      );
      items.push(...(page.Items ?? []));
      startKey = page.LastEvaluatedKey;
    } while (startKey && items.length < limit);
    return items.slice(0, limit);
  }
}

export function ticketItem(ticket: Ticket): Item {
  return {
    ...keys.ticket(ticket.reference),
    entity: 'ticket',
    ...queueKeys(ticket),
    ...requesterKeys(ticket),
    ...ticket,
  };
}

/**
 * The ticket written over the version it was read at: the write fails (and its transaction with it)
 * when someone else saved the ticket in between, instead of losing their change.
 */
export function versionedTicketPut(tableName: string, ticket: Ticket, expectedVersion: number): TransactItem {
  return {
    Put: {
      TableName: tableName,
      Item: ticketItem(ticket),
      ConditionExpression: '#version = :expected',
      ExpressionAttributeNames: { '#version': 'version' },
      ExpressionAttributeValues: { ':expected': expectedVersion },
    },
  };
}

function messageItem(message: TicketMessage): Item {
  return { ...keys.message(message.reference, message.id), entity: 'message', ...message };
}

function recordItem(record: MessageRecord): Item {
  return { ...keys.messageRecord(record.messageId, record.deskId), entity: 'message-record', ...record };
}

function deliveryItem(delivery: DeliveryRecord): Item {
  return {
    ...keys.delivery(delivery.channel, delivery.deliveryId),
    entity: 'delivery',
    ...delivery,
    expiresAt: Math.ceil(Date.parse(delivery.at) / 1000) + DELIVERY_TTL_SECONDS,
  };
}

export function eventItem(event: AuditEvent): Item {
  return { ...keys.event(event), entity: 'audit-event', ...event };
}

function suspendedItem(suspended: SuspendedMessage): Item {
  return {
    ...keys.suspended(suspended.id),
    entity: 'suspended-message',
    gsi1pk: `${SUSPENDED_LIST_PREFIX}${suspended.deskId}`,
    gsi1sk: `${suspended.receivedAt}#${suspended.id}`,
    ...suspended,
  };
}

function quarantineItem(quarantine: QuarantineRecord): Item {
  return {
    ...keys.quarantine(quarantine.channel, quarantine.deliveryId),
    entity: 'quarantine',
    ...(quarantine.status === 'quarantined'
      ? { gsi1pk: QUARANTINE_LIST, gsi1sk: `${quarantine.quarantinedAt}#${quarantine.id}` }
      : {}),
    ...quarantine,
  };
}
