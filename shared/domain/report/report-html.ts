import { createHash } from 'node:crypto';
import { DateTime } from 'luxon';
import { escapeHtml } from '../acknowledgement/mail-document';
import { deskById, PRIORITY_LEVELS, type ServiceDeskConfig } from '../desk/service-desk-config';
import { reportCharts } from './charts';
import { renderMarkup } from './charts/markup';
import { monthLabel } from './report-period';
import type { ReportSeries } from './report-series';
import type { Distribution, SlaReport } from './sla-report';

/**
 * The report as one French HTML page that prints on ONE A4 sheet (docs/reports.md, "The monthly report
 * per client"): the CLI's `--format html`, the agents' download and the client portal's page are this
 * one function. Self-contained: no script, no third-party asset, no `style` attribute; its one <style>
 * block is allowed by its SHA-256 (REPORT_CSP), so it works under a strict CSP. Every value that comes
 * from a ticket or the directory (client name, reference) is escaped.
 */
export type ReportHtmlOptions = {
  clientName?: string | null;
  /** The contract the client pays for (shown beside its name). */
  contract?: string | null;
  /** The zone days and times are written in (the client's home desk); default the report's desk, else UTC. */
  timeZone?: string;
  /** `2026-11`: titled as the monthly report of that month. */
  month?: string | null;
  /** What the charts draw (buildSlaReport's `series`); absent: the page has no charts. */
  series?: ReportSeries | null;
  /** Screen only (never printed): a link back, e.g. to the client portal's « Mes demandes ». */
  back?: { href: string; label: string } | null;
};

/** Rows of a table the page prints before it says « … et N autres » (one A4 sheet). */
export const PAGE_ROWS = { breaches: 10, reopened: 6 } as const;

/**
 * The page's only style. Its hash is what the CSP allows (no 'unsafe-inline'): change it and the hash
 * follows. Black on white, borders and weights rather than colours, so it prints in black and white.
 */
export const REPORT_STYLE = `
@page { size: A4 portrait; margin: 10mm 11mm; }
* { box-sizing: border-box; }
body { font: 10pt/1.35 system-ui, "Segoe UI", Roboto, Arial, sans-serif; color: #111; background: #fff; margin: 0 auto; padding: 1rem; max-width: 60rem; }
header { border-bottom: 2px solid #111; margin-bottom: .5rem; padding-bottom: .3rem; }
h1 { font-size: 15pt; margin: 0; }
h2 { font-size: 11pt; margin: .8rem 0 .3rem; break-after: avoid; }
p { margin: .2rem 0; }
.scope { color: #222; }
.back { display: inline-block; padding: .7rem 0; min-height: 44px; color: #0645ad; }
.screen-note { font-size: 9pt; color: #333; }
.wide { overflow-x: auto; }
.wide table { min-width: 40rem; }
.wide:focus { outline: 2px solid #0645ad; outline-offset: 2px; }
table { border-collapse: collapse; width: 100%; font-size: 9pt; break-inside: avoid; page-break-inside: avoid; }
caption { text-align: left; font-weight: 600; padding: 0 0 .2rem; }
th, td { border: 1px solid #666; padding: 2px 4px; text-align: right; vertical-align: top; }
th[scope="row"], td.text, th.text { text-align: left; }
thead th { background: #eee; font-weight: 600; }
thead th.group { text-align: center; }
td { white-space: nowrap; }
td.missed { font-weight: 700; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr)); gap: .6rem; }
.report-chart { margin: 0; break-inside: avoid; page-break-inside: avoid; }
.report-chart svg { display: block; width: 100%; height: auto; }
.report-chart figcaption { font-size: 9pt; font-weight: 600; }
.report-chart details { font-size: 8.5pt; }
.report-chart summary { min-height: 44px; display: flex; align-items: center; cursor: pointer; }
.note { font-size: 8pt; color: #333; margin-top: .5rem; }
@media print {
  body { padding: 0; max-width: none; font-size: 8.5pt; }
  .screen-only { display: none; }
  table { font-size: 7.5pt; }
  th, td { padding: 1px 3px; }
  h2 { margin: .45rem 0 .2rem; font-size: 10pt; }
  thead th { background: #fff; border-bottom: 2px solid #111; }
  .charts { grid-template-columns: repeat(3, 1fr); gap: 4mm; }
  .report-chart svg { max-height: 58mm; }
  .report-chart details { display: none; }
  .wide { overflow: visible; }
  .wide table { min-width: 0; }
}
`;

