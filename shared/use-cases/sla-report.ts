import * as z from 'zod';
import { deskById, type ServiceDeskConfig } from '../domain/desk/service-desk-config';
import { InputError } from '../domain/errors';
import { monthOf, ReportDateSchema, reportPeriod } from '../domain/report/report-period';
import { type ReportSeries, reportSeries } from '../domain/report/report-series';
import { type ReportScope, reportOutcomes, type SlaReport, summarise } from '../domain/report/sla-report';
import type { TicketOutcome } from '../domain/report/ticket-outcome';
import type { Clock } from '../ports/clock';
import type { ReportStore } from '../ports/report-store';

/** A report request as the CLI and the agents' API take it (validated at each boundary). */
export const ReportRequestSchema = z.object({
  /** A day (read in the desk's zone, UTC for all desks) or an ISO instant; default: this month. */
  from: ReportDateSchema.optional(),
  to: ReportDateSchema.optional(),
  desk: z.string().trim().min(1).max(64).optional(),
  client: z
    .string()
    .trim()
    .min(1)
    .max(128)
    .regex(/^[\w.-]+$/, 'a client id of the directory (letters, digits, . _ -)')
    .optional(),
});
export type ReportRequest = z.infer<typeof ReportRequestSchema>;

export type ReportDeps = { reports: ReportStore; clock: Clock; config: ServiceDeskConfig };

export type SlaReportResult = {
  report: SlaReport;
  /** One per ticket in the scope, oldest receipt first (the CSV export). */
  outcomes: TicketOutcome[];
  /** What the charts draw (per week, per day, first contact against the target), from the same outcomes. */
  series: ReportSeries;
  /** What the reads cost: index items read, and items skipped as unreadable. */
  reads: { itemsRead: number; pages: number; invalid: string[] };
};

/**
 * The SLA report of a period, a desk (or all) and a client (or all): one index Query per desk
 * (docs/reports.md, "How it reads"), the figures by the pure domain module.
 */
export async function buildSlaReport(
  request: ReportRequest,
  deps: ReportDeps,
  /** The zone days, weeks and the default month are read in (a client's home desk); default: the desk's, UTC for all. */
  zone?: string,
): Promise<SlaReportResult> {
  const { config } = deps;
  const desk = request.desk ?? null;
  if (desk !== null && !deskById(config, desk))
    throw new InputError(`no desk "${desk}"`, {
      hint: `use one of ${config.desks.map((d) => d.id).join(', ')}, or no desk for all`,
    });
  const timeZone = zone ?? (desk === null ? 'UTC' : (deskById(config, desk)?.timeZone ?? 'UTC'));
  const now = deps.clock.now();
  const month = monthOf(now, timeZone);
  const period = reportPeriod(request.from ?? month.from, request.to ?? month.to, timeZone);
  const scope: ReportScope = { ...period, desk, client: request.client ?? null };
  const desks = desk === null ? config.desks.map((d) => d.id) : [desk];
  const reads = await Promise.all(desks.map((d) => deps.reports.ticketsReceived(d, period.from, period.to)));
  const outcomes = reportOutcomes(
    reads.flatMap((r) => r.tickets),
    scope,
    now,
    config,
  );
  const report = summarise(outcomes, scope, now);
  const deskNames = desks.map((id) => ({ id, name: shortDeskName(deskById(config, id)?.displayName ?? id) }));
  return {
    report,
    outcomes,
    series: reportSeries(outcomes, report, timeZone, deskNames),
    reads: {
      itemsRead: reads.reduce((sum, r) => sum + r.itemsRead, 0),
      pages: reads.reduce((sum, r) => sum + r.pages, 0),
      invalid: reads.flatMap((r) => r.invalid),
    },
  };
}

/** « Service Desk Exodata – La Réunion » → « La Réunion »: the charts' legends are narrow. */
function shortDeskName(displayName: string): string {
  return displayName.replace(/^.*?[–-]\s+/, '');
}
