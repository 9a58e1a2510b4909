/**
 * Runs in a fresh Node process (--expose-gc): wires the intake as the Lambda does, warms it up on a
 * small message, then handles one large message and reports its peak RSS over the baseline on
 * stdout (one JSON line). Its own process, so that nothing else on the heap counts.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { loadServiceDeskConfig } from '../../shared/adapters/local/config-files';
import { BENCH_CLIENTS } from '../corpus/clients';
import { createBenchIntake, type Delivery, type Endpoints } from './intake-wiring';

type Job = {
  endpoints: Endpoints;
  bucket: string;
  tableName: string;
  maxAttachmentBytes: number;
  warmup: Delivery;
  large: Delivery;
  largeBytes: number;
};

const job = JSON.parse(process.argv[2] ?? '{}') as Job;
const intake = await createBenchIntake({
  endpoints: job.endpoints,
  bucket: job.bucket,
  tableName: job.tableName,
  config: await loadServiceDeskConfig(),
  clients: BENCH_CLIENTS,
  maxAttachmentBytes: job.maxAttachmentBytes,
});
await intake.handle(job.warmup);
collectGarbage();
const baselineRss = process.memoryUsage().rss;
const resetWorked = resetPeak();
const started = performance.now();
const result = await intake.handle(job.large);
const ms = performance.now() - started;
const peakRss = peakRssBytes();
intake.destroy();
process.stdout.write(
  `${JSON.stringify({
    baselineRss,
    peakRss,
    peakMeasuredFrom: resetWorked ? 'VmHWM after clear_refs' : 'maxRSS of the process',
    ms,
    outcome: result.outcome,
    attachments: result.attachments,
    attachmentsSkipped: result.attachmentsSkipped,
  })}\n`,
);
process.exit(0);

function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  gc?.();
}

/** Linux: writing 5 to clear_refs resets VmHWM, so the peak seen next is this message's alone. */
function resetPeak(): boolean {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}

function peakRssBytes(): number {
  try {
    const status = readFileSync('/proc/self/status', 'utf8');
    const kb = /VmHWM:\s+(\d+)\s+kB/.exec(status)?.[1];
    if (kb) return Number(kb) * 1024;
  } catch {
    // not Linux: fall through
  }
  return process.resourceUsage().maxRSS * 1024;
}
