import * as z from 'zod';
import { type DeskId, deskById, type ServiceDeskConfig } from '../desk/service-desk-config';
import type { InboundEmail, MailAddress } from '../mail/inbound-email';
import type { Receipt } from '../mail/receipt';
import { normalisedAddress, senderTrustOf } from '../mail/sender-trust';
import type { AutomatedVerdict } from '../triage/automated-mail';
import { cleanSubject } from './subject';

/*
 * Whether a message is acknowledged, decided here and only here (acknowledgement.md, "Never
 * acknowledge" and "Rate limit"), in the order the intake meets the rules:
 * 1. what the message alone tells (acknowledgeDecision, at triage);
 * 2. what the new ticket starts with (intakeAcknowledgement: machine alert, no requester);
 * 3. at sending time, what the store knows of the recipient (planAcknowledgement: suppression list,
 *    rate limits, a desk still configured).
 * The use cases only carry the answers to the store and to SES.
 */

// ---- 1. What the message alone tells ----
export type AcknowledgeDecision = { acknowledge: boolean; reason: string | null };

/**
 * Stable reason codes, for logs, metrics and the ticket's history:
 * - `verdict:virus`, `verdict:spam` — SES said FAIL;
 * - `sender:unverified` — the sender is not verified (conversation.md §1: DMARC FAIL, or no DMARC
 *   policy and no aligned SPF or DKIM pass): a forged sender would turn our acknowledgement into
 *   backscatter;
 * - `automated:<class>` — auto-reply, bounce, bulk, loop, and machine alerts (`automated:bulk`);
 * - `sender:ours` — From or Reply-To is one of our desk addresses;
 * - `sender:noreply`, `sender:mailer-daemon`, `sender:postmaster` — nobody would read it;
 * - `sender:missing` — no address to write to.
 */
type AcknowledgeReason =
  | 'verdict:virus'
  | 'verdict:spam'
  | 'sender:unverified'
  | `automated:${NonNullable<AutomatedVerdict['class']>}`
  | 'sender:ours'
  | 'sender:noreply'
  | 'sender:mailer-daemon'
  | 'sender:postmaster'
  | 'sender:missing';

/** `noreply`, `no-reply`, `no_reply`, `donotreply`, `do-not-reply`, `ne-pas-repondre`, optionally `+tag` or `-suffix`. */
const NO_REPLY_LOCAL_PART =
  /^(?:no[-_.]?reply|do[-_.]?not[-_.]?reply|ne[-_.]?pas[-_.]?repondre|nepasrepondre|noreponse|no[-_.]?reponse)(?:[-_.+].*)?$/u;
const DAEMON_LOCAL_PART = /^(?:mailer[-_]?daemon|postmaster)$/u;

/**
 * acknowledgement.md, "Never acknowledge", for what the message alone tells: automated mail, our own
 * or noreply/mailer-daemon/postmaster senders, virus/spam/DMARC FAIL. Follow-ups and the per-sender
 * rate limit need the store and are decided by the intake use case. The first rule that applies
 * gives the reason; security verdicts come first because they say the most about the sender.
 */
export function acknowledgeDecision(
  email: InboundEmail,
  receipt: Receipt,
  automated: AutomatedVerdict,
  ourAddresses: readonly string[],
): AcknowledgeDecision {
  const reason = refusal(email, receipt, automated, ourAddresses);
  return reason ? { acknowledge: false, reason } : { acknowledge: true, reason: null };
}

function refusal(
  email: InboundEmail,
  receipt: Receipt,
  automated: AutomatedVerdict,
  ourAddresses: readonly string[],
): AcknowledgeReason | null {
  if (receipt.verdicts.virus === 'FAIL') return 'verdict:virus';
  if (receipt.verdicts.spam === 'FAIL') return 'verdict:spam';
  if (senderTrustOf(email, receipt).trust === 'unverified') return 'sender:unverified';
  if (automated.class) return `automated:${automated.class}`;

  // The acknowledgement may go to a same-domain Reply-To: every address must be fit to answer.
  const senders = [email.from?.address, ...email.replyTo.map((a) => a.address)]
    .filter((a): a is string => typeof a === 'string' && a.includes('@'))
    .map((a) => a.toLowerCase());
  if (senders.length === 0) return 'sender:missing';
  if (senders.some((a) => ourAddresses.includes(a))) return 'sender:ours';
  for (const address of senders) {
    const local = address.slice(0, address.lastIndexOf('@'));
    if (NO_REPLY_LOCAL_PART.test(local)) return 'sender:noreply';
    if (DAEMON_LOCAL_PART.test(local))
      return local === 'postmaster' ? 'sender:postmaster' : 'sender:mailer-daemon';
  }
  return null;
}

// ---- 2. What a new ticket starts with ----

/** The acknowledgement a new ticket is created with: `pending` (to be planned) or `suppressed` (why). */
export type InitialAcknowledgement = { state: 'pending' | 'suppressed'; reason: string | null };

/**
 * Machine alerts (Auto-Submitted: auto-generated from a known client) open tickets but are never
 * answered; a message nobody can be answered at is not either. Else the message-only decision holds.
 */
