import { DateTime } from 'luxon';
import { deskById, type ServiceDeskConfig } from '../domain/desk/service-desk-config';
import type { Receipt } from '../domain/mail/receipt';
import type { Ticket } from '../domain/ticket/ticket';
import type { IntakeResult } from '../use-cases/intake-email';

const MAX_EVIDENCE = 2;
const MAX_EVIDENCE_CHARS = 44;

const OUTCOME_LABEL: Record<IntakeResult['outcome'], string> = {
  'ticket-created': 'new ticket',
  'follow-up': 'follow-up',
  reopened: 'follow-up, ticket reopened',
  suspended: 'suspended, no ticket',
  held: 'unverified sender: held for an agent, ticket unchanged',
  quarantined: 'quarantined, no ticket',
  'loop-ignored': 'mail loop ignored',
  duplicate: 'duplicate, nothing done',
};

/**
 * One readable line per processed message for the `npm start` console: what it became, where, how
 * urgent and why, the deadlines in the desk's own time, and whether the client was acknowledged.
 * `ticket` is the ticket as stored after the intake (it holds the priority's evidence).
 */
export function intakeLogLine(
  result: IntakeResult,
  ticket: Ticket | null,
  receipt: Pick<Receipt, 'envelopeFrom' | 'recipients' | 'channel'>,
  config: ServiceDeskConfig,
): string {
  const parts: string[] = [];
  const head = result.reference
    ? `${result.reference} ${OUTCOME_LABEL[result.outcome]}`
    : OUTCOME_LABEL[result.outcome];
  parts.push(head);
  if (result.outcome === 'duplicate' && result.originalOutcome) {
    parts.push(`already processed as ${result.originalOutcome}`);
  }
  if (result.deskId) parts.push(`desk ${result.deskId}`);
  if (ticket && (result.outcome === 'follow-up' || result.outcome === 'reopened')) {
    // triage.md: a follow-up never restarts the clocks nor changes the priority: say so, briefly.
    parts.push(
      `ticket ${ticket.status}, ${ticket.messageCount} messages, ${ticket.priority.level}, clocks unchanged`,
    );
  } else if (ticket) {
    const client = ticket.client.name
      ? `${ticket.client.name}, ${ticket.contract}`
      : `unknown client, ${ticket.contract}`;
    parts.push(client);
    parts.push(priorityPart(ticket));
    const deadlines = deadlinePart(ticket, config);
    if (deadlines) parts.push(deadlines);
  }
  if (result.reason) parts.push(result.reason);
  const ack = ackPart(result, ticket);
  if (ack) parts.push(ack);
  parts.push(`from ${senderOf(receipt)} to ${receipt.recipients.join(', ') || '(no envelope recipient)'}`);
  parts.push(verdictsPart(receipt));
  return parts.join(' · ');
}

function priorityPart(ticket: Ticket): string {
  const { level, source, evidence } = ticket.priority;
  const shown = evidence.slice(0, MAX_EVIDENCE).map((e) => `"${shorten(e)}"`);
  const more = evidence.length > MAX_EVIDENCE ? ` +${evidence.length - MAX_EVIDENCE}` : '';
  if (source === 'default') return `${level} (default: nothing said how urgent)`;
  return `${level} (${source}${shown.length > 0 ? `: ${shown.join(', ')}${more}` : ''})`;
}

function deadlinePart(ticket: Ticket, config: ServiceDeskConfig): string | null {
  const desk = deskById(config, ticket.desk);
  if (!desk) return null;
  const local = (iso: string) =>
    DateTime.fromISO(iso, { zone: desk.timeZone }).setLocale('fr-FR').toFormat('ccc d LLL yyyy HH:mm');
  return `GTI ${local(ticket.gtiDueAt)}, GTR ${local(ticket.gtrDueAt)} (${desk.zoneLabelFr})`;
}

function ackPart(result: IntakeResult, ticket: Ticket | null): string | null {
  if (result.outcome === 'follow-up' || result.outcome === 'reopened') {
    return 'no new acknowledgement (follow-up)';
  }
  if (result.outcome !== 'ticket-created' && result.outcome !== 'duplicate') {
    return result.outcome === 'quarantined' ? null : 'not acknowledged';
  }
  const ack = result.acknowledgement;
  if (!ack) return null;
  const to = ticket?.requester?.address ?? 'the requester';
  switch (ack.state) {
    case 'sent':
      return `acknowledged to ${to}${ack.sesMessageId ? ` ${ack.sesMessageId}` : ''}`;
    case 'suppressed':
      return `not acknowledged: ${ack.reason ?? 'a rule said no'}`;
    case 'failed':
      return `acknowledgement FAILED: ${ack.reason ?? 'refused by SES'}`;
    case 'unconfirmed':
      return 'acknowledgement UNCONFIRMED (it may have left; never sent again)';
    default:
      return `acknowledgement ${ack.state}`;
  }
}

function senderOf(receipt: Pick<Receipt, 'envelopeFrom'>): string {
  if (receipt.envelopeFrom === null) return '(unknown sender)';
  return receipt.envelopeFrom === '' ? '<> (null sender)' : receipt.envelopeFrom;
}

/** The local listener has no spam, virus, SPF, DKIM or DMARC check: say it on every line. */
function verdictsPart(receipt: Pick<Receipt, 'channel'>): string {
  return receipt.channel === 'ses' ? 'verdicts from SES' : 'spam/virus/DMARC not checked';
}

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > MAX_EVIDENCE_CHARS ? `${flat.slice(0, MAX_EVIDENCE_CHARS - 1)}…` : flat;
}
