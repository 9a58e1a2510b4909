import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { getConnInfo } from '@hono/node-server/conninfo';
import { DynamoDbAgentStore } from '../adapters/aws/dynamodb/agent-store';
import type { AgentAppDeps } from '../adapters/http/app';
import { createDevAuth } from '../adapters/http/auth';
import { listenFirst } from '../adapters/http/client/server';
import type { PortalAssets } from '../adapters/http/portal-assets';
import { buildPortal, PORTALS, type PortalName } from '../adapters/http/portal-build';
import { startAgentServer } from '../adapters/http/server';
import { loadClientDirectory, loadServiceDeskConfig } from '../adapters/local/config-files';
import { ensureLocalTable } from '../adapters/local/local-table';
import { type DynamoDbLocal, startDynamoDbLocal } from '../adapters/local/services/dynamodb-local';
import { portInUse } from '../adapters/local/services/free-port';
import { S3RVER_CREDENTIALS, type S3rverInstance, startS3rver } from '../adapters/local/services/s3rver';
import { EMULATOR_REGION, type SesEmulator, startSesEmulator } from '../adapters/local/services/ses-emulator';
import { type SmtpDelivery, type SmtpListener, startSmtpListener } from '../adapters/local/smtp-listener';
import { smtpReceipt } from '../adapters/local/smtp-receipt';
import { removeStackFile, type StackFile, writeStackFile } from '../adapters/local/stack-file';
import { loadIntakeEnv } from '../config';
import type { ClientEntry } from '../domain/desk/client-directory';
import type { ServiceDeskConfig } from '../domain/desk/service-desk-config';
import { ConfigError, ExodataError, TransientError } from '../domain/errors';
import { type Clock, systemClock } from '../ports/clock';
import type { Notifier } from '../ports/notifier';
import { type IntakeDependencies, intakeEmail } from '../use-cases/intake-email';
import { createAgentAppDeps } from './agent';
import { type AwsIntakeDependencies, createIntakeDependencies } from './aws';
import { type AwsClients, createAwsClients } from './aws-clients';
import { createClientAppWith, createClientPortalDeps } from './client';
import { intakeLogLine } from './intake-log-line';
import { createSesV2Client } from './ses-v2-client';
import { startSlaWatcherLoop } from './sla-watcher-loop';

/** `npm start` and the end-to-end test: the same stack, the same code path (ports and paths differ). */
export type LocalStackOptions = {
  /** Interface every listener binds to. */
  host: string;
  /** DynamoDB files under `dynamodb/`, raw mail and attachments under `s3/`, and `stack.json`. */
  dataDir: string;
  /** 0: a port the OS picks. DynamoDB Local and s3rver take a free port unless given one. */
  ports: { smtp: number; api: number; ses: number; client: number; dynamodb?: number; s3?: number };
  maxMessageBytes: number;
  /** Default: config/service-desk.json. */
  configPath?: string;
  /** Client directory file loaded into the table at start; null: none (every sender is unknown). */
  clientsPath: string | null;
  tableName: string;
  bucket: string;
  /** How often the SLA watcher runs a round; null: not at all. */
  slaIntervalMs: number | null;
  clock?: Clock;
  /** One line per event (start-up steps, every processed message, refusals, SLA alerts). */
  log(line: string): void;
};

export const LOCAL_DEFAULTS = {
  host: '127.0.0.1',
  dataDir: '.data',
  smtpPort: 2525,
  apiPort: 3000,
  /** The client portal; the local configuration's portalBaseUrl points at it. */
  clientPort: 3001,
  sesPort: 8005,
  /** What SES receiving accepts (40 MB). */
  maxMessageBytes: 40 * 1024 * 1024,
  tableName: 'exodata-intake-local',
  bucket: 'exodata-raw-mail-local',
  clientsPath: 'config/clients.example.json',
  slaIntervalMs: 60_000,
} as const;

const RAW_MAIL_PREFIX = 'inbound/';
const ATTACHMENTS_PREFIX = 'attachments/';

