import { beforeEach, describe, expect, it } from 'vitest';
import type { ClientEntry } from '../../../shared/domain/desk/client-directory';
import type { Ticket } from '../../../shared/domain/ticket/ticket';
import { NO_WORK } from '../../../shared/domain/ticket/ticket-work';
import type { SlaNotification } from '../../../shared/ports/notifier';
import { type WatchSlaDeps, watchSla } from '../../../shared/use-cases/watch-sla';
import { aTicket, config, reunionAt } from '../ticket/fixtures';
import { InMemoryAgentStore } from './in-memory-agent-store';

/**
 * One round of the SLA watcher against an in-memory store (docs/agents.md, "SLA watcher"): what it
 * warns, marks and moves, at the boundaries of the 15 open minutes and of the desks' hours.
 * Réunion is UTC+4 and staffed Monday to Friday 08:00–24:00; Martinique and Guadeloupe UTC−4.
 * 2026-11-30 is a Monday.
 */

const quincaillerie: ClientEntry = {
  clientId: 'CLI-RE-0027',
  name: 'Quincaillerie du Port',
  contract: 'standard',
  homeDesk: 'reunion',
  addresses: [],
  domains: ['quincaillerie-du-port.re'],
};

type Round = {
  store: InMemoryAgentStore;
  sent: SlaNotification[];
  errors: Array<[string, unknown]>;
  deps: (at: string, extra?: Partial<WatchSlaDeps>) => WatchSlaDeps;
};

/** Alice's first contact with the client, in time (GTI met), at a Réunion local time. */
function contactBy(channel: 'phone' | 'email', at: string) {
  return {
    at: reunionAt(at).toISOString(),
    channel,
    agentId: 'alice@exodata.fr',
    gtiMet: true,
    implicit: false,
  };
}

/** The GTR paused by Alice's question to the client, at a Réunion local time. */
function pausedSince(at: string) {
  return { since: reunionAt(at).toISOString(), agentId: 'alice@exodata.fr', messageCount: 1 };
}

function round(tickets: Ticket[], clients: ClientEntry[] = [quincaillerie]): Round {
  const store = new InMemoryAgentStore(tickets);
  const sent: SlaNotification[] = [];
  const errors: Array<[string, unknown]> = [];
  let id = 0;
  return {
    store,
    sent,
    errors,
    deps: (at, extra = {}) => ({
      config,
      clock: { now: () => reunionAt(at) },
      store,
      notifier: {
        notify: async (n) => {
          sent.push(n);
        },
      },
      clients: async () => clients,
      newId: () => `attempt-${++id}`,
      onError: (reference, error) => errors.push([reference, error]),
      ...extra,
    }),
  };
}

/** A haute standard ticket received Monday 09:00 at Réunion: GTI due 09:30, GTR due Tuesday 09:00. */
let ticket: Ticket;
beforeEach(() => {
  ticket = aTicket();
});

