import type { ClientEntry } from '../domain/desk/client-directory';
import { deskById } from '../domain/desk/service-desk-config';
import { InputError, NotFoundError } from '../domain/errors';
import { type ReportHtmlOptions, reportHtml } from '../domain/report/report-html';
import {
  type MonthlyReportRequest,
  MonthlyReportRequestSchema,
  monthPeriod,
  recentMonths,
} from '../domain/report/report-period';
import type { SlaReport } from '../domain/report/sla-report';
import type { TicketOutcome } from '../domain/report/ticket-outcome';
import { buildSlaReport, type ReportDeps } from './sla-report';

export type MonthlyReportDeps = ReportDeps & {
  /** The client directory (its name, contract and home desk, whose zone the month is read in). */
  directory: () => Promise<readonly ClientEntry[]>;
};

export type MonthlyReport = {
  report: SlaReport;
  /** One per ticket of the month (the CSV export). */
  outcomes: TicketOutcome[];
  html: string;
  /** `rapport-sla-CLI-RE-0027-2026-11.html` (the id is [\w.-] by the schema: safe in a header). */
  filename: string;
};

/** How many months a client administrator sees in the client portal, the current one included. */
export const CLIENT_REPORT_MONTHS = 12;

/**
 * The monthly SLA report of one client (docs/reports.md): the month in the zone of the client's home
 * desk, every desk read (a client's tickets may be received elsewhere), the one French page of
 * `reportHtml`. A client not in the directory → NotFoundError; a month not begun yet → InputError.
 */
export async function buildMonthlyReport(
  request: MonthlyReportRequest,
  deps: MonthlyReportDeps,
  page: Pick<ReportHtmlOptions, 'back'> = {},
): Promise<MonthlyReport> {
  const { client: clientId, month } = MonthlyReportRequestSchema.parse(request);
  const client = (await deps.directory()).find((c) => c.clientId === clientId);
  if (!client)
    throw new NotFoundError(`aucun client « ${clientId} » dans l'annuaire`, {
      hint: "donnez l'identifiant d'un client de l'annuaire (exo-intake clients list)",
    });
  const timeZone = deskById(deps.config, client.homeDesk)?.timeZone ?? 'UTC';
  const period = monthPeriod(month, timeZone);
  if (period.from.getTime() > deps.clock.now().getTime())
    throw new InputError(`the month ${month} has not begun yet`, {
      hint: 'ask for this month or an earlier one',
    });
  const { report, outcomes, series } = await buildSlaReport(
    { from: period.from.toISOString(), to: period.to.toISOString(), client: clientId },
    deps,
    timeZone,
  );
  const html = reportHtml(report, deps.config, {
    clientName: client.name,
    contract: client.contract,
    timeZone,
    month,
    series,
    ...page,
  });
  return { report, outcomes, html, filename: `rapport-sla-${clientId}-${month}.html` };
}

/** The months a client administrator may open: the last 12, newest first, in the home desk's zone. */
export function clientReportMonths(
  client: ClientEntry,
  deps: Pick<MonthlyReportDeps, 'clock' | 'config'>,
): string[] {
  const timeZone = deskById(deps.config, client.homeDesk)?.timeZone ?? 'UTC';
  return recentMonths(deps.clock.now(), timeZone, CLIENT_REPORT_MONTHS);
}
