import * as z from 'zod';

const IsoInstant = z.iso.datetime({ offset: true });

/** How the first human contact reached the client (service-desk.md rule 6: an acknowledgement is not one). */
export const ContactChannelSchema = z.enum(['email', 'phone', 'other']);
export type ContactChannel = z.infer<typeof ContactChannelSchema>;

/** A breach the SLA watcher noted, for the deadline it was noted against (a later re-target makes it stale). */
const BreachMarkSchema = z.object({ dueAt: IsoInstant, notedAt: IsoInstant });

/**
 * What agents and the SLA watcher did to a ticket, kept on the ticket item itself so that the
 * intake's optimistic read-modify-write of the ticket carries it along (a separate item would be
 * lost by nobody, but could disagree with the ticket). Absent on a ticket nobody has touched yet.
 */
export const TicketWorkSchema = z.object({
  assignee: z.object({ agentId: z.string().min(1), name: z.string(), since: IsoInstant }).nullable(),
  /** The first human contact: met or breached against the GTI deadline in force at that moment. */
  firstContact: z
    .object({
      at: IsoInstant,
      channel: ContactChannelSchema,
      agentId: z.string().min(1),
      gtiMet: z.boolean(),
      /** Recorded by a resolution that reached the client before anyone logged a contact. */
      implicit: z.boolean(),
    })
    .nullable(),
  /** Set while the ticket is `en attente client`: the GTR clock is paused since `since`. */
  pause: z
    .object({
      since: IsoInstant,
      agentId: z.string().min(1),
      /** The ticket's message count when it paused: a larger count now means the client answered. */
      messageCount: z.number().int().nonnegative(),
    })
    .nullable(),
  /** Open minutes the GTR clock spent paused in earlier pauses (a priority change keeps them). */
  gtrPausedOpenMinutes: z.number().nonnegative(),
  resolution: z
    .object({ at: IsoInstant, agentId: z.string().min(1), gtrMet: z.boolean(), summary: z.string() })
    .nullable(),
  breaches: z.object({ gti: BreachMarkSchema.nullable(), gtr: BreachMarkSchema.nullable() }),
});
export type TicketWork = z.infer<typeof TicketWorkSchema>;

export const NO_WORK: TicketWork = {
  assignee: null,
  firstContact: null,
  pause: null,
  gtrPausedOpenMinutes: 0,
  resolution: null,
  breaches: { gti: null, gtr: null },
};

/** The work state of a ticket, empty for one fresh from the intake. */
export function workOf(ticket: { work?: TicketWork | undefined }): TicketWork {
  return ticket.work ?? NO_WORK;
}