describe('watchSla: the 15-minute warning and the breach', () => {
  it('warns the desk on duty at exactly 15 open minutes before the GTI, once, with a French sentence', async () => {
    const r = round([ticket]);
    const result = await watchSla(r.deps('2026-11-30T09:15'));
    expect(result).toEqual({
      scanned: 1,
      warnings: 1,
      breaches: 0,
      breachesMarked: 0,
      escalations: 0,
      notificationFailures: 0,
      errors: 0,
      truncated: false,
    });
    expect(r.sent).toEqual([
      {
        deskId: 'reunion',
        onCall: false,
        reference: 'EXO-2026-000042',
        clock: 'gti',
        threshold: 'warning',
        priority: 'haute',
        subject: 'Caisse bloquée',
        dueAt: ticket.gtiDueAt,
        dueAtLocal: 'lundi 30 novembre 2026 à 09:30 (heure de La Réunion)',
        text: '[EXO-2026-000042] GTI (prise en charge) dans moins de 15 minutes — priorité haute — « Caisse bloquée » — échéance lundi 30 novembre 2026 à 09:30 (heure de La Réunion)',
      },
    ]);
    expect([...r.store.markers.values()]).toEqual([
      {
        reference: 'EXO-2026-000042',
        clock: 'gti',
        threshold: 'warning',
        dueAt: ticket.gtiDueAt,
        attemptId: 'attempt-1',
        at: reunionAt('2026-11-30T09:15').toISOString(),
      },
    ]);
    expect(r.store.events).toEqual([
      {
        reference: 'EXO-2026-000042',
        at: reunionAt('2026-11-30T09:15').toISOString(),
        type: 'sla-warning',
        actor: 'sla-watcher',
        detail: { clock: 'gti', dueAt: ticket.gtiDueAt, notified: 'reunion', onCall: false },
      },
    ]);
    // The next round finds the marker: no second warning for the same deadline.
    expect((await watchSla(r.deps('2026-11-30T09:16'))).warnings).toBe(0);
    expect(r.sent).toHaveLength(1);
  });

  it('says nothing at 16 open minutes before the GTI', async () => {
    const r = round([ticket]);
    expect(await watchSla(r.deps('2026-11-30T09:14'))).toMatchObject({
      scanned: 1,
      warnings: 0,
      breaches: 0,
    });
    expect(r.sent).toEqual([]);
    expect(r.store.markers.size).toBe(0);
  });

  it('marks and notifies a breach at the due minute itself (0 open minutes left), not a warning', async () => {
    const r = round([ticket]);
    const result = await watchSla(r.deps('2026-11-30T09:30'));
    expect(result).toMatchObject({ warnings: 0, breaches: 1, breachesMarked: 1 });
    expect(r.sent.map((n) => [n.clock, n.threshold, n.text])).toEqual([
      [
        'gti',
        'breach',
        '[EXO-2026-000042] GTI (prise en charge) DÉPASSÉE — priorité haute — « Caisse bloquée » — échéance lundi 30 novembre 2026 à 09:30 (heure de La Réunion)',
      ],
    ]);
    const stored = r.store.tickets.get(ticket.reference)!;
    expect(stored.version).toBe(2);
    expect(stored.updatedAt).toBe(reunionAt('2026-11-30T09:30').toISOString());
    expect(stored.work?.breaches).toEqual({
      gti: { dueAt: ticket.gtiDueAt, notedAt: reunionAt('2026-11-30T09:30').toISOString() },
      gtr: null,
    });
    // The breach is written on the ticket with its event; a breach has no separate warning event.
    expect(r.store.events.map((e) => [e.type, e.actor, e.detail])).toEqual([
      ['sla-breached', 'sla-watcher', { clock: 'gti', dueAt: ticket.gtiDueAt }],
    ]);
  });

  it('marks a breach once: a later round neither marks nor notifies it again', async () => {
    const r = round([ticket]);
    await watchSla(r.deps('2026-11-30T09:30'));
    const again = await watchSla(r.deps('2026-11-30T09:35'));
    expect(again).toMatchObject({ breaches: 0, breachesMarked: 0 });
    expect(r.store.tickets.get(ticket.reference)!.version).toBe(2);
    expect(r.sent).toHaveLength(1);
  });

  it('watches the GTR too, and only the GTR once the first contact is recorded', async () => {
    const contacted = aTicket({
      work: {
        ...NO_WORK,
        firstContact: contactBy('phone', '2026-11-30T09:10'),
      },
    });
    const r = round([contacted]);
    // GTR due Tuesday 09:00: 15 open minutes before is Tuesday 08:45.
    const result = await watchSla(r.deps('2026-12-01T08:45'));
    expect(result).toMatchObject({ warnings: 1, breaches: 0 });
    expect(r.sent.map((n) => [n.clock, n.text])).toEqual([
      [
        'gtr',
        '[EXO-2026-000042] GTR (résolution) dans moins de 15 minutes — priorité haute — « Caisse bloquée » — échéance mardi 1er décembre 2026 à 09:00 (heure de La Réunion)',
      ],
    ]);
  });

  it('marks a GTR breach against the GTR deadline', async () => {
    const contacted = aTicket({
      work: {
        ...NO_WORK,
        firstContact: contactBy('phone', '2026-11-30T09:10'),
      },
    });
    const r = round([contacted]);
    expect(await watchSla(r.deps('2026-12-01T09:00'))).toMatchObject({ breaches: 1, breachesMarked: 1 });
    expect(r.store.tickets.get(contacted.reference)!.work?.breaches).toEqual({
      gti: null,
      gtr: { dueAt: contacted.gtrDueAt, notedAt: reunionAt('2026-12-01T09:00').toISOString() },
    });
  });

  it('does not warn of a paused GTR, even 10 open minutes from its deadline', async () => {
    const waiting = aTicket({
      status: 'en attente client',
      work: {
        ...NO_WORK,
        firstContact: contactBy('email', '2026-11-30T09:10'),
        pause: pausedSince('2026-12-01T08:50'),
      },
    });
    const r = round([waiting]);
    expect(await watchSla(r.deps('2026-12-01T12:00'))).toMatchObject({ warnings: 0, breaches: 0 });
    expect(r.sent).toEqual([]);
  });

  it('watches neither clock of a ticket whose GTR is paused and whose first contact is recorded', async () => {
    const waiting = aTicket({
      status: 'en attente client',
      work: {
        ...NO_WORK,
        firstContact: contactBy('email', '2026-11-30T09:10'),
        pause: pausedSince('2026-11-30T09:20'),
      },
    });
    const r = round([waiting]);
    expect(await watchSla(r.deps('2026-12-02T12:00'))).toMatchObject({
      scanned: 1,
      warnings: 0,
      breaches: 0,
    });
    expect(r.sent).toEqual([]);
  });

  it('still watches the GTI of a paused ticket nobody has contacted', async () => {
    const waiting = aTicket({
      status: 'en attente client',
      work: {
        ...NO_WORK,
        pause: pausedSince('2026-11-30T09:05'),
      },
    });
    const r = round([waiting]);
    expect(await watchSla(r.deps('2026-11-30T09:20'))).toMatchObject({ warnings: 1 });
    expect(r.sent.map((n) => n.clock)).toEqual(['gti']);
  });

  it('leaves a ticket the stale index still lists as open but that was resolved meanwhile', async () => {
    const r = round([
      aTicket({ status: 'résolu', resolvedAt: reunionAt('2026-11-30T09:20').toISOString(), version: 2 }),
    ]);
    r.store.listed = [ticket];
    const result = await watchSla(r.deps('2026-11-30T09:40'));
    // The listed copy looks breached; the stored ticket is resolved: nothing is marked.
    expect(result.breachesMarked).toBe(0);
    expect(r.store.tickets.get(ticket.reference)!.status).toBe('résolu');
    expect(r.store.getCalls).toEqual(['EXO-2026-000042']);
  });

  it('asks the store for the open statuses of every configured desk, and passes its truncation on', async () => {
    const r = round([]);
    r.store.truncated = true;
    expect(await watchSla(r.deps('2026-11-30T09:15'))).toEqual({
      scanned: 0,
      warnings: 0,
      breaches: 0,
      breachesMarked: 0,
      escalations: 0,
      notificationFailures: 0,
      errors: 0,
      truncated: true,
    });
    expect(r.store.listCalls).toEqual([
      {
        desks: ['reunion', 'martinique', 'guadeloupe', 'nouvelle-caledonie'],
        statuses: ['nouveau', 'en cours', 'en attente client'],
      },
    ]);
  });
});

