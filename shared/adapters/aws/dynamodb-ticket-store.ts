import { createHash } from 'node:crypto';
import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
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
import { type AckRateEntry, AckRateHistorySchema } from '../../domain/acknowledgement/acknowledgement-rate';
import { type ClientEntry, ClientEntrySchema } from '../../domain/desk/client-directory';
import { ConflictError, NotFoundError, TransientError } from '../../domain/errors';
import type { Receipt } from '../../domain/mail/receipt';
import { OutboundMessageSchema } from '../../domain/ticket/outbound-message';
import {
  type AuditEvent,
  AuditEventSchema,
  type Ticket,
  type TicketMessage,
  TicketMessageSchema,
  TicketSchema,
} from '../../domain/ticket/ticket';
import { formatReference } from '../../domain/ticket/ticket-reference';
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
  type NewTicketRound,
  type OutcomeCommit,
  type QuarantineRecord,
  QuarantineRecordSchema,
  type SuppressedAddress,
  SuppressedAddressSchema,
  type SuspendedMessage,
  SuspendedMessageSchema,
  type TicketCreation,
  type TicketStore,
  type TransitionResult,
} from '../../ports/ticket-store';
import { asIntakeFailure, awsCall } from './aws-errors';
import {
  acknowledgementLookup,
  deliveryLookup,
  keys,
  outboundLookup,
  QUARANTINE_LIST,
  queueKeys,
  requesterKeys,
  SUSPENDED_LIST_PREFIX,
  sesIdOfMessageId,
} from './dynamodb-keys';
import { TABLE_SCHEMA } from './dynamodb-table';

type Item = Record<string, unknown>;
type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];
type CancellationReason = NonNullable<TransactionCanceledException['CancellationReasons']>[number];

export type DynamoDbTicketStoreOptions = {
  /** Rounds of a ticket creation that keeps losing the reference to concurrent creations. */
  maxCreateRounds?: number;
  sleep?: (ms: number) => Promise<void>;
};

const MAX_CREATE_ROUNDS = 60;
/** Full-jitter backoff between creation rounds: spreads creations of several processes over the counter. */
const CREATE_BACKOFF_MS = { base: 10, cap: 2000 };
/**
 * The events of the first messages ride on the ticket item (no item of their own to write); a ticket
 * that grows past this many messages gets EVENT# items instead, so that the ticket item, rewritten by
 * every change, stays small.
 */
const MAX_EMBEDDED_MESSAGES = 20;

type CreateStep =
  | { done: true; result: { status: 'created'; commit: NewTicketCommit } | Duplicate }
  | { done: false; seq: number | null; rateChanged: boolean; backoff: boolean };

/** Positions of the items of a ticket creation's transaction. */
const CREATE = { counter: 0, record: 1, ticket: 2, rate: 4 } as const;

const DAY_SECONDS = 24 * 60 * 60;
/** Delivery records only serve operators and late duplicates: a year is plenty. */
const DELIVERY_TTL_SECONDS = 400 * DAY_SECONDS;

/**
 * The TicketStore on one DynamoDB table. Every effect is one TransactWriteItems (or one conditional
 * write) guarded by a condition: the Message-ID record (duplicates), the counter value (references),
 * the ticket version (concurrent follow-ups and agents) or the acknowledgement state (at most one sender).
 */