export function intakeAcknowledgement(triage: {
  acknowledge: AcknowledgeDecision;
  requester: MailAddress | null;
  machineAlert: boolean;
}): InitialAcknowledgement {
  if (triage.machineAlert) {
    return { state: 'suppressed', reason: 'machine alert (Auto-Submitted: auto-generated)' };
  }
  if (!triage.acknowledge.acknowledge) {
    return { state: 'suppressed', reason: triage.acknowledge.reason ?? 'not to be acknowledged' };
  }
  if (!triage.requester) return { state: 'suppressed', reason: 'no requester address to answer' };
  return { state: 'pending', reason: null };
}

// ---- 3. At sending time: the recipient's suppression and rate history ----

/** How a suppression by the desk's hourly cap (conversation.md §2) starts: counted, and alarmed. */
export const DESK_CAP_REASON = 'desk hourly cap reached';

/** acknowledgement.md: at most 10 acknowledgements per sender in 3 hours, 2 for the same subject. */
const ACK_RATE_LIMITS = { windowMs: 3 * 60 * 60 * 1000, perSender: 10, perSubject: 2 } as const;

/** One acknowledgement sent (or being sent) to an address. */
const AckRateEntrySchema = z.object({ at: z.string(), reference: z.string(), subjectKey: z.string() });
export type AckRateEntry = z.infer<typeof AckRateEntrySchema>;
export const AckRateHistorySchema = z.array(AckRateEntrySchema);

export type AckRateDecision =
  | { allowed: true; history: AckRateEntry[] }
  | { allowed: false; reason: string; history: AckRateEntry[] };

/**
 * The subject as a client's mail loop would repeat it: without Re:/TR:/Fwd: piles, our [EXO-…] tag,
 * case, accents and extra spaces, so that "RE: Imprimante" and "imprimante" count together.
 */
export function ackSubjectKey(subject: string): string {
  return cleanSubject(subject)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Whether one more acknowledgement may go to this sender at `now`. `history` is what was sent to the
 * sender before; entries older than the window are dropped, and an entry of the same ticket is
 * replaced (a retried claim of one ticket is one acknowledgement, not two).
 */
export function decideAckRate(
  history: readonly AckRateEntry[],
  next: { at: Date; reference: string; subjectKey: string },
  limits: { windowMs: number; perSender: number; perSubject: number } = ACK_RATE_LIMITS,
): AckRateDecision {
  const since = next.at.getTime() - limits.windowMs;
  const recent = history.filter((e) => Date.parse(e.at) > since && e.reference !== next.reference);
  const sameSubject = recent.filter((e) => e.subjectKey === next.subjectKey).length;
  if (recent.length >= limits.perSender) {
    return {
      allowed: false,
      reason: `rate limit: ${recent.length} acknowledgements to this sender in the last 3 hours`,
      history: recent,
    };
  }
  if (sameSubject >= limits.perSubject) {
    return {
      allowed: false,
      reason: `rate limit: ${sameSubject} acknowledgements to this sender for the same subject in the last 3 hours`,
      history: recent,
    };
  }
  const entry: AckRateEntry = {
    at: next.at.toISOString(),
    reference: next.reference,
    subjectKey: next.subjectKey,
  };
  return { allowed: true, history: [...recent, entry] };
}

/** What the store knows of a recipient when an acknowledgement is planned. */
export type Recipient = {
  suppressed: { type: string; detail: string } | null;
  rate: { history: AckRateEntry[]; version: number };
};

/** The sender's new rate history, to be written over the version it was read at. */
export type RateUpdate = { address: string; history: AckRateEntry[]; expectedVersion: number };

/** What acknowledging a new ticket comes to: suppressed (why), or sent with the sender's new rate history. */
export type AcknowledgementPlan = { send: false; reason: string } | { send: true; rate: RateUpdate };

/**
 * Whether the ticket's acknowledgement may go out at `now`: a requester, not on the suppression list,
 * within the rate limits, a desk still configured. `recipient` is what the store knows of the
 * requester's address (null when there is no requester).
 */
export function planAcknowledgement(
  ticket: { reference: string; requester: MailAddress | null; subject: string; desk: DeskId },
  recipient: Recipient | null,
  now: Date,
  config: ServiceDeskConfig,
): AcknowledgementPlan {
  if (!ticket.requester || !recipient) return { send: false, reason: 'no requester address to answer' };
  const { suppressed, rate } = recipient;
  if (suppressed) {
    return {
      send: false,
      reason: `the address is on the suppression list (${suppressed.type}: ${suppressed.detail})`,
    };
  }
  const decision = decideAckRate(rate.history, {
    at: now,
    reference: ticket.reference,
    subjectKey: ackSubjectKey(ticket.subject),
  });
  if (!decision.allowed) return { send: false, reason: decision.reason };
  if (!deskById(config, ticket.desk))
    return { send: false, reason: `desk ${ticket.desk} is no longer configured` };
  return {
    send: true,
    rate: {
      // conversation.md §2: `Marie+1@X.re` and `marie@x.re` share one limit.
      address: normalisedAddress(ticket.requester.address),
      history: decision.history,
      expectedVersion: rate.version,
    },
  };
}
