import type { PriorityLevel } from '../../../../domain/desk/service-desk-config';
import type { Verdict } from '../../../../domain/mail/receipt';
import type { SuspendedClass } from '../../../../domain/mail/suspension';
import type { Breach } from '../../../../domain/report/sla-report';
import type { OutboundKind, OutboundState } from '../../../../domain/ticket/outbound-message';
import type { AuditEventType, MessageKind, TicketStatus } from '../../../../domain/ticket/ticket';
import type { ContactChannel } from '../../../../domain/ticket/ticket-work';
import type { AutomatedClass } from '../../../../domain/triage/automated-mail';
import type {
  ApiErrorCode,
  AssigneeFilter,
  ClockView,
  HeldItem,
  PrioritySource,
  SuspendedItem,
  TicketRisk,
} from '../../api-schemas';

/**
 * Every word the portals show for a value of the domain, in French, in one table. Each entry is a
 * `Record` over the domain's own type: a new status, event type, priority source… that has no label here
 * fails `tsc` (npm test) instead of showing an English identifier to an agent. docs/agents.md, "Labels".
 */
export const LABELS = {
  status: {
    nouveau: 'Nouveau',
    'en cours': 'En cours',
    'en attente client': 'En attente client',
    résolu: 'Résolu',
    fermé: 'Fermé',
  } satisfies Record<TicketStatus, string>,

  priority: {
    critique: 'Critique',
    haute: 'Haute',
    moyenne: 'Moyenne',
    normale: 'Normale',
  } satisfies Record<PriorityLevel, string>,

  /** The SLA reports (issue 18): which commitment a breach is about. */
  reportClock: {
    gti: 'GTI (intervention)',
    gtr: 'GTR (résolution)',
  } satisfies Record<Breach['clock'], string>,

  prioritySource: {
    declared: 'déclarée par le client',
    inferred: 'déduite du message',
    default: 'par défaut',
    agent: 'fixée par un agent',
  } satisfies Record<PrioritySource, string>,

  risk: {
    ok: 'dans les temps',
    'at-risk': 'à surveiller',
    imminent: 'imminent',
    breached: 'dépassé',
    paused: 'en pause',
    done: 'terminé',
  } satisfies Record<TicketRisk, string>,

  clockState: {
    running: 'en cours',
    paused: 'en pause',
    met: 'respectée',
    breached: 'dépassée',
  } satisfies Record<ClockView['state'], string>,

  event: {
    'ticket-created': 'Ticket créé',
    'follow-up-added': 'Relance du client',
    'automated-message-added': 'Message automatique',
    'ticket-reopened': 'Ticket rouvert',
    'acknowledgement-sent': 'Accusé de réception envoyé',
    'acknowledgement-suppressed': 'Accusé de réception non envoyé',
    'acknowledgement-failed': "Échec de l'accusé de réception",
    'acknowledgement-unconfirmed': 'Accusé de réception incertain',
    'ticket-claimed': 'Pris en charge',
    'ticket-released': 'Libéré',
    'first-contact': 'Premier contact',
    'waiting-on-client': 'En attente du client',
    'ticket-resumed': 'Reprise',
    'ticket-resolved': 'Résolu',
    'priority-changed': 'Priorité modifiée',
    'priority-change-requested': 'Priorité demandée par le client',
    'priority-answered': 'Priorité : réponse du client (portail)',
    'note-added': 'Note interne',
    'reply-written': 'Réponse au client',
    'outbound-sent': 'Message envoyé',
    'outbound-unconfirmed': 'Envoi non confirmé',
    'outbound-rejected': 'Envoi rejeté',
    'outbound-resent': 'Message renvoyé',
    'outbound-bounced': 'Rebond d’un message envoyé',
    'desk-on-duty-changed': 'Confié au centre de garde',
    'sla-warning': 'Alerte SLA',
    'sla-breached': 'SLA dépassé',
    'client-link-rotated': 'Nouveau lien client',
    'ticket-closed': 'Fermé par le client',
  } satisfies Record<AuditEventType, string>,

  /** What became of a message we sent (the API also sends `stateLabel`, from the same words). */
  outboundState: {
    sending: 'envoi en cours',
    sent: 'envoyé',
    unconfirmed: 'non confirmé',
    rejected: 'rejeté',
    bounced: 'rebond',
    complained: 'plainte',
  } satisfies Record<OutboundState, string>,

  outboundKind: {
    reply: 'réponse',
    'resolution-notice': 'avis de résolution',
    'priority-notice': 'avis de changement de priorité',
  } satisfies Record<OutboundKind, string>,

  messageKind: {
    initial: 'message initial',
    'follow-up': 'relance',
    reopening: 'réouverture',
    automated: 'message automatique',
  } satisfies Record<MessageKind, string>,

  automatedClass: {
    'auto-reply': 'réponse automatique',
    bounce: 'avis de non-remise',
    bulk: 'envoi en nombre',
    loop: 'boucle de messagerie',
  } satisfies Record<AutomatedClass, string>,

  /** The suspended list's filter and each item's "why" (issue 13 §5). */
  suspendedClass: {
    spam: 'classé comme spam par la messagerie',
    'auto-reply': 'réponse automatique',
    bounce: 'avis de non-remise',
    bulk: 'envoi en nombre',
    'machine-alert': 'alerte de supervision d’un expéditeur inconnu',
    'unverified-sender': 'expéditeur non vérifié (message retenu)',
    other: 'mis de côté par la réception',
  } satisfies Record<SuspendedClass, string>,

  /** An SES authentication verdict (SPF, DKIM, DMARC) of a held message, as the agent reads it. */
  verdict: {
    PASS: 'réussie',
    FAIL: 'échouée',
    GRAY: 'sans politique publiée',
    PROCESSING_FAILED: 'impossible à vérifier',
    DISABLED: 'désactivée',
    NOT_CHECKED: 'non vérifiée',
  } satisfies Record<Verdict, string>,

  heldStatus: {
    held: 'en attente de décision',
    accepted: 'accepté',
    rejected: 'rejeté',
  } satisfies Record<HeldItem['status'], string>,

  contactChannel: {
    phone: 'téléphone',
    email: 'e-mail',
    other: 'autre',
  } satisfies Record<ContactChannel, string>,

  assigneeFilter: {
    any: 'Tous',
    me: 'Moi',
    none: 'Personne',
  } satisfies Record<AssigneeFilter, string>,

  /** Who wrote an audit event when it was not an agent (agents appear by their id). */
  systemActor: {
    intake: 'réception automatique',
    'sla-watcher': 'surveillance SLA',
  } as Readonly<Record<string, string>>,

  /** The API's error codes as an agent reads them: what happened and what to do, without the server's English. */
  error: {
    INPUT_INVALID: 'Requête refusée : un champ manque ou n’est pas valable. Vérifiez le formulaire.',
    UNAUTHENTICATED: 'Session expirée : reconnectez-vous.',
    FORBIDDEN: 'Action refusée : ce ticket relève d’un centre qui n’est pas le vôtre.',
    NOT_FOUND: 'Introuvable : ce ticket ou ce message n’existe pas (ou plus).',
    CONFLICT: 'Conflit : le ticket a changé entre-temps (un autre agent a agi ?). Rechargez-le et réessayez.',
    TRANSIENT: 'Service momentanément indisponible : réessayez dans quelques secondes.',
    REPLY_NOT_SENT:
      'Réponse non envoyée : la messagerie l’a refusée, rien n’est parti. Vérifiez l’adresse du client puis rédigez-la à nouveau.',
    INTERNAL: 'Erreur du serveur : réessayez ; si elle persiste, prévenez l’astreinte.',
  } satisfies Record<ApiErrorCode, string>,
} as const;

/** "Critique (déduite du message)". */
export function priorityLabel(level: PriorityLevel, source?: PrioritySource): string {
  return source ? `${LABELS.priority[level]} (${LABELS.prioritySource[source]})` : LABELS.priority[level];
}

export function actorLabel(actor: string): string {
  return LABELS.systemActor[actor] ?? actor;
}

/** Why a message was kept aside: the class the API derived from what the intake stored. */
export function suspendedReasonLabel(item: Pick<SuspendedItem, 'suspendedClass'>): string {
  return LABELS.suspendedClass[item.suspendedClass];
}

/** "1 message suspendu", "3 messages suspendus". */
export function suspendedCount(count: number): string {
  return `${count} message${count > 1 ? 's' : ''} suspendu${count > 1 ? 's' : ''}`;
}

export function automatedLabel(kind: string): string {
  return kind in LABELS.automatedClass
    ? LABELS.automatedClass[kind as AutomatedClass]
    : 'message automatique';
}

/** The desk's name without the company prefix the configuration repeats ("Service Desk Exodata – "). */
export function deskShortName(displayName: string): string {
  return displayName.replace(/^.*?[–-]\s+/, '');
}
