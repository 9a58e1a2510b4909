import * as z from 'zod';
import type { Agent } from '../domain/desk/agent';
import type { DeskId, ServiceDeskConfig } from '../domain/desk/service-desk-config';
import { InputError } from '../domain/errors';
import { type DeskLocalTime, deskLocalTime, staffedDesks } from '../domain/sla/follow-the-sun';
import { type TicketSla, ticketSla } from '../domain/sla/sla-status';
import type { QueueQuery } from '../domain/ticket/queue-query';
import { priorityToConfirm, type Ticket, type TicketStatus } from '../domain/ticket/ticket';
import { workOf } from '../domain/ticket/ticket-work';
import type { AgentTicketStore } from '../ports/agent-ticket-store';
import type { Clock } from '../ports/clock';

export const OPEN_STATUSES: readonly TicketStatus[] = ['nouveau', 'en cours', 'en attente client'];

export type QueueItem = {
  reference: string;
  subject: string;
  desk: DeskId;
  deskOnDuty: Ticket['deskOnDuty'];
  client: string | null;
  contract: Ticket['contract'];
  requester: string | null;
  status: TicketStatus;
  priority: Ticket['priority']['level'];
  prioritySource: Ticket['priority']['source'];
  /** The triage left the level open (a fact unknown or contradicted): "priorité à confirmer". */
  priorityToConfirm: boolean;
  receivedAt: string;
  gtiDueAt: string;
  gtrDueAt: string;
  sla: TicketSla;
  assignee: { agentId: string; name: string } | null;
  flags: Ticket['flags'];
  machineAlert: boolean;
  messageCount: number;
  /** Waiting on the client, and a message arrived since: someone should look (and resume). */
  clientAnswered: boolean;
};

export type QueuePage = {
  desk: DeskId | 'all';
  items: QueueItem[];
  /** Matching tickets in all pages. */
  total: number;
  nextCursor: string | null;
  /** A queue partition held more than one read returns: the oldest were left out. */
  truncated: boolean;
};

export type QueueDeps = { config: ServiceDeskConfig; clock: Clock; store: AgentTicketStore };

/** The desk an agent sees first: their own desk while it is staffed, else the desk the sun is on. */
export function defaultQueueDesk(agent: Agent, now: Date, config: ServiceDeskConfig): DeskId {
  const staffed = staffedDesks(now, config).map((d) => d.id);
  return agent.desks.find((d) => staffed.includes(d)) ?? staffed[0] ?? agent.desks[0] ?? config.defaultDeskId;
}

/**
 * The queue of a desk: tickets whose desk on duty it is (a premium ticket relayed by follow the sun
 * is in the relay desk's queue), filtered, sorted by deadline, paginated by a cursor on the sort key
 * (stable while tickets come and go). Read from every desk's gsi1 partitions of the asked statuses:
 * the intake indexes tickets by their own desk, while the queue is by desk on duty.
 */
export async function listQueue(query: QueueQuery, agent: Agent, deps: QueueDeps): Promise<QueuePage> {
  const now = deps.clock.now();
  const desk = query.desk ?? defaultQueueDesk(agent, now, deps.config);
  if (desk !== 'all' && !deps.config.desks.some((d) => d.id === desk))
    throw new InputError(`unknown desk "${desk}"`, {
      hint: `use one of ${deps.config.desks.map((d) => d.id).join(', ')} or all`,
    });
  const statuses = query.status ?? OPEN_STATUSES;
  const { tickets, truncated } = await deps.store.listTickets(
    deps.config.desks.map((d) => d.id),
    [...new Set(statuses)],
  );
  const wanted = tickets.filter(
    (t) =>
      (desk === 'all' || t.deskOnDuty.deskId === desk) &&
      (!query.priority || query.priority.includes(t.priority.level)) &&
      matchesAssignee(t, query.assignee, agent),
  );
  const rows = wanted
    .map((ticket) => {
      const sla = ticketSla(ticket, now, deps.config);
      return { ticket, sla, key: sortKey(ticket, sla, query.sort) };
    })
    .sort((a, b) => compareKeys(a.key, b.key));
  const after = query.cursor ? decodeCursor(query.cursor) : null;
  const start = after ? rows.findIndex((r) => compareKeys(r.key, after) > 0) : 0;
  const page = start < 0 ? [] : rows.slice(start, start + query.limit);
  const last = page.at(-1);
  // A cursor past the last ticket (start -1) gives an empty page, so no `last` and no next cursor.
  const hasMore = start + query.limit < rows.length;
  return {
    desk,
    items: page.map((r) => queueItem(r.ticket, r.sla)),
    total: rows.length,
    nextCursor: hasMore && last ? encodeCursor(last.key) : null,
    truncated,
  };
}

