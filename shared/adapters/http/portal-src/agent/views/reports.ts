import type { PriorityLevel } from '../../../../../domain/desk/service-desk-config';
import { reportCharts } from '../../../../../domain/report/charts/index';
import type { PriorityFigures, SlaReport } from '../../../../../domain/report/sla-report';
import type { ReportResponse } from '../../../api-schemas';
import { ApiError, explain } from '../../common/api-client';
import { byId, el } from '../../common/dom';
import { flash } from '../../common/flash';
import { formatAt } from '../../common/format';
import { deskShortName, LABELS } from '../../common/labels';
import { markupToDom } from '../../common/markup-dom';
import { api } from '../api';
import { deskZone, state } from '../state';

/**
 * « Rapports » (issue 18, docs/reports.md): the SLA figures of a period (this month by default), a desk
 * or all, a client or all — per priority, the breaches, follow the sun, reopenings, the open backlog by
 * age, the three charts (drawn by the module the printable report uses) and the CSV downloads. The
 * query lives in the URL (`#/reports?from=…`): a report can be reloaded and shared as a link.
 */
export async function openReports(query: URLSearchParams): Promise<void> {
  wireForm();
  const asked = new URLSearchParams();
  for (const name of ['from', 'to', 'desk', 'client'] as const) {
    const value = query.get(name)?.trim();
    if (value && !(name === 'desk' && value === 'all')) asked.set(name, value);
  }
  const mine = ++shown;
  byId('report-status').textContent = 'Calcul du rapport…';
  let answer: ReportResponse;
  try {
    answer = await api.report(asked);
  } catch (error) {
    if (mine !== shown) return;
    byId('report-status').textContent = '';
    byId('report').replaceChildren();
    // A 400 here is about the form: the server says which field, in French.
    flash(
      error instanceof ApiError && error.status === 400
        ? `Rapport refusé : ${error.message}`
        : explain(error),
    );
    return;
  }
  if (mine !== shown) return;
  // A refusal of an earlier query no longer applies.
  byId('flash').hidden = true;
  fillForm(asked, answer);
  byId('report').replaceChildren(...renderReport(answer, asked));
  byId('report-status').textContent = `Rapport ${periodText(answer)} affiché.`;
}

/** Which openReports call the page shows (the latest asked). */
let shown = 0;
let wired = false;

function wireForm(): void {
  if (wired) return;
  wired = true;
  const desk = byId('report-desk', HTMLSelectElement);
  desk.append(
    el('option', { value: 'all' }, 'Tous les centres'),
    ...(state.config?.desks ?? []).map((d) => el('option', { value: d.id }, deskShortName(d.name))),
  );
  byId('report-form', HTMLFormElement).addEventListener('submit', (event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const next = new URLSearchParams();
    for (const name of ['from', 'to', 'desk', 'client']) {
      const value = String(form.get(name) ?? '').trim();
      if (value && !(name === 'desk' && value === 'all')) next.set(name, value);
    }
    const hash = `#/reports${next.size > 0 ? `?${next}` : ''}`;
    // The same query again (a refresh): hashchange would not fire.
    if (location.hash === hash) void openReports(next);
    else location.hash = hash;
  });
}

/** The form shows what the report is about: the days the server chose when none were asked. */
function fillForm(asked: URLSearchParams, answer: ReportResponse): void {
  const days = answer.series.days;
  byId('report-from', HTMLInputElement).value = asked.get('from')?.slice(0, 10) ?? days[0]?.day ?? '';
  byId('report-to', HTMLInputElement).value = asked.get('to')?.slice(0, 10) ?? days.at(-1)?.day ?? '';
  byId('report-desk', HTMLSelectElement).value = answer.report.desk ?? 'all';
  byId('report-client', HTMLInputElement).value = answer.report.client ?? '';
}

const ORDER: readonly PriorityLevel[] = ['critique', 'haute', 'moyenne', 'normale'];

