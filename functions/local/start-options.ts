import * as z from 'zod';
import { parseEnv } from '../../shared/config';
import { InputError } from '../../shared/domain/errors';
import { LOCAL_DEFAULTS, type LocalStackOptions } from '../../shared/wiring/local';
import { type CommandSpec, type ParsedCommandLine, parseCommandLine } from '../cli/flags';

/** A TCP port; 0 lets the OS pick one. */
const Port = z.coerce.number().int('a whole number').min(0).max(65_535);
const Bytes = z.coerce
  .number()
  .int('a whole number of bytes')
  .min(1024, 'at least 1024 bytes')
  .max(40 * 1024 * 1024, 'at most 41943040 (40 MB, the SES limit)');
/** 0 turns the watcher off. */
const Seconds = z.coerce
  .number()
  .int('a whole number of seconds')
  .min(0)
  .max(24 * 3600);
const Path = z.string().trim().min(1);

/** Flag name → environment variable, validator, help. Flags win over variables, variables over defaults. */
const SETTINGS = {
  host: { env: 'EXO_HOST', schema: z.string().trim().min(1), value: 'ADDRESS', help: 'interface to bind' },
  'smtp-port': { env: 'EXO_SMTP_PORT', schema: Port, value: 'PORT', help: 'SMTP listener' },
  'api-port': { env: 'EXO_API_PORT', schema: Port, value: 'PORT', help: 'agent API' },
  'client-port': {
    env: 'EXO_CLIENT_PORT',
    schema: Port,
    value: 'PORT',
    help: 'client portal (the portal base URL of local mails)',
  },
  'ses-port': { env: 'EXO_SES_PORT', schema: Port, value: 'PORT', help: 'SES emulator and its web viewer' },
  'dynamodb-port': { env: 'EXO_DYNAMODB_PORT', schema: Port, value: 'PORT', help: 'DynamoDB Local' },
  's3-port': { env: 'EXO_S3_PORT', schema: Port, value: 'PORT', help: 's3rver' },
  'data-dir': { env: 'EXO_DATA_DIR', schema: Path, value: 'DIR', help: 'where the data is kept' },
  config: { env: 'EXO_CONFIG', schema: Path, value: 'FILE', help: 'service-desk configuration' },
  clients: { env: 'EXO_CLIENTS', schema: Path, value: 'FILE|none', help: 'client directory loaded at start' },
  'max-message-bytes': {
    env: 'EXO_MAX_MESSAGE_BYTES',
    schema: Bytes,
    value: 'BYTES',
    help: 'largest message the SMTP listener takes (SIZE, 552)',
  },
  'sla-interval': {
    env: 'EXO_SLA_INTERVAL_SECONDS',
    schema: Seconds,
    value: 'SECONDS',
    help: 'SLA watcher round every N seconds; 0: off',
  },
} as const;

type SettingName = keyof typeof SETTINGS;
type Settings = { [K in SettingName]?: z.output<(typeof SETTINGS)[K]['schema']> };

const DEFAULT_TEXT: Record<SettingName, string> = {
  host: LOCAL_DEFAULTS.host,
  'smtp-port': String(LOCAL_DEFAULTS.smtpPort),
  'api-port': String(LOCAL_DEFAULTS.apiPort),
  'client-port': String(LOCAL_DEFAULTS.clientPort),
  'ses-port': String(LOCAL_DEFAULTS.sesPort),
  'dynamodb-port': 'a free one',
  's3-port': 'a free one',
  'data-dir': LOCAL_DEFAULTS.dataDir,
  config: 'config/service-desk.json',
  clients: LOCAL_DEFAULTS.clientsPath,
  'max-message-bytes': `${LOCAL_DEFAULTS.maxMessageBytes}`,
  'sla-interval': `${LOCAL_DEFAULTS.slaIntervalMs / 1000}`,
};

