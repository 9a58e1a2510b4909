import * as z from 'zod';
import { ConfigError, InputError } from '../../../shared/domain/errors';
import { ticketsCsv } from '../../../shared/domain/report/report-csv';
import { reportHtml } from '../../../shared/domain/report/report-html';
import { ReportMonthSchema } from '../../../shared/domain/report/report-period';
import type { SlaReport } from '../../../shared/domain/report/sla-report';
import type { ReportStore } from '../../../shared/ports/report-store';
import { buildMonthlyReport } from '../../../shared/use-cases/monthly-report';
import { buildSlaReport, ReportRequestSchema } from '../../../shared/use-cases/sla-report';
import { loadContext } from '../../../shared/wiring/cli';
import { LOCAL_DEFAULTS } from '../../../shared/wiring/local';
import {
  awsReportDirectory,
  awsReportStore,
  localReportDirectory,
  localReportStore,
  type ReportDirectory,
} from '../../../shared/wiring/report';
import { type Command, defineCommand, EXIT_OK } from '../command';
import { cli } from '../context';
import type { CommandSpec } from '../flags';
import { dataDirFlag, dataDirOf, runningStack } from '../local-stack-flags';
import { configFlag } from '../shared-flags';

const spec = {
  usage:
    'exo-intake report --from DATE --to DATE [--desk D] [--client C] [--format json|csv|html]\n' +
    '       exo-intake report --client C --month YYYY-MM [--format json|csv|html]',
  summary:
    'SLA report of the tickets received in a period (docs/reports.md): per priority, tickets received,\n' +
    'GTI/GTR met and breached, median and 90th percentile times in open and wall time; breaches, follow\n' +
    'the sun, reopenings, backlog. Reads the report index (one query per desk, no scan) of the running\n' +
    'local stack, or with --table of the deployed table (TABLE_NAME, AWS_REGION, as reprocess). DATE is a\n' +
    'day (both included, in the desk zone; UTC for all desks) or an ISO instant; default: this month.\n' +
    '--format json (default): the figures; csv: one row per ticket; html: the French one-page report.\n' +
    '--month with --client: the monthly report of that client (the month in its home desk zone, every\n' +
    'desk read, its name and contract from the client directory in the table).',
  flags: {
    from: { value: 'DATE', description: 'first day of the period, e.g. 2026-11-01 (default: this month)' },
    to: { value: 'DATE', description: 'last day of the period, included, e.g. 2026-11-30' },
    desk: { value: 'DESK', description: 'one desk, e.g. reunion (default: all)' },
    client: {
      value: 'CLIENT-ID',
      description: 'one client of the directory, e.g. CLI-RE-0027 (default: all)',
    },
    month: {
      value: 'YYYY-MM',
      description: 'with --client: the monthly report of that client, e.g. 2026-11 (instead of --from/--to)',
    },
    format: { value: 'json|csv|html', description: 'output (default json)' },
    table: { value: '', boolean: true, description: 'read the deployed table (TABLE_NAME, AWS_REGION)' },
    'backfill-index': {
      value: '',
      boolean: true,
      description: 'once after deploying the report index: give its keys to older tickets (scans the table)',
    },
    'data-dir': dataDirFlag,
    'dynamodb-endpoint': { value: 'URL', description: 'DynamoDB endpoint (default: the running stack)' },
    'table-name': { value: 'NAME', description: `local table name (default: the running stack's)` },
    config: configFlag,
  },
  schema: ReportRequestSchema.extend({
    month: ReportMonthSchema.optional(),
    format: z.enum(['json', 'csv', 'html']).default('json'),
    table: z.boolean().optional(),
    'backfill-index': z.boolean().optional(),
    'data-dir': z.string().min(1).optional(),
    'dynamodb-endpoint': z.url().optional(),
    'table-name': z.string().min(3).max(255).optional(),
    config: z.string().min(1).optional(),
  }),
} satisfies CommandSpec<z.ZodObject>;

