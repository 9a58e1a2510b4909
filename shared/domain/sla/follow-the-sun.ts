import {
  type Contract,
  type Desk,
  type DeskId,
  deskById,
  type ServiceDeskConfig,
} from '../desk/service-desk-config';
import { ConfigError } from '../errors';
import { staffedCalendar } from './calendar';
import { toDeskIso } from './deadline-format';

export type DutyAssignment = { deskId: DeskId; onCall: boolean };

/** Desks staffed at `at` (each desk's standard calendar), in configuration (follow-the-sun) order. */
export function staffedDesks(at: Date, config: ServiceDeskConfig): Desk[] {
  return config.desks.filter((desk) => staffedCalendar(desk).isOpen(at));
}

/**
 * service-desk.md, "Follow the sun": the home desk when staffed; for premium the first staffed desk
 * in configuration order; otherwise the home desk with its on-call agent paged.
 */
export function deskOnDuty(
  at: Date,
  homeDesk: DeskId,
  contract: Contract,
  config: ServiceDeskConfig,
): DutyAssignment {
  const home = deskById(config, homeDesk);
  if (!home)
    throw new ConfigError(`home desk "${homeDesk}" is not in the service-desk configuration`, {
      hint: `use one of ${config.desks.map((d) => d.id).join(', ')} in the client directory`,
    });
  if (staffedCalendar(home).isOpen(at)) return { deskId: home.id, onCall: false };
  if (contract === 'premium') {
    const relay = staffedDesks(at, config)[0];
    if (relay) return { deskId: relay.id, onCall: false };
  }
  return { deskId: home.id, onCall: true };
}

export type DeskLocalTime = {
  deskId: DeskId;
  /** The instant with the desk's offset, e.g. 2026-11-30T08:05:00.000+04:00. */
  iso: string;
  /** Local wall-clock time, HH:mm. */
  time: string;
  staffed: boolean;
};

/** "Time at each desk" for the portal and the CLI. */
export function deskLocalTime(at: Date, desk: Desk): DeskLocalTime {
  const iso = toDeskIso(at, desk);
  return { deskId: desk.id, iso, time: iso.slice(11, 16), staffed: staffedCalendar(desk).isOpen(at) };
}