/** The CSP of the page, as a meta tag and as the header the portals serve it with. */
export const REPORT_CSP = [
  "default-src 'none'",
  `style-src 'sha256-${createHash('sha256').update(REPORT_STYLE, 'utf8').digest('base64')}'`,
  'img-src data:',
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** The same policy as the header the portals serve the page with (a meta cannot say frame-ancestors). */
export const REPORT_CSP_HEADER = `${REPORT_CSP}; frame-ancestors 'none'`;

export function reportHtml(
  report: SlaReport,
  config: ServiceDeskConfig,
  options: ReportHtmlOptions = {},
): string {
  const desk = report.desk === null ? null : (deskById(config, report.desk) ?? null);
  const zone = options.timeZone ?? desk?.timeZone ?? 'UTC';
  const local = (iso: string) => DateTime.fromISO(iso, { zone }).setLocale('fr-FR');
  const day = (iso: string, endExclusive = false) => {
    const d = DateTime.fromMillis(Date.parse(iso) - (endExclusive ? 1 : 0), { zone }).setLocale('fr-FR');
    return `${d.day === 1 ? '1er' : d.day} ${d.toFormat('MMMM yyyy')}`;
  };
  const short = (iso: string) => local(iso).toFormat('dd/MM HH:mm');
  const e = (value: string | number) => escapeHtml(String(value));

  const client = report.client === null ? null : (options.clientName ?? report.client);
  const title = options.month
    ? `Rapport mensuel SLA — ${monthLabel(options.month)}`
    : `Rapport SLA du ${day(report.period.from)} au ${day(report.period.to, true)}`;
  const who =
    client === null
      ? 'Tous les clients'
      : `${client}${options.clientName && report.client ? ` (${report.client})` : ''}${options.contract ? ` — contrat ${options.contract}` : ''}`;
  const where = desk ? desk.displayName : 'tous les centres de services';
  const zoneDesk = config.desks.find((d) => d.timeZone === zone);
  const zoneLabel = zoneDesk ? zoneDesk.zoneLabelFr : zone;

  const rows = PRIORITY_LEVELS.map((level) => {
    const f = report.byPriority[level];
    const running = f.gtiRunning + f.gtrRunning === 0 ? '—' : `${f.gtiRunning} / ${f.gtrRunning}`;
    return `<tr><th scope="row">${level}</th><td>${f.received}</td><td>${f.gtiMet}</td><td${f.gtiBreached > 0 ? ' class="missed"' : ''}>${f.gtiBreached}</td><td>${percent(f.gtiMetRatio)}</td><td>${f.gtrMet}</td><td${f.gtrBreached > 0 ? ' class="missed"' : ''}>${f.gtrBreached}</td><td>${percent(f.gtrMetRatio)}</td><td>${running}</td><td>${dist(f.firstContactOpenMinutes)}</td><td>${dist(f.firstContactWallMinutes)}</td><td>${dist(f.resolutionOpenMinutes)}</td><td>${dist(f.resolutionWallMinutes)}</td><td>${f.reopened}</td></tr>`;
  }).join('\n');

  const shownBreaches = report.breaches.slice(0, PAGE_ROWS.breaches);
  const breaches =
    report.breaches.length === 0
      ? '<p>Aucun dépassement : chaque engagement décidé a été tenu.</p>'
      : `<div class="wide" tabindex="0" role="region" aria-label="Dépassements"><table>
<thead><tr><th scope="col" class="text">Ticket</th><th scope="col" class="text">Priorité</th><th scope="col" class="text">Engagement</th><th scope="col">Échéance</th><th scope="col">Arrêt du compteur</th><th scope="col">Dépassement (heures ouvrées)</th><th scope="col">Dépassement (temps réel)</th></tr></thead>
<tbody>
${shownBreaches
  .map(
    (b) =>
      `<tr><td class="text">${e(b.reference)}</td><td class="text">${e(b.priority)}</td><td class="text">${b.clock.toUpperCase()}</td><td>${e(short(b.dueAt))}</td><td>${b.stoppedAt === null ? 'en cours' : e(short(b.stoppedAt))}</td><td>${minutes(b.overrunOpenMinutes)}</td><td>${minutes(b.overrunWallMinutes)}</td></tr>`,
  )
  .join('\n')}
</tbody></table></div>${more(report.breaches.length, shownBreaches.length, 'dépassements')}`;

  const shownReopened = report.reopened.slice(0, PAGE_ROWS.reopened);
  const reopened =
    report.reopened.length === 0
      ? 'aucun'
      : `${shownReopened
          .map((r) => `${e(r.reference)} (rouvert le ${r.reopenedAt.map((at) => e(short(at))).join(', ')})`)
          .join(
            ' ; ',
          )}${report.reopened.length > shownReopened.length ? ` ; et ${report.reopened.length - shownReopened.length} autres` : ''}`;

  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">
<meta name="referrer" content="no-referrer">
<title>${e(title)} — ${e(client ?? 'tous les clients')}</title>
<style>${REPORT_STYLE}</style>
</head>
<body>
${options.back ? `<p class="screen-only"><a class="back" href="${e(options.back.href)}">${e(options.back.label)}</a></p>\n` : ''}<header>
<h1>${e(title)}</h1>
<p class="scope"><strong>${e(who)}</strong> · ${e(where)} · du ${e(day(report.period.from))} au ${e(day(report.period.to, true))}</p>
<p class="scope">Situation au ${e(day(report.at))} à ${e(local(report.at).toFormat('HH:mm'))} ; heures en ${e(zoneLabel)}.</p>
</header>
<main>
<h2 id="par-priorite">Engagements par priorité</h2>
<div class="wide" tabindex="0" role="region" aria-labelledby="par-priorite"><table>
<thead>
<tr><th scope="col" rowspan="2" class="text">Priorité</th><th scope="col" rowspan="2">Reçus</th><th scope="colgroup" colspan="3" class="group">GTI (1er contact)</th><th scope="colgroup" colspan="3" class="group">GTR (résolution)</th><th scope="col" rowspan="2">En cours GTI / GTR</th><th scope="colgroup" colspan="2" class="group">Délai de 1er contact, médiane / 90 %</th><th scope="colgroup" colspan="2" class="group">Délai de résolution, médiane / 90 %</th><th scope="col" rowspan="2">Rouverts</th></tr>
<tr><th scope="col">tenue</th><th scope="col">dépassée</th><th scope="col">% tenue</th><th scope="col">tenue</th><th scope="col">dépassée</th><th scope="col">% tenue</th><th scope="col">heures ouvrées</th><th scope="col">temps réel</th><th scope="col">heures ouvrées</th><th scope="col">temps réel</th></tr>
</thead>
<tbody>
${rows}
</tbody></table></div>
${options.series ? `<h2>Graphiques</h2>\n${charts(options.series)}\n` : ''}<h2>Dépassements (${report.breaches.length})</h2>
${breaches}
<h2>Réouvertures, suivi du soleil, tickets ouverts</h2>
<p>Tickets rouverts (${report.reopened.length}) : ${reopened}.</p>
<p>Tickets pris en charge par un autre centre (suivi du soleil) : ${report.followTheSun.moved}.</p>
<p>Tickets encore ouverts : ${report.backlog.open}${report.backlog.open > 0 ? ` (${report.backlog.byAge.map((b) => `${e(b.label)} : ${b.count}`).join(', ')})` : ''}.</p>
<p class="note">Un ticket compte dans le mois de sa réception, une seule fois même s'il a été rouvert (ses chiffres sont ceux de son dernier état). GTI : délai jusqu'au premier contact humain ; GTR : délai jusqu'à la résolution, pauses en attente de votre réponse exclues. Un engagement encore en cours ne compte ni comme tenu ni comme dépassé avant son échéance ; les pourcentages portent sur les engagements décidés. Heures ouvrées : celles du contrat (standard : lundi–vendredi 8 h–24 h hors jours fériés ; premium : 24 h/24). Médiane et 90 % : la valeur d'un ticket réel (rang le plus proche).</p>
</main>
<p class="screen-only screen-note">Pour un PDF : imprimez cette page (une feuille A4).</p>
</body>
</html>
`;
}

/** The report charts of the one chart module (shared/domain/report/charts): inline SVG, no script. */
function charts(series: ReportSeries): string {
  return `<div class="charts">\n${reportCharts(series, { idPrefix: 'mensuel-' })
    .map((c) => renderMarkup(c.figure))
    .join('\n')}\n</div>`;
}

function more(total: number, shown: number, what: string): string {
  return total > shown
    ? `<p class="note">Les ${shown} plus importants sur ${total} ${what} ; la liste complète est dans l'export CSV ou JSON du même mois.</p>`
    : '';
}

function percent(ratio: number | null): string {
  // A no-break space: « 100 % » never splits over two lines.
  return ratio === null
    ? '—'
    : `${(ratio * 100).toLocaleString('fr-FR', { maximumFractionDigits: 1 })}\u00a0%`;
}

function dist(d: Distribution): string {
  return d.median === null ? '—' : `${minutes(d.median)} / ${minutes(d.p90)}`;
}

/** 75 → « 1 h 15 », 12 → « 12 min », 3000 → « 50 h 00 ». */
function minutes(value: number | null): string {
  if (value === null) return '—';
  const total = Math.round(value);
  if (total < 60) return `${total}\u00a0min`;
  return `${Math.floor(total / 60)}\u00a0h\u00a0${String(total % 60).padStart(2, '0')}`;
}
