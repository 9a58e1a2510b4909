import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as z from 'zod';
import { ContractSchema, PriorityLevelSchema } from '../../../shared/domain/desk/service-desk-config';
import { ConfigError, InputError } from '../../../shared/domain/errors';
import { LanguageSchema } from '../../../shared/domain/mail/inbound-email';
import type { UncertainFact } from '../../../shared/domain/triage/priority';
import type { TriageResult } from '../../../shared/use-cases/triage-email';
import { loadContext } from '../../../shared/wiring/cli';
import { type CommandLine, defineCommand, EXIT_OK } from '../command';
import { cli } from '../context';
import { evalReport, type Miss, type PriorityOutcome, type Tally } from '../eval-report';
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
    'follow-up reference and language, how many tickets were triaged with low confidence (the\n' +
    'acknowledgement asks the client), then each miss with the evidence the triage used and\n' +
    'whether it was asked or silent.',
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

async function runEval({ flags, positionals }: CommandLine<typeof spec.schema>): Promise<number> {
  const dir = positionals[0]!;
  const labels = await loadLabels(join(dir, 'labels.json'));
  const { config, clients } = await loadContext(flags);
  const ctx = { config, clients, ...(flags.contract ? { contractOverride: flags.contract } : {}) };
  const receivedAt = flags['received-at'] ? new Date(flags['received-at']) : cli().clock.now();

  const tally = new Map<string, Tally>();
  const count = (key: string, right: boolean, asked: boolean) => {
    const entry = tally.get(key) ?? { right: 0, total: 0, asked: 0 };
    entry.total += 1;
    if (right) entry.right += 1;
    if (asked) entry.asked += 1;
    tally.set(key, entry);
  };
  const priorities: PriorityOutcome[] = [];
  const misses: Miss[] = [];
  for (const [file, label] of Object.entries(labels).sort(([a], [b]) => a.localeCompare(b))) {
    const triaged = await triageFile(join(dir, file), receivedAt, ctx);
    for (const check of compare(triaged, label)) {
      const right = check.expected === check.got;
      if (!right) misses.push({ ...check, file, evidence: evidenceOf(triaged, check.metric) });
      if (check.metric !== 'priority') {
        count(check.metric, right, false);
        continue;
      }
      const asked = askedFacts(triaged);
      priorities.push({ file, expected: check.expected, got: check.got, asked });
      count(check.metric, right, asked !== null);
      // Per expected level too: a missed critique costs more than a missed normale.
      if (label.priority !== null) count(`  ${label.priority}`, right, asked !== null);
    }
  }
  cli().stdout(evalReport({ dir, files: Object.keys(labels).length, tally, priorities, misses }));
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
  const ticketed = result && isTicketed(result);
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

/**
 * What the acknowledgement asks the client (triage.md, "Confidence, the questions, and the tie
 * rule"): the uncertain facts of a low-confidence ticket; null when the level goes out unasked.
 */
function askedFacts(triaged: TriagedFile): readonly UncertainFact[] | null {
  if (!triaged.ok || !isTicketed(triaged.result)) return null;
  const { confidence, uncertain } = triaged.result.priority;
  return confidence === 'low' ? uncertain : null;
}

/** Automated mail gets no ticket, hence no priority, unless it is a known client's machine alert. */
function isTicketed(result: TriageResult): boolean {
  return result.automated.class === null || result.automated.machineAlert;
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

export const evalCommand = defineCommand({
  name: 'eval',
  summary: 'accuracy of triage against a labelled corpus (DIR/labels.json), with every miss',
  spec,
  run: runEval,
});
