import { describe, expect, it } from 'vitest';
import { ConfigError, type ExodataError, InputError } from '../../../shared/domain/errors';
import { serviceCalendar, standardCalendarOver } from '../../../shared/domain/sla/calendar';
import { formatDeadline, toDeskIso } from '../../../shared/domain/sla/deadline-format';
import { publicHolidaysFor } from '../../../shared/domain/sla/public-holidays';
import { reunion } from './fixtures';

/**
 * House rule: a typed error says what was wrong and what to do. These pin the whole line an operator
 * or a developer reads (`toUserMessage()`: the message, then the hint), for every refusal of the SLA
 * rules' inputs and configuration.
 */
function refusal(call: () => unknown): { type: string; line: string } {
  try {
    call();
  } catch (error) {
    return { type: (error as Error).constructor.name, line: (error as ExodataError).toUserMessage() };
  }
  throw new Error('expected the call to throw');
}

const atlantis = { ...reunion, id: 'atlantide', timeZone: 'Indian/Atlantis' };
const invalid = new Date(Number.NaN);

describe('SLA configuration errors say what to fix', () => {
  it('an unknown desk time zone', () => {
    const expected = {
      type: ConfigError.name,
      line: 'desk "atlantide" has an unknown time zone "Indian/Atlantis" (use an IANA zone name such as Indian/Reunion or Pacific/Noumea)',
    };
    expect(refusal(() => serviceCalendar(atlantis, 'standard'))).toEqual(expected);
    expect(refusal(() => formatDeadline(new Date('2026-11-30T04:00Z'), atlantis, 'fr'))).toEqual(expected);
    expect(refusal(() => toDeskIso(new Date('2026-11-30T04:00Z'), atlantis))).toEqual(expected);
  });

  it('a holiday calendar that closes every day', () => {
    const closed = standardCalendarOver('Indian/Reunion', { isHoliday: () => true });
    expect(refusal(() => closed.nextOpening(new Date('2026-12-01T10:00Z')))).toEqual({
      type: ConfigError.name,
      line: 'the Indian/Reunion calendar has no service day in 370 days (check the desk holiday calendar in the service-desk configuration)',
    });
  });

  it('a holiday calendar the generated table does not hold', () => {
    expect(refusal(() => publicHolidaysFor({ country: 'FR', state: 'ZZ' }, 'Indian/Reunion'))).toEqual({
      type: ConfigError.name,
      line:
        'holiday calendar FR-ZZ (zone Indian/Reunion) is not in the generated table; add it to ' +
        'scripts/generate-holidays.ts and run npm run holidays:generate ' +
        '(or give the desk one of the calendars and zones the table holds (shared/domain/sla/public-holiday-table.ts))',
    });
  });

  it('a date outside the years of the generated table', () => {
    const holidays = publicHolidaysFor(reunion.holidays, reunion.timeZone);
    const { line, type } = refusal(() => holidays.isHoliday('1999-05-01'));
    expect(type).toBe(ConfigError.name);
    expect(line).toMatch(/^no public holidays known for 1999-05-01: the generated table covers \d{4}–\d{4} /);
    expect(line).toMatch(
      /\(widen FIRST_YEAR \/ LAST_YEAR in scripts\/generate-holidays\.ts and run npm run holidays:generate\)$/,
    );
  });
});

describe('SLA input errors name the argument and the fix', () => {
  const cal = serviceCalendar(reunion, 'standard');
  const at = new Date('2026-11-30T04:00Z');

  it('an invalid instant, named by its role', () => {
    const invalidInstant = (name: string) => ({
      type: InputError.name,
      line: `"${name}" is not a valid instant (pass a valid Date)`,
    });
    expect(refusal(() => cal.isOpen(invalid))).toEqual(invalidInstant('at'));
    expect(refusal(() => cal.nextOpening(invalid))).toEqual(invalidInstant('at'));
    expect(refusal(() => cal.addOpenTime(invalid, 30))).toEqual(invalidInstant('start'));
    expect(refusal(() => cal.openMinutesBetween(invalid, at))).toEqual(invalidInstant('from'));
    expect(refusal(() => cal.openMinutesBetween(at, invalid))).toEqual(invalidInstant('to'));
    expect(refusal(() => formatDeadline(invalid, reunion, 'en'))).toEqual({
      type: InputError.name,
      line: 'a deadline to show is not a valid instant (pass a valid Date)',
    });
  });

  it('open time to add that is not a finite number of minutes ≥ 0', () => {
    expect(refusal(() => cal.addOpenTime(at, -5))).toEqual({
      type: InputError.name,
      line: 'open time to add must be a finite number of minutes ≥ 0, got -5 (pass SLA targets in open minutes)',
    });
  });

  it('a period that ends before it starts', () => {
    expect(refusal(() => cal.openMinutesBetween(at, new Date('2026-11-30T03:00Z')))).toEqual({
      type: InputError.name,
      line: 'open time asked from 2026-11-30T04:00:00.000Z back to 2026-11-30T03:00:00.000Z (the end of a period cannot precede its start)',
    });
  });
});
