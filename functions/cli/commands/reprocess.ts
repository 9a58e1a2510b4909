import * as z from 'zod';
import { ExodataError, InputError } from '../../../shared/domain/errors';
import { ReceiptSchema } from '../../../shared/domain/mail/receipt';
import type { IntakeResult } from '../../../shared/use-cases/intake-email';
import { quarantinedDeliveries, reprocessDelivery } from '../../../shared/use-cases/reprocess-delivery';
import { type AwsIntake, awsIntakeFromEnv } from '../aws-intake';
import { type Command, defineCommand, EXIT_FAILED, EXIT_OK } from '../command';
import { cli } from '../context';
import type { CommandSpec } from '../flags';

const spec = {
  usage: 'exo-intake reprocess',
  summary:
    'Runs a quarantined or failed message through the intake again (same code and environment as the\n' +
    'Lambda: TABLE_NAME, RAW_MAIL_BUCKET, SERVICE_DESK_CONFIG…). One JSON line per message. What was\n' +
    'already done is not done twice: a message that is already a ticket comes back "duplicate".',
  flags: {
    delivery: { value: 'ID', description: 'the SES messageId (S3 object name) of the delivery' },
    channel: { value: 'ses|smtp|cli', description: 'channel of the delivery (default: ses)' },
    quarantined: { value: '', boolean: true, description: 'every message still in quarantine' },
    limit: { value: 'N', description: 'with --quarantined: at most N messages (default 100)' },
  },
  schema: z.object({
    delivery: z.string().min(1).optional(),
    channel: ReceiptSchema.shape.channel.default('ses'),
    quarantined: z.boolean().optional(),
    limit: z.coerce.number().int().positive().max(10_000).default(100),
  }),
} satisfies CommandSpec<z.ZodObject>;

export function createReprocessCommand(
  wire: () => Promise<Pick<AwsIntake, 'deps'>> = awsIntakeFromEnv,
): Command {
  return defineCommand({
    name: 'reprocess',
    summary: 'run a quarantined or failed message (or all quarantined ones) through the intake again',
    spec,
    async run({ flags }) {
      if ((flags.delivery === undefined) === (flags.quarantined !== true)) {
        throw new InputError('give either --delivery ID or --quarantined', { hint: 'see --help' });
      }
      const { deps } = await wire();
      const targets = flags.delivery
        ? [{ channel: flags.channel, deliveryId: flags.delivery }]
        : await quarantinedDeliveries(deps, flags.limit);
      let failed = 0;
      for (const target of targets) {
        let line: Record<string, unknown>;
        try {
          const result: IntakeResult = await reprocessDelivery(target.channel, target.deliveryId, deps);
          if (result.outcome === 'quarantined') failed += 1;
          line = { ok: result.outcome !== 'quarantined', ...result };
        } catch (error) {
          failed += 1;
          line = {
            ok: false,
            channel: target.channel,
            deliveryId: target.deliveryId,
            error: describe(error),
          };
        }
        cli().stdout(`${JSON.stringify(line)}\n`);
      }
      if (targets.length === 0) cli().stderr('nothing in quarantine\n');
      return failed > 0 ? EXIT_FAILED : EXIT_OK;
    },
  });
}

export const reprocessCommand = createReprocessCommand();

function describe(error: unknown): string {
  if (error instanceof ExodataError) return error.toUserMessage();
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
