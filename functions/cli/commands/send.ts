import { basename } from 'node:path';
import * as z from 'zod';
import { ConfigError, ExodataError } from '../../../shared/domain/errors';
import { readEmlForSending } from '../../../shared/wiring/cli';
import { LOCAL_DEFAULTS } from '../../../shared/wiring/local';
import { sendToLocalListener } from '../../../shared/wiring/local-client';
import { defineCommand, EXIT_FAILED, EXIT_OK } from '../command';
import { cli } from '../context';
import type { CommandSpec } from '../flags';
import { dataDirFlag, dataDirOf, RecipientsSchema, runningStack } from '../local-stack-flags';

const spec = {
  usage: 'exo-intake send',
  summary:
    'Sends .eml files through the local SMTP listener (`npm start`), as a mail server would: envelope\n' +
    'sender from Return-Path (else From), recipients from To and Cc unless --to says otherwise. Prints\n' +
    "the listener's reply per file (the ticket reference when one was made).",
  flags: {
    host: { value: 'HOST', description: 'SMTP listener host (default: the running stack, else 127.0.0.1)' },
    port: { value: 'PORT', description: 'SMTP listener port (default: the running stack, else 2525)' },
    to: {
      value: 'ADDR[,ADDR…]',
      description: 'envelope recipients instead of To/Cc, e.g. reunion@exodata.fr',
    },
    'data-dir': dataDirFlag,
  },
  schema: z.object({
    host: z.string().trim().min(1).optional(),
    port: z.coerce.number().int().min(1).max(65_535).optional(),
    to: RecipientsSchema.optional(),
    'data-dir': z.string().min(1).optional(),
  }),
  positionals: { name: 'FILE.eml…', min: 1 },
} satisfies CommandSpec<z.ZodObject>;

export const sendCommand = defineCommand({
  name: 'send',
  summary: 'send .eml files to the local SMTP listener of `npm start` (one reply per file)',
  spec,
  async run({ flags, positionals }) {
    const stack = flags.host && flags.port ? null : await runningStack(dataDirOf(flags['data-dir']));
    const target = {
      host: flags.host ?? stack?.smtp.host ?? LOCAL_DEFAULTS.host,
      port: flags.port ?? stack?.smtp.port ?? LOCAL_DEFAULTS.smtpPort,
    };
    let failed = 0;
    for (const file of positionals) {
      const row = await sendFile(file, target, flags.to);
      // Nothing listens: every next file would fail the same way.
      if (row.fatal) throw row.fatal;
      if (!row.ok) failed += 1;
      cli().stdout(`${basename(file)}: ${[row.envelope, row.reply].filter(Boolean).join(' ')}\n`);
    }
    cli().stdout(
      `${positionals.length - failed}/${positionals.length} accepted by ${target.host}:${target.port}\n`,
    );
    return failed > 0 ? EXIT_FAILED : EXIT_OK;
  },
});

type SendRow = { ok: boolean; envelope: string; reply: string; fatal?: Error };

async function sendFile(
  file: string,
  target: { host: string; port: number },
  to?: string[],
): Promise<SendRow> {
  let raw: Buffer;
  let envelope: { from: string; to: string[] };
  try {
    ({ raw, envelope } = await readEmlForSending(file, to));
  } catch (error) {
    return { ok: false, envelope: '', reply: `not sent: ${describe(error)}` };
  }
  const shown = `<${envelope.from}> → ${envelope.to.join(', ') || '(none)'}:`;
  if (envelope.to.length === 0) {
    return {
      ok: false,
      envelope: shown,
      reply: 'not sent: no To/Cc recipient; pass --to reunion@exodata.fr',
    };
  }
  try {
    const result = await sendToLocalListener(target, { raw, envelope });
    if (!result.accepted) {
      const detail = result.rejected.map((r) => `${r.address}: ${r.response}`).join('; ');
      return { ok: false, envelope: shown, reply: detail || result.response };
    }
    // The full 550 text is in the `npm start` console; here the code is enough.
    const refused = result.rejected.map((r) => ` (${r.address}: ${r.response.slice(0, 3)})`).join('');
    return { ok: true, envelope: shown, reply: `${result.response}${refused}` };
  } catch (error) {
    const fatal = error instanceof ConfigError ? error : undefined;
    return { ok: false, envelope: shown, reply: `not sent: ${describe(error)}`, ...(fatal ? { fatal } : {}) };
  }
}

function describe(error: unknown): string {
  if (error instanceof ExodataError) return error.toUserMessage();
  if ((error as NodeJS.ErrnoException)?.code === 'ENOENT') return 'file not found';
  return error instanceof Error ? error.message : String(error);
}
