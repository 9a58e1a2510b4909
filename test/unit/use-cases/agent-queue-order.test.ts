import { beforeEach, describe, expect, it } from 'vitest';
import type { Agent } from '../../../shared/domain/desk/agent';
import { InputError } from '../../../shared/domain/errors';
import { type QueueQuery, QueueQuerySchema } from '../../../shared/domain/ticket/queue-query';
import type { Ticket } from '../../../shared/domain/ticket/ticket';
import { NO_WORK } from '../../../shared/domain/ticket/ticket-work';
import { defaultQueueDesk, desksOverview, listQueue } from '../../../shared/use-cases/agent-queue';
import { alice, aTicket, config, mona, reunionAt } from '../ticket/fixtures';
import { InMemoryAgentStore } from './in-memory-agent-store';

/**
 * The agents' queue (docs/agents.md, "Queue"): which tickets, in which order, page by page.
 * Réunion is UTC+4 and staffed Monday to Friday 08:00–24:00; at Monday 10:00 Réunion time only
 * Réunion and Nouvelle-Calédonie (17:00) are staffed, the Antilles (02:00) are not.
 */
const mondayMorning = reunionAt('2026-11-30T10:00');
const saturday = new Date('2026-12-05T12:00:00Z');

const contact = {
  at: reunionAt('2026-11-30T09:10').toISOString(),
  channel: 'phone' as const,
  agentId: 'alice@exodata.fr',
  gtiMet: true,
  implicit: false,
};
const critique = {
  level: 'critique' as const,
  source: 'inferred' as const,
  evidence: [],
  inferredLevel: 'critique' as const,
};
const normale = {
  level: 'normale' as const,
  source: 'inferred' as const,
  evidence: [],
  inferredLevel: 'normale' as const,
};

/**
 * Six tickets of Réunion's queue at Monday 09:45 and one relayed to Martinique. By next deadline:
 * 001 and 006 (GTI 09:30, GTR Tuesday 09:00; the reference decides), 002 (GTI 09:30, GTR a week
 * later), 003 (GTI 09:55), 004 (contacted: its GTR, Tuesday 09:00), 005 (paused: no running deadline).
 */
function queueTickets(): Ticket[] {
  return [
    aTicket({ reference: 'EXO-2026-000004', work: { ...NO_WORK, firstContact: contact } }),
    aTicket({
      reference: 'EXO-2026-000005',
      status: 'en attente client',
      messageCount: 2,
      work: {
        ...NO_WORK,
        firstContact: contact,
        pause: {
          since: reunionAt('2026-11-30T09:20').toISOString(),
          agentId: 'alice@exodata.fr',
          messageCount: 1,
        },
      },
    }),
    aTicket({ reference: 'EXO-2026-000003', receivedWallClock: '2026-11-30T09:40', priority: critique }),
    aTicket({ reference: 'EXO-2026-000006' }),
    aTicket({ reference: 'EXO-2026-000002', receivedWallClock: '2026-11-30T08:30', priority: normale }),
    aTicket({
      reference: 'EXO-2026-000001',
      work: { ...NO_WORK, assignee: { agentId: alice.id, name: alice.name, since: contact.at } },
    }),
    aTicket({ reference: 'EXO-2026-000007', deskOnDuty: { deskId: 'martinique', onCall: false } }),
  ];
}

let store: InMemoryAgentStore;
beforeEach(() => {
  store = new InMemoryAgentStore(queueTickets());
});

const deps = (at = reunionAt('2026-11-30T09:45')) => ({ config, clock: { now: () => at }, store });
const query = (q: Record<string, unknown> = {}): QueueQuery =>
  QueueQuerySchema.parse({ desk: 'reunion', ...q });
const references = (page: { items: Array<{ reference: string }> }) =>
  page.items.map((i) => i.reference.slice(-3));

describe('defaultQueueDesk', () => {
  it("is the agent's own desk while it is staffed", () => {
    expect(defaultQueueDesk(alice, mondayMorning, config)).toBe('reunion');
  });

  it('is the first staffed of the agent’s desks, else the first staffed desk in follow-the-sun order', () => {
    expect(
      defaultQueueDesk({ ...mona, desks: ['martinique', 'nouvelle-caledonie'] }, mondayMorning, config),
    ).toBe('nouvelle-caledonie');
    expect(defaultQueueDesk(mona, mondayMorning, config)).toBe('reunion');
  });

  it("is the agent's first desk when no desk is staffed, and the configured default for an agent without one", () => {
    expect(defaultQueueDesk(mona, saturday, config)).toBe('martinique');
    const nobody: Agent = { id: 'x@exodata.fr', name: 'X', desks: [] };
    expect(defaultQueueDesk(nobody, saturday, { ...config, defaultDeskId: 'guadeloupe' })).toBe('guadeloupe');
  });
});

