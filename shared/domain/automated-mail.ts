import type { InboundEmail } from './inbound-email';
import type { Receipt } from './receipt';

export type AutomatedClass = 'auto-reply' | 'bounce' | 'bulk' | 'loop';

/** Our own loop header, set on every mail we send so that it is recognised when it comes back. */
export const LOOP_HEADER = 'X-Exodata-Loop';

export type AutomatedVerdict = {
  class: AutomatedClass | null;
  /** Which signals matched, e.g. 'Auto-Submitted: auto-replied'. */
  reasons: string[];
  /**
   * The only signal is `Auto-Submitted: auto-generated` (monitoring alert): such a message from a
   * known client becomes a ticket, without acknowledgement.
   */
  machineAlert: boolean;
};

/** triage.md, "Automated mail". `ourAddresses` are the desk addresses (lower-case). */
export function classifyAutomated(
  _email: InboundEmail,
  _receipt: Pick<Receipt, 'envelopeFrom'>,
  _ourAddresses: readonly string[],
): AutomatedVerdict {
  throw new Error('not implemented');
}
