import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ClientEntry } from '../../../shared/domain/desk/client-directory';
import { PRIORITY_LEVELS } from '../../../shared/domain/desk/service-desk-config';
import { InputError, NotFoundError } from '../../../shared/domain/errors';
import { PAGE_ROWS, REPORT_CSP, reportHtml } from '../../../shared/domain/report/report-html';
import { monthPeriod, recentMonths } from '../../../shared/domain/report/report-period';
import type { SlaReport } from '../../../shared/domain/report/sla-report';
import type { ReportStore } from '../../../shared/ports/report-store';
import { buildMonthlyReport, clientReportMonths } from '../../../shared/use-cases/monthly-report';
import { CLIENT, config, NOW, TICKETS } from './fixtures';

/** The monthly report per client (docs/reports.md): one French A4 page with the report's own figures. */
const HOSTILE_NAME = 'Quincaillerie <script>alert(1)</script> & "Fils"';
const directory: ClientEntry[] = [
  {
    clientId: CLIENT,
    name: HOSTILE_NAME,
    contract: 'standard',
    homeDesk: 'reunion',
    addresses: [],
    domains: ['quincaillerie-du-port.re'],
  },
];

/** The tickets of a desk received in [from, to), as the index query gives them. */
const store: ReportStore = {
  ticketsReceived: async (desk, from, to) => {
    const tickets = TICKETS.filter((t) => {
      const at = Date.parse(t.receivedAt);
      return t.desk === desk && at >= from.getTime() && at < to.getTime();
    });
    return { tickets, itemsRead: tickets.length, pages: 1, invalid: [] };
  },
  backfillIndex: async () => ({ scanned: 0, updated: 0 }),
};
const deps = { reports: store, clock: { now: () => NOW }, config, directory: async () => directory };

const styleOf = (html: string) => /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';

describe('Function: buildMonthlyReport', () => {
  it('reads the month in the client home desk zone: December in Réunion starts at 20:00 UTC on 30 November', async () => {
    const { report, filename } = await buildMonthlyReport({ client: CLIENT, month: '2026-12' }, deps);
    expect(report.period).toEqual({ from: '2026-11-30T20:00:00.000Z', to: '2026-12-31T20:00:00.000Z' });
    expect(report.client).toBe(CLIENT);
    // 30 Nov 22:00 Réunion is November's: the December report leaves it out.
    expect(report.breaches.map((b) => b.reference)).not.toContain('EXO-2026-000002');
    expect(filename).toBe('rapport-sla-CLI-RE-0027-2026-12.html');
  });

  it('writes every figure of the report JSON: per priority, the breaches with deadline and overrun, the reopenings', async () => {
    const { report, html } = await buildMonthlyReport({ client: CLIENT, month: '2026-12' }, deps);
    expect(html).toContain('<h1>Rapport mensuel SLA — décembre 2026</h1>');
    for (const level of PRIORITY_LEVELS) {
      const f = report.byPriority[level];
      expect(html).toContain(`<th scope="row">${level}</th><td>${f.received}</td><td>${f.gtiMet}</td>`);
    }
    // Hand-computed (fixtures): critique, 2 tickets, GTI 2/2, GTR 1 met 1 breached (the reopened one).
    expect(report.byPriority.critique).toMatchObject({ received: 2, gtiMetRatio: 1, gtrMetRatio: 0.5 });
    // No-break spaces: a figure never splits over two lines.
    expect(html).toContain('<td>100\u00a0%</td>');
    expect(html).toContain('<td>50\u00a0%</td>');
    // The reopened ticket: its GTR breach (deadline 13:00, stopped 14:00, 60 min) and its reopening.
    expect(html).toMatch(
      /<td class="text">EXO-2026-000007<\/td><td class="text">critique<\/td><td class="text">GTR<\/td><td>02\/12 13:00<\/td><td>02\/12 14:00<\/td><td>1\u00a0h\u00a000<\/td>/,
    );
    expect(html).toContain('Tickets rouverts (1) : EXO-2026-000007 (rouvert le 02/12 12:00)');
    expect(html).toContain(`Dépassements (${report.breaches.length})`);
    expect(html).toContain('heures en heure de La Réunion');
  });

  it('draws the three charts of the one chart module, as inline SVG with their figures', async () => {
    const { html } = await buildMonthlyReport({ client: CLIENT, month: '2026-12' }, deps);
    expect(html.match(/<figure class="report-chart"/g)).toHaveLength(3);
    expect(html.match(/<svg [^>]*role="img"/g)).toHaveLength(3);
    expect(html).toContain('Voir les chiffres');
    expect(html).not.toContain('data-placeholder');
  });

  it('escapes the client name from the directory: a <script> in it is text', async () => {
    const { html } = await buildMonthlyReport({ client: CLIENT, month: '2026-12' }, deps);
    expect(html).toContain('Quincaillerie &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Fils&quot;');
    expect(html).not.toMatch(/<script/i);
  });

  it('is one self-contained A4 page: no script, no asset, no style attribute, its one <style> allowed by hash', async () => {
    const { html } = await buildMonthlyReport({ client: CLIENT, month: '2026-12' }, deps);
    expect(html.match(/<h1>/g)).toHaveLength(1);
    expect(html).toContain('@page { size: A4 portrait;');
    expect(styleOf(html)).toMatch(/table \{[^}]*break-inside: avoid/);
    // Only the SVG namespace is a URL, and it loads nothing.
    expect(html).not.toMatch(
      /<script|<link|<img|<iframe|<object|\ssrc=|\shref="http|\sstyle=|(?<!xmlns=")https?:\/\//i,
    );
    expect(html.match(/<style>/g)).toHaveLength(1);
    const hash = createHash('sha256').update(styleOf(html), 'utf8').digest('base64');
    expect(REPORT_CSP).toContain(`style-src 'sha256-${hash}'`);
    expect(REPORT_CSP).not.toContain('unsafe-inline');
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">`);
  });

  it('refuses a client outside the directory and a month not begun, before reading anything', async () => {
    const reads: string[] = [];
    const counting = {
      ...deps,
      reports: {
        ...store,
        ticketsReceived: async (...args: Parameters<ReportStore['ticketsReceived']>) => {
          reads.push(args[0]);
          return store.ticketsReceived(...args);
        },
      },
    };
    await expect(buildMonthlyReport({ client: 'CLI-XX-0000', month: '2026-12' }, counting)).rejects.toThrow(
      NotFoundError,
    );
    await expect(buildMonthlyReport({ client: CLIENT, month: '2027-01' }, counting)).rejects.toThrow(
      InputError,
    );
    await expect(buildMonthlyReport({ client: CLIENT, month: '2026-13' }, counting)).rejects.toThrow();
    await expect(buildMonthlyReport({ client: "x' OR 1=1", month: '2026-12' }, counting)).rejects.toThrow();
    expect(reads).toEqual([]);
  });
});

