import { describe, expect, it } from 'vitest';
import { type ExodataError, InputError } from '../../../shared/domain/errors';
import {
  MonthlyReportRequestSchema,
  monthLabel,
  monthPeriod,
  recentMonths,
} from '../../../shared/domain/report/report-period';

/** The monthly report per client (docs/reports.md): a month read in the client's home desk zone. */
describe('monthPeriod', () => {
  it('is [first midnight of the month, first midnight of the next) in the zone', () => {
    const december = monthPeriod('2026-12', 'Indian/Reunion');
    expect(december.from.toISOString()).toBe('2026-11-30T20:00:00.000Z');
    expect(december.to.toISOString()).toBe('2026-12-31T20:00:00.000Z');
    // February of a common year, west of UTC.
    const february = monthPeriod('2027-02', 'America/Martinique');
    expect(february.from.toISOString()).toBe('2027-02-01T04:00:00.000Z');
    expect(february.to.toISOString()).toBe('2027-03-01T04:00:00.000Z');
  });

  it.each(['2026-13', '2026-00', '2026-1', '26-12', '2026-12-01', ''])(
    'refuses %j, saying how to write a month',
    (month) => {
      let line = '';
      try {
        monthPeriod(month, 'UTC');
      } catch (error) {
        expect(error).toBeInstanceOf(InputError);
        line = (error as ExodataError).toUserMessage();
      }
      expect(line).toBe(`"${month}" is not a month (write a month as YYYY-MM, e.g. 2026-11)`);
    },
  );

  it('refuses a month in a zone that does not exist', () => {
    expect(() => monthPeriod('2026-12', 'Mars/Olympus')).toThrow(InputError);
  });
});

describe('recentMonths', () => {
  it('counts back from the month of the instant in the zone, across the new year', () => {
    // 31 Dec 21:00 UTC: still December in Martinique, already January in Réunion.
    const at = new Date('2026-12-31T21:00:00Z');
    expect(recentMonths(at, 'America/Martinique', 2)).toEqual(['2026-12', '2026-11']);
    expect(recentMonths(at, 'Indian/Reunion', 3)).toEqual(['2027-01', '2026-12', '2026-11']);
    expect(recentMonths(at, 'UTC', 0)).toEqual([]);
  });
});

describe('monthLabel', () => {
  it('names a month in French, and gives back what is not a month as it is', () => {
    expect(monthLabel('2026-11')).toBe('novembre 2026');
    expect(monthLabel('2027-01')).toBe('janvier 2027');
    expect(monthLabel('2026-13')).toBe('2026-13');
  });
});

describe('MonthlyReportRequestSchema', () => {
  it('takes a directory client id (trimmed) and a month', () => {
    expect(MonthlyReportRequestSchema.parse({ client: ' CLI-RE-0027 ', month: '2026-12' })).toEqual({
      client: 'CLI-RE-0027',
      month: '2026-12',
    });
    expect(MonthlyReportRequestSchema.parse({ client: 'a.b_c-1', month: '2026-01' }).client).toBe('a.b_c-1');
  });

  it.each([
    [{ client: '', month: '2026-12' }, "l'identifiant d'un client"],
    [{ client: '   ', month: '2026-12' }, "l'identifiant d'un client"],
    [{ client: 'x'.repeat(129), month: '2026-12' }, "l'identifiant d'un client"],
    [{ client: "x' OR 1=1", month: '2026-12' }, "l'identifiant d'un client"],
    [{ client: 'CLI/../x', month: '2026-12' }, "l'identifiant d'un client"],
    [{ month: '2026-12' }, "l'identifiant d'un client"],
    [{ client: 'CLI-RE-0027', month: '2026-13' }, 'un mois au format AAAA-MM'],
    [{ client: 'CLI-RE-0027', month: '2026-12 ' }, 'un mois au format AAAA-MM'],
    [{ client: 'CLI-RE-0027', month: 202612 }, 'un mois au format AAAA-MM'],
  ])('refuses %j in French: %s', (input, message) => {
    const result = MonthlyReportRequestSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain(message);
  });

  it('takes a client id of 128 characters', () => {
    expect(MonthlyReportRequestSchema.safeParse({ client: 'x'.repeat(128), month: '2026-12' }).success).toBe(
      true,
    );
  });
});
