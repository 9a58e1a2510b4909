import * as z from 'zod';
import {
  ContractSchema,
  deskById,
  PriorityLevelSchema,
} from '../../../shared/domain/desk/service-desk-config';
import { InputError } from '../../../shared/domain/errors';
import { computeDeadlines } from '../../../shared/domain/sla/sla';
import { loadContext } from '../../../shared/wiring/cli';
import { defineCommand, EXIT_OK } from '../command';
import { cli } from '../context';
import type { CommandSpec } from '../flags';
import { configFlag, receivedAtFlag, receivedAtSchema } from '../shared-flags';
import { inDeskZone } from '../triage-file';

const spec = {
  usage: 'exo-intake sla',
  summary: "Computes the GTI and GTR deadlines of one request on the desk's contract calendar.",
  flags: {
    desk: { value: 'DESK-ID', description: 'desk id from the configuration, e.g. reunion' },
    contract: { value: 'standard|premium', description: 'contract of the client' },
    priority: { value: 'normale|moyenne|haute|critique', description: 'priority level' },
    'received-at': receivedAtFlag,
    config: configFlag,
  },
  schema: z.object({
    desk: z.string().min(1),
    contract: ContractSchema,
    priority: PriorityLevelSchema,
    'received-at': receivedAtSchema,
    config: z.string().min(1).optional(),
  }),
} satisfies CommandSpec<z.ZodObject>;

export const slaCommand = defineCommand({
  name: 'sla',
  summary: 'GTI/GTR deadlines for a desk, contract, priority and reception instant',
  spec,
  async run({ flags }) {
    const { config } = await loadContext(flags);
    const desk = deskById(config, flags.desk);
    if (!desk) {
      const ids = config.desks.map((d) => d.id).join('|');
      throw new InputError(`--desk got "${flags.desk}"; expected ${ids}`);
    }
    const deadlines = computeDeadlines({
      receivedAt: new Date(flags['received-at']),
      desk,
      contract: flags.contract,
      priority: flags.priority,
    });
    const out = {
      gtiDueAt: inDeskZone(deadlines.gtiDueAt, desk),
      gtrDueAt: inDeskZone(deadlines.gtrDueAt, desk),
    };
    cli().stdout(`${JSON.stringify(out)}\n`);
    return EXIT_OK;
  },
});
