import * as z from 'zod';
import { ContractSchema } from '../../../shared/domain/desk/service-desk-config';
import { loadContext } from '../../../shared/wiring/cli';
import { defineCommand, EXIT_FAILED, EXIT_OK } from '../command';
import { cli } from '../context';
import type { CommandSpec } from '../flags';
import { clientsFlag, configFlag, receivedAtFlag, receivedAtSchema } from '../shared-flags';
import { deskOrThrow, inDeskZone, type TriagedFile, triageFile } from '../triage-file';

const spec = {
  usage: 'exo-intake triage',
  summary:
    'Triages .eml files without storing or sending anything: one NDJSON line per file with desk, client,\n' +
    'priority (and why), automated class, acknowledgement eligibility, follow-up reference and deadlines.',
  flags: {
    'received-at': { ...receivedAtFlag, description: `${receivedAtFlag.description} (default: now)` },
    contract: { value: 'standard|premium', description: "override the client directory's contract" },
    clients: clientsFlag,
    config: configFlag,
  },
  schema: z.object({
    'received-at': receivedAtSchema.optional(),
    contract: ContractSchema.optional(),
    clients: z.string().min(1).optional(),
    config: z.string().min(1).optional(),
  }),
  positionals: { name: 'FILE.eml…', min: 1 },
} satisfies CommandSpec<z.ZodObject>;

export const triageCommand = defineCommand({
  name: 'triage',
  summary: 'triage .eml files (NDJSON: priority, desk, acknowledgement, follow-up, GTI/GTR)',
  spec,
  async run({ flags, positionals }) {
    const { config, clients } = await loadContext(flags);
    const receivedAt = flags['received-at'] ? new Date(flags['received-at']) : cli().clock.now();
    const ctx = { config, clients, ...(flags.contract ? { contractOverride: flags.contract } : {}) };
    let failed = 0;
    for (const file of positionals) {
      const triaged = await triageFile(file, receivedAt, ctx);
      if (!triaged.ok) failed += 1;
      cli().stdout(`${JSON.stringify(toLine(triaged, config))}\n`);
    }
    return failed > 0 ? EXIT_FAILED : EXIT_OK;
  },
});

function toLine(triaged: TriagedFile, config: Parameters<typeof deskOrThrow>[0]) {
  if (!triaged.ok) return { file: triaged.file, ok: false, error: triaged.error };
  const { email, result } = triaged;
  const desk = deskOrThrow(config, result.desk.deskId);
  return {
    file: triaged.file,
    ok: true,
    messageId: email.messageId,
    from: email.from?.address ?? null,
    subject: email.subject,
    desk: desk.id,
    contract: result.contract,
    unknownClient: result.client.unknownClient,
    priority: {
      level: result.priority.level,
      source: result.priority.source,
      evidence: result.priority.evidence,
      // Issue 11: a level the facts left open says so, and which fact to ask the client about.
      confidence: result.priority.confidence,
      uncertain: result.priority.uncertain,
      facts: result.priority.facts,
      // Issue 11: the learned second reader's probability per fact (2 decimals), when the level was inferred.
      ...(result.priority.learned ? { learned: rounded(result.priority.learned) } : {}),
    },
    automated: result.automated.class,
    acknowledge: result.acknowledge.acknowledge,
    followUp: result.followUp.reference,
    gtiDueAt: inDeskZone(result.deadlines.gtiDueAt, desk),
    gtrDueAt: inDeskZone(result.deadlines.gtrDueAt, desk),
    language: email.language,
    warnings: email.warnings,
  };
}

function rounded(p: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(p).map(([fact, value]) => [fact, Math.round(value * 100) / 100]));
}
