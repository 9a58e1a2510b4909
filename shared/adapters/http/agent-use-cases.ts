import type { z } from 'zod';
import type { Agent } from '../../domain/desk/agent';
import type { DeskId } from '../../domain/desk/service-desk-config';
import type { MonthlyReportRequest } from '../../domain/report/report-period';
import type { ReportSeries } from '../../domain/report/report-series';
import type { SlaReport } from '../../domain/report/sla-report';
import type { TicketOutcome } from '../../domain/report/ticket-outcome';
import type { TicketSla } from '../../domain/sla/sla-status';
import type { QueueQuery } from '../../domain/ticket/queue-query';
import type {
  ReplyPreviewRequest,
  ReplyRequest,
  ReplyUploadRequest,
} from '../../domain/ticket/reply-effects';
import type { Ticket, TicketMessage } from '../../domain/ticket/ticket';
import type { TicketAction } from '../../domain/ticket/ticket-actions';
import type { SuspendedListPage, SuspendedListQuery, TicketView } from '../../ports/agent-ticket-store';
import type { HeldMessage } from '../../ports/ticket-store';
import type {
  ActionResponseSchema,
  AttachmentLinkResponseSchema,
  DesksResponseSchema,
  DismissResponseSchema,
  QueuePageSchema,
  ReplyPreviewResponseSchema,
  ReplyResponseSchema,
  ReplyUploadResponseSchema,
  ResendResponseSchema,
} from './api-schemas';
import type { RotateLinkResponseSchema } from './client-api-schemas';

/** What an outbound send answers the portal (reply, resend, notification). */
type OutboundReceipt = z.input<typeof ReplyResponseSchema>;

/**
 * The use cases the agents' HTTP app calls, bound to their ports by shared/wiring/agent-use-cases.ts.
 * The app receives them through its deps and never imports shared/use-cases (the dependency rule:
 * adapters → domain, ports). Results are typed by the API's response schemas, so a use case whose
 * output drifts from what the portal reads fails `tsc` in the wiring. A new route adds its function here.
 */
export type AgentUseCases = {
  /** The desk a signed-in agent sees first: theirs if on duty, else the desk on duty. */
  defaultDesk(agent: Agent): DeskId;
  desksOverview(): z.input<typeof DesksResponseSchema>;
  listQueue(query: QueueQuery, agent: Agent): Promise<z.input<typeof QueuePageSchema>>;
  getTicketDetails(reference: string): Promise<TicketView & { sla: TicketSla }>;
  acceptHeld(
    reference: string,
    id: string,
    agent: Agent,
  ): Promise<{ ticket: Ticket; message: TicketMessage }>;
  rejectHeld(reference: string, id: string, agent: Agent): Promise<HeldMessage>;
  attachmentLink(input: {
    reference: string;
    messageId: string;
    sha256: string;
  }): Promise<z.input<typeof AttachmentLinkResponseSchema>>;
  addNote(reference: string, text: string, agent: Agent): Promise<void>;
  replyToClient(reference: string, request: ReplyRequest, agent: Agent): Promise<OutboundReceipt>;
  /** A presigned POST for one file of a reply (its name refused at once when it is a program). */
  presignReplyUpload(
    reference: string,
    request: ReplyUploadRequest,
    agent: Agent,
  ): Promise<z.input<typeof ReplyUploadResponseSchema>>;
  /** The mail a reply would send, rendered by the code that sends it; nothing is written. */
  previewReply(
    reference: string,
    request: ReplyPreviewRequest,
    agent: Agent,
  ): Promise<z.input<typeof ReplyPreviewResponseSchema>>;
  replyAttachmentLink(input: {
    reference: string;
    key: string;
    uploadId: string;
  }): Promise<z.input<typeof AttachmentLinkResponseSchema>>;
  resendOutbound(reference: string, key: string, agent: Agent): Promise<OutboundReceipt>;
  /** Sends the acknowledgement again now (no wait, no run deadline: the lease outlives the API). */
  resendAcknowledgement(
    reference: string,
    agentId: string,
  ): Promise<{ sesMessageId: string | null; state: z.input<typeof ResendResponseSchema>['state'] }>;
  actOnTicket(
    reference: string,
    action: TicketAction,
    agent: Agent,
  ): Promise<{ ticket: Ticket; sla: TicketSla; changed: boolean }>;
  /** conversation.md §4: tells the client of a resolution or a priority change. */
  notifyAfterAction(
    ticket: Ticket,
    action: TicketAction,
    previous: Pick<Ticket, 'priority'>,
    actor: string,
  ): Promise<z.input<typeof ActionResponseSchema>['notification'] | null>;
  convertSuspended(id: string, agent: Agent): Promise<{ ticket: Ticket }>;
  /** Issue 13 §5: a page of a desk's suspended list (one class or all) with the totals. */
  listSuspended(query: SuspendedListQuery, agent: Agent): Promise<SuspendedListPage>;
  /** "Ignorer": the winner's mark; another agent first → ConflictError (409). */
  dismissSuspended(id: string, agent: Agent): Promise<z.input<typeof DismissResponseSchema>>;
  /**
   * Issue 18: the SLA report of a period (days or ISO instants; default this month), a desk and a client
   * (absent: all) — the use case `exo-intake report` runs (buildSlaReport), not a second computation.
   */
  slaReport(request: {
    from?: string;
    to?: string;
    desk?: string;
    client?: string;
  }): Promise<{ report: SlaReport; series: ReportSeries; outcomes: TicketOutcome[] }>;
  /** Client portal "nouveau lien" (docs/client-portal.md): every link mailed so far stops working. */
  rotateClientLink(reference: string, agent: Agent): Promise<z.input<typeof RotateLinkResponseSchema>>;
  /** The monthly report of one client (docs/reports.md): the one French page, and its file name. */
  monthlyReport(request: MonthlyReportRequest, agent: Agent): Promise<{ html: string; filename: string }>;
};