export type LocalStack = {
  dataDir: string;
  region: string;
  tableName: string;
  bucket: string;
  config: ServiceDeskConfig;
  clientsLoaded: number;
  /** Indexes the start had to add to a table kept from an older version. */
  indexesAdded: string[];
  smtp: { host: string; port: number };
  maxMessageBytes: number;
  /** The agent API and portal (dev login). */
  apiUrl: string;
  /** The client portal (its `portalBaseUrl`: the links in the acknowledgements open it). */
  clientUrl: string;
  ses: { endpoint: string; viewerUrl: string; emulator: SesEmulator };
  dynamodb: { endpoint: string; pid: number; dbPath: string };
  s3: { endpoint: string; directory: string };
  slaIntervalMs: number | null;
  deps: AwsIntakeDependencies;
  aws: AwsClients;
  /** Rejects when a part of the stack died on its own (the JVM was killed...): the caller stops the rest. */
  failure: Promise<never>;
  /** Idempotent, in reverse start order: watcher, API, SMTP (messages in progress finish) … the JVM last. */
  stop(): Promise<void>;
};

type Stoppable = { name: string; stop: () => Promise<void> };

/**
 * Starts everything `npm start` runs, in dependency order, and stops what was started if a step
 * fails: DynamoDB Local (data in `<dataDir>/dynamodb`), the table (created or brought up to date),
 * s3rver (`<dataDir>/s3`), the SES emulator and its viewer, the client directory, the SMTP listener
 * running the Lambda's own intake use case, the agent API and the SLA watcher.
 */
