/**
 * `npm run bench [-- --quick] [-- --only triage,intake,cold-start,memory,report]`: how fast and how lean
 * the intake is. Progress on stderr, a table on stdout, every figure in bench/results.json.
 * Ratios are measured within one run (both sides under the same load); absolute figures depend on
 * the machine and its load, which results.json records beside them.
 */
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadServiceDeskConfig } from '../shared/adapters/local/config-files';
import { mailparserMailParser } from '../shared/adapters/mailparser-mail-parser';
import { BENCH_CLIENTS } from './corpus/clients';
import { type CorpusMessage, FULL_CORPUS, generateCorpus } from './corpus/generate';
import { deploymentSettings, REPO_ROOT } from './lib/deployment';
import { machineInfo } from './lib/machine';
import { progressTo } from './lib/progress';
import { mean, round } from './lib/stats';
import { ResultsSchema, renderTable, verdicts } from './report';
import { benchColdStart, type ColdStartFigures } from './sections/cold-start';
import { costPer1000Tickets } from './sections/cost';
import { benchIntake, type IntakeFigures } from './sections/intake';
import { type BenchServices, startBenchServices } from './sections/local-services';
import { benchMemory } from './sections/memory';
import { PRICES } from './sections/prices';
import { benchReport } from './sections/report';
import { benchTriage } from './sections/triage';

const SECTIONS = ['triage', 'intake', 'cold-start', 'memory', 'report'] as const;
type Section = (typeof SECTIONS)[number];

const PROFILES = {
  full: {
    corpus: FULL_CORPUS.count,
    warmup: 20,
    intakeMessages: 250,
    loads: 20,
    whatIfLoads: 9,
    memoryMessageBytes: 0,
    reportTickets: 10_000,
    reportRuns: 3,
  },
  // A smoke run: small samples, so its figures wander more than the full run's (the figures of record).
  // The large message stays full size: the child process costs more than the message.
  quick: {
    corpus: 80,
    warmup: 3,
    intakeMessages: 12,
    loads: 3,
    whatIfLoads: 0,
    memoryMessageBytes: 0,
    reportTickets: 1_000,
    reportRuns: 2,
  },
} as const;
/** Share of invocations that start a fresh environment: a service desk's mail comes minutes apart. */
const COLD_START_SHARE = 0.25;
const MB = 1024 * 1024;

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    out: { type: 'string', default: join(REPO_ROOT, 'bench/results.json') },
  },
});
const quick = values.quick === true;
const profile = quick ? PROFILES.quick : PROFILES.full;
const only = new Set((values.only ?? SECTIONS.join(',')).split(',').map((s) => s.trim()));
for (const name of only) {
  if (!SECTIONS.includes(name as Section)) {
    console.error(`unknown section "${name}": choose among ${SECTIONS.join(', ')}`);
    process.exit(2);
  }
}
const wants = (section: Section) => only.has(section);
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const log = progressTo(process.stderr, 'bench');
const startedAt = new Date();
const machine = machineInfo(REPO_ROOT);
const deployment = deploymentSettings();
log.line(
  `${quick ? 'quick' : 'full'} run on ${machine.cpus} × ${machine.cpuModel}, Node ${machine.node}, load ${machine.loadAverageAtStart}`,
);
if (machine.loadAverageAtStart > machine.cpus) {
  log.line('the machine is busy: absolute figures will be inflated; the ratios still hold');
}

