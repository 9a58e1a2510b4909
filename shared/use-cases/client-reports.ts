import type { ClientEntry } from '../domain/desk/client-directory';
import { monthLabel } from '../domain/report/report-period';
import type { ClientSession } from '../ports/client-access-store';
import { administratorOf, type ClientPortalDeps, invalid, limit } from './client-portal';
import { buildMonthlyReport, clientReportMonths as monthsOf } from './monthly-report';

/**
 * "Rapports mensuels" of the client portal (docs/client-portal.md): a client administrator signed in to
 * "Mes demandes" sees the last 12 monthly reports of their own client. Anyone else — a ticket-link
 * session, a contact who is not an administrator, another client's administrator, a forged month —
 * gets InvalidLinkError, the portal's one answer for what does not exist.
 */
export type ClientReportMonth = { month: string; label: string };

/** `GET /api/client/reports`: the months, newest first (the current one is still running). */
export async function clientReportMonths(
  session: ClientSession,
  deps: ClientPortalDeps,
): Promise<ClientReportMonth[]> {
  const client = await administeredClient(session, deps);
  return monthsOf(client, deps).map((month, i) => ({
    month,
    label: `${monthLabel(month)}${i === 0 ? ' (en cours)' : ''}`,
  }));
}

/** `GET /rapports/{month}`: the month's page (reportHtml), with a link back to "Mes demandes". */
export async function clientMonthlyReport(
  session: ClientSession,
  month: string,
  deps: ClientPortalDeps,
): Promise<string> {
  const client = await administeredClient(session, deps);
  // Only a month of the list: a forged one (older, future, malformed) is as unknown as a wrong path.
  if (!monthsOf(client, deps).includes(month)) {
    deps.log('client report refused', { reason: 'month outside the list' });
    throw invalid();
  }
  if (session.kind === 'address') await limit('report', session.email, deps.limits.reportPerAddress, deps);
  const { html } = await buildMonthlyReport(
    { client: client.clientId, month },
    { config: deps.config, clock: deps.clock, reports: deps.reports, directory: deps.directory },
    { back: { href: '/mes-demandes', label: '← Mes demandes' } },
  );
  return html;
}

/**
 * The client this session administers, checked against the directory now (an address removed from
 * `administrators[]` loses the reports at once, not at the end of its 12-hour session).
 */
async function administeredClient(session: ClientSession, deps: ClientPortalDeps): Promise<ClientEntry> {
  const admin =
    session.kind === 'address' && session.administrator && session.clientId !== null
      ? await administratorOf(session.email.toLowerCase(), deps)
      : null;
  if (!admin || session.kind !== 'address' || admin.clientId !== session.clientId) {
    deps.log('client report refused', { reason: 'not an administrator of the client', kind: session.kind });
    throw invalid();
  }
  return admin;
}
