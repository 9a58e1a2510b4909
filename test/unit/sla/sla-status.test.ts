import { describe, expect, it } from 'vitest';
import { ticketSla } from '../../../shared/domain/sla/sla-status';
import type { Ticket } from '../../../shared/domain/ticket/ticket';
import { NO_WORK } from '../../../shared/domain/ticket/ticket-work';
import { aTicket, config, reunionAt } from '../ticket/fixtures';

const critique: Ticket['priority'] = {
  level: 'critique',
  source: 'declared',
  evidence: [],
  inferredLevel: 'critique',
};

describe('Function: ticketSla', () => {
  it('counts open minutes for the risk and wall time for the countdown (critique received Friday 23:50)', () => {
    // service-desk.md worked example: 10 minutes count on Friday, GTI Monday 08:05.
    const ticket = aTicket({ receivedWallClock: '2026-11-27T23:50', priority: critique });
    const sla = ticketSla(ticket, reunionAt('2026-11-28T12:00'), config);
    expect(sla.gti).toMatchObject({ state: 'running', remainingOpenMinutes: 5, risk: 'imminent' });
    expect(sla.gti.remainingMs).toBe(
      reunionAt('2026-11-30T08:05').getTime() - reunionAt('2026-11-28T12:00').getTime(),
    );
    expect(sla.risk).toBe('imminent');
    expect(sla.nextDueAt).toBe(ticket.gtiDueAt);
  });

  it('grades risk: ok, at-risk under a third of the target, imminent at 15 open minutes, breached after', () => {
    const ticket = aTicket(); // haute at Monday 09:00: GTI 09:30 (30 min)
    const riskAt = (wallClock: string) => ticketSla(ticket, reunionAt(wallClock), config).gti.risk;
    expect(riskAt('2026-11-30T09:05')).toBe('ok');
    expect(riskAt('2026-11-30T09:14')).toBe('ok');
    expect(riskAt('2026-11-30T09:15')).toBe('imminent');
    expect(riskAt('2026-11-30T09:29')).toBe('imminent');
    expect(riskAt('2026-11-30T09:30')).toBe('breached');
    const gtr = (wallClock: string) => ticketSla(ticket, reunionAt(wallClock), config).gtr.risk;
    expect(gtr('2026-11-30T12:00')).toBe('ok');
    // GTR Tuesday 09:00 after 16 open hours; a third is 5 h 20. Monday 19:00 leaves 5 h + 1 h, 20:00 leaves 4 h + 1 h.
    expect(gtr('2026-11-30T19:00')).toBe('ok');
    expect(gtr('2026-11-30T20:00')).toBe('at-risk');
  });

  it('stops the GTI at the first contact and then follows the GTR', () => {
    const ticket = aTicket({
      work: {
        ...NO_WORK,
        firstContact: {
          at: reunionAt('2026-11-30T09:10').toISOString(),
          channel: 'phone',
          agentId: 'a',
          gtiMet: true,
          implicit: false,
        },
      },
      status: 'en cours',
    });
    const sla = ticketSla(ticket, reunionAt('2026-11-30T10:00'), config);
    expect(sla.gti).toMatchObject({ state: 'met', risk: null });
    expect(sla.nextDueAt).toBe(ticket.gtrDueAt);
    expect(sla.risk).toBe('ok');
  });

  it('freezes the GTR while waiting on the client', () => {
    const ticket = aTicket({
      status: 'en attente client',
      work: {
        ...NO_WORK,
        firstContact: {
          at: reunionAt('2026-11-30T09:10').toISOString(),
          channel: 'phone',
          agentId: 'a',
          gtiMet: true,
          implicit: false,
        },
        pause: { since: reunionAt('2026-11-30T10:00').toISOString(), agentId: 'a', messageCount: 1 },
      },
    });
    const monday = ticketSla(ticket, reunionAt('2026-11-30T11:00'), config);
    const friday = ticketSla(ticket, reunionAt('2026-12-04T11:00'), config);
    expect(monday.gtr).toMatchObject({ state: 'paused', remainingOpenMinutes: 15 * 60, remainingMs: null });
    expect(friday.gtr.remainingOpenMinutes).toBe(15 * 60);
    expect(friday.risk).toBe('paused');
    expect(friday.nextDueAt).toBeNull();
  });

  it('reports a resolved ticket as done with the recorded outcome', () => {
    const ticket = aTicket({
      status: 'résolu',
      resolvedAt: reunionAt('2026-12-01T10:00').toISOString(),
      work: {
        ...NO_WORK,
        firstContact: {
          at: reunionAt('2026-11-30T09:10').toISOString(),
          channel: 'phone',
          agentId: 'a',
          gtiMet: true,
          implicit: false,
        },
        resolution: {
          at: reunionAt('2026-12-01T10:00').toISOString(),
          agentId: 'a',
          gtrMet: false,
          summary: 'ok',
        },
      },
    });
    const sla = ticketSla(ticket, reunionAt('2026-12-02T10:00'), config);
    expect(sla).toMatchObject({
      risk: 'done',
      gti: { state: 'met' },
      gtr: { state: 'breached' },
      nextDueAt: null,
    });
  });
});
