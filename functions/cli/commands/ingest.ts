import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import cliProgress from 'cli-progress';
import * as z from 'zod';
import { parseMail } from '../../../shared/adapters/mailparser-mail-parser';
import { ContractSchema } from '../../../shared/domain/desk/service-desk-config';
import { ConfigError, ExodataError } from '../../../shared/domain/errors';
import { headerValue } from '../../../shared/domain/mail/inbound-email';
import {
  NOT_CHECKED_VERDICTS,
  type Receipt,
  ReceiptSchema,
  VerdictSchema,
} from '../../../shared/domain/mail/receipt';
import {
  type IntakeDependencies,
  type IntakeResult,
  intakeEmail,
} from '../../../shared/use-cases/intake-email';
import { LOCAL_DEFAULTS, localAwsClients, localIntakeDependencies } from '../../../shared/wiring/local';
import { defineCommand, EXIT_FAILED, EXIT_OK } from '../command';
import { cli, processContext } from '../context';
import type { CommandSpec } from '../flags';
import { dataDirFlag, dataDirOf, RecipientsSchema, runningStack, table } from '../local-stack-flags';
import { configFlag, loadContext, receivedAtFlag, receivedAtSchema } from '../shared-flags';

const spec = {
  usage: 'exo-intake ingest',
  summary:
    'Feeds .eml files straight to the intake use case (no SMTP), against the running local stack\n' +
    '(`npm start`, found through its stack.json) or the endpoints given. Tickets are stored and\n' +
    'acknowledged as for mail received by SMTP; a file ingested twice is a duplicate, not a new ticket.\n' +
    '--verdicts gives the SES verdicts the receipt carries (the envelope sender, which SPF speaks of,\n' +
    "is the file's Return-Path), to replay what SES would have said: docs/local.md.",
  flags: {
    to: {
      value: 'ADDR[,ADDR…]',
      description: 'envelope recipients (default: none, the desk comes from To/Cc)',
    },
    'received-at': { ...receivedAtFlag, description: `${receivedAtFlag.description} (default: now)` },
    contract: { value: 'standard|premium', description: "override the client directory's contract" },
    verdicts: {
      value: 'spf=V,dkim=V,dmarc=V,spam=V,virus=V',
      description:
        'SES verdicts of the receipt, V one of PASS FAIL GRAY PROCESSING_FAILED DISABLED NOT_CHECKED (default: all NOT_CHECKED; one left out stays NOT_CHECKED)',
    },
    json: {
      value: '',
      boolean: true,
      description: 'one JSON line per file on stdout: {"file","outcome","reference"} (no table)',
    },
    'data-dir': dataDirFlag,
    'dynamodb-endpoint': { value: 'URL', description: 'DynamoDB endpoint (default: the running stack)' },
    's3-endpoint': { value: 'URL', description: 'S3 endpoint (default: the running stack)' },
    'ses-endpoint': { value: 'URL', description: 'SES endpoint (default: the running stack)' },
    config: configFlag,
  },
  schema: z.object({
    to: RecipientsSchema.optional(),
    'received-at': receivedAtSchema.optional(),
    contract: ContractSchema.optional(),
    verdicts: z
      .string()
      .transform((value, ctx) => verdictsOf(value, ctx))
      .optional(),
    json: z.boolean().optional(),
    'data-dir': z.string().min(1).optional(),
    'dynamodb-endpoint': z.url().optional(),
    's3-endpoint': z.url().optional(),
    'ses-endpoint': z.url().optional(),
    config: z.string().min(1).optional(),
  }),
  positionals: { name: 'FILE.eml…', min: 1 },
} satisfies CommandSpec<z.ZodObject>;

type Flags = z.output<typeof spec.schema>;

/** Files from this many on get a progress bar (on a terminal). */
const PROGRESS_FROM = 3;

export const ingestCommand = defineCommand({
  name: 'ingest',
  summary: 'run .eml files through the intake against the local stack (progress bar, summary table)',
  spec,
  async run({ flags, positionals }) {
    const { config } = await loadContext(flags);
    const target = await targetOf(flags);
    const aws = localAwsClients(target.endpoints);
    const deps = localIntakeDependencies(aws, config, {
      tableName: target.tableName,
      bucket: target.bucket,
      clock: cli().clock,
      maxMessageBytes: LOCAL_DEFAULTS.maxMessageBytes,
    });
    const bar = flags.json ? null : progressBar(positionals.length);
    const rows: Row[] = [];
    try {
      for (const file of positionals) {
        bar?.update(rows.length, { file: basename(file) });
        rows.push(await ingestFile(file, flags, deps));
      }
      bar?.update(rows.length, { file: '' });
    } finally {
      bar?.stop();
      aws.doc.destroy();
      aws.dynamodb.destroy();
      aws.s3.destroy();
      aws.ses.destroy();
    }
    if (flags.json) {
      // NDJSON: the line a script reads per file; a failed file says why in `error`.
      for (const r of rows) {
        const line = { file: r.file, outcome: r.outcome, reference: r.reference || null };
        cli().stdout(`${JSON.stringify(r.outcome === 'FAILED' ? { ...line, error: r.ack } : line)}\n`);
      }
      return rows.some((r) => r.outcome === 'FAILED') ? EXIT_FAILED : EXIT_OK;
    }
    cli().stdout(
      table(
        ['file', 'outcome', 'reference', 'desk', 'priority', 'acknowledgement'],
        rows.map((r) => [r.file, r.outcome, r.reference, r.desk, r.priority, r.ack]),
      ),
    );
    const counts = new Map<string, number>();
    for (const r of rows) counts.set(r.outcome, (counts.get(r.outcome) ?? 0) + 1);
    const summary = [...counts].map(([outcome, n]) => `${n} ${outcome}`).join(', ');
    cli().stdout(`\n${rows.length} file(s): ${summary}\n`);
    return rows.some((r) => r.outcome === 'FAILED') ? EXIT_FAILED : EXIT_OK;
  },
});

