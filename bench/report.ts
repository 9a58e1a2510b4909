import { z } from 'zod';

/** A figure of results.json, by its dotted path. */
export type Target = {
  key: string;
  label: string;
  unit: string;
  /** The issue's target: the value must be at most (or under) this. */
  max: number;
  inclusive: boolean;
};

/** The targets of the issue. 1 MB is taken as 1 MiB. */
export const TARGETS: readonly Target[] = [
  {
    key: 'triage.ratioToBareParse',
    label: 'core time / simpleParser time',
    unit: '×',
    max: 1.25,
    inclusive: true,
  },
  {
    key: 'intake.writeRequestsPerNewTicket',
    label: 'DynamoDB writes per new ticket',
    unit: '',
    max: 6,
    inclusive: true,
  },
  {
    key: 'coldStart.intakeBundleBytes',
    label: 'intake bundle (minified)',
    unit: 'B',
    max: 1024 * 1024,
    inclusive: false,
  },
  {
    key: 'coldStart.intakeLoadMsMedian',
    label: 'intake module load (median)',
    unit: 'ms',
    max: 150,
    inclusive: false,
  },
  {
    key: 'coldStart.intakeBundleRatioToFloor',
    label: 'intake bundle / required libraries alone',
    unit: '×',
    max: 1.25,
    inclusive: true,
  },
  {
    key: 'coldStart.intakeLoadRatioToFloor',
    label: 'intake load / required libraries alone (same run)',
    unit: '×',
    max: 1.25,
    inclusive: true,
  },
  { key: 'memory.peakRssRatio', label: 'peak RSS / message size', unit: '×', max: 2.5, inclusive: false },
];

/** Figures shown without a target, for context. */
export const INFORMATIVE: readonly { key: string; label: string; unit: string }[] = [
  { key: 'triage.messagesPerSecond', label: 'core throughput, one core', unit: 'msg/s' },
  { key: 'triage.megabytesPerSecond', label: 'core throughput, one core', unit: 'MB/s' },
  { key: 'triage.bareParseMegabytesPerSecond', label: 'simpleParser alone', unit: 'MB/s' },
  { key: 'intake.p50Ms', label: 'intake latency p50, sequential', unit: 'ms' },
  { key: 'intake.p95Ms', label: 'intake latency p95, sequential', unit: 'ms' },
  { key: 'intake.p99Ms', label: 'intake latency p99, sequential', unit: 'ms' },
  { key: 'intake.sequentialThroughputPerSecond', label: 'intake throughput, sequential', unit: 'msg/s' },
  { key: 'intake.concurrentP50Ms', label: 'intake latency p50, 16 in flight', unit: 'ms' },
  { key: 'intake.concurrentP99Ms', label: 'intake latency p99, 16 in flight', unit: 'ms' },
  { key: 'intake.concurrentThroughputPerSecond', label: 'intake throughput, 16 in flight', unit: 'msg/s' },
  { key: 'intake.writeRequestsPerFollowUp', label: 'DynamoDB writes per follow-up', unit: '' },
  { key: 'intake.writeUnitsPerNewTicket', label: 'DynamoDB write units per new ticket', unit: 'WRU' },
  { key: 'coldStart.floorBytes', label: 'required libraries alone, bundled', unit: 'B' },
  { key: 'coldStart.floorLoadMsMedian', label: 'required libraries alone, load (median)', unit: 'ms' },
  { key: 'coldStart.intakeReadyMsMedian', label: 'process start → handler ready', unit: 'ms' },
  { key: 'memory.peakRssMb', label: 'peak RSS on the large message', unit: 'MB' },
  { key: 'cost.usdPer1000Tickets', label: 'AWS cost per 1,000 tickets', unit: 'USD' },
  { key: 'report.tickets', label: 'SLA report: tickets of the desk-month', unit: '' },
  { key: 'report.itemsRead', label: 'SLA report: index items read', unit: '' },
  { key: 'report.readUnits', label: 'SLA report: read units', unit: 'RRU' },
  { key: 'report.totalMsMedian', label: 'SLA report: read + figures (median)', unit: 'ms' },
  { key: 'report.readMsMedian', label: 'SLA report: of which the index read', unit: 'ms' },
];

