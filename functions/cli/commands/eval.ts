import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as z from 'zod';
import {
  ContractSchema,
  PRIORITY_LEVELS,
  PriorityLevelSchema,
} from '../../../shared/domain/desk/service-desk-config';
import { ConfigError, InputError } from '../../../shared/domain/errors';
import { LanguageSchema } from '../../../shared/domain/mail/inbound-email';
import { loadContext } from '../../../shared/wiring/cli';
import { type CommandLine, defineCommand, EXIT_OK } from '../command';
import { cli } from '../context';
import type { CommandSpec } from '../flags';
import { clientsFlag, configFlag, receivedAtFlag, receivedAtSchema } from '../shared-flags';
import { type TriagedFile, triageFile } from '../triage-file';

/** labels.json of a labelled corpus: what a careful agent decided for each file. */
const LabelSchema = z.object({
  /** null for automated mail, which does not become a ticket. */
  priority: PriorityLevelSchema.nullable(),
  source: z.enum(['declared', 'inferred', 'default']).optional(),
  ack: z.boolean(),
  followup: z.string().nullable(),
  lang: LanguageSchema.optional(),
  why: z.string().optional(),
});
const LabelsFileSchema = z.record(z.string(), LabelSchema);
type Label = z.infer<typeof LabelSchema>;

const spec = {
  usage: 'exo-intake eval',
  summary:
    'Triages every file of DIR/labels.json and prints the accuracy of priority level, acknowledgement,\n' +
    'follow-up reference and language, then each miss with the evidence the triage used.',
  flags: {
    clients: clientsFlag,
    config: configFlag,
    contract: { value: 'standard|premium', description: "override the client directory's contract" },
    'received-at': { ...receivedAtFlag, description: `${receivedAtFlag.description} (default: now)` },
  },
  schema: z.object({
    clients: z.string().min(1).optional(),
    config: z.string().min(1).optional(),
    contract: ContractSchema.optional(),
    'received-at': receivedAtSchema.optional(),
  }),
  positionals: { name: 'DIR', min: 1 },
} satisfies CommandSpec<z.ZodObject>;

type Check = { metric: string; expected: string; got: string };
type Miss = Check & { file: string; evidence: string };

async function runEval({ flags, positionals }: CommandLine<typeof spec.schema>): Promise<number> {
  const dir = positionals[0]!;
  const labels = await loadLabels(join(dir, 'labels.json'));
  const { config, clients } = await loadContext(flags);
  const ctx = { config, clients, ...(flags.contract ? { contractOverride: flags.contract } : {}) };
  const receivedAt = flags['received-at'] ? new Date(flags['received-at']) : cli().clock.now();

  const tally = new Map<string, { right: number; total: number }>();
  const misses: Miss[] = [];
  for (const [file, label] of Object.entries(labels).sort(([a], [b]) => a.localeCompare(b))) {
    const triaged = await triageFile(join(dir, file), receivedAt, ctx);
    for (const check of compare(triaged, label)) {
      const entry = tally.get(check.metric) ?? { right: 0, total: 0 };
      entry.total += 1;
      if (check.expected === check.got) entry.right += 1;
      else misses.push({ ...check, file, evidence: evidenceOf(triaged, check.metric) });
      tally.set(check.metric, entry);
      // Per expected level too: a missed critique costs more than a missed normale.
      if (check.metric === 'priority' && label.priority !== null) {
        const key = `  ${label.priority}`;
        const level = tally.get(key) ?? { right: 0, total: 0 };
        level.total += 1;
        if (check.expected === check.got) level.right += 1;
        tally.set(key, level);
      }
    }
  }
  cli().stdout(report(dir, Object.keys(labels).length, tally, misses));
  return EXIT_OK;
}

