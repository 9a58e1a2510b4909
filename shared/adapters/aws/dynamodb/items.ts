import type { AckRateEntry } from '../../../domain/acknowledgement/acknowledge-decision';
import type { ClientEntry } from '../../../domain/desk/client-directory';
import { suspendedClassOf } from '../../../domain/mail/suspension';
import {
  type AuditEvent,
  AuditEventSchema,
  type Ticket,
  type TicketMessage,
  TicketSchema,
} from '../../../domain/ticket/ticket';
import type { SlaAlertMarker } from '../../../ports/agent-ticket-store';
import {
  type DeliveryRecord,
  DeliveryRecordSchema,
  type HeldMessage,
  type MessageRecord,
  MessageRecordSchema,
  type QuarantineRecord,
  type SuppressedAddress,
  type SuspendedMessage,
} from '../../../ports/ticket-store';
import {
  acknowledgementLookup,
  deliveryLookup,
  keys,
  QUARANTINE_LIST,
  queueKeys,
  receiptKeys,
  requesterKeys,
  suspendedClassList,
  suspendedList,
} from './keys';
import type { Item, TransactItem } from './table';

/*
 * Item codecs: how each record of the ports is laid out as an item of the single table (keys, index
 * attributes, TTL), and back. docs/table-design.md describes the layout.
 */

const DAY_SECONDS = 24 * 60 * 60;
/** Delivery records only serve operators and late duplicates: a year is plenty. */
const DELIVERY_TTL_SECONDS = 400 * DAY_SECONDS;
/** An alert marker only matters while its ticket is open; a year covers any GTR. */
const ALERT_TTL_SECONDS = 400 * DAY_SECONDS;

export function ticketItem(ticket: Ticket): Item {
  const sesMessageId = ticket.acknowledgement.sesMessageId;
  return {
    ...keys.ticket(ticket.reference),
    entity: 'ticket',
    ...queueKeys(ticket),
    ...requesterKeys(ticket),
    ...receiptKeys(ticket),
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

export function messageItem(message: TicketMessage): Item {
  return { ...keys.message(message.reference, message.id), entity: 'message', ...message };
}

/**
 * The Message-ID record, with what operators need of the delivery that brought the message (its
 * receipt and raw mail), indexed by that delivery on gsi3: no delivery item to write.
 */
export function recordItem(record: MessageRecord, delivery: DeliveryRecord): Item {
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
export function deliveryOfRecord(item: Item): DeliveryRecord | null {
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

export function deliveryItem(delivery: DeliveryRecord): Item {
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

/**
 * A waiting message's place in the desk's list (gsi1) and in its class's list (gsi2), both sorted by
 * `<receivedAt>#<id>`, and its TTL (`expiresAt`, epoch seconds) from its `expiry`. A decision, a
 * conversion or a dismissal removes the four index keys in the same conditional write.
 */
function waitingListKeys(message: SuspendedMessage): Item {
  const position = `${message.receivedAt}#${message.id}`;
  return {
    gsi1pk: suspendedList(message.deskId),
    gsi1sk: position,
    gsi2pk: suspendedClassList(message.deskId, suspendedClassOf(message)),
    gsi2sk: position,
    ...(message.expiry ? { expiresAt: Math.ceil(Date.parse(message.expiry) / 1000) } : {}),
  };
}

export function suspendedItem(suspended: SuspendedMessage): Item {
  return {
    ...keys.suspended(suspended.id),
    entity: 'suspended-message',
    ...(suspended.dismissedAt ? {} : waitingListKeys(suspended)),
    ...suspended,
  };
}

/**
 * With its ticket (keys.held), and in the desk's suspended list while it waits for an agent. Only a
 * waiting one expires: a decided one stays on the ticket as its history.
 */
export function heldItem(held: HeldMessage): Item {
  return {
    ...keys.held(held.heldFor, held.id),
    entity: 'held-message',
    ...(held.status === 'held' ? waitingListKeys(held) : {}),
    ...held,
  };
}

/** The desk's acknowledgements of one clock hour (conversation.md §2): nothing in it matters a day later. */
export function ackCapExpiry(hour: string): number {
  return Math.ceil(Date.parse(`${hour}:00:00Z`) / 1000) + DAY_SECONDS;
}

export function quarantineItem(quarantine: QuarantineRecord): Item {
  return {
    ...keys.quarantine(quarantine.channel, quarantine.deliveryId),
    entity: 'quarantine',
    ...(quarantine.status === 'quarantined'
      ? { gsi1pk: QUARANTINE_LIST, gsi1sk: `${quarantine.quarantinedAt}#${quarantine.id}` }
      : {}),
    ...quarantine,
  };
}

/**
 * The sender's acknowledgement rate history, written only over the version it was read at (a
 * concurrent acknowledgement to the same sender makes the write fail, and the caller decide again).
 */
export function ratePut(
  tableName: string,
  rate: { address: string; history: AckRateEntry[]; expectedVersion: number },
): TransactItem {
  const { address, history, expectedVersion } = rate;
  const last = history.reduce((max, e) => Math.max(max, Date.parse(e.at)), 0);
  return {
    Put: {
      TableName: tableName,
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

export function suppressedAddressItem(entry: SuppressedAddress): Item {
  return { ...keys.suppressedAddress(entry.address), entity: 'suppressed-address', ...entry };
}

export function clientItem(entry: ClientEntry): Item {
  return { ...keys.client(entry.clientId), entity: 'client', ...entry };
}

/**
 * SLA alert markers live in the ticket's item collection, beside its MSG# and EVENT# items:
 * `ALERT#<clock>#<threshold>#<dueAt>`. A re-targeted deadline (priority change, resume) gets new markers.
 */
export function alertKey(marker: Pick<SlaAlertMarker, 'reference' | 'clock' | 'threshold' | 'dueAt'>) {
  return {
    pk: keys.ticket(marker.reference).pk,
    sk: `ALERT#${marker.clock}#${marker.threshold}#${marker.dueAt}`,
  };
}

export function alertItem(marker: SlaAlertMarker): Item {
  return {
    ...alertKey(marker),
    entity: 'sla-alert',
    ...marker,
    expiresAt: Math.ceil(Date.parse(marker.at) / 1000) + ALERT_TTL_SECONDS,
  };
}