describe('listQueue: order and pages', () => {
  it('sorts by the next running deadline, then the GTR, then the reference; paused tickets last', async () => {
    const page = await listQueue(query(), alice, deps());
    expect(references(page)).toEqual(['001', '006', '002', '003', '004', '005']);
    expect(page).toMatchObject({ desk: 'reunion', total: 6, nextCursor: null, truncated: false });
  });

  it('sorts by the GTI when asked, whatever the first contact', async () => {
    const page = await listQueue(query({ sort: 'gti' }), alice, deps());
    expect(references(page)).toEqual(['001', '004', '005', '006', '002', '003']);
  });

  it('walks the queue page by page with the cursor, and the last page has no cursor', async () => {
    const first = await listQueue(query({ limit: 2 }), alice, deps());
    expect(references(first)).toEqual(['001', '006']);
    expect(first.total).toBe(6);
    const second = await listQueue(query({ limit: 2, cursor: first.nextCursor }), alice, deps());
    expect(references(second)).toEqual(['002', '003']);
    const third = await listQueue(query({ limit: 2, cursor: second.nextCursor }), alice, deps());
    expect(references(third)).toEqual(['004', '005']);
    expect(third.nextCursor).toBeNull();
    expect(third.total).toBe(6);
  });

  it('gives a cursor when exactly one ticket is left for the next page', async () => {
    const first = await listQueue(query({ limit: 5 }), alice, deps());
    expect(first.nextCursor).not.toBeNull();
    const last = await listQueue(query({ limit: 5, cursor: first.nextCursor }), alice, deps());
    expect(references(last)).toEqual(['005']);
    expect(last.nextCursor).toBeNull();
  });

  it('keeps its place when a ticket before the cursor leaves the queue, and ends past the last one', async () => {
    const first = await listQueue(query({ limit: 2 }), alice, deps());
    store.tickets.delete('EXO-2026-000001');
    const second = await listQueue(query({ limit: 2, cursor: first.nextCursor }), alice, deps());
    expect(references(second)).toEqual(['002', '003']);
    const upToLast = await listQueue(query({ limit: 5 }), alice, deps());
    expect(references(upToLast)).toEqual(['006', '002', '003', '004', '005']);
    const allButLast = await listQueue(query({ limit: 4 }), alice, deps());
    store.tickets.delete('EXO-2026-000005');
    const after = await listQueue(query({ limit: 5, cursor: allButLast.nextCursor }), alice, deps());
    expect(after).toMatchObject({ items: [], total: 4, nextCursor: null });
  });

  it('refuses a cursor it did not give, saying to start again', async () => {
    const forged = [
      'not-base64-json',
      Buffer.from(JSON.stringify([1, 2, 3])).toString('base64url'),
      Buffer.from(JSON.stringify(['a', 'b'])).toString('base64url'),
    ];
    for (const cursor of forged) {
      const refused = listQueue(query({ cursor }), alice, deps());
      await expect(refused, cursor).rejects.toBeInstanceOf(InputError);
      await expect(refused, cursor).rejects.toMatchObject({
        message: 'the queue cursor is not one this API gave',
        hint: 'start again without "cursor"',
      });
    }
  });

  it('passes the store’s truncation on', async () => {
    store.truncated = true;
    expect((await listQueue(query(), alice, deps())).truncated).toBe(true);
  });
});

describe('listQueue: filters', () => {
  it("lists the tickets of a desk's duty, of every desk with `all`, and the agent's default desk otherwise", async () => {
    expect(references(await listQueue(query({ desk: 'martinique' }), alice, deps()))).toEqual(['007']);
    const all = await listQueue(query({ desk: 'all' }), alice, deps());
    expect(all.desk).toBe('all');
    expect(all.total).toBe(7);
    const byDefault = await listQueue(QueueQuerySchema.parse({}), alice, deps());
    expect(byDefault.desk).toBe('reunion');
    expect(byDefault.total).toBe(6);
  });

  it('refuses a desk that is not configured, naming the ones that are', async () => {
    const refused = listQueue({ ...query(), desk: 'paris' }, alice, deps());
    await expect(refused).rejects.toBeInstanceOf(InputError);
    await expect(refused).rejects.toMatchObject({
      message: 'unknown desk "paris"',
      hint: 'use one of reunion, martinique, guadeloupe, nouvelle-caledonie or all',
    });
  });

  it('reads the open statuses of every desk by default, each asked status once otherwise', async () => {
    await listQueue(query(), alice, deps());
    await listQueue(query({ status: 'résolu,résolu,fermé' }), alice, deps());
    expect(store.listCalls).toEqual([
      {
        desks: ['reunion', 'martinique', 'guadeloupe', 'nouvelle-caledonie'],
        statuses: ['nouveau', 'en cours', 'en attente client'],
      },
      { desks: ['reunion', 'martinique', 'guadeloupe', 'nouvelle-caledonie'], statuses: ['résolu', 'fermé'] },
    ]);
  });

  it('keeps only the asked priorities', async () => {
    expect(references(await listQueue(query({ priority: 'critique,normale' }), alice, deps()))).toEqual([
      '002',
      '003',
    ]);
  });

  it("keeps the agent's own tickets with `me`, the unassigned ones with `none`, all with `any`", async () => {
    expect(references(await listQueue(query({ assignee: 'me' }), alice, deps()))).toEqual(['001']);
    expect(references(await listQueue(query({ assignee: 'me' }), mona, deps()))).toEqual([]);
    expect(references(await listQueue(query({ assignee: 'none' }), alice, deps()))).toEqual([
      '006',
      '002',
      '003',
      '004',
      '005',
    ]);
    expect((await listQueue(query({ assignee: 'any' }), alice, deps())).total).toBe(6);
  });
});

