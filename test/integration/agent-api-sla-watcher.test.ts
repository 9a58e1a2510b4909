import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoDbAgentStore } from '../../shared/adapters/aws/dynamodb/agent-store';
import { LogNotifier } from '../../shared/adapters/local/log-notifier';
import type { Notifier, SlaNotification } from '../../shared/ports/notifier';
import { listQueue } from '../../shared/use-cases/agent-queue';
import { type WatchSlaDeps, watchSla } from '../../shared/use-cases/watch-sla';
import { actOnTicket, getTicketDetails } from '../../shared/use-cases/work-ticket';
import { createIntake, type Intake, type Services, startServices, stopServices } from './intake/harness';
import { mail } from './intake/mail';

/** Réunion is UTC+4, Martinique UTC−4 (no daylight saving in either). */
const reunion = (wallClock: string) => new Date(`${wallClock}:00+04:00`).toISOString();

let services: Services;
let intake: Intake;
let store: DynamoDbAgentStore;
let premium = '';
let standard = '';

function watcher(notifier: Notifier): WatchSlaDeps {
  return {
    config: intake.env.SERVICE_DESK_CONFIG,
    clock: intake.clock,
    store,
    notifier,
    clients: () => intake.deps.directory.listClients(),
    newId: randomUUID,
  };
}

const alice = { id: 'alice', name: 'Alice', desks: ['reunion'] };
const mona = { id: 'mona', name: 'Mona', desks: ['martinique'] };

beforeAll(async () => {
  services = await startServices();
  intake = await createIntake(services, { tableName: 'agent-watch', start: reunion('2026-11-30T23:50') });
  store = new DynamoDbAgentStore(intake.clients.doc, intake.env.TABLE_NAME);
  // Hôtel Lagon Bleu is premium at Réunion; the Quincaillerie standard. Both arrive Monday 23:50, 10 minutes before Réunion closes.
  const p = await intake.deliver(
    mail({
      from: 'Marie Payet <marie.payet@hotel-lagon-bleu.re>',
      subject: '[Haute] Wi-Fi des chambres en panne',
    }),
    { receivedAt: reunion('2026-11-30T23:50') },
  );
  const s = await intake.deliver(
    mail({ from: 'Gérant <gerant@quincaillerie-du-port.re>', subject: '[Haute] Caisse en panne' }),
    { receivedAt: reunion('2026-11-30T23:50') },
  );
  premium = p.reference ?? '';
  standard = s.reference ?? '';
  intake.clock.set(reunion('2026-11-30T23:55'));
  await actOnTicket(premium, { type: 'claim' }, alice, {
    config: intake.env.SERVICE_DESK_CONFIG,
    clock: intake.clock,
    store,
  });
}, 120_000);

afterAll(async () => {
  intake?.destroy();
  await stopServices(services);
});