const results: Record<string, unknown> = { date: startedAt.toISOString(), quick, machine };
const sectionSeconds: Record<string, number> = {};
/** Runs one section and keeps how long it took (the whole run must stay short in --quick). */
async function timed<T>(name: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await work();
  } finally {
    sectionSeconds[name] = round((performance.now() - started) / 1000, 1);
  }
}
let services: BenchServices | null = null;
try {
  // DynamoDB Local's JVM takes seconds to start: let it start while the corpus is generated.
  const servicesStarting =
    wants('intake') || wants('memory') || wants('report') ? startBenchServices() : null;
  servicesStarting?.catch(() => {});

  const config = await loadServiceDeskConfig();
  let corpus: CorpusMessage[] = [];
  if (wants('triage') || wants('intake')) {
    const options = { ...FULL_CORPUS, count: profile.corpus };
    log.line(`generating the corpus: ${options.count} messages, seed ${options.seed}…`);
    corpus = await timed('corpus', () => generateCorpus(options));
    results.corpus = describeCorpus(corpus, options.seed);
  }

  if (wants('triage')) {
    log.line('triage throughput: the core beside simpleParser, one message at a time…');
    results.triage = await timed('triage', () =>
      benchTriage({
        corpus,
        parser: mailparserMailParser,
        config,
        clients: BENCH_CLIENTS,
        warmup: profile.warmup,
        progress: progressTo(process.stderr, 'triage'),
      }),
    );
  }

  if (servicesStarting) {
    services = await timed('servicesWait', () => servicesStarting);
    log.line(
      `local services up: DynamoDB ${services.endpoints.dynamodb}, S3 ${services.endpoints.s3}, SES ${services.endpoints.ses}`,
    );
  }
  const running = services;
  let intake: IntakeFigures | null = null;
  if (wants('intake') && running) {
    const sample = corpus.slice(0, profile.intakeMessages);
    log.line(`end-to-end intake on ${sample.length} messages, then 16 in flight…`);
    intake = await timed('intake', () =>
      benchIntake({
        corpus: sample,
        services: running,
        config,
        clients: BENCH_CLIENTS,
        inFlight: 16,
        maxAttachmentBytes: deployment.maxMessageBytes,
        progress: progressTo(process.stderr, 'intake'),
      }),
    );
    results.intake = flattenIntake(intake);
  }
  if (wants('memory') && running) {
    const messageBytes = profile.memoryMessageBytes || deployment.maxMessageBytes - 256 * 1024;
    results.memory = await timed('memory', () =>
      benchMemory({
        services: running,
        messageBytes,
        maxAttachmentBytes: deployment.maxMessageBytes,
        progress: progressTo(process.stderr, 'memory'),
      }),
    );
  }
  if (wants('report') && running) {
    log.line(`report: a month of one desk, ${profile.reportTickets} tickets seeded…`);
    results.report = await timed('report', () =>
      benchReport({
        endpoint: running.endpoints.dynamodb,
        config,
        tickets: profile.reportTickets,
        runs: profile.reportRuns,
        progress: progressTo(process.stderr, 'report'),
      }),
    );
  }
  await services?.stop();
  services = null;

  let coldStart: ColdStartFigures | null = null;
  if (wants('cold-start')) {
    coldStart = await timed('coldStart', () =>
      benchColdStart({
        loads: profile.loads,
        whatIfLoads: profile.whatIfLoads,
        progress: progressTo(process.stderr, 'cold-start'),
      }),
    );
    const intakeFn = coldStart.functions.find((f) => f.name === 'Intake');
    results.coldStart = { ...coldStart, intakeReadyMsMedian: intakeFn?.readyMsMedian ?? null };
  }

  if (intake) {
    const sample = corpus.slice(0, profile.intakeMessages);
    results.cost = costPer1000Tickets(
      {
        messages: intake.perMessage.count,
        ticketsCreated: intake.outcomes['ticket-created'] ?? 0,
        meanDurationMs: intake.sequential.meanMs,
        memorySizeMb: coldStart?.intakeMemorySizeMb ?? 1536,
        initDurationMs: coldStart?.intakeLoadMsMedian ?? 0,
        coldStartShare: coldStart ? COLD_START_SHARE : 0,
        writeUnits: intake.perMessage.writeUnits,
        readUnits: intake.perMessage.readUnits,
        s3Puts: intake.perMessage.s3Puts,
        s3Gets: intake.perMessage.s3Gets,
        rawBytes: mean(sample.map((m) => m.raw.length)),
        receivedChunks: mean(sample.map((m) => Math.ceil(m.raw.length / PRICES.ses.receivedChunkBytes))),
        attachmentBytes: intake.perMessage.s3PutBytes,
        sesSends: intake.perMessage.sesSends,
        retentionDays: deployment.rawMailRetentionDays,
      },
      PRICES,
    );
  }
} finally {
  await services?.stop();
}

results.sectionSeconds = sectionSeconds;
results.durationSeconds = round((Date.now() - startedAt.getTime()) / 1000, 1);
results.loadAverageAtEnd = round(loadavg()[0] ?? 0, 2);
results.targets = verdicts(results);
const checked = ResultsSchema.safeParse(results);
if (!checked.success) {
  console.error(`results.json would be incomplete: ${checked.error.message}`);
  process.exitCode = 1;
}
writeFileSync(values.out as string, `${JSON.stringify(results, null, 2)}\n`);
process.stdout.write(`\n${renderTable(results)}\n\nresults: ${values.out}\n`);

function describeCorpus(corpus: readonly CorpusMessage[], seed: number) {
  const sizes = corpus.map((m) => m.raw.length).sort((a, b) => a - b);
  return {
    seed,
    messages: corpus.length,
    megabytes: round(sizes.reduce((s, x) => s + x, 0) / MB, 1),
    smallestBytes: sizes[0] ?? 0,
    medianBytes: sizes[Math.floor(sizes.length / 2)] ?? 0,
    largestBytes: sizes.at(-1) ?? 0,
    french: corpus.filter((m) => m.lang === 'fr').length,
    withAttachments: corpus.filter((m) => m.attachments > 0).length,
    withQuotedHistory: corpus.filter((m) => m.quotedHistory).length,
    withHtml: corpus.filter((m) => m.html).length,
    replies: corpus.filter((m) => m.replyTo !== null).length,
    automated: corpus.filter((m) => m.automated).length,
  };
}

function flattenIntake(intake: IntakeFigures) {
  return {
    p50Ms: intake.sequential.p50Ms,
    p95Ms: intake.sequential.p95Ms,
    p99Ms: intake.sequential.p99Ms,
    sequentialThroughputPerSecond: intake.sequential.throughputPerSecond,
    inFlight: intake.concurrent.inFlight,
    concurrentP50Ms: intake.concurrent.p50Ms,
    concurrentP95Ms: intake.concurrent.p95Ms,
    concurrentP99Ms: intake.concurrent.p99Ms,
    concurrentThroughputPerSecond: intake.concurrent.throughputPerSecond,
    writeUnitsPerNewTicket: intake.perOutcome['ticket-created']?.writeUnits ?? null,
    writeUnitsPerFollowUp: intake.perOutcome['follow-up']?.writeUnits ?? null,
    ...intake,
  };
}
