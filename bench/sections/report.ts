import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ticketItem } from '../../shared/adapters/aws/dynamodb/items';
import { dynamoReportStore } from '../../shared/adapters/aws/dynamodb/report-store';
import { Table } from '../../shared/adapters/aws/dynamodb/table';
import { ensureTable } from '../../shared/adapters/aws/dynamodb/table-schema';
import { S3RVER_CREDENTIALS } from '../../shared/adapters/local/services/s3rver';
import { EMULATOR_REGION } from '../../shared/adapters/local/services/ses-emulator';
import {
  deskById,
  PRIORITY_LEVELS,
  type ServiceDeskConfig,
} from '../../shared/domain/desk/service-desk-config';
import { ticketsCsv } from '../../shared/domain/report/report-csv';
import { computeDeadlines } from '../../shared/domain/sla/sla';
import type { Ticket } from '../../shared/domain/ticket/ticket';
import { NO_WORK } from '../../shared/domain/ticket/ticket-work';
import { buildSlaReport } from '../../shared/use-cases/sla-report';
import { Prng } from '../lib/prng';
import type { Progress } from '../lib/progress';
import { median, round } from '../lib/stats';
import { emptyTally, RequestMeter } from './request-meter';

export type ReportFigures = {
  tickets: number;
  /** Tickets of other desks in the same month, which the desk's report must not read. */
  otherDeskTickets: number;
  itemsRead: number;
  pages: number;
  readUnits: number;
  /** Index read + figures, median of `runs`. */
  totalMsMedian: number;
  /** Of which the index read (every page, parsed). */
  readMsMedian: number;
  csvMs: number;
  runs: number;
  seedSeconds: number;
};

const TABLE = 'bench-report';
const MONTH = { from: '2026-11-01', to: '2026-11-30' };
const MINUTE = 60_000;

/**
 * `report`: a month of one busy desk (10,000 tickets, 1,000 in --quick) seeded as the stores write
 * tickets (ticketItem: the report index keys come with them), beside a tenth as many at another desk;
 * then the desk's monthly report as `exo-intake report` builds it, timed, with the index items and
 * read units DynamoDB reported.
 */
export async function benchReport(options: {
  endpoint: string;
  config: ServiceDeskConfig;
  tickets: number;
  runs: number;
  progress: Progress;
}): Promise<ReportFigures> {
  const { endpoint, config, progress } = options;
  const client = new DynamoDBClient({
    region: EMULATOR_REGION,
    endpoint,
    credentials: { ...S3RVER_CREDENTIALS },
  });
  const meter = new RequestMeter();
  meter.attachDynamoDb(client);
  try {
    await ensureTable(client, TABLE);
    const seedStart = performance.now();
    const random = new Prng(18);
    const own = Array.from({ length: options.tickets }, (_, i) => aTicket(i, 'reunion', random, config));
    const others = Array.from({ length: Math.ceil(options.tickets / 10) }, (_, i) =>
      aTicket(options.tickets + i, 'martinique', random, config),
    );
    const doc = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
    await seed(doc, [...own, ...others], progress);
    const seedSeconds = round((performance.now() - seedStart) / 1000, 1);

    const store = dynamoReportStore(new Table(doc, TABLE));
    let readMs = 0;
    const reports: typeof store = {
      backfillIndex: () => store.backfillIndex(),
      async ticketsReceived(desk, from, to) {
        const started = performance.now();
        try {
          return await store.ticketsReceived(desk, from, to);
        } finally {
          readMs += performance.now() - started;
        }
      },
    };
    const readTimes: number[] = [];
    const deps = { reports, config, clock: { now: () => new Date('2026-12-05T12:00:00Z') } };
    const times: number[] = [];
    let last: Awaited<ReturnType<typeof buildSlaReport>> | null = null;
    const tally = emptyTally();
    for (let run = 0; run < options.runs; run++) {
      const started = performance.now();
      readMs = 0;
      const runTally = run === 0 ? tally : emptyTally();
      last = await meter.run(runTally, () => buildSlaReport({ ...MONTH, desk: 'reunion' }, deps));
      times.push(performance.now() - started);
      readTimes.push(readMs);
    }
    if (!last) throw new Error('no report run');
    const csvStart = performance.now();
    ticketsCsv(last.outcomes);
    const csvMs = performance.now() - csvStart;
    progress.line(
      `${last.outcomes.length} tickets reported from ${last.reads.itemsRead} index items in ${last.reads.pages} pages, median ${Math.round(median(times))} ms (index read ${Math.round(median(readTimes))} ms)`,
    );
    return {
      tickets: last.outcomes.length,
      otherDeskTickets: others.length,
      itemsRead: last.reads.itemsRead,
      pages: last.reads.pages,
      readUnits: round(tally.readUnits, 1),
      totalMsMedian: round(median(times), 0),
      readMsMedian: round(median(readTimes), 0),
      csvMs: round(csvMs, 0),
      runs: options.runs,
      seedSeconds,
    };
  } finally {
    client.destroy();
  }
}

