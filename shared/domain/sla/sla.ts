import type { Contract, Desk, PriorityLevel } from '../desk/service-desk-config';
import { SERVICE_DAY_HOURS, serviceCalendar } from './calendar';

/** service-desk.md, "Priorities and targets". GTI in open minutes; GTR in open hours or service days. */
export const SLA_TARGETS: Record<
  PriorityLevel,
  { gtiMinutes: number; gtr: { hours: number } | { days: number } }
> = {
  normale: { gtiMinutes: 60, gtr: { days: 7 } },
  moyenne: { gtiMinutes: 45, gtr: { days: 3 } },
  haute: { gtiMinutes: 30, gtr: { days: 1 } },
  critique: { gtiMinutes: 15, gtr: { hours: 4 } },
};

export type Deadlines = { gtiDueAt: Date; gtrDueAt: Date };

export type DeadlineInput = {
  /** When the service received the message (SES receipt timestamp), never the client's Date header. */
  receivedAt: Date;
  desk: Desk;
  contract: Contract;
  priority: PriorityLevel;
};

/** GTR in open minutes: a GTR day is one full service day (16 open hours standard, 24 premium). */
export function gtrOpenMinutes(priority: PriorityLevel, contract: Contract): number {
  const { gtr } = SLA_TARGETS[priority];
  const hours = 'hours' in gtr ? gtr.hours : gtr.days * SERVICE_DAY_HOURS[contract];
  return hours * 60;
}

/** service-desk.md, "Deadlines": both clocks start at receipt and count open time only. */
export function computeDeadlines({ receivedAt, desk, contract, priority }: DeadlineInput): Deadlines {
  const calendar = serviceCalendar(desk, contract);
  return {
    gtiDueAt: calendar.addOpenTime(receivedAt, SLA_TARGETS[priority].gtiMinutes),
    gtrDueAt: calendar.addOpenTime(receivedAt, gtrOpenMinutes(priority, contract)),
  };
}

/**
 * Rule 7: the GTR clock is paused while the ticket waits on the client; on resumption the open time
 * spent paused is added to the GTR deadline. A deadline already breached when the pause began stays
 * breached (decision: waiting on the client cannot erase a breach).
 */
export function resumeGtr(input: {
  gtrDueAt: Date;
  pausedAt: Date;
  resumedAt: Date;
  desk: Desk;
  contract: Contract;
}): Date {
  const { gtrDueAt, pausedAt, resumedAt, desk, contract } = input;
  if (pausedAt.getTime() >= gtrDueAt.getTime()) return gtrDueAt;
  const calendar = serviceCalendar(desk, contract);
  return calendar.addOpenTime(gtrDueAt, calendar.openMinutesBetween(pausedAt, resumedAt));
}

/**
 * A priority change (client correction or agent) re-targets both clocks from the original receipt:
 * a follow-up never restarts them (rule 8). GTR open time already spent paused still extends the GTR.
 */
export function recomputeAfterPriorityChange(
  input: DeadlineInput & { gtrPausedOpenMinutes?: number },
): Deadlines {
  const { receivedAt, desk, contract, priority, gtrPausedOpenMinutes = 0 } = input;
  const calendar = serviceCalendar(desk, contract);
  return {
    gtiDueAt: calendar.addOpenTime(receivedAt, SLA_TARGETS[priority].gtiMinutes),
    gtrDueAt: calendar.addOpenTime(receivedAt, gtrOpenMinutes(priority, contract) + gtrPausedOpenMinutes),
  };
}
