import type { PriorityLevel } from '../../../shared/domain/desk/service-desk-config';
import type { Ticket } from '../../../shared/domain/ticket/ticket';
import { NO_WORK, type TicketWork } from '../../../shared/domain/ticket/ticket-work';
import { aTicket, reunionAt } from '../ticket/fixtures';

export { config, reunionAt } from '../ticket/fixtures';

const at = (wallClock: string) => reunionAt(wallClock).toISOString();

function priority(level: PriorityLevel): Ticket['priority'] {
  return { level, source: 'declared', evidence: [], inferredLevel: level };
}

function contact(wallClock: string, gtiMet: boolean): TicketWork['firstContact'] {
  return { at: at(wallClock), channel: 'email', agentId: 'alice@exodata.fr', gtiMet, implicit: false };
}

function resolution(wallClock: string, gtrMet: boolean): TicketWork['resolution'] {
  return { at: at(wallClock), agentId: 'alice@exodata.fr', gtrMet, summary: 'fait' };
}

/**
 * Hand-computed tickets of the Réunion desk (standard contract unless said: Mon–Fri 08:00–24:00,
 * UTC+4), judged at Thursday 10 December 2026 12:00 Réunion. Every figure in the comments is worked
 * out by hand from docs/service-desk-rules.md; the tests compare the report with them.
 */
export const NOW = reunionAt('2026-12-10T12:00');

/** haute Mon 30 Nov 09:00: GTI 09:30, GTR Tue 09:00. Contact 09:10 (10 min), resolved 15:00 (360 min). */
export const met = aTicket({
  reference: 'EXO-2026-000001',
  receivedWallClock: '2026-11-30T09:00',
  priority: priority('haute'),
  status: 'résolu',
  resolvedAt: at('2026-11-30T15:00'),
  work: {
    ...NO_WORK,
    firstContact: contact('2026-11-30T09:10', true),
    resolution: resolution('2026-11-30T15:00', true),
  },
});

/**
 * haute Mon 30 Nov 22:00: GTI 22:30; GTR 2 h Monday + 14 h Tuesday = Tue 1 Dec 22:00.
 * Contact Tue 08:20: 120 + 20 = 140 open min, 620 wall min; GTI overrun 90 + 20 = 110 open, 590 wall.
 * Resolved Wed 2 Dec 10:00: 2 + 16 + 2 h = 1200 open min, 2160 wall; GTR overrun 2 + 2 h = 240 open, 720 wall.
 */
export const breached = aTicket({
  reference: 'EXO-2026-000002',
  receivedWallClock: '2026-11-30T22:00',
  priority: priority('haute'),
  status: 'résolu',
  resolvedAt: at('2026-12-02T10:00'),
  work: {
    ...NO_WORK,
    firstContact: contact('2026-12-01T08:20', false),
    resolution: resolution('2026-12-02T10:00', false),
  },
});

/** normale Thu 10 Dec 11:30: GTI 12:30, nothing done yet at 12:00: both clocks running. */
export const running = aTicket({
  reference: 'EXO-2026-000003',
  receivedWallClock: '2026-12-10T11:30',
  priority: priority('normale'),
});

/** moyenne Thu 10 Dec 10:00: GTI 10:45 passed with no contact at 12:00: breached, 75 min and counting. */
export const runningPastDue = aTicket({
  reference: 'EXO-2026-000004',
  receivedWallClock: '2026-12-10T10:00',
  priority: priority('moyenne'),
});

/** haute Tue 1 Dec 09:00, contact 09:15 (15 min), waiting on the client since 10:00 (GTR Wed 09:00 not reached). */
export const paused = aTicket({
  reference: 'EXO-2026-000005',
  receivedWallClock: '2026-12-01T09:00',
  priority: priority('haute'),
  status: 'en attente client',
  work: {
    ...NO_WORK,
    firstContact: contact('2026-12-01T09:15', true),
    pause: { since: at('2026-12-01T10:00'), agentId: 'alice@exodata.fr', messageCount: 1 },
  },
});

/**
 * haute Tue 1 Dec 09:00, contact 09:15, paused 10:00–14:00 (240 open min added: GTR Wed 2 Dec 13:00),
 * resolved Wed 12:00: 15 h + 4 h = 1140 open min − 240 paused = 900; 27 h = 1620 wall min. Met.
 */
export const pausedThenResolved = aTicket({
  reference: 'EXO-2026-000006',
  receivedWallClock: '2026-12-01T09:00',
  priority: priority('haute'),
  status: 'résolu',
  gtrDueAt: at('2026-12-02T13:00'),
  resolvedAt: at('2026-12-02T12:00'),
  work: {
    ...NO_WORK,
    firstContact: contact('2026-12-01T09:15', true),
    gtrPausedOpenMinutes: 240,
    resolution: resolution('2026-12-02T12:00', true),
  },
});

/**
 * critique Wed 2 Dec 09:00: GTI 09:15, GTR 13:00. Contact 09:05; resolved 11:00, reopened 12:00,
 * resolved again 14:00: GTR breached by 60 min; 300 open (and wall) min to the last resolution.
 */
export const reopened = aTicket({
  reference: 'EXO-2026-000007',
  receivedWallClock: '2026-12-02T09:00',
  priority: priority('critique'),
  status: 'résolu',
  resolvedAt: at('2026-12-02T14:00'),
  reopenedAt: [at('2026-12-02T12:00')],
  work: {
    ...NO_WORK,
    firstContact: contact('2026-12-02T09:05', true),
    resolution: resolution('2026-12-02T14:00', false),
  },
});

/**
 * premium critique Fri 4 Dec 00:30 (Réunion closed, Martinique staffed, Thu 16:30 there: handed to
 * Martinique): GTI 00:45, GTR 04:30. Contact 00:40, resolved 03:30: 10 and 180 minutes, open and wall
 * alike (premium is always open).
 */
export const moved = aTicket({
  reference: 'EXO-2026-000008',
  receivedWallClock: '2026-12-04T00:30',
  contract: 'premium',
  priority: priority('critique'),
  deskOnDuty: { deskId: 'martinique', onCall: false },
  status: 'résolu',
  resolvedAt: at('2026-12-04T03:30'),
  work: {
    ...NO_WORK,
    firstContact: contact('2026-12-04T00:40', true),
    resolution: resolution('2026-12-04T03:30', true),
  },
});

/** Received the day before the period: not in it, whatever became of it. */
const before = aTicket({ reference: 'EXO-2026-000009', receivedWallClock: '2026-11-29T12:00' });

/** Another client's ticket in the period. */
export const otherClient = aTicket({
  reference: 'EXO-2026-000010',
  receivedWallClock: '2026-12-03T09:00',
  priority: priority('normale'),
  client: { clientId: 'CLI-RE-0099', name: '=HYPERLINK("http://evil")', matchedBy: 'address' },
  subject: '+33 rappel @admin -urgent',
  status: 'résolu',
  resolvedAt: at('2026-12-03T10:00'),
  work: {
    ...NO_WORK,
    firstContact: contact('2026-12-03T09:30', true),
    resolution: resolution('2026-12-03T10:00', true),
  },
});

export const CLIENT = 'CLI-RE-0027';

/** The tickets of client CLI-RE-0027 in the period, and around them what the report must leave out. */
export const TICKETS: Ticket[] = [
  met,
  breached,
  running,
  runningPastDue,
  paused,
  pausedThenResolved,
  reopened,
  moved,
  before,
  otherClient,
];