describe('Function: watchSla (DynamoDB Local)', () => {
  it('moves a premium ticket waiting for contact to the desk on duty when its desk closes, and warns it', async () => {
    const notifier = new LogNotifier(() => {});
    intake.clock.set(reunion('2026-12-01T00:06')); // Réunion closed; Martinique: Monday 16:06, staffed
    const round = await watchSla(watcher(notifier));
    expect(round).toMatchObject({ scanned: 2, escalations: 1, warnings: 1, breaches: 0, errors: 0 });
    const details = await getTicketDetails(premium, {
      config: intake.env.SERVICE_DESK_CONFIG,
      clock: intake.clock,
      store,
    });
    expect(details.ticket.deskOnDuty).toEqual({ deskId: 'martinique', onCall: false });
    expect(details.ticket.work?.assignee).toBeNull();
    expect(details.events.find((e) => e.type === 'desk-on-duty-changed')).toMatchObject({
      actor: 'sla-watcher',
      detail: { from: 'reunion', to: 'martinique', previousAssignee: 'alice' },
    });
    // GTI 00:20 (premium, 30 minutes): 14 minutes left.
    expect(notifier.sent).toEqual([
      expect.objectContaining({
        reference: premium,
        deskId: 'martinique',
        onCall: false,
        clock: 'gti',
        threshold: 'warning',
        dueAt: reunion('2026-12-01T00:20'),
        dueAtLocal: 'lundi 30 novembre 2026 à 16:20 (heure de la Martinique)',
      }),
    ]);
    // The standard ticket stays home (its clocks stopped at 24:00: GTI Tuesday 08:20, 20 open minutes away).
    const queue = await listQueue(
      { desk: 'martinique', assignee: 'any', sort: 'deadline', limit: 50 },
      mona,
      { config: intake.env.SERVICE_DESK_CONFIG, clock: intake.clock, store },
    );
    expect(queue.items.map((i) => i.reference)).toEqual([premium]);
  });

  it('notifies each threshold once, even when two rounds run at the same time', async () => {
    const notifier = new LogNotifier(() => {});
    intake.clock.set(reunion('2026-12-01T00:08'));
    const again = await watchSla(watcher(notifier));
    expect(again).toMatchObject({ warnings: 0, escalations: 0 });

    intake.clock.set(reunion('2026-12-01T00:21')); // GTI breached
    const [a, b] = await Promise.all([watchSla(watcher(notifier)), watchSla(watcher(notifier))]);
    expect(a.breaches + b.breaches).toBe(1);
    expect(notifier.sent).toEqual([
      expect.objectContaining({
        reference: premium,
        clock: 'gti',
        threshold: 'breach',
        deskId: 'martinique',
      }),
    ]);
    expect(notifier.sent[0]?.text).toContain('GTI (prise en charge) DÉPASSÉE');
    const details = await getTicketDetails(premium, {
      config: intake.env.SERVICE_DESK_CONFIG,
      clock: intake.clock,
      store,
    });
    expect(details.ticket.work?.breaches.gti).toEqual({
      dueAt: reunion('2026-12-01T00:20'),
      notedAt: reunion('2026-12-01T00:21'),
    });
    expect(details.events.filter((e) => e.type === 'sla-breached')).toHaveLength(1);
    expect(details.sla.gti.state).toBe('breached');
  });

  it('gives the marker back when the notification fails, so that the next round notifies', async () => {
    const failing: Notifier = {
      notify: async (n: SlaNotification) => {
        throw new Error(`SNS is down (${n.reference})`);
      },
    };
    // Tuesday 08:05 in Réunion: the standard ticket's GTI (08:20) is 15 open minutes away.
    intake.clock.set(reunion('2026-12-01T08:05'));
    const failed = await watchSla({ ...watcher(failing), onError: () => {} });
    expect(failed).toMatchObject({ warnings: 0, notificationFailures: 1 });
    const notifier = new LogNotifier(() => {});
    const retried = await watchSla(watcher(notifier));
    expect(retried.warnings).toBe(1);
    expect(notifier.sent).toEqual([
      expect.objectContaining({
        reference: standard,
        deskId: 'reunion',
        onCall: false,
        threshold: 'warning',
      }),
    ]);
    const events = (
      await getTicketDetails(standard, { config: intake.env.SERVICE_DESK_CONFIG, clock: intake.clock, store })
    ).events;
    expect(events.filter((e) => e.type === 'sla-warning')).toHaveLength(1);
  });

  it('stops warning about the GTI once the first contact is recorded', async () => {
    await actOnTicket(standard, { type: 'first-contact', channel: 'phone' }, alice, {
      config: intake.env.SERVICE_DESK_CONFIG,
      clock: intake.clock,
      store,
    });
    const notifier = new LogNotifier(() => {});
    intake.clock.set(reunion('2026-12-01T08:30'));
    await watchSla(watcher(notifier));
    expect(notifier.sent.filter((n) => n.reference === standard)).toEqual([]);
  });
});
