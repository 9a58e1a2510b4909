import { DateTime } from 'luxon';
import { escapeHtml } from '../acknowledgement/mail-document';
import { deskById, PRIORITY_LEVELS, type ServiceDeskConfig } from '../desk/service-desk-config';
import { formatDeadline } from '../sla/deadline-format';
import type { Distribution, SlaReport } from './sla-report';

/**
 * The monthly report as one French HTML page that prints on one A4 sheet (or two with many breaches):
 * no script, no third-party asset, its style inline, a CSP that allows nothing else. Every value that
 * comes from a ticket (subject, client name, reference) is escaped.
 */
export function reportHtml(
  report: SlaReport,
  config: ServiceDeskConfig,
  labels: { clientName?: string | null } = {},
): string {
  const desk = report.desk === null ? null : (deskById(config, report.desk) ?? null);
  const zone = desk?.timeZone ?? 'UTC';
  const day = (iso: string, endExclusive = false) => {
    const local = DateTime.fromMillis(Date.parse(iso) - (endExclusive ? 1 : 0), { zone }).setLocale('fr-FR');
    return `${local.day === 1 ? '1er' : local.day} ${local.toFormat('MMMM yyyy')}`;
  };
  const when = (iso: string, deskId: string) => {
    const d = deskById(config, deskId);
    return d ? formatDeadline(new Date(iso), d, 'fr') : iso;
  };
  const title = `Rapport SLA du ${day(report.period.from)} au ${day(report.period.to, true)}`;
  const scope = [
    desk ? desk.displayName : 'Tous les centres de services',
    report.client === null ? 'tous les clients' : `client ${labels.clientName ?? report.client}`,
  ].join(' — ');
  const e = (value: string | number | null) => escapeHtml(value === null ? '—' : String(value));

  const rows = PRIORITY_LEVELS.map((level) => {
    const f = report.byPriority[level];
    return `<tr><th scope="row">${level}</th><td>${f.received}</td><td>${f.gtiMet}</td><td>${f.gtiBreached}</td><td>${percent(f.gtiMetRatio)}</td><td>${f.gtrMet}</td><td>${f.gtrBreached}</td><td>${percent(f.gtrMetRatio)}</td><td>${f.gtiRunning + f.gtrRunning === 0 ? '—' : `${f.gtiRunning} / ${f.gtrRunning}`}</td><td>${dist(f.firstContactOpenMinutes)}</td><td>${dist(f.firstContactWallMinutes)}</td><td>${dist(f.resolutionOpenMinutes)}</td><td>${dist(f.resolutionWallMinutes)}</td></tr>`;
  }).join('\n');

  const breaches =
    report.breaches.length === 0
      ? '<p>Aucun dépassement.</p>'
      : `<table><thead><tr><th scope="col">Ticket</th><th scope="col">Priorité</th><th scope="col">Engagement</th><th scope="col">Échéance</th><th scope="col">Dépassement (heures ouvrées)</th><th scope="col">Dépassement (temps réel)</th></tr></thead><tbody>
${report.breaches
  .map(
    (b) =>
      `<tr><td>${e(b.reference)}</td><td>${e(b.priority)}</td><td>${b.clock.toUpperCase()}</td><td>${e(when(b.dueAt, b.desk))}</td><td>${minutes(b.overrunOpenMinutes)}${b.stoppedAt === null ? ' (en cours)' : ''}</td><td>${minutes(b.overrunWallMinutes)}</td></tr>`,
  )
  .join('\n')}
</tbody></table>`;

  const backlog = report.backlog.byAge.map((b) => `<td>${b.count}</td>`).join('');
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${e(title)}</title>
<style>
@page { size: A4; margin: 12mm; }
body { font: 10pt/1.35 system-ui, sans-serif; color: #111; margin: 1rem; }
h1 { font-size: 15pt; margin: 0 0 .2rem; } h2 { font-size: 11pt; margin: 1rem 0 .3rem; }
p.scope { margin: 0 0 .6rem; color: #333; }
table { border-collapse: collapse; width: 100%; margin-bottom: .4rem; }
th, td { border: 1px solid #999; padding: 2px 4px; text-align: right; }
th[scope="row"], td:first-child { text-align: left; }
thead th { background: #eee; }
.note { font-size: 8.5pt; color: #333; }
@media print { body { margin: 0; } tr { break-inside: avoid; } }
@media (max-width: 40rem) { .wide { overflow-x: auto; display: block; } }
</style>
</head>
<body>
<h1>${e(title)}</h1>
<p class="scope">${e(scope)}. Situation au ${e(day(report.at))} à ${e(DateTime.fromISO(report.at, { zone }).toFormat('HH:mm'))}.</p>
<h2>Engagements par priorité</h2>
<div class="wide"><table>
<thead><tr><th scope="col">Priorité</th><th scope="col">Reçus</th><th scope="col">GTI tenue</th><th scope="col">GTI dépassée</th><th scope="col">% GTI</th><th scope="col">GTR tenue</th><th scope="col">GTR dépassée</th><th scope="col">% GTR</th><th scope="col">En cours (GTI / GTR)</th><th scope="col">1er contact, heures ouvrées (médiane / 90 %)</th><th scope="col">1er contact, temps réel</th><th scope="col">Résolution, heures ouvrées</th><th scope="col">Résolution, temps réel</th></tr></thead>
<tbody>
${rows}
</tbody></table></div>
<p class="note">Un ticket compte dans la période de sa réception, une seule fois même s'il a été rouvert. Un engagement encore en cours ne compte ni comme tenu ni comme dépassé avant son échéance. Heures ouvrées : celles du contrat (standard : lundi–vendredi 8 h–24 h, hors jours fériés ; premium : 24 h/24), pauses en attente du client exclues de la résolution.</p>
<h2>Dépassements (${report.breaches.length})</h2>
${breaches}
<h2>Suivi du soleil, réouvertures, tickets ouverts</h2>
<p>Tickets pris en charge par un autre centre : ${report.followTheSun.moved}. Tickets rouverts : ${report.reopened.length}${report.reopened.length > 0 ? ` (${report.reopened.map((r) => e(r.reference)).join(', ')})` : ''}.</p>
<table><thead><tr><th scope="col">Tickets encore ouverts</th>${report.backlog.byAge.map((b) => `<th scope="col">${e(b.label)}</th>`).join('')}</tr></thead>
<tbody><tr><td>${report.backlog.open}</td>${backlog}</tr></tbody></table>
</body>
</html>
`;
}

function percent(ratio: number | null): string {
  return ratio === null ? '—' : `${(ratio * 100).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} %`;
}

function dist(d: Distribution): string {
  return d.median === null ? '—' : `${minutes(d.median)} / ${minutes(d.p90)}`;
}

/** 75 → « 1 h 15 », 12 → « 12 min ». */
function minutes(value: number | null): string {
  if (value === null) return '—';
  const total = Math.round(value);
  if (total < 60) return `${total} min`;
  return `${Math.floor(total / 60)} h ${String(total % 60).padStart(2, '0')}`;
}