/** Batches of 25 (BatchWriteItem's limit), 8 in flight; unprocessed items are sent again. */
async function seed(doc: DynamoDBDocumentClient, tickets: Ticket[], progress: Progress): Promise<void> {
  const batches: Ticket[][] = [];
  for (let i = 0; i < tickets.length; i += 25) batches.push(tickets.slice(i, i + 25));
  let done = 0;
  const worker = async () => {
    for (let batch = batches.shift(); batch; batch = batches.shift()) {
      let requests = batch.map((t) => ({ PutRequest: { Item: ticketItem(t) } }));
      while (requests.length > 0) {
        const out = await doc.send(new BatchWriteCommand({ RequestItems: { [TABLE]: requests } }));
        requests = (out.UnprocessedItems?.[TABLE] ?? []) as typeof requests;
      }
      done += batch.length;
      progress.tick('seeding tickets', done, tickets.length);
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
}

/** A ticket of November 2026 with a plausible life: most contacted and resolved, some late, some open. */
function aTicket(n: number, deskId: string, random: Prng, config: ServiceDeskConfig): Ticket {
  const desk = deskById(config, deskId);
  if (!desk) throw new Error(`bench: no desk ${deskId}`);
  const start = Date.parse('2026-10-31T20:00:00Z');
  const receivedAt = new Date(start + Math.floor(random.next() * 30 * 24 * 60) * MINUTE);
  const level = random.pick(PRIORITY_LEVELS);
  const contract = random.chance(0.2) ? 'premium' : 'standard';
  const deadlines = computeDeadlines({ receivedAt, desk, contract, priority: level });
  const contacted = random.chance(0.9);
  const contactAt = new Date(receivedAt.getTime() + random.logUniform(1, 24 * 60) * MINUTE);
  const resolved = contacted && random.chance(0.8);
  const resolvedAt = new Date(contactAt.getTime() + random.logUniform(5, 10 * 24 * 60) * MINUTE);
  const iso = (d: Date) => d.toISOString();
  return {
    reference: `EXO-2026-${String(n + 1).padStart(6, '0')}`,
    desk: deskId,
    deskOnDuty: { deskId: random.chance(0.05) ? 'nouvelle-caledonie' : deskId, onCall: false },
    client: { clientId: `CLI-${random.int(1, 200)}`, name: 'Client', matchedBy: 'domain' },
    contract,
    requester: { address: `user${n}@client.example`, name: '' },
    participants: [`user${n}@client.example`],
    subject: `Demande ${n}`,
    language: 'fr',
    priority: { level, source: 'inferred', evidence: [], inferredLevel: level },
    status: resolved ? 'résolu' : contacted ? 'en cours' : 'nouveau',
    receivedAt: iso(receivedAt),
    gtiDueAt: iso(deadlines.gtiDueAt),
    gtrDueAt: iso(deadlines.gtrDueAt),
    flags: {
      unknownClient: false,
      unverifiedSender: false,
      priorityDisagreement: false,
      attachmentsSkipped: false,
    },
    acknowledgement: {
      state: 'sent',
      reason: null,
      sesMessageId: null,
      attemptId: null,
      leaseUntil: null,
      updatedAt: iso(receivedAt),
    },
    machineAlert: false,
    linkedTo: null,
    mentionedReference: null,
    resolvedAt: resolved ? iso(resolvedAt) : null,
    ...(resolved && random.chance(0.05) ? { reopenedAt: [iso(resolvedAt)] } : {}),
    createdAt: iso(receivedAt),
    updatedAt: iso(resolved ? resolvedAt : receivedAt),
    messageCount: 1,
    version: 3,
    work: {
      ...NO_WORK,
      firstContact: contacted
        ? {
            at: iso(contactAt),
            channel: 'email',
            agentId: 'agent@exodata.fr',
            gtiMet: contactAt <= deadlines.gtiDueAt,
            implicit: false,
          }
        : null,
      resolution: resolved
        ? {
            at: iso(resolvedAt),
            agentId: 'agent@exodata.fr',
            gtrMet: resolvedAt <= deadlines.gtrDueAt,
            summary: 'fait',
          }
        : null,
    },
  };
}
