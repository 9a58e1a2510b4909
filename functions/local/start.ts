import { ExodataError } from '../../shared/domain/errors';
import { type LocalStack, startLocalStack } from '../../shared/wiring/local';
import { helpText } from '../cli/flags';
import { startBanner } from './banner';
import { startOptions, startSpec } from './start-options';

/**
 * `npm start`: the whole intake on this machine, in one process tree, until Ctrl-C or SIGTERM.
 * Shutdown stops the SLA watcher, the API and the SMTP listener (messages being processed finish),
 * then the emulators and the DynamoDB JVM; a second Ctrl-C exits at once (the JVM dies with the process).
 */
const EXIT_USAGE = 2;
/** Signals closer together than this are one Ctrl-C delivered twice. */
const REPEAT_MS = 1_000;

function log(line: string): void {
  const time = new Date().toTimeString().slice(0, 8);
  process.stdout.write(`${time} ${line}\n`);
}

function fail(error: unknown): string {
  if (error instanceof ExodataError) return error.toUserMessage();
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

/** The S3 emulator (@20minutes/s3rver) declares Node 24; DynamoDB Local's wrapper 22.22; Lambda runs 24. */
const NODE_MAJOR = Number(process.versions.node.split('.')[0]);

async function main(): Promise<number> {
  if (NODE_MAJOR < 24) {
    process.stderr.write(
      `npm start: Node ${process.versions.node} is too old: the local stack needs Node 24 (as on Lambda). ` +
        '`scripts/with-node.sh npm start` installs Node 24 into .node/ and runs it with that.\n',
    );
    return EXIT_USAGE;
  }
  let parsed: ReturnType<typeof startOptions>;
  try {
    parsed = startOptions(process.argv.slice(2), process.env);
  } catch (error) {
    process.stderr.write(`npm start: ${fail(error)}\n`);
    return EXIT_USAGE;
  }
  if (parsed.help) {
    process.stdout.write(helpText(startSpec));
    return 0;
  }
  const { options } = parsed;
  for (const warning of parsed.warnings) process.stderr.write(`${warning}\n`);

  let stack: LocalStack | null = null;
  let stoppingSince: number | null = null;
  const shutdown = async (why: string, code: number) => {
    if (stoppingSince !== null) {
      // The terminal signals the whole process group and tsx may relay the same Ctrl-C again: only
      // a Ctrl-C pressed later means "now".
      if (why !== 'a service died' && Date.now() - stoppingSince > REPEAT_MS) {
        log('second Ctrl-C: exiting now');
        process.exit(130);
      }
      return;
    }
    stoppingSince = Date.now();
    log(`${why}: stopping…`);
    await stack?.stop();
    log(
      stack
        ? `stopped: DynamoDB Local (pid ${stack.dynamodb.pid}) ended, ports freed, data kept in ${options.dataDir}`
        : 'stopped',
    );
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown('Ctrl-C', 0));
  process.on('SIGTERM', () => void shutdown('SIGTERM', 0));

  try {
    stack = await startLocalStack({ ...options, log });
  } catch (error) {
    process.stderr.write(`npm start: ${fail(error)}\n`);
    return error instanceof ExodataError ? EXIT_USAGE : 1;
  }
  if (stoppingSince !== null) return 0;
  process.stdout.write(`${startBanner(stack, options.clientsPath)}\n`);
  stack.failure.catch((error: unknown) => {
    log(`${fail(error)}`);
    void shutdown('a service died', 1);
  });
  // Servers keep the process alive until shutdown() exits it.
  return new Promise<number>(() => {});
}

process.exitCode = await main();
