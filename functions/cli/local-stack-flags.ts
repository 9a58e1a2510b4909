import * as z from 'zod';
import { LOCAL_DEFAULTS } from '../../shared/wiring/local';
import { type RunningLocalStack, runningLocalStack } from '../../shared/wiring/local-client';
import type { FlagSpec } from './flags';

/** Flags of the commands that talk to a running `npm start` (send, ingest). */
export const dataDirFlag: FlagSpec = {
  value: 'DIR',
  description: `data directory of the running \`npm start\`, where its stack.json is (EXO_DATA_DIR; default ${LOCAL_DEFAULTS.dataDir})`,
};

/** `--to a@x,b@y`: envelope recipients, lower-case, each a valid address. */
export const RecipientsSchema = z
  .string()
  .transform((v) =>
    v
      .split(',')
      .map((a) => a.trim().toLowerCase())
      .filter(Boolean),
  )
  .pipe(z.array(z.email()).min(1));

export function dataDirOf(flag: string | undefined): string {
  return flag ?? process.env.EXO_DATA_DIR ?? LOCAL_DEFAULTS.dataDir;
}

/** The running stack started from that directory, or null. */
export async function runningStack(dataDir: string): Promise<RunningLocalStack | null> {
  return runningLocalStack(dataDir);
}

/** A plain text table: one header row, columns padded to their widest cell. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return `${[line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n')}\n`;
}