type Flags = z.output<typeof spec.schema>;

/** Where the report reads (tests give their own table); the time is the CLI context's clock. */
export function createReportCommand(
  store: (flags: Flags) => Promise<ReportStore> = storeOf,
  directory: (flags: Flags) => Promise<ReportDirectory> = directoryOf,
): Command {
  return defineCommand({
    name: 'report',
    summary: 'SLA report of a period (JSON figures, CSV of the tickets, French HTML page)',
    spec,
    async run({ flags }) {
      const { config } = await loadContext({ config: flags.config });
      const reports = await store(flags);
      if (flags['backfill-index']) {
        const done = await reports.backfillIndex();
        cli().stdout(`${JSON.stringify({ backfill: done })}\n`);
        return EXIT_OK;
      }
      if (flags.month !== undefined) {
        if (flags.client === undefined || flags.from !== undefined || flags.to !== undefined)
          throw new InputError('--month gives the monthly report of one client: --client C --month YYYY-MM', {
            hint: 'add --client, and leave out --from/--to (the month is the period)',
          });
        const monthly = await buildMonthlyReport(
          { client: flags.client, month: flags.month },
          { reports, clock: cli().clock, config, directory: await directory(flags) },
        );
        cli().stderr(`${monthly.outcomes.length} ticket(s) of ${flags.client} in ${flags.month}\n`);
        if (flags.format === 'csv') cli().stdout(ticketsCsv(monthly.outcomes));
        else if (flags.format === 'html') cli().stdout(monthly.html);
        else cli().stdout(`${JSON.stringify(monthly.report satisfies SlaReport)}\n`);
        return EXIT_OK;
      }
      const request = ReportRequestSchema.parse({
        from: flags.from,
        to: flags.to,
        desk: flags.desk,
        client: flags.client,
      });
      const { report, outcomes, series, reads } = await buildSlaReport(request, {
        reports,
        clock: cli().clock,
        config,
      });
      if (reads.invalid.length > 0)
        cli().stderr(
          `skipped ${reads.invalid.length} unreadable ticket(s): ${reads.invalid.slice(0, 10).join(', ')}\n`,
        );
      cli().stderr(
        `${outcomes.length} ticket(s), ${reads.itemsRead} index item(s) read in ${reads.pages} page(s)\n`,
      );
      if (flags.format === 'csv') cli().stdout(ticketsCsv(outcomes));
      else if (flags.format === 'html') {
        const clientName = outcomes.find((o) => o.clientId === report.client)?.clientName ?? null;
        cli().stdout(reportHtml(report, config, { clientName, series }));
      } else cli().stdout(`${JSON.stringify(report satisfies SlaReport)}\n`);
      return EXIT_OK;
    },
  });
}

export const reportCommand = createReportCommand();

async function storeOf(flags: Flags): Promise<ReportStore> {
  if (flags.table) return awsReportStore();
  const { endpoint, tableName } = await localTable(flags);
  return localReportStore(endpoint, tableName);
}

async function directoryOf(flags: Flags): Promise<ReportDirectory> {
  if (flags.table) return awsReportDirectory();
  const { endpoint, tableName } = await localTable(flags);
  return localReportDirectory(endpoint, tableName);
}

async function localTable(flags: Flags): Promise<{ endpoint: string; tableName: string }> {
  const dataDir = dataDirOf(flags['data-dir']);
  const stack = flags['dynamodb-endpoint'] ? null : await runningStack(dataDir);
  const endpoint = flags['dynamodb-endpoint'] ?? stack?.endpoints.dynamodb;
  if (!endpoint)
    throw new ConfigError(`no running local stack found in ${dataDir} (no live stack.json)`, {
      hint: 'start it with `npm start`, pass --dynamodb-endpoint, or --table for the deployed table',
    });
  return { endpoint, tableName: flags['table-name'] ?? stack?.tableName ?? LOCAL_DEFAULTS.tableName };
}
