import { describe, expect, it } from 'vitest';
import { PRIORITY_LEVELS } from '../../../shared/domain/desk/service-desk-config';
import {
  PAGE_ROWS,
  REPORT_CSP,
  REPORT_CSP_HEADER,
  reportHtml,
} from '../../../shared/domain/report/report-html';
import type { ReportSeries } from '../../../shared/domain/report/report-series';
import type { Breach, PriorityFigures, SlaReport } from '../../../shared/domain/report/sla-report';
import { config } from './fixtures';

/**
 * What the printed report says (docs/reports.md, "The monthly report per client"), read from a report
 * built by hand: the title and scope line, each figure of the priority table in French, the breaches,
 * the reopenings and the backlog, and where the page stops listing to stay on one A4 sheet.
 */
const NONE = { median: null, p90: null };

function figures(overrides: Partial<PriorityFigures> = {}): PriorityFigures {
  return {
    received: 0,
    gtiMet: 0,
    gtiBreached: 0,
    gtrMet: 0,
    gtrBreached: 0,
    gtiMetRatio: null,
    gtrMetRatio: null,
    firstContactOpenMinutes: NONE,
    resolutionOpenMinutes: NONE,
    firstContactWallMinutes: NONE,
    resolutionWallMinutes: NONE,
    gtiRunning: 0,
    gtrRunning: 0,
    reopened: 0,
    moved: 0,
    ...overrides,
  };
}

/** December 2026 in UTC, all desks and clients, nothing received. */
function aReport(overrides: Partial<SlaReport> = {}): SlaReport {
  return {
    period: { from: '2026-12-01T00:00:00.000Z', to: '2027-01-01T00:00:00.000Z' },
    desk: null,
    client: null,
    at: '2026-12-10T08:05:00.000Z',
    byPriority: Object.fromEntries(PRIORITY_LEVELS.map((l) => [l, figures()])) as SlaReport['byPriority'],
    breaches: [],
    followTheSun: { moved: 0, tickets: [] },
    reopened: [],
    backlog: { open: 0, byAge: [] },
    ...overrides,
  };
}

function aBreach(n: number, overrides: Partial<Breach> = {}): Breach {
  return {
    reference: `EXO-2026-${String(n).padStart(6, '0')}`,
    desk: 'reunion',
    client: null,
    priority: 'haute',
    clock: 'gti',
    dueAt: '2026-12-02T09:00:00.000Z',
    stoppedAt: '2026-12-02T10:15:00.000Z',
    overrunOpenMinutes: 75,
    overrunWallMinutes: 75,
    ...overrides,
  };
}

/** The table row of one priority, as written. */
const rowOf = (html: string, level: string) =>
  new RegExp(`<tr><th scope="row">${level}</th>.*?</tr>`).exec(html)?.[0] ?? '';
/** The cells of a row, tags removed. */
const cellsOf = (row: string) => [...row.matchAll(/<t[dh][^>]*>(.*?)<\/t[dh]>/g)].map((m) => m[1]);

describe('reportHtml: title and scope', () => {
  it('titles a period report with its first and last day (the end is exclusive), « 1er » for the first of a month', () => {
    const html = reportHtml(aReport(), config);
    expect(html).toContain('<h1>Rapport SLA du 1er décembre 2026 au 31 décembre 2026</h1>');
    expect(html).toContain(
      '<p class="scope"><strong>Tous les clients</strong> · tous les centres de services · du 1er décembre 2026 au 31 décembre 2026</p>',
    );
    expect(html).toContain(
      '<title>Rapport SLA du 1er décembre 2026 au 31 décembre 2026 — tous les clients</title>',
    );
    // No desk, no zone given: UTC, named as such.
    expect(html).toContain('Situation au 10 décembre 2026 à 08:05 ; heures en UTC.');
  });

  it('titles a monthly report by its month', () => {
    const html = reportHtml(aReport(), config, { month: '2026-12' });
    expect(html).toContain('<h1>Rapport mensuel SLA — décembre 2026</h1>');
  });

  it('names the client by its directory name, its id and its contract, all escaped', () => {
    const report = aReport({ client: 'CLI-RE-0027', desk: 'reunion' });
    const html = reportHtml(report, config, { clientName: 'Dupont & <Fils>', contract: 'premium' });
    expect(html).toContain(
      '<strong>Dupont &amp; &lt;Fils&gt; (CLI-RE-0027) — contrat premium</strong> · Service Desk Exodata – La Réunion ·',
    );
    expect(html).toContain('— Dupont &amp; &lt;Fils&gt;</title>');
  });

  it('names a client with no directory name by its id alone, and says no contract when none is given', () => {
    const html = reportHtml(aReport({ client: 'CLI-RE-0027' }), config);
    expect(html).toContain('<strong>CLI-RE-0027</strong> ·');
    expect(html).not.toContain('— contrat');
  });

  it('ignores a client name when the report is about every client', () => {
    const html = reportHtml(aReport(), config, { clientName: 'Dupont' });
    expect(html).toContain('<strong>Tous les clients</strong>');
    expect(html).not.toContain('Dupont');
  });

  it('writes days and times in the desk zone, named in French; a zone given wins over the desk', () => {
    // 30 Nov 20:00 UTC is 1 December 00:00 in Réunion (UTC+4).
    const report = aReport({
      desk: 'reunion',
      period: { from: '2026-11-30T20:00:00.000Z', to: '2026-12-31T20:00:00.000Z' },
      at: '2026-12-10T20:30:00.000Z',
    });
    const reunion = reportHtml(report, config);
    expect(reunion).toContain('du 1er décembre 2026 au 31 décembre 2026</p>');
    expect(reunion).toContain('Situation au 11 décembre 2026 à 00:30 ; heures en heure de La Réunion.');
    const martinique = reportHtml(report, config, { timeZone: 'America/Martinique' });
    expect(martinique).toContain('du 30 novembre 2026 au 31 décembre 2026</p>');
    expect(martinique).toContain('Situation au 10 décembre 2026 à 16:30 ; heures en heure de la Martinique.');
    // A zone no desk has is named by its IANA name.
    expect(reportHtml(report, config, { timeZone: 'Europe/Paris' })).toContain(
      'Situation au 10 décembre 2026 à 21:30 ; heures en Europe/Paris.',
    );
  });

  it('falls back to UTC for a desk the configuration does not know', () => {
    const html = reportHtml(aReport({ desk: 'atlantide' }), config);
    expect(html).toContain('· tous les centres de services ·');
    expect(html).toContain('heures en UTC.');
  });
});

