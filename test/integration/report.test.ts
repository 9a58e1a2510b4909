import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { SESClient } from '@aws-sdk/client-ses';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoDbClientDirectoryStore } from '../../shared/adapters/aws/dynamodb/client-directory-store';
import { eventItem, messageItem, ticketItem } from '../../shared/adapters/aws/dynamodb/items';
import { Table } from '../../shared/adapters/aws/dynamodb/table';
import { ensureTable } from '../../shared/adapters/aws/dynamodb/table-schema';
import type { ReportResponse } from '../../shared/adapters/http/api-schemas';
import { createAgentApp } from '../../shared/adapters/http/app';
import { createDevAuth } from '../../shared/adapters/http/auth';
import { type DynamoDbLocal, startDynamoDbLocal } from '../../shared/adapters/local/services/dynamodb-local';
import { FIGURES_CSV_HEADER, TICKET_CSV_HEADER } from '../../shared/domain/report/report-csv';
import { reportPeriod } from '../../shared/domain/report/report-period';
import { type SlaReport, slaReport } from '../../shared/domain/report/sla-report';
import type { TicketMessage } from '../../shared/domain/ticket/ticket';
import { createAgentAppDeps } from '../../shared/wiring/agent';
import { fixedClock } from '../support/clock';
import { runCli } from '../unit/cli/run-cli';
import { breached, CLIENT, config, met, NOW, otherClient, TICKETS } from '../unit/report/fixtures';

/**
 * `exo-intake report` against DynamoDB Local: the hand-computed tickets of test/unit/report are
 * written as the stores write them (ticketItem: the report index keys come with every ticket write),
 * beside a message and an event in their item collections, then read back through the report index.
 */
const TABLE = 'report';
let ddb: DynamoDbLocal;
let client: DynamoDBClient;
let table: Table;
let doc: DynamoDBDocumentClient;

const report = (...flags: string[]) =>
  runCli(['report', '--dynamodb-endpoint', ddb.endpoint, '--table-name', TABLE, ...flags], {
    now: NOW.toISOString(),
  });
const PERIOD = ['--from', '2026-11-30', '--to', '2026-12-10'];

beforeAll(async () => {
  // sharedDb: the CLI's local credentials and these see one database.
  ddb = await startDynamoDbLocal({ sharedDb: true, timeoutMs: 120_000 });
  client = new DynamoDBClient(ddb.clientConfig);
  await ensureTable(client, TABLE);
  doc = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  table = new Table(doc, TABLE);
  for (const ticket of TICKETS) await table.putItem(ticketItem(ticket), 'seeding a ticket');
  // Not tickets: the sparse index must not list them.
  await table.putItem(
    messageItem({ id: `${met.receivedAt}#cli-1`, reference: met.reference } as TicketMessage),
    'seeding a message',
  );
  await table.putItem(
    eventItem({ reference: met.reference, at: met.receivedAt, type: 'note-added', actor: 'a', detail: {} }),
    'seeding an event',
  );
}, 180_000);

afterAll(async () => {
  client?.destroy();
  await ddb?.stop();
});

