import type { InboundEmail } from '../mail/inbound-email';
import type { Receipt } from '../mail/receipt';
import { senderTrustOf } from '../mail/sender-trust';
import type { AutomatedVerdict } from '../triage/automated-mail';

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
export type AcknowledgeReason =
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
 * or noreply/mailer-daemon/postmaster senders, virus/spam FAIL, an unverified sender. Follow-ups and the per-sender
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
