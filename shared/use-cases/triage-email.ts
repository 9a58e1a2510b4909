import {
  type AcknowledgeDecision,
  acknowledgeDecision,
} from '../domain/acknowledgement/acknowledge-decision';
import { type ClientEntry, type ClientMatch, lookupClient } from '../domain/desk/client-directory';
import { type DeskRouting, routeToDesk } from '../domain/desk/desk-routing';
import { type Contract, deskById, type ServiceDeskConfig } from '../domain/desk/service-desk-config';
import type { InboundEmail, MailAddress } from '../domain/mail/inbound-email';
import type { Receipt } from '../domain/mail/receipt';
import { type SenderTrustDecision, sameRegistrableDomain, senderTrustOf } from '../domain/mail/sender-trust';
import { type DutyAssignment, deskOnDuty } from '../domain/sla/follow-the-sun';
import { computeDeadlines, type Deadlines } from '../domain/sla/sla';
import { type AutomatedVerdict, classifyAutomated } from '../domain/triage/automated-mail';
import { type FollowUpCandidate, findFollowUpCandidate } from '../domain/triage/follow-up';
import { type PriorityResult, triagePriority } from '../domain/triage/priority';

export type TriageContext = {
  config: ServiceDeskConfig;
  clients: readonly ClientEntry[];
  /** Overrides the directory's contract (CLI --contract). */
  contractOverride?: Contract;
};

export type TriageResult = {
  desk: DeskRouting;
  client: ClientMatch;
  contract: Contract;
  /**
   * Who gets the acknowledgement and owns the ticket: From, or a Reply-To of the same registrable
   * domain (conversation.md §2: a Reply-To cannot make us mail a third party).
   */
  requester: MailAddress | null;
  /** conversation.md §1: whether the sender is who From says. */
  sender: SenderTrustDecision;
  priority: PriorityResult;
  automated: AutomatedVerdict;
  /** Whether this message may be acknowledged if it opens a new ticket (message-only rules). */
  acknowledge: AcknowledgeDecision;
  followUp: FollowUpCandidate;
  deadlines: Deadlines;
  duty: DutyAssignment;
};

/**
 * Pure triage of one parsed message: desk, client, priority, automated class, acknowledgement
 * eligibility, follow-up candidate and deadlines. No I/O; the intake use case adds the store.
 */
export function triageEmail(email: InboundEmail, receipt: Receipt, ctx: TriageContext): TriageResult {
  const { config } = ctx;
  const ourAddresses = config.desks.map((d) => d.address);
  const desk = routeToDesk(config, receipt.recipients, email.to, email.cc);
  const replyTo = email.replyTo[0];
  const requester =
    replyTo && email.from && sameRegistrableDomain(replyTo.address, email.from.address)
      ? replyTo
      : email.from;
  const sender = senderTrustOf(email, receipt);
  // From, never the Reply-To: a Reply-To is only used with a From of the same domain.
  const client = lookupClient(ctx.clients, email.from?.address);
  const contract = ctx.contractOverride ?? client.contract;
  const priority = triagePriority({
    subject: email.subject,
    newText: email.newText,
    quotedText: email.quotedText,
    headers: email.headers,
  });
  const automated = classifyAutomated(email, receipt, ourAddresses);
  const acknowledge = acknowledgeDecision(email, receipt, automated, ourAddresses);
  const followUp = findFollowUpCandidate(email);
  const deskConfig = deskById(config, desk.deskId);
  if (!deskConfig) throw new Error(`desk ${desk.deskId} missing from configuration`); // routeToDesk only returns configured ids
  const receivedAt = new Date(receipt.receivedAt);
  const deadlines = computeDeadlines({ receivedAt, desk: deskConfig, contract, priority: priority.level });
  const homeDesk = client.homeDesk && deskById(config, client.homeDesk) ? client.homeDesk : desk.deskId;
  const duty = deskOnDuty(receivedAt, homeDesk, contract, config);
  return {
    desk,
    client,
    contract,
    requester,
    sender,
    priority,
    automated,
    acknowledge,
    followUp,
    deadlines,
    duty,
  };
}
