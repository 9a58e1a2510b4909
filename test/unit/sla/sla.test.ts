import { describe, expect, it } from 'vitest';
import type { Contract, PriorityLevel } from '../../../shared/domain/desk/service-desk-config';
import { InputError } from '../../../shared/domain/errors';
import {
  computeDeadlines,
  gtrOpenMinutes,
  recomputeAfterPriorityChange,
  resumeGtr,
} from '../../../shared/domain/sla/sla';
import { caledonia, guadeloupe, localAt, martinique, reunion, wallClockAt } from './fixtures';

const deadlinesAt = (
  wallClock: string,
  priority: PriorityLevel,
  contract: Contract = 'standard',
  desk = reunion,
) => {
  const { gtiDueAt, gtrDueAt } = computeDeadlines({
    receivedAt: localAt(desk, wallClock),
    desk,
    contract,
    priority,
  });
  return { gti: wallClockAt(desk, gtiDueAt), gtr: wallClockAt(desk, gtrDueAt) };
};

describe('Function: computeDeadlines', () => {
  describe('worked examples of the service-desk rules (standard, Réunion)', () => {
    it('puts a critique received Friday 23:50 at GTI Monday 08:05 and GTR Monday 11:50', () => {
      expect(deadlinesAt('2026-11-27T23:50', 'critique')).toEqual({
        gti: '2026-11-30T08:05:00.000',
        gtr: '2026-11-30T11:50:00.000',
      });
    });

    it('puts a haute received Saturday 10:00 at GTI Monday 08:30 and GTR Monday 24:00 (Tuesday 00:00)', () => {
      expect(deadlinesAt('2026-11-28T10:00', 'haute')).toEqual({
        gti: '2026-11-30T08:30:00.000',
        gtr: '2026-12-01T00:00:00.000',
      });
    });
  });

  describe('every priority', () => {
    // Received Monday 30 Nov 10:00 Réunion time.
    it.each<[PriorityLevel, Contract, string, string]>([
      ['critique', 'standard', '2026-11-30T10:15:00.000', '2026-11-30T14:00:00.000'],
      ['haute', 'standard', '2026-11-30T10:30:00.000', '2026-12-01T10:00:00.000'],
      ['moyenne', 'standard', '2026-11-30T10:45:00.000', '2026-12-03T10:00:00.000'],
      ['normale', 'standard', '2026-11-30T11:00:00.000', '2026-12-09T10:00:00.000'],
      ['critique', 'premium', '2026-11-30T10:15:00.000', '2026-11-30T14:00:00.000'],
      ['haute', 'premium', '2026-11-30T10:30:00.000', '2026-12-01T10:00:00.000'],
      ['moyenne', 'premium', '2026-11-30T10:45:00.000', '2026-12-03T10:00:00.000'],
      ['normale', 'premium', '2026-11-30T11:00:00.000', '2026-12-07T10:00:00.000'],
    ])('gives %s on %s its GTI and GTR', (priority, contract, gti, gtr) => {
      expect(deadlinesAt('2026-11-30T10:00', priority, contract)).toEqual({ gti, gtr });
    });

    it('counts a GTR day as 16 open hours on standard and 24 on premium', () => {
      expect(gtrOpenMinutes('normale', 'standard')).toBe(112 * 60);
      expect(gtrOpenMinutes('normale', 'premium')).toBe(168 * 60);
      expect(gtrOpenMinutes('moyenne', 'standard')).toBe(48 * 60);
      expect(gtrOpenMinutes('critique', 'standard')).toBe(4 * 60);
      expect(gtrOpenMinutes('critique', 'premium')).toBe(4 * 60);
    });
  });

  describe('standard contract across closed time', () => {
    it('spans two weekends for a normale received Friday afternoon (112 open hours)', () => {
      // Friday 15:00: 9 h Friday, Mon–Fri 80 h (89 h), Mon 16 h (105 h), then 7 h Tuesday.
      expect(deadlinesAt('2026-11-27T15:00', 'normale').gtr).toBe('2026-12-08T15:00:00.000');
    });

    it('skips the desk’s own public holiday', () => {
      // Guadeloupe, Tuesday 26 May 2026 23:30, critique: 30 min Tuesday, Wednesday 27 May closed.
      expect(deadlinesAt('2026-05-26T23:30', 'critique', 'standard', guadeloupe)).toEqual({
        gti: '2026-05-26T23:45:00.000',
        gtr: '2026-05-28T11:30:00.000',
      });
      // The same wall-clock time in Martinique is an ordinary Wednesday.
      expect(deadlinesAt('2026-05-26T23:30', 'critique', 'standard', martinique)).toEqual({
        gti: '2026-05-26T23:45:00.000',
        gtr: '2026-05-27T11:30:00.000',
      });
    });

    it('starts the clock at 08:00 for a message received at exactly 08:00 or just before', () => {
      expect(deadlinesAt('2026-11-30T08:00', 'haute').gti).toBe('2026-11-30T08:30:00.000');
      expect(deadlinesAt('2026-11-30T07:59:59', 'haute').gti).toBe('2026-11-30T08:30:00.000');
    });

    it('keeps the seconds of the receipt', () => {
      expect(deadlinesAt('2026-11-30T10:00:37.250', 'critique')).toEqual({
        gti: '2026-11-30T10:15:37.250',
        gtr: '2026-11-30T14:00:37.250',
      });
    });

    it('uses the desk zone: the same instant gives different deadlines in Nouméa', () => {
      // Friday 27 Nov 19:50 UTC is 23:50 in Réunion but Saturday 06:50 in Nouméa.
      const receivedAt = new Date('2026-11-27T19:50:00Z');
      const noumea = computeDeadlines({
        receivedAt,
        desk: caledonia,
        contract: 'standard',
        priority: 'critique',
      });
      expect(wallClockAt(caledonia, noumea.gtiDueAt)).toBe('2026-11-30T08:15:00.000');
    });
  });

  describe('premium contract', () => {
    it('counts the weekend: critique received Friday 23:50 is due Saturday', () => {
      expect(deadlinesAt('2026-11-27T23:50', 'critique', 'premium')).toEqual({
        gti: '2026-11-28T00:05:00.000',
        gtr: '2026-11-28T03:50:00.000',
      });
    });

    it('counts Saturday for a haute received Saturday 10:00', () => {
      expect(deadlinesAt('2026-11-28T10:00', 'haute', 'premium')).toEqual({
        gti: '2026-11-28T10:30:00.000',
        gtr: '2026-11-29T10:00:00.000',
      });
    });
  });
});