const figure = z.number();

/** What results.json must hold at least (the issue's list); anything else is extra detail. */
export const ResultsSchema = z.object({
  date: z.iso.datetime(),
  quick: z.boolean(),
  machine: z.object({ node: z.string(), cpus: z.number(), cpuModel: z.string() }).loose(),
  triage: z.object({ messagesPerSecond: figure, ratioToBareParse: figure }).loose().optional(),
  intake: z
    .object({
      p50Ms: figure,
      p99Ms: figure,
      concurrentThroughputPerSecond: figure,
      writeRequestsPerNewTicket: figure,
      writeRequestsPerFollowUp: figure,
    })
    .loose()
    .optional(),
  coldStart: z
    .object({
      intakeBundleBytes: figure,
      intakeLoadMsMedian: figure,
      intakeBundleRatioToFloor: figure,
      intakeLoadRatioToFloor: figure,
    })
    .loose()
    .optional(),
  memory: z.object({ peakRssRatio: figure }).loose().optional(),
  cost: z.object({ usdPer1000Tickets: figure }).loose().optional(),
  report: z.object({ tickets: figure, itemsRead: figure, totalMsMedian: figure }).loose().optional(),
  targets: z.array(
    z.object({ key: z.string(), value: figure.nullable(), max: figure, pass: z.boolean().nullable() }),
  ),
});

export function valueAt(results: Record<string, unknown>, key: string): number | null {
  let node: unknown = results;
  for (const part of key.split('.')) {
    if (node === null || typeof node !== 'object') return null;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'number' && Number.isFinite(node) ? node : null;
}

export type Verdict = { key: string; value: number | null; max: number; pass: boolean | null };

/** PASS / MISS per target; null when the section did not run. */
export function verdicts(results: Record<string, unknown>): Verdict[] {
  return TARGETS.map((t) => {
    const value = valueAt(results, t.key);
    const pass = value === null ? null : t.inclusive ? value <= t.max : value < t.max;
    return { key: t.key, value, max: t.max, pass };
  });
}

/** The table printed at the end: targets first, then the other figures. */
export function renderTable(results: Record<string, unknown>): string {
  const rows: string[][] = [['figure', 'key', 'value', 'target', 'result']];
  for (const t of TARGETS) {
    const value = valueAt(results, t.key);
    const pass =
      value === null ? 'not run' : (t.inclusive ? value <= t.max : value < t.max) ? 'PASS' : 'MISS';
    rows.push([
      t.label,
      t.key,
      format(value, t.unit),
      `${t.inclusive ? '≤' : '<'} ${format(t.max, t.unit)}`,
      pass,
    ]);
  }
  for (const f of INFORMATIVE) {
    const value = valueAt(results, f.key);
    if (value !== null) rows.push([f.label, f.key, format(value, f.unit), '', '']);
  }
  const widths = rows[0]?.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length))) ?? [];
  const line = (r: string[]) =>
    r
      .map((cell, c) => cell.padEnd(widths[c] ?? 0))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '─'.repeat(w)).join('  ');
  return [
    line(rows[0] ?? []),
    rule,
    ...rows.slice(1, TARGETS.length + 1).map(line),
    rule,
    ...rows.slice(TARGETS.length + 1).map(line),
  ].join('\n');
}

function format(value: number | null, unit: string): string {
  if (value === null) return '—';
  if (unit === 'B')
    return value >= 1024 * 1024
      ? `${(value / 1024 / 1024).toFixed(2)} MB`
      : `${(value / 1024).toFixed(0)} KB`;
  if (unit === 'USD') return `$${value.toFixed(2)}`;
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return `${value.toFixed(digits)}${unit ? ` ${unit}` : ''}`;
}