export class DynamoDbTicketStore implements TicketStore, ClientDirectoryStore {
  private readonly maxCreateRounds: number;
  private readonly sleep: (ms: number) => Promise<void>;
  /** The last creation in turn, per year (inTurn). */
  private readonly creating = new Map<number, Promise<void>>();

  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
    options: DynamoDbTicketStoreOptions = {},
  ) {
    this.maxCreateRounds = options.maxCreateRounds ?? MAX_CREATE_ROUNDS;
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

  /** EVENT# items and the events embedded in the ticket item, in one query (they sort next to each other). */
  async listAuditEvents(reference: string): Promise<AuditEvent[]> {
    const { pk, sk } = keys.ticket(reference);
    const items = await this.queryAll({
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :ticket AND :lastEvent',
      ExpressionAttributeValues: { ':pk': pk, ':ticket': sk, ':lastEvent': 'EVENT#\uffff' },
    });
    return auditTrail(items);
  }

  async findMessageRecord(deskId: string, messageId: string): Promise<MessageRecord | null> {
    return this.getParsed(keys.messageRecord(messageId, deskId), MessageRecordSchema, 'message record');
  }

  /**
   * Message-ID records first; an id none of them knows may be the SES Message-ID of one of our
   * acknowledgements, indexed on its ticket (gsi3, eventually consistent: a reply comes minutes after
   * the acknowledgement it answers, the index follows in well under a second).
   */
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
    const records = perId
      .flat()
      .map((item) => MessageRecordSchema.parse(item))
      .filter((record) => record.reference !== null);
    const known = new Set(records.map((r) => r.messageId));
    const acknowledgements = await Promise.all(
      unique.filter((id) => !known.has(id)).map((id) => this.acknowledgementRecord(id)),
    );
    return [...records, ...acknowledgements.filter((r) => r !== null)];
  }

  async createTicket(
    year: number,
    build: (reference: string, round: NewTicketRound) => NewTicketCommit | Promise<NewTicketCommit>,
    creation: TicketCreation,
  ): Promise<{ status: 'created'; commit: NewTicketCommit } | Duplicate> {
    let next: CreateStep = { done: false, seq: null, rateChanged: false, backoff: false };
    for (let round = 1; round <= this.maxCreateRounds; round++) {
      if (next.backoff) await this.sleep(createBackoffMs(round));
      const state: CreateStep = next;
      next = await this.inTurn(
        year,
        (): Promise<CreateStep> => this.createRound(year, round, state, build, creation),
      );
      if (next.done) return next.result;
    }
    throw new TransientError(`creating the ticket of ${creation.messageId} kept losing races`, {
      hint: 'many tickets were created at the same moment; the event is retried',
    });
  }

  /**
   * One creation at a time per year in this process: its runs never race each other for the counter
   * (an SMTP listener or a CLI batch runs many at once). Across processes (Lambda instances) the
   * conditional counter and the backoff decide.
   */
  private inTurn<T>(year: number, work: () => Promise<T>): Promise<T> {
    const turn = (this.creating.get(year) ?? Promise.resolve()).then(work, work);
    const settled = turn.then(
      () => {},
      () => {},
    );
    this.creating.set(year, settled);
    void settled.then(() => {
      if (this.creating.get(year) === settled) this.creating.delete(year);
    });
    return turn;
  }

  /** Read (or reuse) the counter, build, one transaction; what the cancellation says decides the next round. */
  private async createRound(
    year: number,
    round: number,
    state: CreateStep & { done: false },
    build: (reference: string, round: NewTicketRound) => NewTicketCommit | Promise<NewTicketCommit>,
    creation: TicketCreation,
  ): Promise<CreateStep> {
    const seq = state.seq ?? (await this.readCounter(year));
    const commit = await build(formatReference(year, seq + 1), { rateChanged: state.rateChanged });
    const created = { done: true, result: { status: 'created', commit } } as const;
    const items = this.newTicketItems(year, seq, commit);
    let reasons: CancellationReason[] | null;
    try {
      reasons = await this.transactOnce(items, requestToken(creation.token, round));
    } catch (err) {
      // Outcome unknown (timeout, lost response): the Message-ID record says whether it committed.
      const mine = await this.findMessageRecord(creation.deskId, creation.messageId).catch(() => null);
      if (mine?.commitToken === creation.token) return created;
      throw asIntakeFailure('creating a ticket', err);
    }
    if (reasons === null) return created;
    const failed = (index: number) => reasons[index]?.Code === 'ConditionalCheckFailed';
    const converting = commit.convertsSuspended;
    if (failed(CREATE.record) || reasons.some((r) => r.Code === 'TransactionConflict')) {
      const existing = await this.findMessageRecord(creation.deskId, creation.messageId);
      if (existing?.commitToken === creation.token) return created;
      if (existing && (!converting || existing.outcome !== 'suspended')) {
        return { done: true, result: { status: 'duplicate', record: existing } };
      }
      if (converting && failed(CREATE.record)) {
        throw new NotFoundError(`the Message-ID record of suspended message ${converting.id} is missing`);
      }
    }
    if (converting && failed(items.length - 1)) {
      throw new NotFoundError(`suspended message ${converting.id} is missing`);
    }
    // With the counter still at the value read, an existing ticket means the counter is behind.
    if (failed(CREATE.ticket) && !failed(CREATE.counter)) {
      throw new ConflictError(`ticket ${commit.ticket.reference} already exists for another message`, {
        hint: 'the reference counter is behind the tickets: set COUNTER#REFERENCE# to the highest sequence',
      });
    }
    if (failed(CREATE.counter)) {
      // Another creation took the reference: let it finish before trying the next one.
      const rateChanged = commit.rate !== undefined && failed(CREATE.rate);
      return { done: false, seq: sequenceOf(reasons[CREATE.counter]), rateChanged, backoff: true };
    }
    if (commit.rate !== undefined && failed(CREATE.rate)) {
      return { done: false, seq, rateChanged: true, backoff: false };
    }
    // A TransactionConflict: another transaction was on one of the items; read everything again.
    return { done: false, seq: null, rateChanged: commit.rate !== undefined, backoff: true };
  }

  /** Counter, Message-ID record, ticket, message, then rate history and conversion when there are. */
  private newTicketItems(year: number, seq: number, commit: NewTicketCommit): TransactItem[] {
    const converting = commit.convertsSuspended;
    const record = recordItem(commit.record, commit.delivery);
    return [
      this.counterStep(year, seq),
      converting ? this.replaceSuspendedRecord(record) : this.putNew(record),
      this.putNew({ ...ticketItem(commit.ticket), intakeEvents: commit.events }),
      this.put(messageItem(commit.message)),
      ...(commit.rate
        ? [this.putRate(commit.rate.address, commit.rate.history, commit.rate.expectedVersion)]
        : []),
      ...(converting
        ? [this.markSuspendedConverted(converting, commit.ticket.reference, commit.record.at)]
        : []),
    ];
  }

  /**
   * The year's counter moves from the value read to the next one, in the transaction that uses it:
   * a reference is taken only with its ticket (never twice, never skipped). On a lost race the
   * cancellation returns the counter's current value, so the next round needs no read.
   */
  private counterStep(year: number, seq: number): TransactItem {
    return {
      Update: {
        TableName: this.tableName,
        Key: keys.counter(year),
        UpdateExpression: 'SET #seq = :next, entity = :entity',
        ConditionExpression: seq === 0 ? 'attribute_not_exists(pk)' : '#seq = :current',
        ExpressionAttributeNames: { '#seq': 'seq' },
        ExpressionAttributeValues: {
          ':next': seq + 1,
          ':entity': 'counter',
          ...(seq === 0 ? {} : { ':current': seq }),
        },
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      },
    };
  }

  private async readCounter(year: number): Promise<number> {
    const item = await this.getItem(keys.counter(year), 'reading the reference counter');
    return Number(item?.seq ?? 0);
  }

  async appendMessage(
    commit: FollowUpCommit,
  ): Promise<{ status: 'appended' } | { status: 'conflict' } | Duplicate> {
    const embedded = commit.ticket.messageCount <= MAX_EMBEDDED_MESSAGES;
    const failed = await this.transact('adding a message to a ticket', [
      versionedTicketUpdate(
        this.tableName,
        commit.ticket,
        commit.expectedVersion,
        embedded ? commit.events : [],
      ),
      this.putNew(recordItem(commit.record, commit.delivery)),
      this.put(messageItem(commit.message)),
      ...(embedded ? [] : commit.events.map((e) => this.put(eventItem(e)))),
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
      items.push(this.putNew(recordItem(commit.record, commit.delivery)));
    }
    if (commit.quarantine) {
      const item = quarantineItem(commit.quarantine);
      if (!commit.replaceQuarantine) guards.push(items.length);
      items.push(commit.replaceQuarantine ? this.put(item) : this.putNew(item));
    }
    if (commit.suspended) items.push(this.put(suspendedItem(commit.suspended)));
    // A message without Message-ID record (quarantine) keeps its delivery as an item of its own.
    if (!commit.record) items.push(this.put(deliveryItem(commit.delivery)));
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
    const from = Array.isArray(t.from.state) ? t.from.state : [t.from.state];
    const stateValues = Object.fromEntries(from.map((s, i) => [`:from${i}`, s]));
    const sets = ['acknowledgement = :to', 'updatedAt = :now', '#version = #version + :one'];
    // The event and the threading key go with the change: only the run that made it records them.
    if (t.event) sets.push('intakeEvents = list_append(if_not_exists(intakeEvents, :none), :events)');
    if (t.to.sesMessageId) sets.push('gsi3pk = :lookup');
    const applied = await this.writeIfUnchanged({
      Update: {
        TableName: this.tableName,
        Key: keys.ticket(t.reference),
        UpdateExpression: `SET ${sets.join(', ')}`,
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
          ...(t.event ? { ':none': [], ':events': [t.event] } : {}),
          ...(t.to.sesMessageId ? { ':lookup': acknowledgementLookup(t.to.sesMessageId) } : {}),
        },
      },
    });
    return applied ? 'applied' : 'ticket-changed';
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

  /**
   * The Message-ID record the delivery committed (gsi3), else the delivery's own item (quarantine,
   * duplicate, failed). The record wins: it is written only by a run that got through, after any
   * `failed` item of an earlier run. gsi3 is eventually consistent: fine for operators' look-ups.
   */
  async getDelivery(channel: Receipt['channel'], deliveryId: string): Promise<DeliveryRecord | null> {
    const [recorded, item] = await Promise.all([
      this.lookUp(deliveryLookup(channel, deliveryId)),
      this.getParsed(keys.delivery(channel, deliveryId), DeliveryRecordSchema, 'delivery record'),
    ]);
    return (recorded ? deliveryOfRecord(recorded) : null) ?? item;
  }

  /** The item gsi3 indexes under `lookup` (read again, consistently: the index holds keys only). */
  private async lookUp(lookup: string): Promise<Item | null> {
    const out = await awsCall('looking up the table', () =>
      this.doc.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: TABLE_SCHEMA.gsi3.indexName,
          KeyConditionExpression: 'gsi3pk = :lookup',
          ExpressionAttributeValues: { ':lookup': lookup },
          Limit: 1,
        }),
      ),
    );
    const key = out.Items?.[0];
    return key ? this.getItem({ pk: key.pk, sk: key.sk }, 'reading a looked-up item') : null;
  }

  /**
   * An acknowledgement's SES Message-ID, or a reply's / notification's (outbound items carry the bare
   * SES id on gsi3, as bounce notifications name it), as the Message-ID record threading expects.
   */
  private async acknowledgementRecord(sesMessageId: string): Promise<MessageRecord | null> {
    const sesId = sesIdOfMessageId(sesMessageId);
    const [item, sent] = await Promise.all([
      this.lookUp(acknowledgementLookup(sesMessageId)),
      sesId ? this.lookUp(outboundLookup(sesId)) : Promise.resolve(null),
    ]);
    if (!item && sent) {
      const message = OutboundMessageSchema.parse(sent);
      if (message.messageId !== sesMessageId) return null;
      const ticket = await this.getTicket(message.reference);
      if (!ticket) return null;
      return {
        messageId: sesMessageId,
        deskId: ticket.desk,
        kind: 'outbound',
        outcome: 'follow-up',
        reference: ticket.reference,
        ticketMessageId: null,
        channel: 'ses',
        deliveryId: sesMessageId,
        commitToken: message.key,
        at: message.sentAt ?? message.updatedAt,
      };
    }
    if (!item) return null;
    const ticket = TicketSchema.parse(item);
    const ack = ticket.acknowledgement;
    if (ack.sesMessageId !== sesMessageId) return null;
    return {
      messageId: sesMessageId,
      deskId: ticket.desk,
      kind: 'acknowledgement',
      outcome: 'ticket-created',
      reference: ticket.reference,
      ticketMessageId: null,
      channel: 'ses',
      deliveryId: sesMessageId,
      commitToken: ack.attemptId ?? '',
      at: ack.updatedAt,
    };
  }

  /**
   * Marks the outbound message SES sent as `sesId` (a bounce or complaint of it), with an event on its
   * ticket. Null when no outbound message has that id (an acknowledgement's, or another sender's).
   */
  async markOutboundFeedback(
    sesId: string,
    feedback: { state: 'bounced' | 'complained'; reason: string; at: string },
  ): Promise<{ reference: string; key: string } | null> {
    const item = await this.lookUp(outboundLookup(sesId));
    if (!item) return null;
    const message = OutboundMessageSchema.parse(item);
    const event: AuditEvent = {
      reference: message.reference,
      at: feedback.at,
      type: 'outbound-bounced',
      actor: 'ses',
      detail: { key: message.key, kind: message.kind, state: feedback.state, reason: feedback.reason },
    };
    try {
      await this.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: this.tableName,
                Key: keys.outbound(message.reference, message.key),
                UpdateExpression: 'SET #state = :state, reason = :reason, updatedAt = :at',
                // A complaint after a bounce keeps the bounce; a redelivered notification changes nothing.
                ConditionExpression: '#state IN (:sent, :unconfirmed)',
                ExpressionAttributeNames: { '#state': 'state' },
                ExpressionAttributeValues: {
                  ':state': feedback.state,
                  ':reason': feedback.reason,
                  ':at': feedback.at,
                  ':sent': 'sent',
                  ':unconfirmed': 'unconfirmed',
                },
              },
            },
            { Put: { TableName: this.tableName, Item: eventItem(event) } },
          ],
        }),
      );
    } catch (err) {
      if (!(err instanceof TransactionCanceledException))
        throw asIntakeFailure('marking a bounced message', err);
    }
    return { reference: message.reference, key: message.key };
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

  /**
   * Null when it went through, else why each item cancelled it; other errors are thrown as they are
   * (the caller decides what an unknown outcome means). The request token makes a resend of the same
   * request (by the SDK or us) idempotent for 10 minutes.
   */
  private async transactOnce(items: TransactItem[], token: string): Promise<CancellationReason[] | null> {
    try {
      await this.doc.send(new TransactWriteCommand({ TransactItems: items, ClientRequestToken: token }));
      return null;
    } catch (err) {
      if (!(err instanceof TransactionCanceledException)) throw err;
      const reasons = err.CancellationReasons ?? [];
      if (!reasons.some((r) => r.Code === 'ConditionalCheckFailed' || r.Code === 'TransactionConflict')) {
        throw err;
      }
      return reasons;
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
  const sesMessageId = ticket.acknowledgement.sesMessageId;
  return {
    ...keys.ticket(ticket.reference),
    entity: 'ticket',
    ...queueKeys(ticket),
    ...requesterKeys(ticket),
    ...(sesMessageId ? { gsi3pk: acknowledgementLookup(sesMessageId) } : {}),
    ...ticket,
  };
}

/** Attributes of a ticket item that only some tickets have: an update removes them when absent. */
const OPTIONAL_TICKET_ATTRIBUTES = ['gsi2pk', 'gsi2sk', 'gsi3pk', ...Object.keys(TicketSchema.shape)];

/**
 * The ticket written over the version it was read at: the write fails (and its transaction with it)
 * when someone else saved the ticket in between, instead of losing their change. An update, not a
 * put, so that what the ticket item carries beside the Ticket (its embedded events) stays; `events`
 * are appended to them.
 */
export function versionedTicketUpdate(
  tableName: string,
  ticket: Ticket,
  expectedVersion: number,
  events: readonly AuditEvent[] = [],
): TransactItem {
  const { pk, sk, ...attributes } = ticketItem(ticket);
  const present = Object.entries(attributes).filter(([, value]) => value !== undefined);
  const names: Record<string, string> = { '#version': 'version' };
  const values: Record<string, unknown> = { ':expected': expectedVersion };
  const sets = present.map(([name, value], i) => {
    names[`#a${i}`] = name;
    values[`:a${i}`] = value;
    return `#a${i} = :a${i}`;
  });
  if (events.length > 0) {
    sets.push('intakeEvents = list_append(if_not_exists(intakeEvents, :none), :events)');
    values[':none'] = [];
    values[':events'] = events;
  }
  const presentNames = new Set(present.map(([name]) => name));
  const removes = OPTIONAL_TICKET_ATTRIBUTES.filter((name) => !presentNames.has(name)).map((name, i) => {
    names[`#r${i}`] = name;
    return `#r${i}`;
  });
  return {
    Update: {
      TableName: tableName,
      Key: { pk, sk },
      UpdateExpression: `SET ${sets.join(', ')}${removes.length > 0 ? ` REMOVE ${removes.join(', ')}` : ''}`,
      ConditionExpression: '#version = :expected',
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
  };
}

/** The audit trail in a ticket's items: events embedded in the ticket item and EVENT# items, by time. */
export function auditTrail(items: readonly Item[]): AuditEvent[] {
  const events: AuditEvent[] = [];
  for (const item of items) {
    const sk = String(item.sk);
    if (sk === '#TICKET') events.push(...AuditEventSchema.array().parse(item.intakeEvents ?? []));
    else if (sk.startsWith('EVENT#')) events.push(AuditEventSchema.parse(item));
  }
  // Stable: events of one instant keep the order they were written in (created before acknowledged).
  return events.sort((a, b) => a.at.localeCompare(b.at));
}

function messageItem(message: TicketMessage): Item {
  return { ...keys.message(message.reference, message.id), entity: 'message', ...message };
}

/**
 * The Message-ID record, with what operators need of the delivery that brought the message (its
 * receipt and raw mail), indexed by that delivery on gsi3: no delivery item to write.
 */
function recordItem(record: MessageRecord, delivery: DeliveryRecord): Item {
  return {
    ...keys.messageRecord(record.messageId, record.deskId),
    entity: 'message-record',
    gsi3pk: deliveryLookup(delivery.channel, delivery.deliveryId),
    ...record,
    rawKey: delivery.rawKey,
    receipt: delivery.receipt,
  };
}

/** The delivery a Message-ID record stands for (null for records written before they carried it). */
function deliveryOfRecord(item: Item): DeliveryRecord | null {
  const record = MessageRecordSchema.parse(item);
  const parsed = DeliveryRecordSchema.pick({ rawKey: true, receipt: true }).safeParse(item);
  if (!parsed.success) return null;
  return {
    channel: record.channel,
    deliveryId: record.deliveryId,
    outcome: record.outcome,
    reference: record.reference,
    deskId: record.deskId,
    messageId: record.messageId,
    rawKey: parsed.data.rawKey,
    receipt: parsed.data.receipt,
    error: null,
    at: record.at,
  };
}

/** ClientRequestToken (≤ 36 characters): one per run and round. */
function requestToken(commitToken: string, round: number): string {
  return createHash('sha256').update(`${commitToken}#${round}`).digest('hex').slice(0, 36);
}

/** The counter value a cancelled transaction found (ReturnValuesOnConditionCheckFailure), if it says. */
function sequenceOf(reason: CancellationReason | undefined): number | null {
  const seq = reason?.Item?.seq;
  if (seq === undefined) return null;
  const value = Number(seq.N);
  return Number.isFinite(value) ? value : null;
}

function createBackoffMs(round: number): number {
  return Math.random() * Math.min(CREATE_BACKOFF_MS.cap, CREATE_BACKOFF_MS.base * 2 ** round);
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
