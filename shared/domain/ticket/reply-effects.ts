import * as z from 'zod';
import { ConflictError } from '../errors';
import { isOpen } from '../sla/sla-status';
import { IdempotencyKeySchema, type ReplyThen, ReplyThenSchema, UploadIdSchema } from './outbound-message';
import type { Ticket } from './ticket';
import { type ActionContext, applyTicketAction, assertMayAct, type TicketChange } from './ticket-actions';
import { workOf } from './ticket-work';

/** What an agent composes: the fields of a reply, without its idempotency key. */
const ReplyFields = z.object({
  text: z.string().trim().min(1, 'the reply is empty').max(20_000),
  // biome-ignore lint/suspicious/noThenProperty: the API's field name (issue 15); parsed data only, never awaited.
  then: ReplyThenSchema.optional(),
  summary: z.string().trim().min(1).max(5000).optional(),
  /** The Cc to keep (a subset of the ticket's participants); absent: the Cc of the first message. */
  cc: z.array(z.string().trim().toLowerCase().max(320)).max(20).optional(),
  /**
   * Files uploaded for this ticket through `POST …/reply-uploads`, by the id it gave. The count and
   * sizes are judged by the attachment policy on what was stored (a French 400), not here.
   */
  attachments: z
    .array(z.object({ uploadId: UploadIdSchema }).strict())
    .max(100)
    .refine((a) => new Set(a.map((x) => x.uploadId)).size === a.length, 'the same file is attached twice')
    .optional(),
});

function summaryGoesWithResolve(
  r: { then?: ReplyThen | undefined; summary?: string | undefined },
  ctx: z.RefinementCtx,
) {
  if (r.then === 'resolve' && !r.summary)
    ctx.addIssue({ code: 'custom', path: ['summary'], message: 'say how it was resolved ("summary")' });
  if (r.then !== 'resolve' && r.summary)
    ctx.addIssue({
      code: 'custom',
      path: ['summary'],
      message: 'a summary goes with then: "resolve" only',
    });
}

/** The body of `POST /api/tickets/{ref}/replies` (docs/agents.md, "Replies"). */
const { text, ...afterText } = ReplyFields.shape;
export const ReplyRequestSchema = z
  .object({ text, idempotencyKey: IdempotencyKeySchema, ...afterText })
  .strict()
  .superRefine(summaryGoesWithResolve);

/**
 * The body of `POST /api/tickets/{ref}/replies/preview`: the reply as composed so far (the files
 * are not read: the preview shows the mail's words).
 */
export const ReplyPreviewRequestSchema = ReplyFields.strict().superRefine(summaryGoesWithResolve);
export type ReplyPreviewRequest = z.infer<typeof ReplyPreviewRequestSchema>;
export type ReplyRequest = z.infer<typeof ReplyRequestSchema>;

/** The body of `POST /api/tickets/{ref}/reply-uploads`: the file the browser is about to send. */
export const ReplyUploadRequestSchema = z
  .object({
    filename: z.string().min(1, 'the file has no name').max(1000),
    size: z.number().int().nonnegative(),
  })
  .strict();
export type ReplyUploadRequest = z.infer<typeof ReplyUploadRequestSchema>;

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
