import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as z from 'zod';
import { ConfigError } from '../../domain/errors';

/**
 * `<dataDir>/stack.json`: where the running `npm start` listens. DynamoDB Local and s3rver take free
 * ports, so `exo-intake ingest`, `exo-intake send` and `npm run demo` read them here. Written once
 * everything answers, removed at shutdown; a file left by a killed stack names a pid that is gone.
 */
const StackFileSchema = z.object({
  pid: z.number().int(),
  startedAt: z.string(),
  region: z.string(),
  tableName: z.string(),
  bucket: z.string(),
  rawMailPrefix: z.string(),
  endpoints: z.object({
    dynamodb: z.url(),
    s3: z.url(),
    ses: z.url(),
    sesViewer: z.url(),
    api: z.url().nullable(),
  }),
  smtp: z.object({ host: z.string(), port: z.number().int() }),
});
export type StackFile = z.infer<typeof StackFileSchema>;

const STACK_FILE_NAME = 'stack.json';

export function stackFilePath(dataDir: string): string {
  return join(dataDir, STACK_FILE_NAME);
}

export async function writeStackFile(dataDir: string, stack: StackFile): Promise<void> {
  await writeFile(stackFilePath(dataDir), `${JSON.stringify(stack, null, 2)}\n`, 'utf8');
}

export async function removeStackFile(dataDir: string): Promise<void> {
  await rm(stackFilePath(dataDir), { force: true });
}

/** The running stack, or null when none was started from this data directory (or it was killed). */
export async function readStackFile(dataDir: string): Promise<StackFile | null> {
  const path = stackFilePath(dataDir);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  let parsed: StackFile;
  try {
    parsed = StackFileSchema.parse(JSON.parse(text));
  } catch (cause) {
    throw new ConfigError(`${path} is not a stack file this version understands`, {
      hint: 'stop `npm start`, delete the file and start again',
      cause,
    });
  }
  return isAlive(parsed.pid) ? parsed : null;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