describe('Function: reportHtml (one printed page)', () => {
  it('prints the largest breaches only and says how many more there are', async () => {
    const { report } = await buildMonthlyReport({ client: CLIENT, month: '2026-12' }, deps);
    const one = report.breaches[0]!;
    const many: SlaReport = {
      ...report,
      breaches: Array.from({ length: 25 }, (_, i) => ({
        ...one,
        reference: `EXO-2026-${String(100 + i).padStart(6, '0')}`,
      })),
    };
    const html = reportHtml(many, config, {
      clientName: 'Client',
      month: '2026-12',
      timeZone: 'Indian/Reunion',
    });
    expect(html.match(/<tr><td class="text">EXO-2026-/g)).toHaveLength(PAGE_ROWS.breaches);
    expect(html).toContain(`Les ${PAGE_ROWS.breaches} plus importants sur 25 dépassements`);
  });

  it('keeps the screen-only link back out of print, and escapes it', () => {
    const html = reportHtml({ ...emptyReport(), client: CLIENT }, config, {
      back: { href: '/mes-demandes"><x', label: '← Mes demandes' },
    });
    expect(html).toContain('<p class="screen-only"><a class="back" href="/mes-demandes&quot;&gt;&lt;x">');
    expect(styleOf(html)).toMatch(/@media print \{[^@]*\.screen-only \{ display: none; \}/);
  });
});

describe('Function: recentMonths / monthPeriod', () => {
  it('gives the 12 months up to the current one in the zone, newest first, across the year', () => {
    const months = clientReportMonths(directory[0]!, {
      clock: { now: () => new Date('2026-12-31T21:00:00Z') },
      config,
    });
    // 31 Dec 21:00 UTC is already 1 January 2027 in Réunion.
    expect(months[0]).toBe('2027-01');
    expect(months).toHaveLength(12);
    expect(months.at(-1)).toBe('2026-02');
    expect(recentMonths(new Date('2026-03-15T00:00:00Z'), 'UTC', 3)).toEqual([
      '2026-03',
      '2026-02',
      '2026-01',
    ]);
  });

  it('refuses what is not a month', () => {
    expect(() => monthPeriod('2026-1', 'UTC')).toThrow(InputError);
    expect(() => monthPeriod('2026-00', 'UTC')).toThrow(InputError);
  });
});

function emptyReport(): SlaReport {
  const none = { median: null, p90: null };
  const figures = {
    received: 0,
    gtiMet: 0,
    gtiBreached: 0,
    gtrMet: 0,
    gtrBreached: 0,
    gtiMetRatio: null,
    gtrMetRatio: null,
    firstContactOpenMinutes: none,
    resolutionOpenMinutes: none,
    firstContactWallMinutes: none,
    resolutionWallMinutes: none,
    gtiRunning: 0,
    gtrRunning: 0,
    reopened: 0,
    moved: 0,
  };
  return {
    period: { from: '2026-11-30T20:00:00.000Z', to: '2026-12-31T20:00:00.000Z' },
    desk: null,
    client: null,
    at: NOW.toISOString(),
    byPriority: Object.fromEntries(PRIORITY_LEVELS.map((l) => [l, figures])) as SlaReport['byPriority'],
    breaches: [],
    followTheSun: { moved: 0, tickets: [] },
    reopened: [],
    backlog: { open: 0, byAge: [] },
  };
}
