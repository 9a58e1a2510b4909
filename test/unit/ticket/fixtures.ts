import { DateTime } from 'luxon';
import rawConfig from '../../../config/service-desk.json';
import type { Agent } from '../../../shared/domain/desk/agent';
import { ServiceDeskConfigSchema } from '../../../shared/domain/desk/service-desk-config';
import { computeDeadlines } from '../../../shared/domain/sla/sla';
import type { Ticket } from '../../../shared/domain/ticket/ticket';

/** The repository's own desks: the tests check the real zones and holiday calendars. */
export const config = ServiceDeskConfigSchema.parse(rawConfig);

/** A wall-clock time in Réunion (`2026-11-30T09:00`) as the instant it denotes. */
export function reunionAt(wallClock: string): Date {
  const local = DateTime.fromISO(wallClock, { zone: 'Indian/Reunion' });
  if (!local.isValid) throw new Error(`test fixture: invalid wall-clock time ${wallClock}`);
  return local.toJSDate();
}

/** An instant as Réunion reads it, to the minute: `2026-11-30T09:15`. */
export function inReunion(at: Date | string): string {
  return DateTime.fromJSDate(typeof at === 'string' ? new Date(at) : at, { zone: 'Indian/Reunion' }).toFormat(
    "yyyy-MM-dd'T'HH:mm",
  );
}

export const alice: Agent = { id: 'alice@exodata.fr', name: 'Alice Payet', desks: ['reunion'] };
export const bob: Agent = { id: 'bob@exodata.fr', name: 'Bob Hoarau', desks: ['reunion'] };
export const mona: Agent = { id: 'mona@exodata.fr', name: 'Mona Jean-Louis', desks: ['martinique'] };

/** A ticket as the intake stores it: Réunion desk, standard contract, deadlines from the real rules. */
export function aTicket(overrides: Partial<Ticket> & { receivedWallClock?: string } = {}): Ticket {
  const { receivedWallClock = '2026-11-30T09:00', ...rest } = overrides;
  const receivedAt = reunionAt(receivedWallClock);
  const contract = rest.contract ?? 'standard';
  const level = rest.priority?.level ?? 'haute';
  const desk = config.desks[0]!;
  const deadlines = computeDeadlines({ receivedAt, desk, contract, priority: level });
  return {
    reference: 'EXO-2026-000042',
    desk: 'reunion',
    deskOnDuty: { deskId: 'reunion', onCall: false },
    client: { clientId: 'CLI-RE-0027', name: 'Quincaillerie du Port', matchedBy: 'domain' },
    contract,
    requester: { address: 'gerant@quincaillerie-du-port.re', name: 'Gérant' },
    participants: ['gerant@quincaillerie-du-port.re'],
    subject: 'Caisse bloquée',
    language: 'fr',
    priority: { level, source: 'inferred', evidence: ['bloqué'], inferredLevel: level },
    status: 'nouveau',
    receivedAt: receivedAt.toISOString(),
    gtiDueAt: deadlines.gtiDueAt.toISOString(),
    gtrDueAt: deadlines.gtrDueAt.toISOString(),
    flags: {
      unknownClient: false,
      unverifiedSender: false,
      priorityDisagreement: false,
      attachmentsSkipped: false,
    },
    acknowledgement: {
      state: 'sent',
      reason: null,
      sesMessageId: null,
      attemptId: null,
      leaseUntil: null,
      updatedAt: receivedAt.toISOString(),
    },
    machineAlert: false,
    linkedTo: null,
    mentionedReference: null,
    resolvedAt: null,
    createdAt: receivedAt.toISOString(),
    updatedAt: receivedAt.toISOString(),
    messageCount: 1,
    version: 1,
    ...rest,
  };
}