describe('watchSla: races, retries and failures', () => {
  it('marks the breach on the second attempt when the first write loses a race', async () => {
    const r = round([ticket]);
    r.store.conflicts = 1;
    const result = await watchSla(r.deps('2026-11-30T09:30'));
    expect(result).toMatchObject({ breachesMarked: 1, errors: 0 });
    expect(r.store.getCalls).toEqual(['EXO-2026-000042']);
    expect(r.store.tickets.get(ticket.reference)!.work?.breaches.gti?.dueAt).toBe(ticket.gtiDueAt);
  });

  it('does not mark a deadline that was re-targeted meanwhile (the ticket read again has another)', async () => {
    const retargeted = aTicket({
      priority: { level: 'normale', source: 'agent', evidence: [], inferredLevel: 'haute' },
      version: 2,
    });
    expect(retargeted.gtiDueAt).not.toBe(ticket.gtiDueAt);
    const r = round([retargeted]);
    r.store.listed = [ticket];
    const result = await watchSla(r.deps('2026-11-30T09:30'));
    expect(result.breachesMarked).toBe(0);
    expect(r.store.tickets.get(ticket.reference)!.work).toBeUndefined();
  });

  it('stops after three lost races by default, counts the error and names the ticket', async () => {
    const r = round([ticket]);
    r.store.conflicts = 3;
    const result = await watchSla(r.deps('2026-11-30T09:30'));
    expect(result).toMatchObject({ errors: 1, breachesMarked: 0, breaches: 0 });
    expect(r.store.getCalls).toHaveLength(2);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]![0]).toBe('EXO-2026-000042');
    expect(String(r.errors[0]![1])).toContain(
      'ticket EXO-2026-000042 kept changing during the SLA round; the next round tries again',
    );
  });

  it('gives up after maxAttempts lost races when configured', async () => {
    const once = round([ticket]);
    once.store.conflicts = 1;
    expect((await watchSla(once.deps('2026-11-30T09:30', { maxAttempts: 1 }))).errors).toBe(1);
    expect(once.store.getCalls).toEqual([]);
    const four = round([ticket]);
    four.store.conflicts = 3;
    expect(await watchSla(four.deps('2026-11-30T09:30', { maxAttempts: 4 }))).toMatchObject({
      errors: 0,
      breachesMarked: 1,
    });
  });

  it('stops quietly when the ticket read again has gone', async () => {
    const r = round([]);
    r.store.listed = [ticket];
    const result = await watchSla(r.deps('2026-11-30T09:30'));
    expect(result).toMatchObject({ errors: 0, breachesMarked: 0 });
  });

  it('one failing ticket does not stop the round for the others', async () => {
    const other = aTicket({ reference: 'EXO-2026-000043' });
    const r = round([ticket, other]);
    const claim = r.store.claimAlert.bind(r.store);
    r.store.claimAlert = async (marker) => {
      if (marker.reference === ticket.reference) throw new Error('throttled');
      return claim(marker);
    };
    const result = await watchSla(r.deps('2026-11-30T09:15'));
    expect(result).toMatchObject({ scanned: 2, errors: 1, warnings: 1 });
    expect(r.errors.map(([reference]) => reference)).toEqual(['EXO-2026-000042']);
    expect(r.sent.map((n) => n.reference)).toEqual(['EXO-2026-000043']);
  });

  it('gives the marker back when the notification fails, counts it, and lets the next round notify', async () => {
    const r = round([ticket]);
    const failing = r.deps('2026-11-30T09:15', {
      notifier: {
        notify: async () => {
          throw new Error('SNS down');
        },
      },
    });
    const result = await watchSla(failing);
    expect(result).toMatchObject({ warnings: 0, notificationFailures: 1, errors: 0 });
    expect(r.store.withdrawn.map((m) => m.attemptId)).toEqual(['attempt-1']);
    expect(r.store.markers.size).toBe(0);
    expect(r.store.events).toEqual([]);
    expect(r.errors.map(([reference, error]) => [reference, String(error)])).toEqual([
      ['EXO-2026-000042', 'Error: SNS down'],
    ]);
    expect((await watchSla(r.deps('2026-11-30T09:16'))).warnings).toBe(1);
    expect(r.sent).toHaveLength(1);
  });

  it('works on at most `concurrency` tickets at once (8 by default)', async () => {
    const tickets = Array.from({ length: 3 }, (_, i) => aTicket({ reference: `EXO-2026-00010${i}` }));
    const inFlight = async (concurrency: number | undefined) => {
      const r = round(tickets);
      let now = 0;
      let most = 0;
      const deps = r.deps('2026-11-30T09:15', {
        notifier: {
          notify: async () => {
            now++;
            most = Math.max(most, now);
            await new Promise((resolve) => setTimeout(resolve, 5));
            now--;
          },
        },
      });
      const result = await watchSla(concurrency === undefined ? deps : { ...deps, concurrency });
      expect(result.warnings).toBe(3);
      return most;
    };
    expect(await inFlight(1)).toBe(1);
    expect(await inFlight(2)).toBe(2);
    expect(await inFlight(undefined)).toBe(3);
  });
});