export type DeskOverview = DeskLocalTime & {
  displayName: string;
  zoneLabelFr: string;
  timeZone: string;
  /** First staffed desk in follow-the-sun order: where premium tickets go while their desk sleeps. */
  onDuty: boolean;
};

/** The desks as the portal's header shows them: local time, staffed or not, and the desk on duty. */
export function desksOverview(deps: Pick<QueueDeps, 'config' | 'clock'>): {
  at: string;
  desks: DeskOverview[];
} {
  const now = deps.clock.now();
  const onDuty = staffedDesks(now, deps.config)[0]?.id ?? null;
  return {
    at: now.toISOString(),
    desks: deps.config.desks.map((desk) => ({
      ...deskLocalTime(now, desk),
      displayName: desk.displayName,
      zoneLabelFr: desk.zoneLabelFr,
      timeZone: desk.timeZone,
      onDuty: desk.id === onDuty,
    })),
  };
}

function matchesAssignee(ticket: Ticket, assignee: QueueQuery['assignee'], agent: Agent): boolean {
  const current = workOf(ticket).assignee;
  if (assignee === 'me') return current?.agentId === agent.id;
  if (assignee === 'none') return current === null;
  return true;
}

type SortKey = [string, string, string];
/** Sorts after every ISO instant: tickets with no running deadline (paused) come last. */
const NO_DEADLINE = '~';

function sortKey(ticket: Ticket, sla: TicketSla, sort: QueueQuery['sort']): SortKey {
  const first = sort === 'gti' ? ticket.gtiDueAt : (sla.nextDueAt ?? NO_DEADLINE);
  return [first, ticket.gtrDueAt, ticket.reference];
}

// Code-unit order, not localeCompare: ISO instants and references sort by their characters, and the
// collation of localeCompare puts `~` before the digits (paused tickets came first, not last).
function compareKeys(a: SortKey, b: SortKey): number {
  // Stryker disable next-line EqualityOperator: one index past a 3-tuple is undefined on both sides, neither < nor >
  for (let i = 0; i < a.length; i++) {
    if (a[i]! < b[i]!) return -1;
    if (a[i]! > b[i]!) return 1;
  }
  return 0;
}

function encodeCursor(key: SortKey): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

const CursorSchema = z.tuple([z.string(), z.string(), z.string()]);

function decodeCursor(cursor: string): SortKey {
  try {
    return CursorSchema.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch {
    throw new InputError('the queue cursor is not one this API gave', {
      hint: 'start again without "cursor"',
    });
  }
}

function queueItem(ticket: Ticket, sla: TicketSla): QueueItem {
  const work = workOf(ticket);
  return {
    reference: ticket.reference,
    subject: ticket.subject,
    desk: ticket.desk,
    deskOnDuty: ticket.deskOnDuty,
    client: ticket.client.name,
    contract: ticket.contract,
    requester: ticket.requester?.address ?? null,
    status: ticket.status,
    priority: ticket.priority.level,
    prioritySource: ticket.priority.source,
    priorityToConfirm: priorityToConfirm(ticket),
    receivedAt: ticket.receivedAt,
    gtiDueAt: ticket.gtiDueAt,
    gtrDueAt: ticket.gtrDueAt,
    sla,
    assignee: work.assignee ? { agentId: work.assignee.agentId, name: work.assignee.name } : null,
    flags: ticket.flags,
    machineAlert: ticket.machineAlert,
    messageCount: ticket.messageCount,
    clientAnswered: work.pause !== null && ticket.messageCount > work.pause.messageCount,
  };
}
