import type { DeskId } from '../domain/desk/service-desk-config';
import type { ReportTicket } from '../domain/report/ticket-outcome';

/** What one read of the report index gave: the tickets, and what it cost. */
export type ReceivedTickets = {
  tickets: ReportTicket[];
  /** Index items read (what DynamoDB bills a Query for, with their size). */
  itemsRead: number;
  /** Query requests made (one per page of up to 1 MB). */
  pages: number;
  /** References of items that did not read as a report ticket (skipped, named for the operator). */
  invalid: string[];
};

/** The tickets of the SLA reports: a desk's tickets by receipt time, never a scan of the table. */
export interface ReportStore {
  /** Tickets of `desk` received in [from, to), oldest first. */
  ticketsReceived(desk: DeskId, from: Date, to: Date): Promise<ReceivedTickets>;
  /**
   * Once, after the index is deployed: gives the report index keys to the tickets written before it
   * (a scan of the table, one conditional update per ticket that lacks them).
   */
  backfillIndex(): Promise<{ scanned: number; updated: number }>;
}