describe('watchSla: follow the sun', () => {
  // Monday 23:50 at Réunion, 10 minutes before it closes; the round runs Tuesday 00:06 (Martinique:
  // Monday 16:06, staffed).
  const lateMonday = { receivedWallClock: '2026-11-30T23:50' };

  it('moves a premium ticket waiting for contact to the first staffed desk, unassigned, and warns it there', async () => {
    const premium = aTicket({
      ...lateMonday,
      contract: 'premium',
      work: {
        ...NO_WORK,
        assignee: {
          agentId: 'alice@exodata.fr',
          name: 'Alice',
          since: reunionAt('2026-11-30T23:55').toISOString(),
        },
      },
    });
    const r = round([premium]);
    const result = await watchSla(r.deps('2026-12-01T00:06'));
    expect(result).toMatchObject({ escalations: 1, warnings: 1 });
    const stored = r.store.tickets.get(premium.reference)!;
    expect(stored.deskOnDuty).toEqual({ deskId: 'martinique', onCall: false });
    expect(stored.work?.assignee).toBeNull();
    expect(stored.version).toBe(2);
    expect(stored.updatedAt).toBe(reunionAt('2026-12-01T00:06').toISOString());
    expect(r.store.events[0]).toEqual({
      reference: premium.reference,
      at: reunionAt('2026-12-01T00:06').toISOString(),
      type: 'desk-on-duty-changed',
      actor: 'sla-watcher',
      detail: {
        from: 'reunion',
        to: 'martinique',
        onCall: false,
        reason: 'desk reunion closed before the first contact',
        previousAssignee: 'alice@exodata.fr',
      },
    });
    expect(r.sent.map((n) => [n.deskId, n.onCall, n.dueAtLocal])).toEqual([
      ['martinique', false, 'lundi 30 novembre 2026 à 16:20 (heure de la Martinique)'],
    ]);
  });

  it('records no previous assignee when nobody had claimed the ticket', async () => {
    const r = round([aTicket({ ...lateMonday, contract: 'premium' })]);
    await watchSla(r.deps('2026-12-01T00:06'));
    expect(r.store.events[0]?.detail.previousAssignee).toBeNull();
  });

  it('leaves a standard ticket at its closed home desk and pages the on-call agent there', async () => {
    const standard = aTicket({
      ...lateMonday,
      priority: { level: 'critique', source: 'inferred', evidence: [], inferredLevel: 'critique' },
    });
    const r = round([standard]);
    // Critique: GTI 15 open minutes, 10 on Monday and 5 from Tuesday 08:00.
    const result = await watchSla(r.deps('2026-12-01T00:06'));
    expect(result).toMatchObject({ escalations: 0, warnings: 1 });
    expect(r.store.tickets.get(standard.reference)!.version).toBe(1);
    expect(r.sent.map((n) => [n.deskId, n.onCall, n.text])).toEqual([
      [
        'reunion',
        true,
        '[EXO-2026-000042] GTI (prise en charge) dans moins de 15 minutes — astreinte — priorité critique — « Caisse bloquée » — échéance mardi 1er décembre 2026 à 08:05 (heure de La Réunion)',
      ],
    ]);
  });

  it("follows the client's home desk from the directory, and the ticket's desk when that one is not configured", async () => {
    const standard = aTicket({ ...lateMonday });
    const atMartinique = round([standard], [{ ...quincaillerie, homeDesk: 'martinique' }]);
    expect((await watchSla(atMartinique.deps('2026-12-01T00:06'))).escalations).toBe(1);
    expect(atMartinique.store.tickets.get(standard.reference)!.deskOnDuty).toEqual({
      deskId: 'martinique',
      onCall: false,
    });
    const unknownDesk = round([standard], [{ ...quincaillerie, homeDesk: 'paris' }]);
    expect((await watchSla(unknownDesk.deps('2026-12-01T00:06'))).escalations).toBe(0);
    const noClient = round(
      [
        aTicket({
          ...lateMonday,
          client: { clientId: null, name: null, matchedBy: null },
        } as Partial<Ticket>),
      ],
      [{ ...quincaillerie, homeDesk: 'martinique' }],
    );
    expect((await watchSla(noClient.deps('2026-12-01T00:06'))).escalations).toBe(0);
  });

  it("finds the ticket's own client in a directory of several", async () => {
    const other: ClientEntry = { ...quincaillerie, clientId: 'CLI-RE-0001', homeDesk: 'martinique' };
    const r = round([aTicket({ ...lateMonday })], [other, quincaillerie]);
    expect((await watchSla(r.deps('2026-12-01T00:06'))).escalations).toBe(0);
  });

  it('does not move a ticket whose desk on duty is still staffed, nor one already contacted', async () => {
    const premium = aTicket({ ...lateMonday, contract: 'premium' });
    const r = round([premium]);
    expect((await watchSla(r.deps('2026-11-30T23:56'))).escalations).toBe(0);
    const contacted = aTicket({
      ...lateMonday,
      contract: 'premium',
      work: {
        ...NO_WORK,
        firstContact: contactBy('phone', '2026-11-30T23:55'),
      },
    });
    const c = round([contacted]);
    expect((await watchSla(c.deps('2026-12-01T00:06'))).escalations).toBe(0);
    expect(c.store.tickets.get(contacted.reference)!.deskOnDuty.deskId).toBe('reunion');
  });

  it('notifies the staffed desk that holds the ticket, not the first staffed desk', async () => {
    const atGuadeloupe = aTicket({
      ...lateMonday,
      contract: 'premium',
      deskOnDuty: { deskId: 'guadeloupe', onCall: false },
    });
    const r = round([atGuadeloupe]);
    const result = await watchSla(r.deps('2026-12-01T00:06'));
    expect(result).toMatchObject({ escalations: 0, warnings: 1 });
    expect(r.sent.map((n) => [n.deskId, n.dueAtLocal])).toEqual([
      ['guadeloupe', 'lundi 30 novembre 2026 à 16:20 (heure de la Guadeloupe)'],
    ]);
  });
});
