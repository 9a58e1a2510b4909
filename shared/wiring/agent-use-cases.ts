import type { AgentUseCases } from '../adapters/http/agent-use-cases';
import type { ServiceDeskConfig } from '../domain/desk/service-desk-config';
import { InputError } from '../domain/errors';
import type { AgentTicketStore } from '../ports/agent-ticket-store';
import type { AttachmentLinks } from '../ports/attachment-links';
import type { Clock } from '../ports/clock';
import type { ReportStore } from '../ports/report-store';
import { resendAcknowledgement } from '../use-cases/acknowledge-ticket';
import { defaultQueueDesk, desksOverview, listQueue } from '../use-cases/agent-queue';
import { rotateClientLink } from '../use-cases/client-portal';
import { type ConvertSuspendedDeps, convertSuspended } from '../use-cases/convert-suspended';
import { acceptHeld, rejectHeld } from '../use-cases/decide-held';
import { buildMonthlyReport } from '../use-cases/monthly-report';
import { presignReplyUpload, replyAttachmentLink } from '../use-cases/reply-attachments';
import {
  notifyAfterAction,
  type OutboundDeps,
  previewReply,
  replyToClient,
  resendOutbound,
} from '../use-cases/reply-to-client';
import { buildSlaReport } from '../use-cases/sla-report';
import { dismissSuspended, listSuspended } from '../use-cases/suspended-messages';
import { actOnTicket, addNote, attachmentLink, getTicketDetails } from '../use-cases/work-ticket';

/** The ports the agents' use cases run on (built by createAgentAppDeps in ./agent.ts). */
export type AgentUseCasePorts = {
  config: ServiceDeskConfig;
  clock: Clock;
  store: AgentTicketStore;
  links: AttachmentLinks;
  /** The report index (gsi4): the SLA reports read it, never the table. */
  reports: ReportStore;
  /** Turning a suspended message into a ticket goes through the intake's builders and store. */
  convert: Omit<ConvertSuspendedDeps, 'config' | 'clock'>;
  /** Mail to the client (agents' replies, notifications): the ports beside the store and clock. */
  outbound: Omit<OutboundDeps, 'config' | 'clock' | 'store'>;
};

/**
 * The agents' use cases bound to their ports: what the HTTP app receives as `deps.cases` (it imports no
 * use case itself). A new route's use case is bound here and declared in adapters/http/agent-use-cases.ts.
 */
export function agentUseCases(ports: AgentUseCasePorts): AgentUseCases {
  const { config, clock } = ports;
  const work = { config, clock, store: ports.store };
  const intake = { ...ports.convert, config, clock };
  const outbound: OutboundDeps = { ...ports.outbound, ...work };
  const uploads = () => {
    if (!ports.outbound.attachments)
      throw new InputError('this API has no upload store: replies cannot carry attachments here');
    return ports.outbound.attachments;
  };
  return {
    defaultDesk: (agent) => defaultQueueDesk(agent, clock.now(), config),
    desksOverview: () => desksOverview(work),
    listQueue: (query, agent) => listQueue(query, agent, work),
    getTicketDetails: (reference) => getTicketDetails(reference, work),
    acceptHeld: (reference, id, agent) => acceptHeld(reference, id, agent, intake),
    rejectHeld: (reference, id, agent) => rejectHeld(reference, id, agent, intake),
    attachmentLink: (input) => attachmentLink(input, { ...work, links: ports.links }),
    addNote: (reference, text, agent) => addNote(reference, text, agent, work),
    replyToClient: (reference, request, agent) => replyToClient(reference, request, agent, outbound),
    presignReplyUpload: (reference, request, agent) =>
      presignReplyUpload(reference, request, agent, { ...uploads(), store: ports.store }),
    previewReply: (reference, request, agent) => previewReply(reference, request, agent, outbound),
    replyAttachmentLink: (input) => replyAttachmentLink(input, { ...uploads(), store: ports.store }),
    resendOutbound: (reference, key, agent) => resendOutbound(reference, key, agent, outbound),
    resendAcknowledgement: (reference, agentId) =>
      resendAcknowledgement(reference, agentId, {
        config,
        clock,
        tickets: ports.convert.tickets,
        mailSender: ports.outbound.mailSender,
        mintLink: ports.outbound.mintLink,
        newId: ports.outbound.newId,
        sleep: ports.outbound.sleep,
        ackLeaseMs: ports.outbound.leaseMs,
        ackWaitMs: 0,
        // The lease (60 s) outlives the API's 30 s: no run deadline to keep here.
        deadline: null,
        minSendMs: 0,
      }),
    actOnTicket: (reference, action, agent) => actOnTicket(reference, action, agent, work),
    notifyAfterAction: (ticket, action, previous, actor) =>
      notifyAfterAction(ticket, action, previous, actor, outbound),
    convertSuspended: (id, agent) => convertSuspended(id, agent, intake),
    listSuspended: (query, agent) => listSuspended(query, agent, work),
    dismissSuspended: (id, agent) =>
      dismissSuspended(id, agent, { clock, tickets: ports.convert.tickets, store: ports.store }),
    slaReport: async (request) => {
      const { report, series, outcomes } = await buildSlaReport(request, {
        reports: ports.reports,
        clock,
        config,
      });
      return { report, series, outcomes };
    },
    rotateClientLink: (reference, agent) =>
      rotateClientLink(reference, agent, { clock, tickets: ports.store }),
    monthlyReport: (request) =>
      buildMonthlyReport(request, {
        config,
        clock,
        reports: ports.reports,
        directory: ports.convert.clients,
      }),
  };
}