describe('reportHtml: the table per priority', () => {
  it('writes counts, the met ratio in French (one decimal at most), and the distributions in hours and minutes', () => {
    const report = aReport();
    report.byPriority.haute = figures({
      received: 7,
      gtiMet: 5,
      gtiBreached: 1,
      gtiMetRatio: 0.8333,
      gtrMet: 3,
      gtrBreached: 0,
      gtrMetRatio: 1,
      gtiRunning: 1,
      gtrRunning: 4,
      firstContactOpenMinutes: { median: 12.4, p90: 59.6 },
      firstContactWallMinutes: { median: 75, p90: 3000 },
      resolutionOpenMinutes: { median: 0, p90: 60 },
      resolutionWallMinutes: { median: 125, p90: 601 },
      reopened: 2,
    });
    const row = rowOf(reportHtml(report, config), 'haute');
    expect(row).toContain('<td class="missed">1</td>');
    expect(cellsOf(row)).toEqual([
      'haute',
      '7',
      '5',
      '1',
      '83,3\u00a0%',
      '3',
      '0',
      '100\u00a0%',
      '1 / 4',
      '12\u00a0min / 1\u00a0h\u00a000',
      '1\u00a0h\u00a015 / 50\u00a0h\u00a000',
      '0\u00a0min / 1\u00a0h\u00a000',
      '2\u00a0h\u00a005 / 10\u00a0h\u00a001',
      '2',
    ]);
  });

  it('marks a breached count only when there is one, and writes « — » for what is not decided or running', () => {
    const report = aReport();
    report.byPriority.critique = figures({ received: 1, gtrBreached: 2, gtrRunning: 1, gtiMetRatio: 0 });
    const html = reportHtml(report, config);
    const critique = rowOf(html, 'critique');
    expect(critique).toContain('<td>0</td><td>0\u00a0%</td>');
    expect(critique).toContain('<td class="missed">2</td>');
    expect(critique.match(/class="missed"/g)).toHaveLength(1);
    expect(cellsOf(critique)[8]).toBe('0 / 1');
    const normale = rowOf(html, 'normale');
    expect(normale).not.toContain('missed');
    expect(cellsOf(normale)).toEqual([
      'normale',
      '0',
      '0',
      '0',
      '—',
      '0',
      '0',
      '—',
      '—',
      '—',
      '—',
      '—',
      '—',
      '0',
    ]);
  });
});

describe('reportHtml: breaches', () => {
  it('says there is none when no deadline was missed', () => {
    const html = reportHtml(aReport(), config);
    expect(html).toContain(
      '<h2>Dépassements (0)</h2>\n<p>Aucun dépassement : chaque engagement décidé a été tenu.</p>',
    );
    expect(html).not.toContain('aria-label="Dépassements"');
  });

  it('lists each breach: reference, priority, clock, deadline and stop in the zone, overrun in open and wall time', () => {
    const report = aReport({
      desk: 'reunion',
      breaches: [
        aBreach(1, { clock: 'gtr', overrunWallMinutes: 1500 }),
        aBreach(2, { stoppedAt: null, priority: 'critique', overrunOpenMinutes: 5 }),
      ],
    });
    const html = reportHtml(report, config);
    expect(html).toContain('<h2>Dépassements (2)</h2>');
    expect(html).toContain(
      '<tr><td class="text">EXO-2026-000001</td><td class="text">haute</td><td class="text">GTR</td><td>02/12 13:00</td><td>02/12 14:15</td><td>1\u00a0h\u00a015</td><td>25\u00a0h\u00a000</td></tr>',
    );
    // Still running past its deadline: no stop yet.
    expect(html).toContain(
      '<tr><td class="text">EXO-2026-000002</td><td class="text">critique</td><td class="text">GTI</td><td>02/12 13:00</td><td>en cours</td><td>5\u00a0min</td><td>1\u00a0h\u00a015</td></tr>',
    );
    expect(html).not.toContain('plus importants');
  });

  it('prints a full page of breaches without a note, and says so from one more', () => {
    const full = Array.from({ length: PAGE_ROWS.breaches }, (_, i) => aBreach(i + 1));
    expect(reportHtml(aReport({ breaches: full }), config)).not.toContain('plus importants');
    const html = reportHtml(aReport({ breaches: [...full, aBreach(99)] }), config);
    expect(html.match(/<tr><td class="text">EXO-/g)).toHaveLength(PAGE_ROWS.breaches);
    expect(html).not.toContain('EXO-2026-000099');
    expect(html).toContain(
      `<p class="note">Les ${PAGE_ROWS.breaches} plus importants sur ${PAGE_ROWS.breaches + 1} dépassements ; la liste complète est dans l'export CSV ou JSON du même mois.</p>`,
    );
  });
});

