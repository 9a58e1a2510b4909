import * as z from 'zod';
import { ExodataError, InputError } from '../../../shared/domain/errors';
import type { FailedEvent, FailedEventQueue } from '../../../shared/ports/failed-event-queue';
import type { IntakeDependencies } from '../../../shared/use-cases/intake-email';
import { createFailedEventQueue } from '../../../shared/wiring/failed-event-queue';
import { readFailedIntakeEvent } from '../../../shared/wiring/failed-intake-event';
import { runSesRecord, type SesRecord } from '../../../shared/wiring/intake-event';
import { type AwsIntake, awsIntakeFromEnv } from '../aws-intake';
import { type Command, defineCommand, EXIT_FAILED, EXIT_OK } from '../command';
import { cli } from '../context';
import type { CommandSpec } from '../flags';

const spec = {
  usage: 'exo-intake redrive',
  summary:
    "Runs again the intake events that exhausted Lambda's retries and landed in the on-failure\n" +
    'destination (SQS), with the same code and environment as the Lambda. Each redriven message is\n' +
    'deleted from the queue; one that fails again stays for the next redrive. One JSON line per event.',
  flags: {
    'queue-url': { value: 'URL', description: 'the on-failure SQS queue (ON_FAILURE_QUEUE_URL)' },
    file: { value: 'FILE', description: 'or: failed-event bodies saved in a file (JSON lines or array)' },
    max: { value: 'N', description: 'at most N events (default 100)' },
    'dry-run': { value: '', boolean: true, description: 'show what would be redriven, change nothing' },
  },
  schema: z.object({
    'queue-url': z.url().optional(),
    file: z.string().min(1).optional(),
    max: z.coerce.number().int().positive().max(10_000).default(100),
    'dry-run': z.boolean().optional(),
  }),
} satisfies CommandSpec<z.ZodObject>;

type RedriveWiring = (flags: { queueUrl?: string; file?: string }) => Promise<{
  deps: IntakeDependencies;
  queue: FailedEventQueue;
}>;

const fromEnv: RedriveWiring = async ({ queueUrl, file }) => {
  const intake: AwsIntake = await awsIntakeFromEnv();
  const queue = createFailedEventQueue({
    region: intake.region,
    ...(queueUrl ? { queueUrl } : {}),
    ...(file ? { file } : {}),
  });
  return { deps: intake.deps, queue };
};

export function createRedriveCommand(wire: RedriveWiring = fromEnv): Command {
  return defineCommand({
    name: 'redrive',
    summary: 'run again the intake events of the on-failure queue (deleted once they succeed)',
    spec,
    async run({ flags }) {
      const queueUrl = flags['queue-url'] ?? process.env.ON_FAILURE_QUEUE_URL;
      if ((queueUrl === undefined) === (flags.file === undefined)) {
        throw new InputError('give either --queue-url URL (or ON_FAILURE_QUEUE_URL) or --file FILE', {
          hint: 'see --help',
        });
      }
      const { deps, queue } = await wire({
        ...(queueUrl ? { queueUrl } : {}),
        ...(flags.file ? { file: flags.file } : {}),
      });
      const events = await queue.receive(flags.max);
      let failed = 0;
      for (const event of events) {
        const ok = await redriveOne(event, deps, queue, flags['dry-run'] === true);
        if (!ok) failed += 1;
      }
      cli().stderr(`${events.length} event(s) from ${queue.describe()}, ${failed} failed\n`);
      return failed > 0 ? EXIT_FAILED : EXIT_OK;
    },
  });
}

export const redriveCommand = createRedriveCommand();

/** One failed invocation: its original SES event, record by record, then out of the queue. */
async function redriveOne(
  event: FailedEvent,
  deps: IntakeDependencies,
  queue: FailedEventQueue,
  dryRun: boolean,
): Promise<boolean> {
  const out = (line: Record<string, unknown>) =>
    cli().stdout(`${JSON.stringify({ event: event.id, ...line })}\n`);
  let records: SesRecord[];
  let failure: string;
  try {
    ({ failure, records } = readFailedIntakeEvent(event.body));
  } catch (error) {
    // Not ours to delete: an operator has to look at it.
    out({ ok: false, error: `not a failed SES intake event: ${describe(error)}` });
    return false;
  }
  if (dryRun) {
    out({
      ok: true,
      dryRun: true,
      failedWith: failure,
      deliveries: records.map((r) => r.ses.mail.messageId),
    });
    return true;
  }
  let ok = true;
  for (const record of records) {
    try {
      const result = await runSesRecord(record, deps);
      out({ ok: true, failedWith: failure, ...result });
    } catch (error) {
      ok = false;
      out({ ok: false, deliveryId: record.ses.mail.messageId, error: describe(error) });
    }
  }
  if (ok) await queue.remove(event.id);
  return ok;
}

function describe(error: unknown): string {
  if (error instanceof ExodataError) return error.toUserMessage();
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