async function loadLabels(path: string): Promise<Record<string, Label>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (cause) {
    throw new InputError(`cannot read ${path}`, { hint: 'give a directory that holds labels.json', cause });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new ConfigError(`${path} is not valid JSON: ${(cause as Error).message}`, { cause });
  }
  const parsed = LabelsFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(`${path} is invalid at ${issue.path.join('.')}: ${issue.message}`);
  }
  return parsed.data;
}

/** One check per metric the label holds; a file that failed to triage misses every one. */
function compare(triaged: TriagedFile, label: Label): Check[] {
  const failed = triaged.ok ? null : `error: ${triaged.error}`;
  const result = triaged.ok ? triaged.result : null;
  // Automated mail gets no ticket, hence no priority, unless it is a known client's machine alert.
  const ticketed = result && (result.automated.class === null || result.automated.machineAlert);
  const checks: Check[] = [
    {
      metric: 'priority',
      expected: String(label.priority),
      got: failed ?? (ticketed ? result!.priority.level : 'null'),
    },
    {
      metric: 'acknowledge',
      expected: String(label.ack),
      got: failed ?? String(result!.acknowledge.acknowledge),
    },
    {
      metric: 'followUp',
      expected: String(label.followup),
      got: failed ?? String(result!.followUp.reference),
    },
  ];
  if (label.lang) {
    checks.push({
      metric: 'language',
      expected: label.lang,
      got: failed ?? (triaged.ok ? triaged.email.language : ''),
    });
  }
  return checks;
}

function evidenceOf(triaged: TriagedFile, metric: string): string {
  if (!triaged.ok) return triaged.error;
  const { result, email } = triaged;
  switch (metric) {
    case 'priority':
      return result.automated.class
        ? `automated ${result.automated.class}: ${result.automated.reasons.join(', ')}`
        : `${result.priority.source}: ${result.priority.evidence.join(' | ') || '(no phrase)'}`;
    case 'acknowledge':
      return result.acknowledge.reason ?? `automated: ${result.automated.class ?? 'no'}`;
    case 'followUp':
      return `subject "${email.subject}"`;
    default:
      return `subject "${email.subject}"`;
  }
}

function report(
  dir: string,
  files: number,
  tally: Map<string, { right: number; total: number }>,
  misses: Miss[],
): string {
  const out: string[] = [`Evaluation of ${files} labelled files in ${dir}`, ''];
  out.push(
    table(
      ['metric', 'right', 'total', 'accuracy'],
      orderedRows(tally).map(([metric, { right, total }]) => [
        metric,
        String(right),
        String(total),
        `${((100 * right) / Math.max(total, 1)).toFixed(1)}%`,
      ]),
    ),
  );
  out.push('', misses.length === 0 ? 'No misses.' : `Misses (${misses.length}):`);
  if (misses.length > 0) {
    out.push(
      table(
        ['file', 'metric', 'expected', 'got', 'evidence'],
        misses.map((m) => [m.file, m.metric, m.expected, m.got, m.evidence]),
      ),
    );
  }
  return `${out.join('\n')}\n`;
}

/** Metrics in the order first seen, each priority level (indented) right under `priority`. */
function orderedRows(tally: Map<string, { right: number; total: number }>) {
  const rows = [...tally].filter(([metric]) => !metric.startsWith(' '));
  const levels = PRIORITY_LEVELS.flatMap((level) => {
    const entry = tally.get(`  ${level}`);
    return entry ? [[`  ${level}`, entry] as const] : [];
  });
  const at = rows.findIndex(([metric]) => metric === 'priority') + 1;
  return [...rows.slice(0, at), ...levels, ...rows.slice(at)];
}

/** Fixed-width columns; the last column is left to wrap in the terminal. */
function table(head: string[], rows: string[][]): string {
  const all = [head, ...rows];
  const widths = head.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  const render = (row: string[]) =>
    row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ');
  return [render(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(render)].join('\n');
}

export const evalCommand = defineCommand({
  name: 'eval',
  summary: 'accuracy of triage against a labelled corpus (DIR/labels.json), with every miss',
  spec,
  run: runEval,
});
