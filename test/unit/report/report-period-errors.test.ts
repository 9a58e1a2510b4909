import { describe, expect, it } from 'vitest';
import { type ExodataError, InputError } from '../../../shared/domain/errors';
import { monthOf, reportPeriod } from '../../../shared/domain/report/report-period';

function refusal(call: () => unknown): { type: string; line: string } {
  try {
    call();
  } catch (error) {
    return { type: (error as Error).constructor.name, line: (error as ExodataError).toUserMessage() };
  }
  throw new Error('expected the call to throw');
}

describe('report period: what is refused, and the line that says how to fix it', () => {
  it('a period that ends before it starts, or where it starts', () => {
    expect(refusal(() => reportPeriod('2026-12-10', '2026-12-01', 'UTC'))).toEqual({
      type: InputError.name,
      line: 'the period ends (2026-12-01) before it starts (2026-12-10) (give --from before --to (both days are included))',
    });
    expect(() => reportPeriod('2026-12-01T00:00:00Z', '2026-12-01T00:00:00Z', 'UTC')).toThrow(InputError);
  });

  it('a period longer than 400 days, to the millisecond', () => {
    expect(reportPeriod('2026-01-01T00:00:00Z', '2027-02-05T00:00:00Z', 'UTC').to.toISOString()).toBe(
      '2027-02-05T00:00:00.000Z',
    );
    expect(refusal(() => reportPeriod('2026-01-01T00:00:00Z', '2027-02-05T00:00:00.001Z', 'UTC'))).toEqual({
      type: InputError.name,
      line: 'the period from 2026-01-01T00:00:00Z to 2027-02-05T00:00:00.001Z is longer than 400 days (report a year at most at a time)',
    });
  });

  it('a bound that is neither a day nor an instant with its offset, named by its option', () => {
    expect(refusal(() => reportPeriod('1 décembre', '2026-12-10', 'UTC'))).toEqual({
      type: InputError.name,
      line: '--from "1 décembre" is neither a day (2026-11-01) nor an ISO instant with offset (write a day as YYYY-MM-DD)',
    });
    expect(refusal(() => reportPeriod('2026-12-01', '2026-12-10T12:00', 'UTC')).line).toMatch(
      /^--to "2026-12-10T12:00" /,
    );
  });

  it('a day in a zone that does not exist', () => {
    expect(refusal(() => reportPeriod('2026-12-01', '2026-12-10', 'Mars/Olympus'))).toEqual({
      type: InputError.name,
      line: '--from "2026-12-01" is not a day in Mars/Olympus (YYYY-MM-DD)',
    });
  });
});

describe('monthOf: the default period', () => {
  it('is the calendar month of the instant in the desk zone', () => {
    // 30 Nov 21:00 UTC is already 1 December in Réunion (UTC+4).
    expect(monthOf(new Date('2026-11-30T21:00:00Z'), 'Indian/Reunion')).toEqual({
      from: '2026-12-01',
      to: '2026-12-31',
    });
    expect(monthOf(new Date('2026-11-30T21:00:00Z'), 'UTC')).toEqual({
      from: '2026-11-01',
      to: '2026-11-30',
    });
  });
});
