import { readFile } from 'node:fs/promises';
import * as z from 'zod';
import { loadIntakeEnv } from '../../../shared/config';
import { type InvalidClientRow, readClientRows } from '../../../shared/domain/desk/client-directory';
import { InputError } from '../../../shared/domain/errors';
import type { ClientDirectoryStore } from '../../../shared/ports/client-directory-store';
import { createIntakeDependencies } from '../../../shared/wiring/aws';
import { createAwsClients } from '../../../shared/wiring/aws-clients';
import { type Command, defineCommand, EXIT_FAILED, EXIT_OK } from '../command';
import { cli } from '../context';
import type { CommandSpec } from '../flags';

const spec = {
  usage: 'exo-intake clients check [FILE.json] [--table]',
  summary:
    'Checks a client directory: a file ({"clients": [...]}) or, with --table, the rows of the table the\n' +
    'intake reads (same environment as reprocess: TABLE_NAME, AWS_REGION…). One line per invalid row\n' +
    '("<clientId or row N>: <what is wrong>"); exit code 1 when any row is invalid. The intake skips\n' +
    'such rows (logged, counted in InvalidClientRows, alarmed) and serves the others.',
  flags: {
    table: { value: '', boolean: true, description: 'check the rows of the table instead of a file' },
  },
  schema: z.object({ table: z.boolean().optional() }),
  positionals: { name: 'check FILE.json', min: 1 },
} satisfies CommandSpec<z.ZodObject>;

type Directory = Pick<ClientDirectoryStore, 'readClients'>;

/** The table the intake reads, from the same environment as the Lambda's (and `reprocess`). */
async function directoryFromEnv(): Promise<Directory> {
  const env = loadIntakeEnv(process.env);
  return createIntakeDependencies(env, createAwsClients({ region: env.AWS_REGION })).directory;
}

export function createClientsCommand(wire: () => Promise<Directory> = directoryFromEnv): Command {
  return defineCommand({
    name: 'clients',
    summary: 'check a client directory (a file, or the table with --table): one line per invalid row',
    spec,
    async run({ flags, positionals }) {
      const [action, file, ...rest] = positionals;
      if (action !== 'check' || rest.length > 0 || (file === undefined) === (flags.table !== true)) {
        throw new InputError(
          'usage: exo-intake clients check FILE.json, or exo-intake clients check --table',
          {
            hint: 'see --help',
          },
        );
      }
      const invalid = file === undefined ? await tableRows(wire) : await fileRows(file);
      for (const row of invalid) cli().stdout(`${row.row}: ${row.problem}\n`);
      if (invalid.length === 0) cli().stderr('every client row is valid\n');
      return invalid.length > 0 ? EXIT_FAILED : EXIT_OK;
    },
  });
}

async function tableRows(wire: () => Promise<Directory>): Promise<InvalidClientRow[]> {
  return (await (await wire()).readClients()).invalid;
}

async function fileRows(file: string): Promise<InvalidClientRow[]> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(file, 'utf8'));
  } catch (cause) {
    throw new InputError(`${file} is not a readable JSON file: ${String(cause)}`, { cause });
  }
  const rows = (parsed as { clients?: unknown } | null)?.clients;
  if (!Array.isArray(rows)) {
    return [{ row: file, problem: 'no "clients" array: expected {"clients": [ {clientId, name, …} ]}' }];
  }
  return readClientRows(rows).invalid;
}

export const clientsCommand = createClientsCommand();