export async function startLocalStack(options: LocalStackOptions): Promise<LocalStack> {
  const clock = options.clock ?? systemClock;
  const log = options.log;
  const dataDir = resolve(options.dataDir);
  const started: Stoppable[] = [];
  let stopping: Promise<void> | null = null;
  let rejectFailure: (error: Error) => void = () => {};
  const failure = new Promise<never>((_, reject) => {
    rejectFailure = reject;
  });
  failure.catch(() => {});

  const stopAll = () => {
    stopping ??= (async () => {
      for (const part of started.reverse()) {
        try {
          await part.stop();
        } catch (error) {
          log(`could not stop ${part.name} cleanly: ${describe(error)}`);
        }
      }
      await removeStackFile(dataDir).catch(() => {});
    })();
    return stopping;
  };

  try {
    await assertPortsFree(options);
    await mkdir(dataDir, { recursive: true });
    const fileConfig = await loadServiceDeskConfig(options.configPath);
    const clientEntries = options.clientsPath ? await loadClientDirectory(options.clientsPath) : [];

    const dbPath = join(dataDir, 'dynamodb');
    let since = Date.now();
    const took = () => `${((Date.now() - since) / 1000).toFixed(1)} s`;
    log('starting DynamoDB Local (Java; a few seconds)…');
    const dynamo: DynamoDbLocal = await startDynamoDbLocal({
      dbPath,
      // Every local client (this process, `exo-intake ingest`, the AWS CLI) sees the same data.
      sharedDb: true,
      ...(options.ports.dynamodb ? { port: options.ports.dynamodb } : {}),
    });
    started.push({ name: 'DynamoDB Local', stop: dynamo.stop });
    log(`DynamoDB Local ready in ${took()} (pid ${dynamo.pid})`);
    void dynamo.exited.then((code) => {
      if (!stopping)
        rejectFailure(
          new TransientError(`DynamoDB Local (pid ${dynamo.pid}) exited on its own (exit code ${code})`, {
            hint: 'nothing works without it: the whole stack stops; run `npm start` again',
          }),
        );
    });

    const s3: S3rverInstance = await startS3rver([options.bucket], {
      directory: join(dataDir, 's3'),
      ...(options.ports.s3 ? { port: options.ports.s3 } : {}),
    });
    started.push({ name: 's3rver', stop: s3.stop });

    const ses = await startSesEmulator({ port: options.ports.ses });
    started.push({ name: 'SES emulator', stop: ses.stop });

    const aws = localAwsClients({ dynamodb: dynamo.endpoint, s3: s3.endpoint, ses: ses.endpoint });
    started.push({ name: 'AWS SDK clients', stop: async () => destroyClients(aws) });

    since = Date.now();
    const indexesAdded = await ensureLocalTable(aws.dynamodb, options.tableName);
    log(`table ${options.tableName} ready in ${took()}`);

    // The client portal listens first: its address is the portal base URL every mail links to.
    const clientServer = await listenFirst({ port: options.ports.client, hostname: options.host });
    started.push({ name: 'client portal', stop: clientServer.close });
    const config: ServiceDeskConfig = {
      ...fileConfig,
      contact: { ...fileConfig.contact, portalBaseUrl: clientServer.url },
    };
    const deps = localIntakeDependencies(aws, config, {
      tableName: options.tableName,
      bucket: options.bucket,
      clock,
      maxMessageBytes: options.maxMessageBytes,
    });
    for (const entry of clientEntries) await deps.directory.putClient(entry);

    const smtp: SmtpListener = await startSmtpListener({
      host: options.host,
      port: options.ports.smtp,
      maxMessageBytes: options.maxMessageBytes,
      acceptedRecipients: config.desks.map((d) => d.address),
      deliver: smtpDelivery(deps, config, log),
      clock,
      log,
    });
    started.push({ name: 'SMTP listener', stop: smtp.stop });

    const api = await startAgentApi(
      aws,
      config,
      {
        tableName: options.tableName,
        bucket: options.bucket,
        maxAttachmentBytes: deps.limits.maxAttachmentBytes,
        sesEndpoint: ses.endpoint,
        s3Endpoint: s3.endpoint,
      },
      { host: options.host, port: options.ports.api, clock, log },
    );
    started.push({ name: 'agent API', stop: api.stop });

    const clientDeps = createClientPortalDeps({
      config,
      clients: aws,
      tableName: options.tableName,
      mail: { region: EMULATOR_REGION },
      clock,
      log: (message, detail) => log(`client portal: ${message} ${JSON.stringify(detail ?? {})}`),
    });
    clientServer.attach(
      createClientAppWith(clientDeps, {
        shell: await clientShell(),
        intake: deps,
        files: { s3: aws.s3, bucket: options.bucket },
        uploadOrigins: [new URL(s3.endpoint).origin],
        sourceOf: (c) => getConnInfo(c).remote.address ?? 'unknown',
      }).fetch,
    );

    if (options.slaIntervalMs !== null) {
      const watcher = startSlaWatcher(aws, options.tableName, config, deps.clients, {
        intervalMs: options.slaIntervalMs,
        clock,
        log,
      });
      started.push({ name: 'SLA watcher', stop: watcher.stop });
    }

    const stack: LocalStack = {
      dataDir,
      region: EMULATOR_REGION,
      tableName: options.tableName,
      bucket: options.bucket,
      config,
      clientsLoaded: clientEntries.length,
      indexesAdded,
      smtp: { host: smtp.host, port: smtp.port },
      maxMessageBytes: options.maxMessageBytes,
      apiUrl: api.url,
      clientUrl: clientServer.url,
      ses: { endpoint: ses.endpoint, viewerUrl: `${ses.endpoint}/`, emulator: ses },
      dynamodb: { endpoint: dynamo.endpoint, pid: dynamo.pid, dbPath },
      s3: { endpoint: s3.endpoint, directory: s3.directory },
      slaIntervalMs: options.slaIntervalMs,
      deps,
      aws,
      failure,
      stop: stopAll,
    };
    await writeStackFile(dataDir, stackFileOf(stack));
    return stack;
  } catch (error) {
    await stopAll();
    throw error;
  }
}

