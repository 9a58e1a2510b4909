import { describe, expect, it } from 'vitest';
import { ticketSla } from '../../../shared/domain/sla/sla-status';
import type { Ticket } from '../../../shared/domain/ticket/ticket';
import { NO_WORK, type TicketWork } from '../../../shared/domain/ticket/ticket-work';
import { aTicket, config, reunionAt } from '../ticket/fixtures';

// aTicket(): haute, received Monday 30 Nov 2026 09:00 Réunion: GTI 09:30, GTR Tuesday 09:00.
const GTI = reunionAt('2026-11-30T09:30');
const GTR = reunionAt('2026-12-01T09:00');

const contact = (wallClock: string, gtiMet: boolean): TicketWork['firstContact'] => ({
  at: reunionAt(wallClock).toISOString(),
  channel: 'email',
  agentId: 'alice@exodata.fr',
  gtiMet,
  implicit: false,
});

const closedAt = (at: Date, overrides: Partial<Ticket> = {}) =>
  aTicket({
    status: 'résolu',
    resolvedAt: at.toISOString(),
    updatedAt: reunionAt('2026-12-05T10:00').toISOString(),
    ...overrides,
  });

describe('ticketSla: a ticket closed without recorded work', () => {
  const now = reunionAt('2026-12-10T10:00');

  it('meets a deadline when resolved exactly at it, and misses it a millisecond later', () => {
    const onTheDot = ticketSla(closedAt(GTI), now, config);
    expect(onTheDot.gti).toMatchObject({ state: 'met', risk: null, remainingOpenMinutes: null });
    const late = ticketSla(closedAt(new Date(GTI.getTime() + 1)), now, config);
    expect(late.gti.state).toBe('breached');
    expect(late.gtr.state).toBe('met');
    expect(ticketSla(closedAt(GTR), now, config).gtr.state).toBe('met');
    expect(ticketSla(closedAt(new Date(GTR.getTime() + 1)), now, config).gtr.state).toBe('breached');
  });

  it('counts from its last change when no resolution date was kept', () => {
    const ticket = aTicket({
      status: 'fermé',
      resolvedAt: null,
      updatedAt: reunionAt('2026-11-30T09:20').toISOString(),
    });
    const sla = ticketSla(ticket, now, config);
    expect(sla.gti.state).toBe('met');
    expect(sla.risk).toBe('done');
    expect(sla.nextDueAt).toBeNull();
  });

  it('keeps the GTR outcome an agent recorded at resolution over the dates', () => {
    const work = {
      ...NO_WORK,
      resolution: { at: GTR.toISOString(), agentId: 'a', gtrMet: false, summary: 's' },
    };
    expect(ticketSla(closedAt(GTI, { work }), now, config).gtr.state).toBe('breached');
  });
});

describe('ticketSla: an open ticket', () => {
  it('reports a GTI past due as breached, and it stays the next deadline to chase', () => {
    const sla = ticketSla(aTicket(), reunionAt('2026-11-30T10:00'), config);
    expect(sla.gti).toMatchObject({ state: 'breached', risk: 'breached', remainingOpenMinutes: 0 });
    expect(sla.risk).toBe('breached');
    expect(sla.nextDueAt).toBe(aTicket().gtiDueAt);
  });

  it('after a late first contact, chases the GTR (the GTI is over, breached)', () => {
    const ticket = aTicket({
      status: 'en cours',
      work: { ...NO_WORK, firstContact: contact('2026-11-30T09:45', false) },
    });
    const sla = ticketSla(ticket, reunionAt('2026-11-30T10:00'), config);
    expect(sla.gti).toMatchObject({ state: 'breached', risk: null });
    expect(sla.gtr.state).toBe('running');
    expect(sla.risk).toBe('ok');
    expect(sla.nextDueAt).toBe(ticket.gtrDueAt);
  });

  it('is at risk with exactly a third of the target left, and ok a minute before that', () => {
    // GTR of a haute ticket: 16 open hours; a third is 320 minutes. Monday 18:40 leaves 5 h 20 + 1 h on Tuesday.
    const ticket = aTicket({
      status: 'en cours',
      work: { ...NO_WORK, firstContact: contact('2026-11-30T09:10', true) },
    });
    expect(ticketSla(ticket, reunionAt('2026-11-30T19:40'), config).gtr.risk).toBe('at-risk');
    expect(ticketSla(ticket, reunionAt('2026-11-30T19:39'), config).gtr.risk).toBe('ok');
  });
});

describe('ticketSla: waiting on the client', () => {
  const paused = (sinceWallClock: string) =>
    aTicket({
      status: 'en attente client',
      work: {
        ...NO_WORK,
        firstContact: contact('2026-11-30T09:10', true),
        pause: { since: reunionAt(sinceWallClock).toISOString(), agentId: 'a', messageCount: 1 },
      },
    });

  it('freezes the GTR with the open time left when the pause began: paused, nothing to chase', () => {
    const sla = ticketSla(paused('2026-11-30T12:00'), reunionAt('2026-12-03T12:00'), config);
    expect(sla.gtr).toMatchObject({ state: 'paused', risk: 'ok', remainingOpenMinutes: 13 * 60 });
    expect(sla.risk).toBe('paused');
    expect(sla.nextDueAt).toBeNull();
  });

  it('stays breached when the pause began after the deadline', () => {
    const sla = ticketSla(paused('2026-12-01T10:00'), reunionAt('2026-12-03T12:00'), config);
    expect(sla.gtr).toMatchObject({ state: 'breached', risk: 'breached', remainingOpenMinutes: 0 });
    expect(sla.risk).toBe('breached');
  });
});
