import { describe, expect, it } from 'vitest';
import { type ReportScope, reportOutcomes, summarise } from '../../../shared/domain/report/sla-report';
import type { TicketOutcome } from '../../../shared/domain/report/ticket-outcome';
import { aTicket, config, reunionAt } from '../ticket/fixtures';

/**
 * The report's scope and counts at their edges (docs/reports.md): a receipt at the first or last
 * millisecond of the period, every desk, the order of tickets received at the same instant, the age
 * buckets of the backlog at their bounds.
 */
const NOW = reunionAt('2026-12-10T12:00');

function scope(overrides: Partial<ReportScope> = {}): ReportScope {
  return {
    from: reunionAt('2026-12-01T00:00'),
    to: reunionAt('2026-12-08T00:00'),
    desk: 'reunion',
    client: null,
    ...overrides,
  };
}
const receivedAt = (wallClock: string, reference: string, extra: Parameters<typeof aTicket>[0] = {}) =>
  aTicket({ receivedWallClock: wallClock, reference, ...extra });

describe('reportOutcomes: scope', () => {
  it('takes a receipt at the first millisecond of the period and leaves one at its end out', () => {
    const at = (ms: number) => {
      const t = aTicket({ reference: `EXO-${ms}` });
      return { ...t, receivedAt: new Date(ms).toISOString() };
    };
    const s = scope();
    const tickets = [
      at(s.from.getTime() - 1),
      at(s.from.getTime()),
      at(s.to.getTime() - 1),
      at(s.to.getTime()),
      at(s.to.getTime() + 1),
    ];
    expect(reportOutcomes(tickets, s, NOW, config).map((o) => o.reference)).toEqual([
      `EXO-${s.from.getTime()}`,
      `EXO-${s.to.getTime() - 1}`,
    ]);
  });

  it('takes every desk when none is asked, and only the one asked otherwise', () => {
    const tickets = [
      receivedAt('2026-12-02T09:00', 'EXO-R'),
      receivedAt('2026-12-02T09:00', 'EXO-M', {
        desk: 'martinique',
        deskOnDuty: { deskId: 'martinique', onCall: false },
      }),
    ];
    expect(reportOutcomes(tickets, scope({ desk: null }), NOW, config).map((o) => o.reference)).toEqual([
      'EXO-M',
      'EXO-R',
    ]);
    expect(
      reportOutcomes(tickets, scope({ desk: 'martinique' }), NOW, config).map((o) => o.reference),
    ).toEqual(['EXO-M']);
  });

  it('orders by receipt, then by reference for the same instant, and counts a ticket read twice once (its last read)', () => {
    const tickets = [
      receivedAt('2026-12-03T09:00', 'EXO-3'),
      receivedAt('2026-12-02T09:00', 'EXO-2', { subject: 'first read' }),
      receivedAt('2026-12-02T09:00', 'EXO-1'),
      receivedAt('2026-12-02T09:00', 'EXO-2', { subject: 'second read' }),
    ];
    const outcomes = reportOutcomes(tickets, scope(), NOW, config);
    expect(outcomes.map((o) => [o.reference, o.subject])).toEqual([
      ['EXO-1', 'Caisse bloquée'],
      ['EXO-2', 'second read'],
      ['EXO-3', 'Caisse bloquée'],
    ]);
  });
});

function outcome(reference: string, overrides: Partial<TicketOutcome> = {}): TicketOutcome {
  const clock = {
    dueAt: '2026-12-02T05:00:00.000Z',
    outcome: 'running' as const,
    at: null,
    openMinutes: null,
    wallMinutes: null,
    overrun: null,
  };
  return {
    reference,
    desk: 'reunion',
    deskOnDuty: 'reunion',
    clientId: null,
    clientName: null,
    subject: 's',
    contract: 'standard',
    priority: 'haute',
    status: 'nouveau',
    receivedAt: '2026-12-02T05:00:00.000Z',
    gti: clock,
    gtr: clock,
    movedTo: null,
    reopenedAt: [],
    open: true,
    ...overrides,
  };
}

describe('summarise: counts', () => {
  it('counts per priority the tickets reopened and the tickets moved, and only those', () => {
    const report = summarise(
      [
        outcome('A', { reopenedAt: ['2026-12-03T05:00:00.000Z'] }),
        outcome('B', { movedTo: 'martinique' }),
        outcome('C'),
      ],
      scope(),
      NOW,
    );
    expect(report.byPriority.haute).toMatchObject({ received: 3, reopened: 1, moved: 1 });
    expect(report.reopened.map((r) => r.reference)).toEqual(['A']);
    expect(report.followTheSun).toEqual({
      moved: 1,
      tickets: [{ reference: 'B', from: 'reunion', to: 'martinique' }],
    });
  });

  it('puts an open ticket in the age bucket whose lower bound it has reached, to the millisecond', () => {
    const DAY = 24 * 60 * 60 * 1000;
    const aged = (reference: string, ms: number) =>
      outcome(reference, { receivedAt: new Date(NOW.getTime() - ms).toISOString() });
    const report = summarise(
      [
        aged('just under a day', DAY - 1),
        aged('one day', DAY),
        aged('three days', 3 * DAY),
        aged('under thirty days', 30 * DAY - 1),
        aged('thirty days', 30 * DAY),
        outcome('closed', { open: false }),
      ],
      scope(),
      NOW,
    );
    expect(report.backlog.open).toBe(5);
    expect(report.backlog.byAge.map((b) => [b.label, b.count])).toEqual([
      ['< 1 j', 1],
      ['1–3 j', 1],
      ['3–7 j', 1],
      ['7–30 j', 1],
      ['≥ 30 j', 1],
    ]);
  });
});