/** Fails before the JVM's slow start when a fixed port is taken, naming every one of them. */
async function assertPortsFree(options: LocalStackOptions): Promise<void> {
  const wanted: Array<[string, number | undefined]> = [
    ['SMTP listener', options.ports.smtp],
    ['agent API', options.ports.api],
    ['client portal', options.ports.client],
    ['SES emulator', options.ports.ses],
    ['DynamoDB Local', options.ports.dynamodb],
    ['s3rver', options.ports.s3],
  ];
  const busy: string[] = [];
  for (const [name, port] of wanted) {
    if (port && (await portInUse(options.host, port))) busy.push(`${name} ${options.host}:${port}`);
  }
  if (busy.length === 0) return;
  const first = busy[0]!.replace(/.*:/, '');
  throw new ConfigError(`port in use: ${busy.join(', ')} (another \`npm start\` running?)`, {
    hint: `stop what holds it (\`lsof -i :${first}\`) or choose other ports: \`npm start -- --help\``,
  });
}

/** One set of SDK clients for the three local services (each accepts s3rver's credentials). */
export function localAwsClients(endpoints: { dynamodb: string; s3: string; ses: string }): AwsClients {
  return createAwsClients({ region: EMULATOR_REGION, endpoints, credentials: { ...S3RVER_CREDENTIALS } });
}

/** The intake's dependencies on the local services: the Lambda's wiring, with local names and limits. */
export function localIntakeDependencies(
  aws: AwsClients,
  config: ServiceDeskConfig,
  settings: { tableName: string; bucket: string; clock: Clock; maxMessageBytes: number },
): AwsIntakeDependencies {
  const env = loadIntakeEnv({
    AWS_REGION: EMULATOR_REGION,
    TABLE_NAME: settings.tableName,
    RAW_MAIL_BUCKET: settings.bucket,
    RAW_MAIL_PREFIX: RAW_MAIL_PREFIX,
    ATTACHMENTS_PREFIX: ATTACHMENTS_PREFIX,
    SERVICE_DESK_CONFIG: JSON.stringify(config),
    MAX_ATTACHMENT_BYTES: String(Math.min(settings.maxMessageBytes, 40 * 1024 * 1024)),
  });
  // A client added to the file shows after a restart; the short cache keeps a burst of mail cheap.
  return createIntakeDependencies(env, aws, { clock: settings.clock });
}

/**
 * SMTP → the Lambda's intake use case → one log line. The reply names what the message became
 * (`250 2.6.0 OK EXO-2026-000001 ticket-created`), so senders and the demo learn the reference at once.
 * A failure is logged and rethrown: the listener answers 451 and the sending server retries.
 */
function smtpDelivery(
  deps: IntakeDependencies,
  config: ServiceDeskConfig,
  log: (line: string) => void,
): SmtpDelivery {
  return async (raw, envelope) => {
    const receipt = smtpReceipt(envelope, deps.newId());
    let result: Awaited<ReturnType<typeof intakeEmail>>;
    try {
      result = await intakeEmail(raw, receipt, deps);
    } catch (error) {
      const kept = deps.rawMail.describe(deps.rawMail.keyFor(receipt));
      log(`SMTP 451 intake failed, the sender will retry (raw mail kept at ${kept}): ${describe(error)}`);
      throw error;
    }
    const ticket = result.reference ? await deps.tickets.getTicket(result.reference).catch(() => null) : null;
    log(intakeLogLine(result, ticket, receipt, config));
    return `OK ${[result.reference, result.outcome].filter(Boolean).join(' ')}`;
  };
}

