import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  type DynamoDBDocumentClient,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import {
  type AckRateEntry,
  AckRateHistorySchema,
} from '../../../domain/acknowledgement/acknowledge-decision';
import { TransientError } from '../../../domain/errors';
import type { Receipt } from '../../../domain/mail/receipt';
import { OutboundMessageSchema } from '../../../domain/ticket/outbound-message';
import {
  type AuditEvent,
  type Ticket,
  type TicketMessage,
  TicketMessageSchema,
  TicketSchema,
} from '../../../domain/ticket/ticket';
import {
  type AcknowledgementTransition,
  type DeliveryRecord,
  DeliveryRecordSchema,
  type Duplicate,
  type FollowUpCommit,
  type HeldAcceptance,
  type HeldMessage,
  HeldMessageSchema,
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
} from '../../../ports/ticket-store';
import { asIntakeFailure, awsCall } from '../aws-errors';
import {
  ackCapExpiry,
  auditTrail,
  deliveryItem,
  deliveryOfRecord,
  eventItem,
  heldItem,
  messageItem,
  quarantineItem,
  ratePut,
  recordItem,
  suppressedAddressItem,
  suspendedItem,
  versionedTicketUpdate,
} from './items';
import {
  acknowledgementLookup,
  deliveryLookup,
  keys,
  outboundLookup,
  QUARANTINE_LIST,
  sesIdOfMessageId,
} from './keys';
import { type Item, Table, type TransactItem } from './table';
import { TABLE_SCHEMA } from './table-schema';
import { TicketCreator, type TicketCreatorOptions } from './ticket-creation';

/**
 * The events of the first messages ride on the ticket item (no item of their own to write); a ticket
 * that grows past this many messages gets EVENT# items instead, so that the ticket item, rewritten by
 * every change, stays small.
 */
const MAX_EMBEDDED_MESSAGES = 20;

/**
 * The TicketStore on one DynamoDB table. Every effect is one TransactWriteItems (or one conditional
 * write) guarded by a condition: the Message-ID record (duplicates), the counter value (references),
 * the ticket version (concurrent follow-ups and agents) or the acknowledgement state (at most one sender).
 */
export class DynamoDbTicketStore implements TicketStore {
  private readonly table: Table;
  private readonly creator: TicketCreator;

  constructor(doc: DynamoDBDocumentClient, tableName: string, options: TicketCreatorOptions = {}) {
    this.table = new Table(doc, tableName);
    this.creator = new TicketCreator(
      this.table,
      (deskId, messageId) => this.findMessageRecord(deskId, messageId),
      options,
    );
  }

  async getTicket(reference: string): Promise<Ticket | null> {
    return this.table.getParsed(keys.ticket(reference), TicketSchema, `ticket ${reference}`);
  }

  async getMessage(reference: string, ticketMessageId: string): Promise<TicketMessage | null> {
    return this.table.getParsed(
      keys.message(reference, ticketMessageId),
      TicketMessageSchema,
      'ticket message',
    );
  }

  async listMessages(reference: string): Promise<TicketMessage[]> {
    const { items } = await this.table.queryAll({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': keys.ticket(reference).pk, ':prefix': 'MSG#' },
    });
    return items.map((item) => TicketMessageSchema.parse(item));
  }

  /** EVENT# items and the events embedded in the ticket item, in one query (they sort next to each other). */
  async listAuditEvents(reference: string): Promise<AuditEvent[]> {
    const { pk, sk } = keys.ticket(reference);
    const { items } = await this.table.queryAll({
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :ticket AND :lastEvent',
      ExpressionAttributeValues: { ':pk': pk, ':ticket': sk, ':lastEvent': 'EVENT#\uffff' },
    });
    return auditTrail(items);
  }

  async findMessageRecord(deskId: string, messageId: string): Promise<MessageRecord | null> {
    return this.table.getParsed(keys.messageRecord(messageId, deskId), MessageRecordSchema, 'message record');
  }