export const startSpec = {
  usage: 'npm start --',
  summary:
    'Runs the whole intake on this machine: DynamoDB Local, s3rver, the SES emulator, an SMTP listener\n' +
    'that feeds the same intake use case as the Lambda, the agent API and the SLA watcher. Ctrl-C stops it.\n' +
    'Every flag can also be set with the environment variable named in its help.',
  flags: {
    ...Object.fromEntries(
      Object.entries(SETTINGS).map(([name, s]) => [
        name,
        { value: s.value, description: `${s.help} (${s.env}; default ${DEFAULT_TEXT[name as SettingName]})` },
      ]),
    ),
    'allow-remote': {
      value: '',
      boolean: true,
      description: 'allow --host to be a non-loopback address (other machines could reach the stack)',
    },
  },
  schema: z
    .object(
      Object.fromEntries(Object.entries(SETTINGS).map(([name, s]) => [name, s.schema.optional()])) as {
        [K in SettingName]: z.ZodOptional<(typeof SETTINGS)[K]['schema']>;
      },
    )
    .extend({ 'allow-remote': z.boolean().optional() }),
} satisfies CommandSpec<z.ZodObject>;

const EnvSchema = z.object(
  Object.fromEntries(
    Object.values(SETTINGS).map((s) => [
      s.env,
      z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), s.schema.optional()),
    ]),
  ),
);

export type StartOptions = Omit<LocalStackOptions, 'log' | 'clock'>;

/** Addresses that only this machine can reach. */
const LOOPBACK_ADDRESSES = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

function isLoopbackAddress(host: string): boolean {
  return LOOPBACK_ADDRESSES.has(host.toLowerCase()) || /^127(?:\.\d{1,3}){3}$/.test(host);
}

/**
 * `npm start -- [flags]` and `EXO_*` variables → the stack's options, every value validated (a bad
 * port fails at once, naming the flag or variable), or `help`.
 */
export function startOptions(
  argv: string[],
  env: Record<string, string | undefined>,
): { help: true } | { help: false; options: StartOptions; warnings: string[] } {
  const line: ParsedCommandLine<typeof startSpec.schema> = parseCommandLine(startSpec, argv);
  if (line.help) return { help: true };
  const fromEnv = parseEnv(EnvSchema, env, 'local stack (npm start)') as Record<string, unknown>;
  const settings: Settings = {};
  for (const [name, s] of Object.entries(SETTINGS)) {
    const value = (line.flags as Record<string, unknown>)[name] ?? fromEnv[s.env];
    if (value !== undefined) (settings as Record<string, unknown>)[name] = value;
  }
  // The stack has no real sign-in (the dev login makes anyone any agent) and emulators without
  // credentials: listening beyond this machine is a choice the user states, and is warned about.
  const host = settings.host ?? LOCAL_DEFAULTS.host;
  const warnings: string[] = [];
  if (!isLoopbackAddress(host)) {
    if (line.flags['allow-remote'] !== true)
      throw new InputError(
        `--host ${host} (or EXO_HOST) is not a loopback address: other machines could reach the dev login, which signs anyone in as any agent, and the emulators`,
        {
          hint: 'keep the default 127.0.0.1, or add --allow-remote if you really mean to listen on the network',
        },
      );
    warnings.push(
      `WARNING: listening on ${host}: other machines can reach the local stack; its dev login answers only requests whose Host is 127.0.0.1, localhost or [::1], but the SMTP listener and the emulators have no authentication.`,
    );
  }
  const clients = settings.clients ?? LOCAL_DEFAULTS.clientsPath;
  const sla = settings['sla-interval'] ?? LOCAL_DEFAULTS.slaIntervalMs / 1000;
  return {
    help: false,
    warnings,
    options: {
      host,
      dataDir: settings['data-dir'] ?? LOCAL_DEFAULTS.dataDir,
      ports: {
        smtp: settings['smtp-port'] ?? LOCAL_DEFAULTS.smtpPort,
        api: settings['api-port'] ?? LOCAL_DEFAULTS.apiPort,
        client: settings['client-port'] ?? LOCAL_DEFAULTS.clientPort,
        ses: settings['ses-port'] ?? LOCAL_DEFAULTS.sesPort,
        ...(settings['dynamodb-port'] ? { dynamodb: settings['dynamodb-port'] } : {}),
        ...(settings['s3-port'] ? { s3: settings['s3-port'] } : {}),
      },
      maxMessageBytes: settings['max-message-bytes'] ?? LOCAL_DEFAULTS.maxMessageBytes,
      ...(settings.config ? { configPath: settings.config } : {}),
      clientsPath: clients === 'none' ? null : clients,
      tableName: LOCAL_DEFAULTS.tableName,
      bucket: LOCAL_DEFAULTS.bucket,
      slaIntervalMs: sla === 0 ? null : sla * 1000,
    },
  };
}
