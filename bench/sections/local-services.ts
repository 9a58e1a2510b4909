import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { type DynamoDbLocal, startDynamoDbLocal } from '../../shared/adapters/local/services/dynamodb-local';

export type BenchServices = {
  endpoints: { dynamodb: string; s3: string; ses: string };
  bucket: string;
  stop(): Promise<void>;
};

const SERVICES_SCRIPT = fileURLToPath(new URL('./services-process.ts', import.meta.url));

/**
 * DynamoDB Local (its own JVM, in memory) and s3rver + the SES emulator (their own Node process),
 * on free ports; `stop()` ends both and they die with this process anyway.
 */
/** The bench runs on a shared machine: a JVM can take minutes to answer when others run their tests. */
const START_TIMEOUT_MS = 120_000;

export async function startBenchServices(bucket = 'exodata-bench'): Promise<BenchServices> {
  const [dynamo, other] = await Promise.allSettled([
    startDynamoDbLocal({ timeoutMs: START_TIMEOUT_MS }),
    startServicesProcess(bucket),
  ]);
  if (dynamo.status === 'rejected' || other.status === 'rejected') {
    if (dynamo.status === 'fulfilled') await dynamo.value.stop();
    if (other.status === 'fulfilled') await other.value.stop();
    throw dynamo.status === 'rejected' ? dynamo.reason : (other as PromiseRejectedResult).reason;
  }
  const ddb: DynamoDbLocal = dynamo.value;
  return {
    endpoints: { dynamodb: ddb.endpoint, s3: other.value.s3, ses: other.value.ses },
    bucket,
    async stop() {
      await Promise.allSettled([ddb.stop(), other.value.stop()]);
    },
  };
}

async function startServicesProcess(
  bucket: string,
): Promise<{ s3: string; ses: string; stop(): Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', SERVICES_SCRIPT, bucket], {
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  try {
    const endpoints = await firstJsonLine(child, START_TIMEOUT_MS);
    return {
      ...endpoints,
      stop: () => stopChild(child, killOnExit),
    };
  } catch (error) {
    await stopChild(child, killOnExit);
    throw error;
  }
}

function firstJsonLine(child: ChildProcess, timeoutMs: number): Promise<{ s3: string; ses: string }> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(
      () => reject(new Error(`local services did not start within ${timeoutMs} ms: ${err}`)),
      timeoutMs,
    );
    child.stderr?.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const newline = out.indexOf('\n');
      if (newline < 0) return;
      clearTimeout(timer);
      try {
        resolve(JSON.parse(out.slice(0, newline)) as { s3: string; ses: string });
      } catch (error) {
        reject(error);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`local services exited with code ${code}: ${err}`));
    });
  });
}

async function stopChild(child: ChildProcess, killOnExit: () => void): Promise<void> {
  process.removeListener('exit', killOnExit);
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
