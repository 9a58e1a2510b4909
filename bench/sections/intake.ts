import type { ClientEntry } from '../../shared/domain/desk/client-directory';
import type { ServiceDeskConfig } from '../../shared/domain/desk/service-desk-config';
import type { CorpusMessage } from '../corpus/generate';
import type { Progress } from '../lib/progress';
import { mean, percentile, round } from '../lib/stats';
import { createBenchIntake } from './intake-wiring';
import type { BenchServices } from './local-services';
import { addTally, emptyTally, type Tally } from './request-meter';

export type LatencyFigures = {
  messages: number;
  inFlight: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  meanMs: number;
  maxMs: number;
  throughputPerSecond: number;
};

/** What the messages of one outcome cost: each Tally figure averaged over them, plus how many and the worst write count. */
export type OutcomeCost = Tally & {
  count: number;
  writeRequestsMax: number;
};

export type IntakeFigures = {
  sequential: LatencyFigures;
  concurrent: LatencyFigures;
  outcomes: Record<string, number>;
  /** Averages per message of each outcome (sequential run: no lost races in the counts). */
  perOutcome: Record<string, OutcomeCost>;
  /** Averages over every message of the sequential run: what the cost model multiplies. */
  perMessage: OutcomeCost;
  /** The two figures of the issue, from perOutcome. */
  writeRequestsPerNewTicket: number;
  writeRequestsPerFollowUp: number;
  failures: number;
};

export type IntakeBenchInput = {
  corpus: readonly CorpusMessage[];
  services: BenchServices;
  config: ServiceDeskConfig;
  clients: readonly ClientEntry[];
  inFlight: number;
  /** MAX_ATTACHMENT_BYTES of the function (the deployment's maxMessageBytes). */
  maxAttachmentBytes: number;
  progress: Progress;
};

/**
 * End to end as on Lambda: the raw mail is put where SES puts it (not timed), then the intake
 * handler runs on the SES event: S3 read, parse, triage, DynamoDB commit, attachments to S3 and
 * the acknowledgement through SES. Once message by message, then again on a fresh table with
 * `inFlight` handlers running at once. Each message's requests are counted by SDK middleware.
 */
export async function benchIntake(input: IntakeBenchInput): Promise<IntakeFigures> {
  const sequential = await runOnce(input, 'seq', 1);
  input.progress.line(
    `sequential: p50 ${round(sequential.latency.p50Ms, 1)} ms, ${sequential.latency.throughputPerSecond} msg/s`,
  );
  const concurrent = await runOnce(input, 'par', input.inFlight);
  input.progress.line(`${input.inFlight} in flight: ${concurrent.latency.throughputPerSecond} msg/s`);

  const byOutcome = new Map<string, Tally[]>();
  sequential.results.forEach((run) => {
    const list = byOutcome.get(run.outcome) ?? [];
    list.push(run.tally);
    byOutcome.set(run.outcome, list);
  });
  const perOutcome = Object.fromEntries(
    [...byOutcome].map(([outcome, tallies]) => [outcome, averageCost(tallies)]),
  );
  return {
    sequential: sequential.latency,
    concurrent: concurrent.latency,
    outcomes: Object.fromEntries([...byOutcome].map(([outcome, list]) => [outcome, list.length])),
    perOutcome,
    perMessage: averageCost(sequential.results.map((r) => r.tally)),
    writeRequestsPerNewTicket: perOutcome['ticket-created']?.writeRequests ?? Number.NaN,
    writeRequestsPerFollowUp: perOutcome['follow-up']?.writeRequests ?? Number.NaN,
    failures: sequential.failures + concurrent.failures,
  };
}

type MessageRun = { outcome: string; ms: number; tally: Tally };

async function runOnce(
  input: IntakeBenchInput,
  name: string,
  inFlight: number,
): Promise<{ latency: LatencyFigures; results: MessageRun[]; failures: number }> {
  const { services, corpus, progress } = input;
  const intake = await createBenchIntake({
    endpoints: services.endpoints,
    bucket: services.bucket,
    tableName: `bench-${name}-${Date.now()}`,
    config: input.config,
    clients: input.clients,
    maxAttachmentBytes: input.maxAttachmentBytes,
  });
  const deliveryOf = (message: CorpusMessage) => ({
    sesId: `bench-${name}-${String(message.index).padStart(5, '0')}`,
    deskAddress: message.deskAddress,
    receivedAt: message.receivedAt,
  });
  for (const [i, message] of corpus.entries()) {
    await intake.store(deliveryOf(message).sesId, message.raw);
    progress.tick(`${name}: raw mail stored`, i + 1, corpus.length);
  }

  const results: MessageRun[] = new Array(corpus.length);
  let failures = 0;
  let next = 0;
  let done = 0;
  const started = performance.now();
  const worker = async () => {
    for (let i = next++; i < corpus.length; i = next++) {
      const message = corpus[i] as CorpusMessage;
      const tally = emptyTally();
      const t0 = performance.now();
      let outcome = 'failed';
      try {
        outcome = (await intake.meter.run(tally, () => intake.handle(deliveryOf(message)))).outcome;
      } catch (error) {
        failures++;
        if (failures <= 3) progress.line(`${name}: message ${message.index} failed: ${String(error)}`);
      }
      results[i] = { outcome, ms: performance.now() - t0, tally };
      progress.tick(`${name}: messages`, ++done, corpus.length);
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
  const wallSeconds = (performance.now() - started) / 1000;
  intake.destroy();

  const ms = results.map((r) => r.ms);
  return {
    latency: {
      messages: corpus.length,
      inFlight,
      p50Ms: round(percentile(ms, 50), 1),
      p95Ms: round(percentile(ms, 95), 1),
      p99Ms: round(percentile(ms, 99), 1),
      meanMs: round(mean(ms), 1),
      maxMs: round(Math.max(...ms), 1),
      throughputPerSecond: round(corpus.length / wallSeconds, 2),
    },
    results,
    failures,
  };
}

function averageCost(tallies: readonly Tally[]): OutcomeCost {
  const total = tallies.reduce((sum, t) => addTally(sum, t), emptyTally());
  const n = tallies.length || 1;
  const avg = (x: number) => round(x / n, 2);
  return {
    count: tallies.length,
    writeRequests: avg(total.writeRequests),
    writeRequestsMax: Math.max(0, ...tallies.map((t) => t.writeRequests)),
    writeUnits: avg(total.writeUnits),
    indexWriteUnits: avg(total.indexWriteUnits),
    readRequests: avg(total.readRequests),
    readUnits: avg(total.readUnits),
    dynamodbCalls: avg(total.dynamodbCalls),
    s3Puts: avg(total.s3Puts),
    s3Gets: avg(total.s3Gets),
    s3PutBytes: Math.round(total.s3PutBytes / n),
    sesSends: avg(total.sesSends),
    commands: Object.fromEntries(Object.entries(total.commands).map(([k, v]) => [k, avg(v)])),
    writesByCommand: Object.fromEntries(Object.entries(total.writesByCommand).map(([k, v]) => [k, avg(v)])),
    writesByItem: Object.fromEntries(Object.entries(total.writesByItem).map(([k, v]) => [k, avg(v)])),
  };
}
