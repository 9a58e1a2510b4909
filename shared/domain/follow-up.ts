import type { InboundEmail } from './inbound-email';

export type FollowUpCandidate = {
  /** First ticket reference in the subject (EXO-YYYY-NNNNNN, upper-case), or null. */
  reference: string | null;
  /** Message-IDs from In-Reply-To then References, deduplicated, with angle brackets. */
  messageIds: string[];
};

/** triage.md, "Follow-ups": what the store needs to resolve the ticket later. */
export function findFollowUpCandidate(_email: InboundEmail): FollowUpCandidate {
  throw new Error('not implemented');
}
