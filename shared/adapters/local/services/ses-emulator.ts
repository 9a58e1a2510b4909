/**
 * A local SES for integration tests and local runs: aws-ses-v2-local (v1 SendEmail/SendRawEmail and
 * the v2 API, and a web viewer of what was sent at `/`) on 127.0.0.1 and a free port chosen by the OS
 * (or a given one), stopped by `stop()`.
 *
 *   const ses = await startSesEmulator();
 *   const client = new SESClient(ses.clientConfig);
 *   ... send ...
 *   const [mail] = await ses.store();   // from, destination, subject, body.text/html
 *   await ses.stop();
 *
 * What it keeps: from, reply-to, to/cc/bcc, subject, text and HTML bodies, attachments. What it does
 * not keep: custom headers (In-Reply-To, Auto-Submitted…) and the raw message — assert those on the
 * raw MIME our sender returns (`SentMail.raw`). Its MessageId looks like `ses-123456789`.
 *
 * Two modes:
 * - `in-process` (default): fastest; the emulator's store is a module-level singleton, so only one
 *   in-process emulator may run at a time in a process (a second start throws).
 * - `child-process`: its own Node process and store, for parallel emulators or a long-lived local
 *   run; killed by `stop()` and when this process exits.
 *
 * If the environment variable SMTP_TRANSPORT is set (nodemailer JSON), the emulator also relays
 * every mail to that SMTP server: tests should leave it unset.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import * as z from 'zod';
import { ConfigError } from '../../../domain/errors';

const EmulatedEmailSchema = z.object({
  messageId: z.string(),
  from: z.string(),
  replyTo: z.array(z.string()),
  destination: z.object({ to: z.array(z.string()), cc: z.array(z.string()), bcc: z.array(z.string()) }),
  subject: z.string(),
  body: z.object({ text: z.string().optional(), html: z.string().optional() }),
  /** Seconds since the epoch. */
  at: z.number(),
});
export type EmulatedEmail = z.infer<typeof EmulatedEmailSchema>;

const StoreSchema = z.object({ emails: z.array(EmulatedEmailSchema.loose()) });

export type SesEmulatorOptions = {
  mode?: 'in-process' | 'child-process';
  startTimeoutMs?: number;
  /** A fixed port (`npm start`: 8005, the emulator's usual one); by default one the OS picks. */
  port?: number;
};

export type SesEmulator = {
  /** http://127.0.0.1:PORT — the endpoint for SESClient / SESv2Client. */
  endpoint: string;
  port: number;
  /** Ready-made SESClient configuration (any credentials are accepted, but some must be signed). */
  clientConfig: {
    endpoint: string;
    region: string;
    credentials: { accessKeyId: string; secretAccessKey: string };
  };
  /** Mails received so far, oldest first. */
  store(): Promise<EmulatedEmail[]>;
  clear(): Promise<void>;
  /** Idempotent. */
  stop(): Promise<void>;
};

export const EMULATOR_REGION = 'eu-west-3';
const HOST = '127.0.0.1';

export async function startSesEmulator(options: SesEmulatorOptions = {}): Promise<SesEmulator> {
  const timeoutMs = options.startTimeoutMs ?? 15_000;
  const port = options.port ?? 0;
  const started =
    options.mode === 'child-process' ? await startChildProcess(timeoutMs, port) : await startInProcess(port);
  return emulatorAt(started.port, started.stop);
}

type Started = { port: number; stop: () => Promise<void> };

let inProcessRunning = false;

async function startInProcess(port: number): Promise<Started> {
  if (inProcessRunning)
    throw new Error(
      'an in-process SES emulator is already running in this process and they would share one store: stop it first, or start this one with { mode: "child-process" }',
    );
  inProcessRunning = true;
  try {
    // A CommonJS module with an `exports.default`: Node gives the exports object, bundlers the function.
    const pkg = (await import('aws-ses-v2-local')) as unknown as {
      default: ServerFactory | { default: ServerFactory };
    };
    const factory = typeof pkg.default === 'function' ? pkg.default : pkg.default.default;
    // Port 0: the OS picks a free port, no race with another test grabbing it.
    const server = await factory({ host: HOST, port });
    const address = server.address();
    // express 5 reports a failed listen (EADDRINUSE) to the callback, which the emulator ignores.
    if (address === null || typeof address === 'string') {
      throw new ConfigError(`the SES emulator cannot listen on ${HOST}:${port}: the port is in use`, {
        hint: `stop what holds it (\`lsof -i :${port}\`) or choose another port`,
      });
    }
    // The emulator's store outlives the server: start every emulator empty.
    await fetch(`http://${HOST}:${address.port}/clear-store`, { method: 'POST' });
    let stopped = false;
    return {
      port: address.port,
      stop: async () => {
        if (stopped) return;
        stopped = true;
        await new Promise<void>((resolve, reject) => {
          server.close((err) => (err ? reject(err) : resolve()));
          // SDK clients keep connections alive: close them or close() waits for their timeout.
          server.closeAllConnections();
        });
        inProcessRunning = false;
      },
    };
  } catch (error) {
    inProcessRunning = false;
    throw error;
  }
}

type ServerFactory = (config: { host: string; port: number }) => Promise<Server>;

async function startChildProcess(timeoutMs: number, requestedPort: number): Promise<Started> {
  const cli = createRequire(import.meta.url).resolve('aws-ses-v2-local/dist/cli.js');
  const child = spawn(process.execPath, [cli, '--host', HOST, '--port', String(requestedPort)], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, SMTP_TRANSPORT: '' },
  });
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  let output = '';
  try {
    const port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`SES emulator did not start within ${timeoutMs} ms: ${output}`)),
        timeoutMs,
      );
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        // "aws-ses-v2-local: server running at http://localhost:PORT"
        const match = /server running at \S+:(\d+)/.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(Number(match[1]));
        }
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', onData);
      child.once('error', (err) => {
        clearTimeout(timer);
        reject(err);
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`SES emulator exited with code ${code}: ${output}`));
      });
    });
    return { port, stop: () => stopChild(child, killOnExit) };
  } catch (error) {
    await stopChild(child, killOnExit);
    throw error;
  }
}

async function stopChild(child: ChildProcess, killOnExit: () => void): Promise<void> {
  process.removeListener('exit', killOnExit);
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

function emulatorAt(port: number, stop: () => Promise<void>): SesEmulator {
  const endpoint = `http://${HOST}:${port}`;
  return {
    endpoint,
    port,
    clientConfig: {
      endpoint,
      region: EMULATOR_REGION,
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    },
    store: () => readSesEmulatorStore(endpoint),
    async clear() {
      const res = await fetch(`${endpoint}/clear-store`, { method: 'POST' });
      if (!res.ok) throw new Error(`SES emulator clear-store: HTTP ${res.status}`);
    },
    stop,
  };
}

/** What an emulator running at `endpoint` (here or in another process: `npm start`) has sent, oldest first. */
export async function readSesEmulatorStore(endpoint: string): Promise<EmulatedEmail[]> {
  const res = await fetch(`${endpoint}/store`);
  if (!res.ok) throw new Error(`SES emulator store: HTTP ${res.status}`);
  return StoreSchema.parse(await res.json()).emails;
}
