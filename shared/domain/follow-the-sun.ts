import type { Contract, DeskId, ServiceDeskConfig } from './service-desk-config';

export type DutyAssignment = { deskId: DeskId; onCall: boolean };

/**
 * service-desk.md, "Follow the sun": the home desk when staffed; for premium the first staffed desk
 * in configuration order; otherwise the home desk with its on-call agent paged.
 * TODO(issue 2): implement on the calendar module.
 */
export function deskOnDuty(
  _at: Date,
  _homeDesk: DeskId,
  _contract: Contract,
  _config: ServiceDeskConfig,
): DutyAssignment {
  throw new Error('not implemented');
}
