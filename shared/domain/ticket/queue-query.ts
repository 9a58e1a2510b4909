import * as z from 'zod';
import { DeskIdSchema, PriorityLevelSchema } from '../desk/service-desk-config';
import { TicketStatusSchema } from './ticket';

/** A comma-separated list in a query string (`status=nouveau,en cours`), each item validated. */
function csv<O extends string>(item: z.ZodType<O, string>) {
  return z
    .string()
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== ''),
    )
    .pipe(z.array(item).min(1).max(10));
}

/** `GET /api/tickets`: the agents' queue filters, validated at the HTTP boundary (docs/agents.md). */
export const QueueQuerySchema = z.object({
  /** A desk id, or `all`; absent: the agent's desk on duty (docs/agents.md, "Queue"). */
  desk: z.union([z.literal('all'), DeskIdSchema]).optional(),
  status: csv(TicketStatusSchema).optional(),
  priority: csv(PriorityLevelSchema).optional(),
  assignee: z.enum(['any', 'me', 'none']).default('any'),
  /** `deadline`: the next deadline that runs (GTI until contact, then GTR); `gti`: GTI then GTR. */
  sort: z.enum(['deadline', 'gti']).default('deadline'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(1000).optional(),
});
export type QueueQuery = z.infer<typeof QueueQuerySchema>;
