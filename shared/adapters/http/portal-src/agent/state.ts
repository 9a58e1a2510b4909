import type {
  ConfigResponse,
  DeskOverview,
  MeResponse,
  QueuePage,
  TicketDetailsResponse,
} from '../../api-schemas';

export type View = 'login' | 'queue' | 'ticket' | 'suspended' | 'reports';

/**
 * What the page knows. Answers are kept with the moment they arrived (`…At`, the browser's clock), so the
 * countdowns tick between refreshes without asking the server again.
 */
export const state: {
  config: ConfigResponse | null;
  me: MeResponse | null;
  desks: DeskOverview[];
  desksFetchedAt: number;
  /** The server's clock when it listed the desks: the header's times do not depend on the PC's clock. */
  desksServerAt: number;
  queue: QueuePage | null;
  queueFetchedAt: number;
  cursor: string | null;
  view: View;
  ticket: TicketDetailsResponse | null;
  ticketFetchedAt: number;
} = {
  config: null,
  me: null,
  desks: [],
  desksFetchedAt: 0,
  desksServerAt: 0,
  queue: null,
  queueFetchedAt: 0,
  cursor: null,
  view: 'queue',
  ticket: null,
  ticketFetchedAt: 0,
};

/** A desk's time zone (UTC until the desks are known). */
export function deskZone(deskId: string): string {
  return state.desks.find((d) => d.deskId === deskId)?.timeZone ?? 'UTC';
}
