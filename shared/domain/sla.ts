import type { Contract, Desk, PriorityLevel } from './service-desk-config';

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

/** service-desk.md, "Deadlines". TODO(issue 2): implement with luxon + date-holidays. */
export function computeDeadlines(_input: {
  receivedAt: Date;
  desk: Desk;
  contract: Contract;
  priority: PriorityLevel;
}): Deadlines {
  throw new Error('not implemented');
}
