import { NotFoundError } from '../domain/errors';
import type { Receipt } from '../domain/mail/receipt';
import { type IntakeDependencies, type IntakeResult, intakeEmail } from './intake-email';

/**
 * `exo-intake reprocess`: runs a quarantined or failed delivery through the intake again, with the
 * receipt recorded for it (a quarantine record, else its delivery record) and its raw mail. What the
 * first run committed is not done twice: a message already made into a ticket comes back `duplicate`
 * (and what that run left undone, attachments or acknowledgement, is finished).
 */
export async function reprocessDelivery(
  channel: Receipt['channel'],
  deliveryId: string,
  deps: IntakeDependencies,
): Promise<IntakeResult> {
  const quarantined = await deps.tickets.getQuarantine(channel, deliveryId);
  const delivery = quarantined ? null : await deps.tickets.getDelivery(channel, deliveryId);
  const found = quarantined ?? delivery;
  if (!found) {
    throw new NotFoundError(`no record of ${channel} delivery ${deliveryId}`, {
      hint: 'check the id (the SES messageId); an event that never reached the intake is redriven with `exo-intake redrive`',
    });
  }
  const raw = await deps.rawMail.get(found.rawKey);
  return intakeEmail(raw, found.receipt, deps, { reprocess: true });
}

/** The deliveries still in quarantine, oldest first. */
export async function quarantinedDeliveries(
  deps: Pick<IntakeDependencies, 'tickets'>,
  limit: number,
): Promise<Array<{ channel: Receipt['channel']; deliveryId: string; reason: string }>> {
  const records = await deps.tickets.listQuarantine(limit);
  return records.map((r) => ({ channel: r.channel, deliveryId: r.deliveryId, reason: r.reason }));
}
