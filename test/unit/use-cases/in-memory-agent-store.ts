import type { AuditEvent, Ticket, TicketStatus } from '../../../shared/domain/ticket/ticket';
import type {
  AgentTicketStore,
  SlaAlertMarker,
  TicketUpdate,
} from '../../../shared/ports/agent-ticket-store';

/**
 * The part of the agents' store the queue and the SLA watcher use, in memory: conditional ticket
 * writes on the version read, alert markers written once. The other methods are not theirs and throw.
 * `conflicts` makes the next N ticket writes lose their race (fault injection); `listed`, when set,
 * is what the eventually consistent index returns instead of the stored tickets (a stale read).
 */
export class InMemoryAgentStore implements AgentTicketStore {
  readonly tickets = new Map<string, Ticket>();
  readonly events: AuditEvent[] = [];
  readonly markers = new Map<string, SlaAlertMarker>();
  readonly listCalls: Array<{ desks: readonly string[]; statuses: readonly TicketStatus[] }> = [];
  readonly getCalls: string[] = [];
  readonly withdrawn: SlaAlertMarker[] = [];
  conflicts = 0;
  listed: Ticket[] | null = null;
  truncated = false;
  /** Called on every write, after the version check: a concurrent writer can change the ticket here. */
  beforeWrite: ((update: TicketUpdate) => void) | null = null;

  constructor(tickets: readonly Ticket[] = []) {
    for (const ticket of tickets) this.tickets.set(ticket.reference, ticket);
  }

  async listTickets(desks: readonly string[], statuses: readonly TicketStatus[]) {
    this.listCalls.push({ desks, statuses });
    const all = this.listed ?? [...this.tickets.values()];
    return {
      tickets: all.filter((t) => desks.includes(t.desk) && statuses.includes(t.status)),
      truncated: this.truncated,
    };
  }

  async getTicket(reference: string) {
    this.getCalls.push(reference);
    return this.tickets.get(reference) ?? null;
  }

  async updateTicket(update: TicketUpdate): Promise<'updated' | 'conflict'> {
    this.beforeWrite?.(update);
    const stored = this.tickets.get(update.ticket.reference);
    if (this.conflicts > 0 || stored?.version !== update.expectedVersion) {
      this.conflicts = Math.max(0, this.conflicts - 1);
      return 'conflict';
    }
    this.tickets.set(update.ticket.reference, update.ticket);
    this.events.push(...update.events);
    return 'updated';
  }

  async appendEvent(event: AuditEvent) {
    this.events.push(event);
    return true;
  }

  async claimAlert(marker: SlaAlertMarker) {
    const key = markerKey(marker);
    if (this.markers.has(key)) return false;
    this.markers.set(key, marker);
    return true;
  }

  async withdrawAlert(marker: SlaAlertMarker) {
    this.withdrawn.push(marker);
    if (this.markers.get(markerKey(marker))?.attemptId === marker.attemptId)
      this.markers.delete(markerKey(marker));
  }

  getTicketView(): never {
    throw new Error('not used by the queue or the watcher');
  }
  getOutbound(): never {
    throw new Error('not used by the queue or the watcher');
  }
  claimOutbound(): never {
    throw new Error('not used by the queue or the watcher');
  }
  transitionOutbound(): never {
    throw new Error('not used by the queue or the watcher');
  }
  listSuspended(): never {
    throw new Error('not used by the queue or the watcher');
  }
  countSuspended(): never {
    throw new Error('not used by the queue or the watcher');
  }
  dismissSuspended(): never {
    throw new Error('not used by the queue or the watcher');
  }
}

function markerKey(m: SlaAlertMarker): string {
  return `${m.reference}#${m.clock}#${m.threshold}#${m.dueAt}`;
}
