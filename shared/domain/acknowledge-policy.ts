import type { AutomatedVerdict } from './automated-mail';
import type { InboundEmail } from './inbound-email';
import type { Receipt } from './receipt';

export type AcknowledgeDecision = { acknowledge: boolean; reason: string | null };

/**
 * acknowledgement.md, "Never acknowledge", for what the message alone tells: automated mail, our own
 * or noreply/mailer-daemon/postmaster senders, virus/spam/DMARC FAIL. Follow-ups and the per-sender
 * rate limit need the store and are decided by the intake use case.
 * TODO(issue 2): implement.
 */
export function acknowledgeDecision(
  _email: InboundEmail,
  _receipt: Receipt,
  _automated: AutomatedVerdict,
  _ourAddresses: readonly string[],
): AcknowledgeDecision {
  throw new Error('not implemented');
}