describe('Function: resumeGtr', () => {
  const desk = reunion;
  const resume = (gtrDueAt: string, pausedAt: string, resumedAt: string, contract: Contract = 'standard') =>
    wallClockAt(
      desk,
      resumeGtr({
        gtrDueAt: localAt(desk, gtrDueAt),
        pausedAt: localAt(desk, pausedAt),
        resumedAt: localAt(desk, resumedAt),
        desk,
        contract,
      }),
    );

  it('adds the open time spent waiting on the client to the GTR deadline', () => {
    // Paused Monday 22:00, resumed Tuesday 09:00: 2 h Monday + 1 h Tuesday = 3 open hours.
    expect(resume('2026-12-02T10:00', '2026-11-30T22:00', '2026-12-01T09:00')).toBe(
      '2026-12-02T13:00:00.000',
    );
  });

  it('adds nothing for a pause that lay entirely in closed time', () => {
    expect(resume('2026-12-02T10:00', '2026-11-28T09:00', '2026-11-29T18:00')).toBe(
      '2026-12-02T10:00:00.000',
    );
  });

  it('counts the whole pause on premium, weekend included', () => {
    expect(resume('2026-12-02T10:00', '2026-11-28T09:00', '2026-11-29T18:00', 'premium')).toBe(
      '2026-12-03T19:00:00.000',
    );
  });

  it('carries the extension over the close into the next service day', () => {
    // Due Friday 23:00, paused 2 open hours: 1 h left on Friday, then Monday 08:00 + 1 h.
    expect(resume('2026-11-27T23:00', '2026-11-26T10:00', '2026-11-26T12:00')).toBe(
      '2026-11-30T09:00:00.000',
    );
  });

  it('leaves a deadline that was already breached when the pause began', () => {
    expect(resume('2026-11-30T10:00', '2026-11-30T11:00', '2026-12-01T11:00')).toBe(
      '2026-11-30T10:00:00.000',
    );
  });

  it('leaves the deadline when the pause began exactly at it (the minute of the deadline is the breach)', () => {
    expect(resume('2026-11-30T10:00', '2026-11-30T10:00', '2026-11-30T12:00')).toBe(
      '2026-11-30T10:00:00.000',
    );
  });

  it('extends the deadline by the whole pause when the pause began one minute before it', () => {
    expect(resume('2026-11-30T10:00', '2026-11-30T09:59', '2026-11-30T10:59')).toBe(
      '2026-11-30T11:00:00.000',
    );
  });

  it('throws an InputError when resumption precedes the pause', () => {
    expect(() => resume('2026-12-02T10:00', '2026-12-01T11:00', '2026-12-01T10:00')).toThrow(InputError);
  });
});

describe('Function: recomputeAfterPriorityChange', () => {
  it('re-targets both clocks from the original receipt, not from the change', () => {
    const receivedAt = localAt(reunion, '2026-11-27T23:50');
    const changed = recomputeAfterPriorityChange({
      receivedAt,
      desk: reunion,
      contract: 'standard',
      priority: 'critique',
    });
    expect(changed).toEqual(
      computeDeadlines({ receivedAt, desk: reunion, contract: 'standard', priority: 'critique' }),
    );
  });

  it('keeps the open time already paused on the GTR', () => {
    const { gtiDueAt, gtrDueAt } = recomputeAfterPriorityChange({
      receivedAt: localAt(reunion, '2026-11-30T10:00'),
      desk: reunion,
      contract: 'standard',
      priority: 'critique',
      gtrPausedOpenMinutes: 90,
    });
    expect(wallClockAt(reunion, gtiDueAt)).toBe('2026-11-30T10:15:00.000');
    expect(wallClockAt(reunion, gtrDueAt)).toBe('2026-11-30T15:30:00.000');
  });
});
