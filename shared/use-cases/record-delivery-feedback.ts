import type { DeliveryFeedback } from '../domain/mail/delivery-feedback';
import type { Clock } from '../ports/clock';
import type { SuppressedAddress, TicketStore } from '../ports/ticket-store';

export type FeedbackResult = {
  label: string;
  /** Addresses put on the suppression list: later acknowledgements skip them. */
  suppressed: string[];
  /** The reply or notification of a ticket the feedback is about, marked `bounced` / `complained`. */
  marked: { reference: string; key: string } | null;
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
  deps: { tickets: Pick<TicketStore, 'putSuppressedAddress' | 'markOutboundFeedback'>; clock: Clock },
): Promise<FeedbackResult> {
  const { label } = feedback;
  if (feedback.kind === 'other')
    return { label, suppressed: [], marked: null, ignored: `${label}: nothing to record` };
  if (feedback.kind === 'bounce' && !feedback.permanent) {
    return { label, suppressed: [], marked: null, ignored: 'transient bounce: the address stays usable' };
  }
  const at = deps.clock.now().toISOString();
  // A reply's or notification's bounce is shown on its ticket (conversation.md §3); acknowledgements
  // and other mail have no outbound item, and the look-up says so.
  const marked = feedback.sentMessageId
    ? await deps.tickets.markOutboundFeedback(feedback.sentMessageId, {
        state: feedback.kind === 'complaint' ? 'complained' : 'bounced',
        reason: feedback.recipients
          .map((r) => `${r.address}: ${r.detail}`)
          .join('; ')
          .slice(0, 500),
        at,
      })
    : null;
  const entries: SuppressedAddress[] = feedback.recipients.map((r) => ({
    address: r.address.trim().toLowerCase(),
    type: feedback.kind === 'complaint' ? 'complaint' : 'bounce',
    detail: r.detail.slice(0, 500),
    at,
    sesMessageId: feedback.sentMessageId,
  }));
  for (const entry of entries) await deps.tickets.putSuppressedAddress(entry);
  return { label, suppressed: entries.map((e) => e.address), marked, ignored: null };
}
