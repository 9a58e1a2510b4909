import { deskById, type ServiceDeskConfig } from '../desk/service-desk-config';
import type { Language } from '../mail/inbound-email';
import { type ClockView, isOpen, ticketSla } from '../sla/sla-status';
import type { OutboundMessage } from '../ticket/outbound-message';
import { priorityToConfirm, type Ticket, type TicketMessage } from '../ticket/ticket';
import type { UncertainFact } from '../triage/priority';
import { PRIORITY_QUESTIONS } from '../triage/priority-answer';

/**
 * What the client portal shows of a ticket (conversation.md §5, docs/client-portal.md): reference,
 * subject, status, priority with why, GTI/GTR and whether each was met, the desk handling it now, and
 * the public conversation. Built from an allow-list: internal notes, the audit trail, other clients'
 * addresses and mail internals (headers, verdicts, raw keys) never reach it.
 */
export type ClientView = {
  reference: string;
  subject: string;
  language: Language;
  status: Ticket['status'];
  receivedAt: string;
  priority: { level: Ticket['priority']['level']; source: ClientPrioritySource; why: string };
  gti: { deadline: string; met: boolean | null; metAt?: string };
  gtr: { deadline: string; met: boolean | null };
  deskTimeZone: string;
  desk: { id: string; name: string };
  conversation: ClientConversationEntry[];
  /**
   * The acknowledgement's questions still open on the priority (issue 11), in the ticket's language:
   * the portal answers each in one click. Empty once settled (openPriorityQuestions).
   */
  questions: ClientPriorityQuestion[];
  can: { reply: boolean; declarePriority: boolean; confirmResolved: boolean; answerPriority: boolean };
};

export type ClientPriorityQuestion = { fact: UncertainFact; text: string };

/**
 * Who set the priority, as the client understands it: `answered` is a level the triage recomputed from
 * the client's own click on the portal (« Non » to « Êtes-vous plusieurs… ? »), not an estimate from a
 * message; `default` (nothing to read) is shown as `inferred`.
 */
export type ClientPrioritySource = 'inferred' | 'declared' | 'agent' | 'answered';

export type ClientConversationEntry = {
  id: string;
  kind: 'client' | 'agent';
  author: string;
  at: string;
  text: string;
  attachments: Array<{ id: string; name: string; size: number }>;
};

/** Outbound states in which the mail reached (or was handed to) the client: shown in the conversation. */
const DELIVERED: ReadonlySet<OutboundMessage['state']> = new Set(['sent', 'bounced', 'complained']);
const MAX_EVIDENCE = 3;

export function clientView(
  input: { ticket: Ticket; messages: readonly TicketMessage[]; outbound: readonly OutboundMessage[] },
  now: Date,
  config: ServiceDeskConfig,
): ClientView {
  const { ticket } = input;
  const sla = ticketSla(ticket, now, config);
  const handling = deskById(config, ticket.deskOnDuty.deskId) ?? deskById(config, ticket.desk);
  const conversation: ClientConversationEntry[] = [
    ...input.messages.filter(isPublicClientMessage).map((m) => ({
      id: m.id,
      kind: 'client' as const,
      author: m.from?.name || m.from?.address || '',
      at: m.receivedAt,
      text: (m.newText || m.text || '').trim(),
      attachments: m.attachments
        .filter((a) => !a.inline)
        .map((a) => ({ id: a.sha256, name: a.filename, size: a.size })),
    })),
    ...input.outbound.filter(isDeliveredToClient).map((o) => ({
      id: o.key,
      kind: 'agent' as const,
      // Stryker disable next-line StringLiteral: unreachable, ticketSla above throws a ConfigError for a desk not configured
      author: o.kind === 'reply' ? o.authorName : (handling?.displayName ?? 'Exodata'),
      at: o.sentAt ?? o.createdAt,
      text: o.text,
      // An agent's files (issue 15) are the upload the reply carried: its id is the upload's UUID.
      attachments: o.attachments.map((a) => ({ id: a.uploadId, name: a.filename, size: a.size })),
    })),
  ].sort((a, b) => a.at.localeCompare(b.at));
  const firstContact = ticket.work?.firstContact ?? null;
  return {
    reference: ticket.reference,
    subject: ticket.subject,
    language: ticket.language,
    status: ticket.status,
    receivedAt: ticket.receivedAt,
    priority: {
      level: ticket.priority.level,
      source: clientPrioritySource(ticket.priority),
      why: priorityWhy(ticket),
    },
    gti: {
      deadline: ticket.gtiDueAt,
      met: metOf(sla.gti),
      ...(firstContact ? { metAt: firstContact.at } : {}),
    },
    gtr: { deadline: ticket.gtrDueAt, met: metOf(sla.gtr) },
    // Stryker disable next-line StringLiteral: unreachable, ticketSla above throws a ConfigError for a desk not configured
    deskTimeZone: handling?.timeZone ?? 'UTC',
    desk: { id: handling?.id ?? ticket.desk, name: handling?.displayName ?? ticket.desk },
    conversation,
    questions: openPriorityQuestions(ticket).map((fact) => ({
      fact,
      text: PRIORITY_QUESTIONS[ticket.language][fact],
    })),
    can: clientActions(ticket),
  };
}