  /**
   * Message-ID records first; an id none of them knows may be the SES Message-ID of one of our
   * acknowledgements, indexed on its ticket (gsi3, eventually consistent: a reply comes minutes after
   * the acknowledgement it answers, the index follows in well under a second).
   */
  async findMessageRecords(messageId: string): Promise<MessageRecord[]> {
    const { items } = await this.table.queryAll({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :desk)',
      ExpressionAttributeValues: { ':pk': keys.messageRecord(messageId, '').pk, ':desk': 'DESK#' },
    });
    return items.map((item) => MessageRecordSchema.parse(item));
  }

  async findThreadRecords(messageIds: readonly string[]): Promise<MessageRecord[]> {
    const unique = [...new Set(messageIds)];
    const perId = await Promise.all(
      unique.map((id) =>
        this.table.queryAll({
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :desk)',
          ExpressionAttributeValues: { ':pk': keys.messageRecord(id, '').pk, ':desk': 'DESK#' },
        }),
      ),
    );
    const records = perId
      .flatMap((page) => page.items)
      .map((item) => MessageRecordSchema.parse(item))
      .filter((record) => record.reference !== null);
    const known = new Set(records.map((r) => r.messageId));
    const acknowledgements = await Promise.all(
      unique.filter((id) => !known.has(id)).map((id) => this.acknowledgementRecord(id)),
    );
    return [...records, ...acknowledgements.filter((r) => r !== null)];
  }

  createTicket(
    year: number,
    build: (reference: string, round: NewTicketRound) => NewTicketCommit | Promise<NewTicketCommit>,
    creation: TicketCreation,
  ): Promise<{ status: 'created'; commit: NewTicketCommit } | Duplicate> {
    return this.creator.create(year, build, creation);
  }

  async appendMessage(
    commit: FollowUpCommit,
  ): Promise<{ status: 'appended' } | { status: 'conflict' } | Duplicate> {
    const embedded = commit.ticket.messageCount <= MAX_EMBEDDED_MESSAGES;
    const failed = failedIndexes(
      await this.table.transact('adding a message to a ticket', [
        versionedTicketUpdate(
          this.table.name,
          commit.ticket,
          commit.expectedVersion,
          embedded ? commit.events : [],
        ),
        this.table.putNew(recordItem(commit.record, commit.delivery)),
        this.table.put(messageItem(commit.message)),
        ...(embedded ? [] : commit.events.map((e) => this.table.put(eventItem(e)))),
      ]),
    );
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
      items.push(this.table.putNew(recordItem(commit.record, commit.delivery)));
    }
    if (commit.quarantine) {
      const item = quarantineItem(commit.quarantine);
      if (!commit.replaceQuarantine) guards.push(items.length);
      items.push(commit.replaceQuarantine ? this.table.put(item) : this.table.putNew(item));
    }
    if (commit.suspended) items.push(this.table.put(suspendedItem(commit.suspended)));
    if (commit.held) items.push(this.table.put(heldItem(commit.held)));
    // A message without Message-ID record (quarantine) keeps its delivery as an item of its own.
    if (!commit.record) items.push(this.table.put(deliveryItem(commit.delivery)));
    const failed = failedIndexes(await this.table.transact('recording what became of a message', items));
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
      this.table.doc.send(
        new UpdateCommand({
          TableName: this.table.name,
          Key: keys.message(reference, ticketMessageId),
          UpdateExpression: 'SET attachmentsStored = :true',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':true': true },
        }),
      ),
    );
  }

  async transitionAcknowledgement(t: AcknowledgementTransition): Promise<TransitionResult> {
    if (t.rate && !(await this.table.writeIfUnchanged(ratePut(this.table.name, t.rate)))) {
      return 'rate-changed';
    }
    const from = Array.isArray(t.from.state) ? t.from.state : [t.from.state];
    const stateValues = Object.fromEntries(from.map((s, i) => [`:from${i}`, s]));
    const sets = ['acknowledgement = :to', 'updatedAt = :now', '#version = #version + :one'];
    // The event and the threading key go with the change: only the run that made it records them.
    if (t.event) sets.push('intakeEvents = list_append(if_not_exists(intakeEvents, :none), :events)');
    if (t.to.sesMessageId) sets.push('gsi3pk = :lookup');
    const applied = await this.table.writeIfUnchanged({
      Update: {
        TableName: this.table.name,
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
      this.table.doc.send(
        new BatchGetCommand({
          RequestItems: { [this.table.name]: { Keys: [rateKey, suppressedKey], ConsistentRead: true } },
        }),
      ),
    );
    if (Object.keys(out.UnprocessedKeys ?? {}).length > 0) {
      throw new TransientError('DynamoDB left keys unprocessed while reading a recipient', {});
    }
    const items = out.Responses?.[this.table.name] ?? [];
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
      this.table.getParsed(keys.delivery(channel, deliveryId), DeliveryRecordSchema, 'delivery record'),
    ]);
    return (recorded ? deliveryOfRecord(recorded) : null) ?? item;
  }

  /** The item gsi3 indexes under `lookup` (read again, consistently: the index holds keys only). */
  private async lookUp(lookup: string): Promise<Item | null> {
    const out = await awsCall('looking up the table', () =>
      this.table.doc.send(
        new QueryCommand({
          TableName: this.table.name,
          IndexName: TABLE_SCHEMA.gsi3.indexName,
          KeyConditionExpression: 'gsi3pk = :lookup',
          ExpressionAttributeValues: { ':lookup': lookup },
          Limit: 1,
        }),
      ),
    );
    const key = out.Items?.[0];
    return key ? this.table.getItem({ pk: key.pk, sk: key.sk }, 'reading a looked-up item') : null;
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
      await this.table.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: this.table.name,
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
            { Put: { TableName: this.table.name, Item: eventItem(event) } },
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
    await this.table.putItem(deliveryItem(delivery), 'recording a delivery');
  }

  async getQuarantine(channel: Receipt['channel'], deliveryId: string): Promise<QuarantineRecord | null> {
    return this.table.getParsed(
      keys.quarantine(channel, deliveryId),
      QuarantineRecordSchema,
      'quarantine record',
    );
  }

  async listQuarantine(limit: number): Promise<QuarantineRecord[]> {
    const { items } = await this.table.queryAll(
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
      await this.table.doc.send(
        new UpdateCommand({
          TableName: this.table.name,
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
    return this.table.getParsed(keys.suspended(id), SuspendedMessageSchema, 'suspended message');
  }

  async claimDeskAcknowledgement(slot: {
    deskId: string;
    hour: string;
    reference: string;
    cap: number;
  }): Promise<boolean> {
    return this.table.writeIfUnchanged({
      Update: {
        TableName: this.table.name,
        Key: keys.ackCap(slot.deskId, slot.hour),
        UpdateExpression: 'ADD refs :refs SET entity = :entity, expiresAt = :expires',
        ConditionExpression: 'attribute_not_exists(refs) OR size(refs) < :cap OR contains(refs, :ref)',
        ExpressionAttributeValues: {
          ':refs': new Set([slot.reference]),
          ':ref': slot.reference,
          ':cap': slot.cap,
          ':entity': 'ack-cap',
          ':expires': ackCapExpiry(slot.hour),
        },
      },
    });
  }

  async getHeld(reference: string, id: string): Promise<HeldMessage | null> {
    return this.table.getParsed(keys.held(reference, id), HeldMessageSchema, 'held message');
  }

  async acceptHeld(commit: HeldAcceptance): Promise<'accepted' | 'conflict' | 'decided'> {
    const embedded = commit.ticket.messageCount <= MAX_EMBEDDED_MESSAGES;
    const items: TransactItem[] = [
      versionedTicketUpdate(
        this.table.name,
        commit.ticket,
        commit.expectedVersion,
        embedded ? commit.events : [],
      ),
      this.decideHeld(commit.ticket.reference, commit.held.id, 'accepted', commit.held.by, commit.record.at),
      {
        Put: {
          TableName: this.table.name,
          Item: recordItem(commit.record, commit.delivery),
          ConditionExpression: '#outcome = :held',
          ExpressionAttributeNames: { '#outcome': 'outcome' },
          ExpressionAttributeValues: { ':held': 'held' },
        },
      },
      this.table.put(messageItem(commit.message)),
      ...(embedded ? [] : commit.events.map((e) => this.table.put(eventItem(e)))),
    ];
    const failed = failedIndexes(await this.table.transact('accepting a held message', items));
    if (failed === null) return 'accepted';
    if (failed.has(1) || failed.has(2)) return 'decided';
    return 'conflict';
  }

  async rejectHeld(reference: string, id: string, by: string, at: string): Promise<boolean> {
    return this.table.writeIfUnchanged(this.decideHeld(reference, id, 'rejected', by, at));
  }

  /** The decision leaves the desk's suspended list (gsi1); only the first agent's decision counts. */
  private decideHeld(
    reference: string,
    id: string,
    status: 'accepted' | 'rejected',
    by: string,
    at: string,
  ): TransactItem {
    return {
      Update: {
        TableName: this.table.name,
        Key: keys.held(reference, id),
        // Decided, it leaves the lists and no longer expires: it stays on the ticket as its history.
        UpdateExpression:
          'SET #status = :status, decidedBy = :by, decidedAt = :at REMOVE gsi1pk, gsi1sk, gsi2pk, gsi2sk, expiresAt',
        ConditionExpression: '#status = :held',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':status': status, ':by': by, ':at': at, ':held': 'held' },
      },
    };
  }

  async getSuppressedAddress(address: string): Promise<SuppressedAddress | null> {
    return this.table.getParsed(
      keys.suppressedAddress(address),
      SuppressedAddressSchema,
      'suppressed address',
    );
  }

  async putSuppressedAddress(entry: SuppressedAddress): Promise<void> {
    await this.table.putItem(suppressedAddressItem(entry), 'recording a suppressed address');
  }
}

/** The positions of the items whose condition failed, from a lost race's cancellation codes. */
function failedIndexes(codes: string[] | null): Set<number> | null {
  if (codes === null) return null;
  return new Set(codes.flatMap((code, index) => (code === 'ConditionalCheckFailed' ? [index] : [])));
}
