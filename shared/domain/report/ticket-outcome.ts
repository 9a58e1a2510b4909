import type * as z from 'zod';
import { deskById, type PriorityLevel, type ServiceDeskConfig } from '../desk/service-desk-config';
import { ConfigError } from '../errors';
import { serviceCalendar } from '../sla/calendar';
import { endedBy, isOpen, ticketSla } from '../sla/sla-status';
import { TicketSchema } from '../ticket/ticket';
import { workOf } from '../ticket/ticket-work';

/**
 * What a report reads of a ticket: the fields the SLA standing, the filters and the export need, and
 * nothing else (the report index projects only these: docs/reports.md).
 */
export const ReportTicketSchema = TicketSchema.pick({
  reference: true,
  desk: true,
  deskOnDuty: true,
  client: true,
  contract: true,
  subject: true,
  priority: true,
  status: true,
  receivedAt: true,
  gtiDueAt: true,
  gtrDueAt: true,
  resolvedAt: true,
  reopenedAt: true,
  updatedAt: true,
  work: true,
});
export type ReportTicket = z.infer<typeof ReportTicketSchema>;

/** A clock as a report counts it: running clocks count neither as met nor as breached. */
export type ClockOutcome = 'met' | 'breached' | 'running';

/** A deadline missed: by how much, in the contract's open time and in wall time. */
export type Overrun = {
  /** When the clock stopped (contact, resolution, pause); null while it still runs past its deadline. */
  stoppedAt: string | null;
  openMinutes: number;
  wallMinutes: number;
};

export type TicketOutcome = {
  reference: string;
  desk: string;
  deskOnDuty: string;
  clientId: string | null;
  clientName: string | null;
  subject: string;
  contract: ReportTicket['contract'];
  priority: PriorityLevel;
  status: ReportTicket['status'];
  receivedAt: string;
  gti: {
    dueAt: string;
    outcome: ClockOutcome;
    /** The first human contact, if any. */
    at: string | null;
    /** Receipt to first contact, in the contract's open time (what the GTI counts) and wall time. */
    openMinutes: number | null;
    wallMinutes: number | null;
    overrun: Overrun | null;
  };
  gtr: {
    dueAt: string;
    outcome: ClockOutcome;
    /** The resolution of a ticket resolved or closed now (a reopened one that is open again has none). */
    at: string | null;
    /** Receipt to resolution in open time minus the open time paused waiting on the client (what the GTR counts). */
    openMinutes: number | null;
    wallMinutes: number | null;
    overrun: Overrun | null;
  };
  /** Handled by another desk than the one it was received at (follow the sun, at receipt or later). */
  movedTo: string | null;
  reopenedAt: string[];
  open: boolean;
};

const MS_PER_MINUTE = 60_000;

/**
 * One ticket's SLA outcome at `now`, from the same code as the tickets' own standing (ticketSla) and
 * the same calendar as their deadlines (serviceCalendar): no second implementation of open time.
 */
export function ticketOutcome(ticket: ReportTicket, now: Date, config: ServiceDeskConfig): TicketOutcome {
  const desk = deskById(config, ticket.desk);
  if (!desk)
    throw new ConfigError(`ticket ${ticket.reference} belongs to desk "${ticket.desk}", not configured`, {
      hint: 'report with the service-desk configuration the tickets were written with',
    });
  const calendar = serviceCalendar(desk, ticket.contract);
  const sla = ticketSla(ticket, now, config);
  const work = workOf(ticket);
  const open = isOpen(ticket);
  const received = Date.parse(ticket.receivedAt);
  const openBetween = (from: number, to: number) =>
    // Stryker disable next-line EqualityOperator: at to === from both arms give 0 open minutes
    to <= from ? 0 : round(calendar.openMinutesBetween(new Date(from), new Date(to)));
  const wallBetween = (from: number, to: number) => round(Math.max(0, to - from) / MS_PER_MINUTE);
  const overrun = (dueAt: string, stoppedAt: number | null): Overrun => {
    const end = stoppedAt ?? now.getTime();
    const due = Date.parse(dueAt);
    return {
      stoppedAt: stoppedAt === null ? null : new Date(stoppedAt).toISOString(),
      openMinutes: openBetween(due, end),
      wallMinutes: wallBetween(due, end),
    };
  };

  // GTI: stopped by the first contact; a ticket closed without one stopped it when it closed.
  const contactAt = work.firstContact ? Date.parse(work.firstContact.at) : null;
  const gtiOutcome = clockOutcome(sla.gti.state);
  const gtiStop = contactAt ?? (open ? null : endedBy(ticket));

  // GTR: stopped by the resolution while the ticket is resolved or closed; a pause freezes it.
  const resolvedAt = open ? null : endedBy(ticket);
  const gtrOutcome = clockOutcome(sla.gtr.state);
  const gtrStop = resolvedAt ?? (work.pause ? Date.parse(work.pause.since) : null);

  const movedTo = ticket.deskOnDuty.deskId !== ticket.desk ? ticket.deskOnDuty.deskId : null;
  return {
    reference: ticket.reference,
    desk: ticket.desk,
    deskOnDuty: ticket.deskOnDuty.deskId,
    clientId: ticket.client.clientId,
    clientName: ticket.client.name,
    subject: ticket.subject,
    contract: ticket.contract,
    priority: ticket.priority.level,
    status: ticket.status,
    receivedAt: ticket.receivedAt,
    gti: {
      dueAt: ticket.gtiDueAt,
      outcome: gtiOutcome,
      at: contactAt === null ? null : new Date(contactAt).toISOString(),
      openMinutes: contactAt === null ? null : openBetween(received, contactAt),
      wallMinutes: contactAt === null ? null : wallBetween(received, contactAt),
      overrun: gtiOutcome === 'breached' ? overrun(ticket.gtiDueAt, gtiStop) : null,
    },
    gtr: {
      dueAt: ticket.gtrDueAt,
      outcome: gtrOutcome,
      at: resolvedAt === null ? null : new Date(resolvedAt).toISOString(),
      openMinutes:
        resolvedAt === null
          ? null
          : round(Math.max(0, openBetween(received, resolvedAt) - work.gtrPausedOpenMinutes)),
      wallMinutes: resolvedAt === null ? null : wallBetween(received, resolvedAt),
      overrun: gtrOutcome === 'breached' ? overrun(ticket.gtrDueAt, gtrStop) : null,
    },
    movedTo,
    reopenedAt: ticket.reopenedAt ?? [],
    open,
  };
}

/** ticketSla's clock state as a report counts it: a paused clock is still running (not yet decided). */
function clockOutcome(state: 'running' | 'paused' | 'met' | 'breached'): ClockOutcome {
  return state === 'met' ? 'met' : state === 'breached' ? 'breached' : 'running';
}

/** Minutes to one decimal: reports show minutes; milliseconds of open time are noise. */
export function round(minutes: number): number {
  return Math.round(minutes * 10) / 10;
}