/**
 * What the client may do now: write while not closed; declare a level unless an agent set it; close a
 * resolved ticket; answer the priority questions still open.
 */
export function clientActions(ticket: Pick<Ticket, 'status' | 'priority'>): ClientView['can'] {
  const open = ticket.status !== 'résolu' && ticket.status !== 'fermé';
  return {
    reply: ticket.status !== 'fermé',
    declarePriority: open && ticket.priority.source !== 'agent',
    confirmResolved: ticket.status === 'résolu',
    answerPriority: openPriorityQuestions(ticket).length > 0,
  };
}

/**
 * The facts the acknowledgement asked about and nobody has settled yet: while the ticket is open and its
 * level is still to confirm (priorityToConfirm: not an agent's), not once the client declared a level
 * (they chose it: the question is moot), and only with the stored facts an answer is read against
 * (applyClientReply needs them; a ticket written before they were stored has nothing to recompute).
 * An answered fact leaves `uncertain` (levelAfterAnswer): a second click finds it closed.
 */
export function openPriorityQuestions(ticket: Pick<Ticket, 'status' | 'priority'>): UncertainFact[] {
  const { priority } = ticket;
  if (!isOpen(ticket) || !priorityToConfirm(ticket) || priority.source === 'declared' || !priority.facts)
    return [];
  return [...new Set(priority.uncertain ?? [])];
}

/** Our mail the client was sent (a reply or a notification that left; not one still sending or rejected). */
export function isDeliveredToClient(o: OutboundMessage): boolean {
  return DELIVERED.has(o.state);
}

/** A person's message (automated mail, e.g. an out-of-office, stays for agents only). */
export function isPublicClientMessage(m: TicketMessage): boolean {
  return m.kind !== 'automated' && m.automated === null;
}

function clientPrioritySource(priority: Ticket['priority']): ClientPrioritySource {
  if (priority.source === 'agent' || priority.source === 'declared') return priority.source;
  return answeredOnPortal(priority.evidence) ? 'answered' : 'inferred';
}

function metOf(clock: ClockView): boolean | null {
  if (clock.state === 'met') return true;
  if (clock.state === 'breached') return false;
  return null;
}

/** Why this level, in the ticket's language, in a sentence the client can act on. */
export function priorityWhy(ticket: Pick<Ticket, 'language' | 'priority'>): string {
  const en = ticket.language === 'en';
  const evidence = ticket.priority.evidence
    .slice(0, MAX_EVIDENCE)
    .map((e) => e.slice(0, 100))
    .filter((e) => e.trim() !== '');
  switch (ticket.priority.source) {
    case 'agent':
      return en ? 'Set by our team.' : 'Fixée par notre équipe.';
    case 'declared':
      return en ? 'The level you declared.' : 'Le niveau que vous avez indiqué.';
    default: {
      // A level the client's click on the portal settled is no estimate from a message.
      const answers = answeredOnPortal(evidence);
      if (answers)
        return en
          ? `Adjusted to your answer: “${answers.join('”, “')}”.`
          : `Ajustée d'après votre réponse : « ${answers.join(' », « ')} ».`;
      if (evidence.length === 0)
        return en
          ? 'Estimated from your message; tell us if it is wrong.'
          : "Estimée d'après votre message ; indiquez-nous si elle ne convient pas.";
      return en
        ? `Estimated from your message: “${evidence.join('”, “')}”.`
        : `Estimée d'après votre message : « ${evidence.join(' », « ')} ».`;
    }
  }
}

const PORTAL_MARK = { fr: ' (portail client)', en: ' (client portal)' } as const;

/**
 * The evidence a one-click answer on the portal leaves on the ticket and in its audit trail: the
 * question as asked, the answer, and where it was given (`Êtes-vous plusieurs à être bloqués ? Non
 * (portail client)`).
 */
export function portalAnswerEvidence(language: Language, fact: UncertainFact, answer: boolean): string {
  const word = language === 'en' ? (answer ? 'Yes' : 'No') : answer ? 'Oui' : 'Non';
  return `${PRIORITY_QUESTIONS[language][fact]} ${word}${PORTAL_MARK[language]}`;
}

/**
 * The answers as the client reads them (without the mark of where) when every piece of evidence is a
 * portal answer; null when any came from a message.
 */
function answeredOnPortal(evidence: readonly string[]): string[] | null {
  const shown = evidence.map((e) => {
    const mark = Object.values(PORTAL_MARK).find((m) => e.endsWith(m));
    return mark === undefined ? null : e.slice(0, -mark.length);
  });
  return shown.length > 0 && shown.every((a) => a !== null) ? (shown as string[]) : null;
}
