import { simpleParser } from 'mailparser';
import type { ClientEntry } from '../../shared/domain/desk/client-directory';
import type { ServiceDeskConfig } from '../../shared/domain/desk/service-desk-config';
import type { MailParser } from '../../shared/ports/mail-parser';
import { triageEmail } from '../../shared/use-cases/triage-email';
import type { CorpusMessage } from '../corpus/generate';
import { receiptOf } from '../corpus/receipt';
import type { Progress } from '../lib/progress';
import { median, round, sum } from '../lib/stats';

export type TriageFigures = {
  messages: number;
  megabytes: number;
  messagesPerSecond: number;
  megabytesPerSecond: number;
  bareParseMessagesPerSecond: number;
  bareParseMegabytesPerSecond: number;
  /** Core time over simpleParser time on the same bytes in the same run: the figure that survives noise. */
  ratioToBareParse: number;
  /** Median of the per-message ratios: the same figure, less sensitive to the few largest messages. */
  medianMessageRatio: number;
  /** Of the core's time: our parser adapter, then triage + deadlines. */
  parseShare: number;
  triageShare: number;
  /** Messages the core turned down (unparseable...): counted in the time, listed here. */
  rejected: number;
};

export type TriageBenchInput = {
  corpus: readonly CorpusMessage[];
  parser: MailParser;
  config: ServiceDeskConfig;
  clients: readonly ClientEntry[];
  /** Messages run through both paths first, uncounted (JIT, caches). */
  warmup: number;
  progress: Progress;
};

/**
 * Single-threaded, message by message, the core (our parser adapter + triage + deadlines) beside
 * mailparser's simpleParser on the same bytes. The two alternate which goes first on each message
 * so that load from other processes, GC and caches fall on both alike.
 */
export async function benchTriage(input: TriageBenchInput): Promise<TriageFigures> {
  const { corpus, parser, config, clients } = input;
  const core = async (message: CorpusMessage) => {
    const started = performance.now();
    const parsed = await parser.parse(message.raw);
    const parsedAt = performance.now();
    triageEmail(parsed.email, receiptOf(message), { config, clients });
    return { parseMs: parsedAt - started, triageMs: performance.now() - parsedAt };
  };
  const bare = async (message: CorpusMessage) => {
    const started = performance.now();
    await simpleParser(message.raw);
    return performance.now() - started;
  };

  for (const message of corpus.slice(0, input.warmup)) {
    await bare(message);
    await core(message).catch(() => undefined);
  }

  const coreMs: number[] = [];
  const parseMs: number[] = [];
  const triageMs: number[] = [];
  const bareMs: number[] = [];
  let rejected = 0;
  const runCore = async (message: CorpusMessage) => {
    const started = performance.now();
    try {
      const split = await core(message);
      parseMs.push(split.parseMs);
      triageMs.push(split.triageMs);
    } catch {
      rejected++;
    }
    coreMs.push(performance.now() - started);
  };
  for (const [i, message] of corpus.entries()) {
    if (i % 2 === 0) {
      bareMs.push(await bare(message));
      await runCore(message);
    } else {
      await runCore(message);
      bareMs.push(await bare(message));
    }
    input.progress.tick('messages', i + 1, corpus.length);
  }

  const megabytes = sum(corpus.map((m) => m.raw.length)) / (1024 * 1024);
  const coreSeconds = sum(coreMs) / 1000;
  const bareSeconds = sum(bareMs) / 1000;
  const coreTotal = sum(parseMs) + sum(triageMs);
  return {
    messages: corpus.length,
    megabytes: round(megabytes, 1),
    messagesPerSecond: round(corpus.length / coreSeconds, 1),
    megabytesPerSecond: round(megabytes / coreSeconds, 2),
    bareParseMessagesPerSecond: round(corpus.length / bareSeconds, 1),
    bareParseMegabytesPerSecond: round(megabytes / bareSeconds, 2),
    ratioToBareParse: round(coreSeconds / bareSeconds, 3),
    medianMessageRatio: round(median(coreMs.map((ms, i) => ms / (bareMs[i] as number))), 3),
    parseShare: round(sum(parseMs) / coreTotal, 3),
    triageShare: round(sum(triageMs) / coreTotal, 3),
    rejected,
  };
}