type Row = { file: string; outcome: string; reference: string; desk: string; priority: string; ack: string };

async function ingestFile(file: string, flags: Flags, deps: IntakeDependencies): Promise<Row> {
  const name = basename(file);
  try {
    const raw = await readFile(file);
    const receipt = await cliReceipt(raw, flags);
    const result = await intakeEmail(
      raw,
      receipt,
      deps,
      flags.contract ? { contractOverride: flags.contract } : {},
    );
    return rowOf(name, result);
  } catch (error) {
    return { file: name, outcome: 'FAILED', reference: '', desk: '', priority: '', ack: describe(error) };
  }
}

/**
 * The file's receipt: arrival now (or --received-at), envelope sender from Return-Path, recipients
 * from --to, verdicts not checked. The delivery id is the file's digest, so ingesting it again is
 * recognised as the same delivery.
 */
async function cliReceipt(raw: Buffer, flags: Flags): Promise<Receipt> {
  const { email } = await parseMail(raw);
  const returnPath = headerValue(email, 'return-path');
  return ReceiptSchema.parse({
    receivedAt: flags['received-at'] ?? cli().clock.now().toISOString(),
    recipients: flags.to ?? [],
    envelopeFrom:
      returnPath === undefined
        ? null
        : (/<([^<>]*)>/.exec(returnPath)?.[1] ?? returnPath).trim().toLowerCase(),
    verdicts: flags.verdicts ?? NOT_CHECKED_VERDICTS,
    dmarcPolicy: null,
    channel: 'cli',
    deliveryId: createHash('sha256').update(raw).digest('hex').slice(0, 32),
  });
}

const VERDICT_NAMES = ['spf', 'dkim', 'dmarc', 'spam', 'virus'] as const;

/** `spf=PASS,dmarc=GRAY` → the receipt's verdicts; names left out stay NOT_CHECKED. */
function verdictsOf(value: string, ctx: z.RefinementCtx): Receipt['verdicts'] {
  const verdicts: Receipt['verdicts'] = { ...NOT_CHECKED_VERDICTS };
  for (const pair of value.split(',').filter((p) => p.trim() !== '')) {
    const [name = '', verdict = ''] = pair.split('=').map((p) => p.trim());
    const known = VERDICT_NAMES.find((n) => n === name.toLowerCase());
    const parsed = VerdictSchema.safeParse(verdict.toUpperCase());
    if (!known || !parsed.success) {
      ctx.addIssue({
        code: 'custom',
        message: `"${pair}" is not NAME=VERDICT with NAME one of ${VERDICT_NAMES.join(', ')} and VERDICT one of ${VerdictSchema.options.join(', ')}`,
      });
      return verdicts;
    }
    verdicts[known] = parsed.data;
  }
  return verdicts;
}

function rowOf(file: string, result: IntakeResult): Row {
  const ack = result.acknowledgement;
  return {
    file,
    outcome: result.outcome,
    // A held message is on no ticket: the ticket it waits on.
    reference: result.reference ?? (result.outcome === 'held' ? (result.linkedTo ?? '') : ''),
    desk: result.deskId ?? '',
    priority: result.priority ?? '',
    ack: ack ? `${ack.state}${ack.reason ? `: ${ack.reason}` : ''}` : (result.reason ?? ''),
  };
}

async function targetOf(flags: Flags) {
  const given = {
    dynamodb: flags['dynamodb-endpoint'],
    s3: flags['s3-endpoint'],
    ses: flags['ses-endpoint'],
  };
  const dataDir = dataDirOf(flags['data-dir']);
  const stack = given.dynamodb && given.s3 && given.ses ? null : await runningStack(dataDir);
  const endpoints = {
    dynamodb: given.dynamodb ?? stack?.endpoints.dynamodb,
    s3: given.s3 ?? stack?.endpoints.s3,
    ses: given.ses ?? stack?.endpoints.ses,
  };
  if (!endpoints.dynamodb || !endpoints.s3 || !endpoints.ses) {
    throw new ConfigError(`no running local stack found in ${dataDir} (no live stack.json)`, {
      hint: 'start it with `npm start` in another terminal, or pass --dynamodb-endpoint, --s3-endpoint and --ses-endpoint',
    });
  }
  return {
    endpoints: { dynamodb: endpoints.dynamodb, s3: endpoints.s3, ses: endpoints.ses },
    tableName: stack?.tableName ?? LOCAL_DEFAULTS.tableName,
    bucket: stack?.bucket ?? LOCAL_DEFAULTS.bucket,
  };
}

function progressBar(total: number): cliProgress.SingleBar | null {
  if (total < PROGRESS_FROM || cli() !== processContext || !process.stderr.isTTY) return null;
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: 'ingest [{bar}] {value}/{total} {file}',
      clearOnComplete: true,
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0, { file: '' });
  return bar;
}

function describe(error: unknown): string {
  if (error instanceof ExodataError) return error.toUserMessage();
  if ((error as NodeJS.ErrnoException)?.code === 'ENOENT') return 'file not found';
  return error instanceof Error ? error.message : String(error);
}