describe('reportHtml: reopenings, follow the sun, backlog', () => {
  it('says « aucun » when nothing was reopened, and writes the counts of the other lines', () => {
    const html = reportHtml(aReport({ followTheSun: { moved: 3, tickets: [] } }), config);
    expect(html).toContain('<p>Tickets rouverts (0) : aucun.</p>');
    expect(html).toContain('(suivi du soleil) : 3.</p>');
    expect(html).toContain('<p>Tickets encore ouverts : 0.</p>');
  });

  it('lists each reopened ticket with its reopenings in the zone', () => {
    const reopened = [
      { reference: 'EXO-1', reopenedAt: ['2026-12-02T08:00:00.000Z', '2026-12-03T09:30:00.000Z'] },
      { reference: 'EXO-<2>', reopenedAt: ['2026-12-04T10:00:00.000Z'] },
    ];
    const html = reportHtml(aReport({ desk: 'reunion', reopened }), config);
    expect(html).toContain(
      '<p>Tickets rouverts (2) : EXO-1 (rouvert le 02/12 12:00, 03/12 13:30) ; EXO-&lt;2&gt; (rouvert le 04/12 14:00).</p>',
    );
  });

  it('lists a page of reopened tickets, then says how many more', () => {
    const one = (i: number) => ({ reference: `EXO-${i}`, reopenedAt: ['2026-12-02T08:00:00.000Z'] });
    const page = Array.from({ length: PAGE_ROWS.reopened }, (_, i) => one(i + 1));
    const full = reportHtml(aReport({ reopened: page }), config);
    expect(full).toContain(`EXO-${PAGE_ROWS.reopened} (rouvert le 02/12 08:00).</p>`);
    const html = reportHtml(aReport({ reopened: [...page, one(50), one(51)] }), config);
    expect(html).toContain(`Tickets rouverts (${PAGE_ROWS.reopened + 2}) :`);
    expect(html).not.toContain('EXO-50');
    expect(html).toContain(`EXO-${PAGE_ROWS.reopened} (rouvert le 02/12 08:00) ; et 2 autres.</p>`);
  });

  it('gives the open backlog by age', () => {
    const backlog = {
      open: 3,
      byAge: [
        { label: '< 1 j', fromDays: 0, toDays: 1, count: 2 },
        { label: '≥ 30 j', fromDays: 30, toDays: null, count: 1 },
      ],
    };
    expect(reportHtml(aReport({ backlog }), config)).toContain(
      '<p>Tickets encore ouverts : 3 (&lt; 1 j : 2, ≥ 30 j : 1).</p>',
    );
  });
});

describe('reportHtml: charts and the page around them', () => {
  const SERIES: ReportSeries = {
    zone: 'UTC',
    desks: [{ id: 'reunion', name: 'La Réunion' }],
    weeks: [],
    days: [],
    firstContact: [],
  };

  it('draws the charts, with ids of their own, only when the series are given', () => {
    expect(reportHtml(aReport(), config)).not.toContain('<h2>Graphiques</h2>');
    expect(reportHtml(aReport(), config)).not.toContain('<figure');
    const html = reportHtml(aReport(), config, { series: SERIES });
    expect(html).toContain(
      '<h2>Graphiques</h2>\n<div class="charts">\n<figure class="report-chart" id="mensuel-',
    );
    expect(html.match(/<figure class="report-chart" id="mensuel-[a-z-]+"/g)).toHaveLength(3);
  });

  it('has no link back unless one is given', () => {
    expect(reportHtml(aReport(), config)).not.toContain('class="back"');
  });

  it('serves a policy that loads nothing, forms and frames included', () => {
    expect(REPORT_CSP.split('; ')).toEqual([
      "default-src 'none'",
      expect.stringMatching(/^style-src 'sha256-[A-Za-z0-9+/]{43}='$/),
      'img-src data:',
      "base-uri 'none'",
      "form-action 'none'",
    ]);
    expect(REPORT_CSP_HEADER).toBe(`${REPORT_CSP}; frame-ancestors 'none'`);
  });
});