function renderReport(answer: ReportResponse, asked: URLSearchParams): Node[] {
  const { report, series } = answer;
  const received = ORDER.reduce((sum, level) => sum + report.byPriority[level].received, 0);
  const charts = reportCharts(series, { idPrefix: 'rapport', labels: { priority: LABELS.priority } });
  return [
    el(
      'p',
      { class: 'report-scope' },
      `${capitalised(periodText(answer))} — ${scopeText(report)} — ${received} ticket${received > 1 ? 's' : ''} reçu${received > 1 ? 's' : ''}. `,
      el('span', { class: 'small' }, `Situation au ${formatAt(report.at, series.zone)}.`),
    ),
    downloads(asked, answer),
    section('report-figures-title', 'Engagements par priorité', figuresTable(report)),
    el(
      'p',
      { class: 'small hint' },
      'Un ticket compte dans la période de sa réception, une fois même rouvert. Un engagement encore en cours ne compte ni tenu ni dépassé avant son échéance. Heures ouvrées : celles du contrat (pauses en attente du client exclues de la résolution) ; temps réel : l’horloge.',
    ),
    section(
      'report-charts-title',
      'Graphiques',
      el('div', { class: 'report-charts' }, ...charts.map((c) => markupToDom(c.figure))),
    ),
    section(
      'report-breaches-title',
      `Dépassements (${report.breaches.length})`,
      breachesList(report, series.zone),
    ),
    section('report-moved-title', `Suivi du soleil (${report.followTheSun.moved})`, movedList(report)),
    section(
      'report-reopened-title',
      `Tickets rouverts (${report.reopened.length})`,
      reopenedList(report, series.zone),
    ),
    section('report-backlog-title', `Tickets encore ouverts (${report.backlog.open})`, backlogTable(report)),
  ];
}

function section(id: string, title: string, ...content: Node[]): HTMLElement {
  return el('section', { class: 'report-part', 'aria-labelledby': id }, el('h3', { id }, title), ...content);
}

/** « du 1 nov. 2026 au 30 nov. 2026 » from the days of the series (the report's zone). */
function periodText(answer: ReportResponse): string {
  const days = answer.series.days;
  const day = (iso: string | undefined) =>
    iso
      ? new Intl.DateTimeFormat('fr-FR', {
          timeZone: 'UTC',
          day: 'numeric',
          month: 'long',
          year: 'numeric',
        }).format(new Date(`${iso}T00:00:00Z`))
      : '?';
  return `du ${day(days[0]?.day)} au ${day(days.at(-1)?.day)}`;
}

function scopeText(report: SlaReport): string {
  const desk = report.desk === null ? null : state.config?.desks.find((d) => d.id === report.desk);
  return [
    report.desk === null ? 'tous les centres' : deskShortName(desk?.name ?? report.desk),
    report.client === null ? 'tous les clients' : `client ${report.client}`,
  ].join(', ');
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function downloads(asked: URLSearchParams, answer: ReportResponse): HTMLElement {
  const link = (what: 'tickets' | 'figures', label: string) => {
    const button = el('button', { type: 'button', class: 'secondary', 'data-csv': what }, label);
    button.addEventListener('click', async () => {
      button.disabled = true;
      try {
        save(await api.reportCsv(what, asked), csvName(what, asked));
      } catch (error) {
        flash(explain(error));
      } finally {
        button.disabled = false;
      }
    });
    return button;
  };
  return el(
    'div',
    { class: 'report-downloads' },
    link('tickets', 'Tickets (CSV)'),
    link('figures', 'Chiffres par priorité (CSV)'),
    ...(answer.report.client === null ? [] : [monthlyLink(answer.report.client, answer)]),
  );
}

/** A client chosen: its monthly report (the month the period starts in), the page clients print. */
function monthlyLink(clientId: string, answer: ReportResponse): HTMLElement {
  const month = (answer.series.days[0]?.day ?? '').slice(0, 7);
  const button = el(
    'button',
    { type: 'button', class: 'secondary', 'data-monthly': month },
    'Rapport mensuel (client)',
  );
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      save(await api.reportMonthly(clientId, month), `rapport-sla-${clientId}-${month}.html`, 'text/html');
    } catch (error) {
      flash(explain(error));
    } finally {
      button.disabled = false;
    }
  });
  return button;
}