describe('listQueue: what a row shows', () => {
  it('shows the ticket, its SLA standing, its assignee and whether it is to be confirmed', async () => {
    store.tickets.set(
      'EXO-2026-000001',
      aTicket({
        reference: 'EXO-2026-000001',
        requester: null,
        priority: {
          level: 'haute',
          source: 'inferred',
          evidence: [],
          inferredLevel: 'haute',
          confidence: 'low',
        },
        work: { ...NO_WORK, assignee: { agentId: alice.id, name: alice.name, since: contact.at } },
      }),
    );
    const [row] = (await listQueue(query({ limit: 1 }), alice, deps())).items;
    const ticket = store.tickets.get('EXO-2026-000001')!;
    expect(row).toMatchObject({
      reference: 'EXO-2026-000001',
      subject: 'Caisse bloquée',
      desk: 'reunion',
      deskOnDuty: { deskId: 'reunion', onCall: false },
      client: 'Quincaillerie du Port',
      contract: 'standard',
      requester: null,
      status: 'nouveau',
      priority: 'haute',
      prioritySource: 'inferred',
      priorityToConfirm: true,
      receivedAt: ticket.receivedAt,
      gtiDueAt: ticket.gtiDueAt,
      gtrDueAt: ticket.gtrDueAt,
      assignee: { agentId: alice.id, name: alice.name },
      flags: ticket.flags,
      machineAlert: false,
      messageCount: 1,
      clientAnswered: false,
    });
    expect(row?.sla).toMatchObject({ risk: 'breached', nextDueAt: ticket.gtiDueAt });
  });

  it('shows the requester’s address, no assignee, and a confirmed priority', async () => {
    const row = (await listQueue(query(), alice, deps())).items.find(
      (i) => i.reference === 'EXO-2026-000006',
    );
    expect(row).toMatchObject({
      requester: 'gerant@quincaillerie-du-port.re',
      assignee: null,
      priorityToConfirm: false,
    });
  });

  it('says the client answered when a message arrived since the pause, not before', async () => {
    const answered = await listQueue(query(), alice, deps());
    expect(answered.items.map((i) => [i.reference.slice(-3), i.clientAnswered])).toEqual([
      ['001', false],
      ['006', false],
      ['002', false],
      ['003', false],
      ['004', false],
      ['005', true],
    ]);
    const paused = store.tickets.get('EXO-2026-000005')!;
    store.tickets.set(paused.reference, { ...paused, messageCount: 1 });
    const notYet = await listQueue(query(), alice, deps());
    expect(notYet.items.at(-1)).toMatchObject({ reference: 'EXO-2026-000005', clientAnswered: false });
  });
});

describe('desksOverview', () => {
  it('gives each desk its local time and whether it is staffed, and marks the first staffed desk on duty', () => {
    const overview = desksOverview({ config, clock: { now: () => mondayMorning } });
    expect(overview.at).toBe('2026-11-30T06:00:00.000Z');
    expect(overview.desks.map((d) => [d.deskId, d.time, d.staffed, d.onDuty])).toEqual([
      ['reunion', '10:00', true, true],
      ['martinique', '02:00', false, false],
      ['guadeloupe', '02:00', false, false],
      ['nouvelle-caledonie', '17:00', true, false],
    ]);
    expect(overview.desks[0]).toMatchObject({
      displayName: 'Service Desk Exodata – La Réunion',
      zoneLabelFr: 'heure de La Réunion',
      timeZone: 'Indian/Reunion',
      iso: '2026-11-30T10:00:00.000+04:00',
    });
  });

  it('puts Martinique on duty once Réunion has closed, and no desk on a Saturday', () => {
    const evening = desksOverview({ config, clock: { now: () => reunionAt('2026-12-01T00:30') } });
    expect(evening.desks.filter((d) => d.onDuty).map((d) => d.deskId)).toEqual(['martinique']);
    const weekend = desksOverview({ config, clock: { now: () => saturday } });
    expect(weekend.desks.filter((d) => d.onDuty || d.staffed)).toEqual([]);
  });
});
