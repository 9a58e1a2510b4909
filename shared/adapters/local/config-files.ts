import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import { ClientDirectoryFileSchema, type ClientEntry } from '../../domain/desk/client-directory';
import { type ServiceDeskConfig, ServiceDeskConfigSchema } from '../../domain/desk/service-desk-config';
import { ConfigError } from '../../domain/errors';

/** config/service-desk.json of this repository, wherever the process was started from. */
const DEFAULT_SERVICE_DESK_CONFIG_PATH = fileURLToPath(
  new URL('../../../config/service-desk.json', import.meta.url),
);

export async function loadServiceDeskConfig(
  path = DEFAULT_SERVICE_DESK_CONFIG_PATH,
): Promise<ServiceDeskConfig> {
  return loadJsonFile(path, ServiceDeskConfigSchema, 'service-desk configuration');
}

/** A client directory file: `{ "clients": [ { clientId, name, contract, homeDesk, addresses, domains } ] }`. */
export async function loadClientDirectory(path: string): Promise<ClientEntry[]> {
  const file = await loadJsonFile(path, ClientDirectoryFileSchema, 'client directory');
  return file.clients;
}

async function loadJsonFile<S extends z.ZodType>(
  path: string,
  schema: S,
  what: string,
): Promise<z.output<S>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (cause) {
    const reason = (cause as NodeJS.ErrnoException).code === 'ENOENT' ? 'does not exist' : 'cannot be read';
    throw new ConfigError(`${what} file ${path} ${reason}`, { hint: 'check the path', cause });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new ConfigError(`${what} file ${path} is not valid JSON: ${(cause as Error).message}`, {
      hint: 'fix the JSON syntax',
      cause,
    });
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new ConfigError(`${what} file ${path} is invalid: ${issues}`, {
      hint: 'fix the fields named above',
      cause: parsed.error,
    });
  }
  return parsed.data;
}
