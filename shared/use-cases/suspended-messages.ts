import type { Agent } from '../domain/desk/agent';
import type { ServiceDeskConfig } from '../domain/desk/service-desk-config';
import { ConflictError, InputError, NotFoundError } from '../domain/errors';
import { isSuspensionExpired, suspendedClassOf } from '../domain/mail/suspension';
import { ForbiddenError } from '../domain/ticket/ticket-actions';
import type { AgentTicketStore, SuspendedListPage, SuspendedListQuery } from '../ports/agent-ticket-store';
import type { Clock } from '../ports/clock';
import type { SuspendedMessage, TicketStore } from '../ports/ticket-store';
import { defaultQueueDesk } from './agent-queue';

export type SuspendedListDeps = {
  config: ServiceDeskConfig;
  clock: Clock;
  store: Pick<AgentTicketStore, 'listSuspended' | 'countSuspended'>;
};

/**
 * Issue 13 §5: one page of a desk's suspended list, newest first, of one class or all, with how many
 * wait in all (and in the class). The page and the counts are read at the same `now`, so an expired
 * message is neither shown nor counted; the counts are Select COUNT queries (docs/table-design.md).
 */
export async function listSuspended(
  query: SuspendedListQuery,
  agent: Agent,
  deps: SuspendedListDeps,
): Promise<SuspendedListPage> {
  const now = deps.clock.now();
  const desk = query.desk ?? defaultQueueDesk(agent, now, deps.config);
  if (!deps.config.desks.some((d) => d.id === desk))
    throw new InputError(`unknown desk "${desk}"`, { hint: 'take a desk id from GET /api/desks' });
  const { suspendedClass } = query;
  const [page, total, classTotal] = await Promise.all([
    deps.store.listSuspended(desk, { limit: query.limit, before: query.before, suspendedClass, now }),
    deps.store.countSuspended(desk, { suspendedClass: null, now }),
    suspendedClass === null ? null : deps.store.countSuspended(desk, { suspendedClass, now }),
  ]);
  return {
    desk,
    suspendedClass,
    items: page.items.map((item) => ({ ...item, suspendedClass: suspendedClassOf(item) })),
    next: page.next,
    total,
    classTotal,
  };
}

export type DismissSuspendedDeps = {
  clock: Clock;
  tickets: Pick<TicketStore, 'getSuspended'>;
  store: Pick<AgentTicketStore, 'dismissSuspended'>;
};

/**
 * "Ignorer" (issue 13 §5): an agent of the message's desk sets it aside for good. The item is marked
 * (who, when) and leaves the lists in one conditional write: of two agents dismissing or converting
 * the same message at once, one wins and the other gets a ConflictError (409). An expired message is
 * gone (404); a held follow-up is not here (it is accepted or rejected on its ticket).
 */
export async function dismissSuspended(
  id: string,
  agent: Agent,
  deps: DismissSuspendedDeps,
): Promise<SuspendedMessage & { dismissedBy: string; dismissedAt: string }> {
  const now = deps.clock.now();
  const suspended = await deps.tickets.getSuspended(id);
  if (!suspended || isSuspensionExpired(suspended, now))
    throw new NotFoundError(`no suspended message "${id}"`, { hint: 'take the id from GET /api/suspended' });
  if (!agent.desks.includes(suspended.deskId))
    throw new ForbiddenError(
      `the suspended message ${id} is at desk ${suspended.deskId}, not one of ${agent.id}'s`,
    );
  if (suspended.dismissedAt === undefined && suspended.convertedTo === undefined) {
    const at = now.toISOString();
    if (await deps.store.dismissSuspended(id, agent.id, at))
      return { ...suspended, dismissedBy: agent.id, dismissedAt: at };
  }
  throw alreadyHandled(id, (await deps.tickets.getSuspended(id)) ?? suspended);
}

/** Why a suspended message cannot be dismissed or converted any more: who handled it first. */
export function alreadyHandled(id: string, suspended: SuspendedMessage): ConflictError {
  const how =
    suspended.convertedTo !== undefined
      ? `is already ticket ${suspended.convertedTo}`
      : `was dismissed by ${suspended.dismissedBy ?? 'another agent'} at ${suspended.dismissedAt ?? '?'}`;
  return new ConflictError(`the suspended message ${id} ${how}`, {
    hint: 'reload the list of suspended messages',
  });
}