describe('Command: exo-intake report (DynamoDB Local)', () => {
  it('prints the JSON figures of a desk and client, equal to the hand-computed ones, from an index query', async () => {
    const run = await report(...PERIOD, '--desk', 'reunion', '--client', CLIENT);
    expect(run.code).toBe(0);
    const json = run.lines[0] as SlaReport;
    expect(Object.keys(json)).toEqual(
      expect.arrayContaining(['period', 'desk', 'client', 'byPriority', 'breaches']),
    );
    expect(json.byPriority.haute).toMatchObject({
      received: 4,
      gtiMet: 3,
      gtiBreached: 1,
      gtrMet: 2,
      gtrBreached: 1,
      gtiMetRatio: 0.75,
      gtrMetRatio: 0.6667,
      firstContactOpenMinutes: { median: 15, p90: 140 },
      resolutionOpenMinutes: { median: 900, p90: 1200 },
    });
    expect(json.byPriority.normale).toMatchObject({
      received: 1,
      gtiMet: 0,
      gtiBreached: 0,
      gtiMetRatio: null,
    });
    expect(json.breaches.map((b) => [b.reference, b.clock, b.overrunOpenMinutes])).toEqual([
      [breached.reference, 'gtr', 240],
      [breached.reference, 'gti', 110],
      ['EXO-2026-000004', 'gti', 75],
      ['EXO-2026-000007', 'gtr', 60],
    ]);
    // Nothing lost or added on the way through the table: the same as the domain on the same tickets.
    const scope = {
      ...reportPeriod('2026-11-30', '2026-12-10', 'Indian/Reunion'),
      desk: 'reunion',
      client: CLIENT,
    };
    expect(json).toEqual(slaReport(TICKETS, scope, NOW, config));
    // One query, the period's tickets only (9 of the desk, not the one of 29 Nov, nor messages or events).
    expect(run.stderr).toContain('8 ticket(s), 9 index item(s) read in 1 page(s)');
  });

  it('exports one CSV row per ticket, defused against formulas', async () => {
    const run = await report(...PERIOD, '--format', 'csv');
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\r\n');
    expect(lines[0]).toBe(TICKET_CSV_HEADER.join(','));
    expect(lines).toHaveLength(1 + 9);
    const hostile = lines.find((l) => l.startsWith(otherClient.reference)) ?? '';
    expect(hostile).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(hostile).toContain("'+33 rappel @admin -urgent");
    expect(hostile).not.toMatch(/,[=+\-@]/);
  });

  it('renders the French one-page HTML report, escaped, with no third-party asset', async () => {
    const run = await report(...PERIOD, '--desk', 'reunion', '--format', 'html');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('<html lang="fr">');
    expect(run.stdout).toContain('Rapport SLA du 30 novembre 2026 au 10 décembre 2026');
    expect(run.stdout).toContain("default-src 'none'");
    // The charts' SVG namespace is the only URL, and it loads nothing.
    expect(run.stdout).not.toMatch(/<script|(?<!xmlns=")https?:\/\/(?!evil)/);
    expect(run.stdout.match(/<figure class="report-chart"/g)).toHaveLength(3);
  });

  it('renders the monthly report of one client (--client --month): its name from the directory, escaped, the same figures as --format json', async () => {
    const doc = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
    await new DynamoDbClientDirectoryStore(doc, TABLE).putClient({
      clientId: CLIENT,
      name: 'Quincaillerie <script>du Port</script>',
      contract: 'standard',
      homeDesk: 'reunion',
      addresses: [],
      domains: ['quincaillerie-du-port.re'],
    });
    const html = await report('--client', CLIENT, '--month', '2026-12', '--format', 'html');
    expect(html.code).toBe(0);
    expect(html.stdout).toContain('<h1>Rapport mensuel SLA — décembre 2026</h1>');
    expect(html.stdout).toContain('Quincaillerie &lt;script&gt;du Port&lt;/script&gt; (CLI-RE-0027)');
    expect(html.stdout).not.toMatch(/<script/);
    const json = (await report('--client', CLIENT, '--month', '2026-12')).lines[0] as SlaReport;
    expect(json.period).toEqual({ from: '2026-11-30T20:00:00.000Z', to: '2026-12-31T20:00:00.000Z' });
    for (const b of json.breaches) expect(html.stdout).toContain(`<td class="text">${b.reference}</td>`);
    expect(html.stdout).toContain(`Dépassements (${json.breaches.length})`);
    expect((await report('--month', '2026-12')).stderr).toMatch(/--client C --month/);
    expect((await report('--client', 'CLI-NOPE', '--month', '2026-12')).stderr).toMatch(
      /aucun client « CLI-NOPE »/,
    );
  });

  it('gives the index keys to tickets written before the index (--backfill-index), once', async () => {
    const {
      gsi4pk: _pk,
      gsi4sk: _sk,
      ...old
    } = ticketItem({
      ...otherClient,
      reference: 'EXO-2026-000099',
      client: { clientId: 'CLI-OLD', name: 'Ancien', matchedBy: 'domain' },
    });
    await table.putItem(old, 'seeding a ticket written before the index');
    const before = await report(...PERIOD, '--client', 'CLI-OLD');
    expect((before.lines[0] as SlaReport).byPriority.normale.received).toBe(0);
    const backfill = await report('--backfill-index');
    expect(backfill.lines[0]).toEqual({ backfill: { scanned: expect.any(Number), updated: 1 } });
    const after = await report(...PERIOD, '--client', 'CLI-OLD');
    expect((after.lines[0] as SlaReport).byPriority.normale.received).toBe(1);
    expect((await report('--backfill-index')).lines[0]).toMatchObject({ backfill: { updated: 0 } });
  });

  it('refuses an unknown desk, a hostile client id and a reversed period before reading anything', async () => {
    expect((await report(...PERIOD, '--desk', 'paris')).stderr).toMatch(/no desk "paris"/);
    expect((await report(...PERIOD, '--client', "x' OR 1=1")).code).toBe(2);
    expect((await report('--from', '2026-12-10', '--to', '2026-11-30')).stderr).toMatch(/before it starts/);
    expect((await report(...PERIOD, '--format', 'pdf')).code).toBe(2);
  });
});

/**
 * The agents' API routes of the reports, on the same table: the app wired as on AWS (the report index
 * through createAgentAppDeps), called in-process (no server, no S3 or SES call is made).
 */
describe('Route: GET /api/reports (DynamoDB Local)', () => {
  const PERIOD_QUERY = 'from=2026-11-30&to=2026-12-10';
  let app: ReturnType<typeof createAgentApp>;
  let token = '';

  const get = (path: string, auth = true) =>
    app.request(`http://127.0.0.1${path}`, { headers: auth ? { Authorization: `Bearer ${token}` } : {} });

  beforeAll(async () => {
    const clock = fixedClock(NOW);
    app = createAgentApp({
      ...createAgentAppDeps({
        config,
        clients: {
          doc,
          s3: new S3Client({ region: 'us-east-1' }),
          ses: new SESClient({ region: 'us-east-1' }),
        },
        storage: {
          tableName: TABLE,
          bucket: 'unused',
          rawMailPrefix: 'raw/',
          attachmentsPrefix: 'att/',
          maxAttachmentBytes: 1,
        },
        mail: { region: 'us-east-1' },
        auth: createDevAuth({ config, clock }),
        clock,
        log: () => {},
      }),
      portal: new Map(),
    });
    // An agent of another desk: reports are read like tickets, by every signed-in agent.
    const login = await app.request('http://127.0.0.1/api/dev-login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Host: '127.0.0.1' },
      body: JSON.stringify({ agent: 'mona', desk: 'martinique' }),
    });
    token = ((await login.json()) as { token: string }).token;
  });

  it('answers the figures the command prints (same use case) and the chart series', async () => {
    const res = await get(`/api/reports?${PERIOD_QUERY}&desk=reunion&client=${CLIENT}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as ReportResponse;
    const cli = await report(...PERIOD, '--desk', 'reunion', '--client', CLIENT);
    expect(body.report).toEqual(cli.lines[0]);
    expect(body.report.byPriority.haute).toMatchObject({
      received: 4,
      gtiMetRatio: 0.75,
      gtrMetRatio: 0.6667,
    });
    expect(body.series.zone).toBe('Indian/Reunion');
    expect(body.series.weeks.map((w) => [w.weekStart, w.gtiMetRatio, w.gtrMetRatio])).toEqual([
      ['2026-11-30', 0.8333, 0.6],
      ['2026-12-07', 0, null],
    ]);
    expect(body.series.days).toHaveLength(11);
    expect(body.series.desks).toEqual([{ id: 'reunion', name: 'La Réunion' }]);
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('downloads the tickets (one row per ticket) and the figures (one row per priority) as CSV', async () => {
    const tickets = await get(`/api/reports/tickets.csv?${PERIOD_QUERY}&desk=all`);
    expect(tickets.status).toBe(200);
    expect(tickets.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(tickets.headers.get('content-disposition')).toBe(
      'attachment; filename="rapport-sla_2026-11-30_2026-12-10_tous-centres_tous-clients_tickets.csv"',
    );
    const lines = (await tickets.text())
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe(TICKET_CSV_HEADER.join(','));
    // One row per ticket the report counts (the same query's JSON), whatever the tests above added.
    const same = (await (await get(`/api/reports?${PERIOD_QUERY}&desk=all`)).json()) as ReportResponse;
    const received = Object.values(same.report.byPriority).reduce((sum, f) => sum + f.received, 0);
    expect(received).toBeGreaterThanOrEqual(9);
    expect(lines).toHaveLength(1 + received);

    const figures = await get(`/api/reports/figures.csv?${PERIOD_QUERY}&desk=reunion&client=${CLIENT}`);
    expect(figures.headers.get('content-disposition')).toContain(`_reunion_${CLIENT}_chiffres.csv`);
    const rows = (await figures.text())
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(rows[0]).toBe(FIGURES_CSV_HEADER.join(','));
    expect(rows).toHaveLength(1 + 4);
    const haute = rows.find((r) => r.includes(',haute,'))?.split(',') ?? [];
    const column = (name: string) => haute[FIGURES_CSV_HEADER.indexOf(name)];
    expect([column('desk'), column('client'), column('received'), column('gtiMetRatio')]).toEqual([
      'reunion',
      CLIENT,
      '4',
      '0.75',
    ]);
    expect([column('firstContactOpenMinutesMedian'), column('firstContactOpenMinutesP90')]).toEqual([
      '15',
      '140',
    ]);
  });

  it('refuses a bad query in French before reading anything, and an anonymous caller', async () => {
    const message = async (query: string) => {
      const res = await get(`/api/reports?${query}`);
      expect(res.status).toBe(400);
      return ((await res.json()) as { error: { message: string } }).error.message;
    };
    expect(await message('desk=paris')).toMatch(/« desk » : un centre parmi reunion/);
    expect(await message('from=2026-11-31&to=2026-12-01')).toMatch(/« from » : une date AAAA-MM-JJ/);
    expect(await message('from=2026-12-10&to=2026-11-30')).toMatch(
      /la période finit \(2026-11-30\) avant de commencer/,
    );
    expect(await message("client=x'%20OR%201=1")).toMatch(/« client » : un identifiant du répertoire/);
    expect(await message('desk=reunion&format=xlsx')).toMatch(/paramètre inconnu/);
    expect((await get('/api/reports/tickets.csv', false)).status).toBe(401);
  });
});
