import * as z from 'zod';
import { PriorityLevelSchema } from '../desk/service-desk-config';
import { ContactChannelSchema } from './ticket-work';

/*
 * The agent API's request bodies for ticket actions and notes, apart from the actions themselves
 * (ticket-actions.ts): the intake applies a client reply's effects with those and never parses an
 * agent's request, so it does not bundle these schemas nor build them at its cold start.
 */

const IsoInstant = z.iso.datetime({ offset: true });
const Reason = z.string().trim().min(1, 'give a reason').max(2000);

/** What an agent can do to a ticket: the request bodies of the API, validated at the boundary. */
export const TicketActionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('claim') }),
  z.object({ type: z.literal('release') }),
  z.object({
    type: z.literal('first-contact'),
    channel: ContactChannelSchema,
    /** When the contact happened (a call logged afterwards); now when absent. */
    at: IsoInstant.optional(),
    note: z.string().trim().max(2000).optional(),
  }),
  z.object({ type: z.literal('wait'), reason: z.string().trim().max(2000).optional() }),
  z.object({ type: z.literal('resume') }),
  z.object({
    type: z.literal('resolve'),
    summary: z.string().trim().min(1, 'say how it was resolved').max(5000),
  }),
  z.object({ type: z.literal('reopen'), reason: Reason }),
  z.object({ type: z.literal('priority'), level: PriorityLevelSchema, reason: Reason }),
]);
export type TicketAction = z.infer<typeof TicketActionSchema>;

export const NoteSchema = z.object({ text: z.string().trim().min(1, 'the note is empty').max(10_000) });