function csvName(what: 'tickets' | 'figures', asked: URLSearchParams): string {
  const parts = [
    'rapport-sla',
    asked.get('from') ?? 'mois',
    asked.get('to') ?? 'en-cours',
    asked.get('desk') ?? 'tous-centres',
    asked.get('client') ?? 'tous-clients',
    what === 'tickets' ? 'tickets' : 'chiffres',
  ];
  return `${parts.map((p) => p.replace(/[^\w.-]/g, '_')).join('_')}.csv`;
}

/**
 * The CSV the API sent, saved as a file by a temporary link. fetch's text() drops the byte order mark
 * the API sends: it is put back, so that a spreadsheet reads the file as UTF-8.
 */
function save(text: string, filename: string, type = 'text/csv'): void {
  const bom = text.startsWith('\uFEFF') || type !== 'text/csv' ? '' : '\uFEFF';
  const url = URL.createObjectURL(new Blob([bom, text], { type: `${type};charset=utf-8` }));
  const anchor = el('a', { href: url, download: filename, hidden: true });
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const NBSP = '\u00a0';

function percent(ratio: number | null): string {
  return ratio === null
    ? '—'
    : `${(ratio * 100).toLocaleString('fr-FR', { maximumFractionDigits: 1 })}${NBSP}%`;
}

/** 12 → « 12 min », 75 → « 1 h 15 », 2000 → « 1 j 9 h 20 ». */
function minutes(value: number | null): string {
  if (value === null) return '—';
  const total = Math.round(value);
  if (total < 60) return `${total}${NBSP}min`;
  const days = Math.floor(total / 1440);
  const hours = Math.floor((total % 1440) / 60);
  const rest = `${hours}${NBSP}h${NBSP}${String(total % 60).padStart(2, '0')}`;
  return days > 0 ? `${days}${NBSP}j ${rest}` : rest;
}

/** « 83 % (5/6) »: the ratio and the clocks it is taken from; « — » when none is decided yet. */
function metCell(ratio: number | null, met: number, breached: number): string {
  return ratio === null ? '—' : `${percent(ratio)} (${met}/${met + breached})`;
}

type FigureRow = { label: string; cell: (f: PriorityFigures) => string; group?: string };

/** A duration's median and 90th percentile, as two rows under one group heading. */
function distributionRows(
  group: string,
  of: (f: PriorityFigures) => { median: number | null; p90: number | null },
): FigureRow[] {
  return [
    { label: 'Médiane', group, cell: (f) => minutes(of(f).median) },
    { label: '90e centile', group, cell: (f) => minutes(of(f).p90) },
  ];
}

const FIGURE_ROWS: readonly FigureRow[] = [
  { label: 'Reçus', cell: (f) => String(f.received) },
  { label: 'GTI tenue', cell: (f) => metCell(f.gtiMetRatio, f.gtiMet, f.gtiBreached) },
  { label: 'GTR tenue', cell: (f) => metCell(f.gtrMetRatio, f.gtrMet, f.gtrBreached) },
  { label: 'En cours (GTI / GTR)', cell: (f) => `${f.gtiRunning} / ${f.gtrRunning}` },
  ...distributionRows('1er contact, heures ouvrées', (f) => f.firstContactOpenMinutes),
  ...distributionRows('1er contact, temps réel', (f) => f.firstContactWallMinutes),
  ...distributionRows('Résolution, heures ouvrées', (f) => f.resolutionOpenMinutes),
  ...distributionRows('Résolution, temps réel', (f) => f.resolutionWallMinutes),
  { label: 'Rouverts', cell: (f) => String(f.reopened) },
  { label: 'Pris par un autre centre', cell: (f) => String(f.moved) },
];

/**
 * Priorities as columns, figures as rows: four narrow columns fit a 360 px phone, where fourteen
 * figure columns would not.
 */
function figuresTable(report: SlaReport): HTMLElement {
  const rows: HTMLElement[] = [];
  let group: string | undefined;
  for (const row of FIGURE_ROWS) {
    if (row.group && row.group !== group)
      rows.push(
        el(
          'tr',
          { class: 'report-group' },
          el('th', { scope: 'colgroup', colspan: ORDER.length + 1 }, row.group),
        ),
      );
    group = row.group;
    rows.push(
      el(
        'tr',
        { 'data-figure': row.group ? `${row.group} ${row.label}` : row.label },
        el(
          'th',
          { scope: 'row' },
          row.label,
          row.group ? el('span', { class: 'sr-only' }, ` (${row.group})`) : null,
        ),
        ...ORDER.map((level) => el('td', { 'data-priority': level }, row.cell(report.byPriority[level]))),
      ),
    );
  }
  return el(
    'table',
    { class: 'report-figures', id: 'report-figures' },
    el('caption', { class: 'sr-only' }, 'Chiffres par priorité'),
    el(
      'thead',
      {},
      el(
        'tr',
        {},
        el('th', { scope: 'col' }, 'Chiffre'),
        ...ORDER.map((level) => el('th', { scope: 'col' }, LABELS.priority[level])),
      ),
    ),
    el('tbody', {}, ...rows),
  );
}

const SHOWN_BREACHES = 50;

function breachesList(report: SlaReport, zone: string): HTMLElement {
  if (report.breaches.length === 0) return el('p', {}, 'Aucun dépassement.');
  const items = report.breaches
    .slice(0, SHOWN_BREACHES)
    .map((b) =>
      el(
        'li',
        { 'data-breach': `${b.reference}:${b.clock}` },
        el('a', { href: `#/tickets/${b.reference}` }, b.reference),
        ` — ${LABELS.priority[b.priority]}, ${LABELS.reportClock[b.clock]}`,
        el('br', {}),
        el(
          'span',
          { class: 'small' },
          `échéance ${formatAt(b.dueAt, deskZone(b.desk) === 'UTC' ? zone : deskZone(b.desk))}, dépassée de ${minutes(b.overrunOpenMinutes)} ouvrées (${minutes(b.overrunWallMinutes)} en temps réel)${b.stoppedAt === null ? ', toujours en cours' : ''}`,
        ),
      ),
    );
  const more =
    report.breaches.length > SHOWN_BREACHES
      ? el(
          'p',
          { class: 'small' },
          `… et ${report.breaches.length - SHOWN_BREACHES} autres : voir le CSV des tickets.`,
        )
      : null;
  const list = el('ul', { class: 'report-list' }, ...items);
  return more ? el('div', {}, list, more) : list;
}

function deskName(id: string): string {
  const desk = state.config?.desks.find((d) => d.id === id);
  return desk ? deskShortName(desk.name) : id;
}

function movedList(report: SlaReport): HTMLElement {
  if (report.followTheSun.tickets.length === 0)
    return el('p', {}, 'Aucun ticket pris en charge par un autre centre.');
  return el(
    'ul',
    { class: 'report-list' },
    ...report.followTheSun.tickets.map((t) =>
      el(
        'li',
        {},
        el('a', { href: `#/tickets/${t.reference}` }, t.reference),
        ` : reçu par ${deskName(t.from)}, traité par ${deskName(t.to)}`,
      ),
    ),
  );
}

function reopenedList(report: SlaReport, zone: string): HTMLElement {
  if (report.reopened.length === 0) return el('p', {}, 'Aucun ticket rouvert.');
  return el(
    'ul',
    { class: 'report-list' },
    ...report.reopened.map((r) =>
      el(
        'li',
        {},
        el('a', { href: `#/tickets/${r.reference}` }, r.reference),
        ` : rouvert ${r.reopenedAt.map((at) => formatAt(at, zone)).join(', ')}`,
      ),
    ),
  );
}

function backlogTable(report: SlaReport): HTMLElement {
  return el(
    'table',
    { class: 'report-backlog' },
    el('caption', { class: 'sr-only' }, 'Tickets encore ouverts, par ancienneté depuis la réception'),
    el('thead', {}, el('tr', {}, ...report.backlog.byAge.map((b) => el('th', { scope: 'col' }, b.label)))),
    el('tbody', {}, el('tr', {}, ...report.backlog.byAge.map((b) => el('td', {}, String(b.count))))),
  );
}
