import * as z from 'zod';
import { ConflictError } from '../errors';
import { isOpen } from '../sla/sla-status';
import { IdempotencyKeySchema, type ReplyThen, ReplyThenSchema } from './outbound-message';
import type { Ticket } from './ticket';
import { type ActionContext, applyTicketAction, assertMayAct, type TicketChange } from './ticket-actions';
import { workOf } from './ticket-work';

/** The body of `POST /api/tickets/{ref}/replies` (docs/agents.md, "Replies"). */
export const ReplyRequestSchema = z
  .object({
    text: z.string().trim().min(1, 'the reply is empty').max(20_000),
    idempotencyKey: IdempotencyKeySchema,
    // biome-ignore lint/suspicious/noThenProperty: the API's field name (issue 15); parsed data only, never awaited.
    then: ReplyThenSchema.optional(),
    summary: z.string().trim().min(1).max(5000).optional(),
    /** The Cc to keep (a subset of the ticket's participants); absent: the Cc of the first message. */
    cc: z.array(z.string().trim().toLowerCase().max(320)).max(20).optional(),
  })
  .strict()
  .superRefine((r, ctx) => {
    if (r.then === 'resolve' && !r.summary)
      ctx.addIssue({ code: 'custom', path: ['summary'], message: 'say how it was resolved ("summary")' });
    if (r.then !== 'resolve' && r.summary)
      ctx.addIssue({
        code: 'custom',
        path: ['summary'],
        message: 'a summary goes with then: "resolve" only',
      });
  });
export type ReplyRequest = z.infer<typeof ReplyRequestSchema>;

/**
 * What sending a reply does to the ticket, decided before the send and written with its claim, so
 * that a concurrent action on the ticket serialises with it (one wins, the other is decided again):
 * - the first reply on an open ticket is the first contact (channel `email`, GTI judged now);
 * - `wait` then pauses the GTR as the `en attente client` action does; `resolve` resolves.
 * Null when the ticket does not change (a later reply with nothing after it). Throws ForbiddenError
 * (not the agent's desk) or ConflictError (the state forbids the `then`).
 */
export function replyEffects(
  ticket: Ticket,
  then: ReplyThen | null,
  summary: string | null,
  ctx: ActionContext,
): TicketChange | null {
  assertMayAct(ticket, ctx.agent);
  if (then && !isOpen(ticket))
    throw new ConflictError(
      `cannot ${then === 'wait' ? 'put on hold' : 'resolve'} ticket ${ticket.reference}: it is ${ticket.status}`,
      {
        hint:
          ticket.status === 'résolu'
            ? 'send the reply alone, or reopen the ticket first'
            : 'send the reply alone',
      },
    );
  let current = ticket;
  const events: TicketChange['events'] = [];
  const step = (change: TicketChange | null) => {
    if (!change) return;
    current = change.ticket;
    events.push(...change.events);
  };
  if (isOpen(ticket) && !workOf(ticket).firstContact)
    step(
      applyTicketAction(
        current,
        { type: 'first-contact', channel: 'email', note: 'réponse par e-mail' },
        ctx,
      ),
    );
  if (then === 'wait')
    step(applyTicketAction(current, { type: 'wait', reason: 'réponse envoyée au client' }, ctx));
  if (then === 'resolve') step(applyTicketAction(current, { type: 'resolve', summary: summary ?? '' }, ctx));
  if (events.length === 0) return null;
  return { ticket: { ...current, version: ticket.version + 1 }, events };
}