/** The agent API and portal on `port`, signed in with the local dev login (any agent, any desk). */
async function startAgentApi(
  aws: AwsClients,
  config: ServiceDeskConfig,
  settings: {
    tableName: string;
    bucket: string;
    maxAttachmentBytes: number;
    sesEndpoint: string;
    s3Endpoint: string;
  },
  listen: { host: string; port: number; clock: Clock; log: (line: string) => void },
): Promise<{ url: string; stop: () => Promise<void> }> {
  // Replies go through SES v2 as on AWS (raw mail over 10 MB); the emulator takes JSON up to 25 MB.
  const sesv2 = createSesV2Client({
    region: EMULATOR_REGION,
    endpoint: settings.sesEndpoint,
    credentials: { ...S3RVER_CREDENTIALS },
  });
  const deps: AgentAppDeps = {
    ...createAgentAppDeps({
      config,
      clients: { ...aws, sesv2 },
      storage: {
        tableName: settings.tableName,
        bucket: settings.bucket,
        rawMailPrefix: RAW_MAIL_PREFIX,
        attachmentsPrefix: ATTACHMENTS_PREFIX,
        maxAttachmentBytes: settings.maxAttachmentBytes,
        // Browsers post reply files straight to the emulator (CORS set up by startS3rver).
        uploadOrigin: settings.s3Endpoint,
      },
      mail: { region: EMULATOR_REGION },
      auth: createDevAuth({ config, clock: listen.clock }),
      clock: listen.clock,
      log: (message, detail) => listen.log(`agent API: ${message} ${JSON.stringify(detail ?? {})}`),
    }),
    // Built from its TypeScript source at each start (esbuild, under 100 ms): never a stale bundle.
    portal: await buildPortal('agent'),
  };
  try {
    const server = await startAgentServer({ port: listen.port, hostname: listen.host, deps });
    return {
      url: server.url,
      stop: async () => {
        await server.close();
        sesv2.destroy();
      },
    };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    throw new ConfigError(
      `the agent API cannot listen on ${listen.host}:${listen.port}: the port is in use`,
      {
        hint: `stop what holds it (\`lsof -i :${listen.port}\`) or choose another port (--api-port, EXO_API_PORT)`,
        cause: error,
      },
    );
  }
}

/** The client pages, built from portal-src/client once they exist; until then the app's placeholder shell. */
async function clientShell(): Promise<PortalAssets | null> {
  const name = 'client' as PortalName;
  return (PORTALS as readonly string[]).includes(name) ? buildPortal(name) : null;
}

/** The AWS schedule's local twin: a round every `intervalMs`, alerts and problems on the console. */
function startSlaWatcher(
  aws: AwsClients,
  tableName: string,
  config: ServiceDeskConfig,
  clients: () => Promise<readonly ClientEntry[]>,
  { intervalMs, clock, log }: { intervalMs: number; clock: Clock; log: (line: string) => void },
): { stop: () => Promise<void> } {
  return startSlaWatcherLoop({
    deps: {
      config,
      clock,
      store: new DynamoDbAgentStore(aws.doc, tableName),
      notifier: consoleNotifier(log),
      clients,
      newId: randomUUID,
      onError: (reference, error) => log(`SLA watcher: ${reference}: ${describe(error)}`),
    },
    intervalMs,
    onRound: (result) => {
      if (result.escalations > 0)
        log(`SLA watcher: ${result.escalations} ticket(s) moved to the desk on duty`);
    },
    onError: (error) => log(`SLA watcher round failed: ${describe(error)}`),
  });
}

/** Locally the console is the desk's pager: one readable line per SLA alert. */
function consoleNotifier(log: (line: string) => void): Notifier {
  return {
    async notify(n) {
      log(
        `SLA ${n.threshold === 'breach' ? 'BREACH' : 'warning'} → desk ${n.deskId}${n.onCall ? ' (on call)' : ''}: ${n.text}`,
      );
    },
  };
}

function stackFileOf(stack: LocalStack): StackFile {
  return {
    pid: process.pid,
    startedAt: new Date().toISOString(),
    region: stack.region,
    tableName: stack.tableName,
    bucket: stack.bucket,
    rawMailPrefix: RAW_MAIL_PREFIX,
    endpoints: {
      dynamodb: stack.dynamodb.endpoint,
      s3: stack.s3.endpoint,
      ses: stack.ses.endpoint,
      sesViewer: stack.ses.viewerUrl,
      api: stack.apiUrl,
    },
    smtp: stack.smtp,
  };
}

function destroyClients(aws: AwsClients): void {
  aws.doc.destroy();
  aws.dynamodb.destroy();
  aws.s3.destroy();
  aws.ses.destroy();
}

function describe(error: unknown): string {
  if (error instanceof ExodataError) return `${error.name}: ${error.toUserMessage()}`;
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
