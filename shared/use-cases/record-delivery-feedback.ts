import type { DeliveryFeedback } from '../domain/mail/delivery-feedback';
import type { Clock } from '../ports/clock';
import type { SuppressedAddress, TicketStore } from '../ports/ticket-store';

export type FeedbackResult = {
  label: string;
  /** Addresses put on the suppression list: later acknowledgements skip them. */
  suppressed: string[];
  /** Why nothing was recorded (a transient bounce, a delivery notice). */
  ignored: string | null;
};

/**
 * Bounce and complaint feedback → suppressed addresses. Only a permanent bounce or a complaint
 * suppresses: a transient bounce (mailbox full) says nothing lasting about the address. Writing the
 * same address again is harmless, so redeliveries need no guard.
 */
export async function recordDeliveryFeedback(
  feedback: DeliveryFeedback,
  deps: { tickets: Pick<TicketStore, 'putSuppressedAddress'>; clock: Clock },
): Promise<FeedbackResult> {
  const { label } = feedback;
  if (feedback.kind === 'other') return { label, suppressed: [], ignored: `${label}: nothing to record` };
  if (feedback.kind === 'bounce' && !feedback.permanent) {
    return { label, suppressed: [], ignored: 'transient bounce: the address stays usable' };
  }
  const at = deps.clock.now().toISOString();
  const entries: SuppressedAddress[] = feedback.recipients.map((r) => ({
    address: r.address.trim().toLowerCase(),
    type: feedback.kind === 'complaint' ? 'complaint' : 'bounce',
    detail: r.detail.slice(0, 500),
    at,
    sesMessageId: feedback.sentMessageId,
  }));
  for (const entry of entries) await deps.tickets.putSuppressedAddress(entry);
  return { label, suppressed: entries.map((e) => e.address), ignored: null };
}
