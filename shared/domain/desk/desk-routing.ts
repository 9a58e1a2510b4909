import type { MailAddress } from '../mail/inbound-email';
import type { DeskId, ServiceDeskConfig } from './service-desk-config';

export type DeskRouting = { deskId: DeskId; matchedBy: 'envelope' | 'to' | 'cc' | 'default' };

/**
 * service-desk.md, "Desks": the first desk address found in the envelope recipients (they include
 * Bcc), then To, then Cc; none found: the configured default desk.
 */
export function routeToDesk(
  config: ServiceDeskConfig,
  recipients: readonly string[],
  to: readonly MailAddress[],
  cc: readonly MailAddress[],
): DeskRouting {
  const byAddress = new Map(config.desks.map((d) => [d.address, d.id]));
  const lists: Array<[DeskRouting['matchedBy'], readonly string[]]> = [
    ['envelope', recipients],
    ['to', to.map((a) => a.address)],
    ['cc', cc.map((a) => a.address)],
  ];
  for (const [matchedBy, addresses] of lists) {
    for (const address of addresses) {
      const deskId = byAddress.get(address.trim().toLowerCase());
      if (deskId) return { deskId, matchedBy };
    }
  }
  return { deskId: config.defaultDeskId, matchedBy: 'default' };
}
