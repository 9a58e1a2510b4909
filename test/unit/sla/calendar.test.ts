import { describe, expect, it } from 'vitest';
import type { Desk } from '../../../shared/domain/desk/service-desk-config';
import { ConfigError, InputError } from '../../../shared/domain/errors';
import { serviceCalendar, standardCalendarOver } from '../../../shared/domain/sla/calendar';
import {
  cairo,
  caledonia,
  guadeloupe,
  localAt,
  martinique,
  paris,
  reunion,
  seededRandom,
  wallClockAt,
} from './fixtures';

const standard = (desk: Desk) => serviceCalendar(desk, 'standard');
const premium = (desk: Desk) => serviceCalendar(desk, 'premium');

describe('Function: serviceCalendar', () => {
  describe('Method: isOpen', () => {
    const cal = standard(reunion);

    it('opens at exactly 08:00 desk time and not a millisecond before', () => {
      expect(cal.isOpen(localAt(reunion, '2026-11-30T08:00:00.000'))).toBe(true);
      expect(cal.isOpen(localAt(reunion, '2026-11-30T07:59:59.999'))).toBe(false);
    });

    it('is open until 23:59:59.999 and closed at 24:00 (next day 00:00)', () => {
      expect(cal.isOpen(localAt(reunion, '2026-11-30T23:59:59.999'))).toBe(true);
      expect(cal.isOpen(localAt(reunion, '2026-12-01T00:00:00.000'))).toBe(false);
    });

    it('is closed all weekend', () => {
      expect(cal.isOpen(localAt(reunion, '2026-11-28T12:00'))).toBe(false);
      expect(cal.isOpen(localAt(reunion, '2026-11-29T23:59'))).toBe(false);
    });

    it('reads the wall clock in the desk zone, not in UTC', () => {
      // Monday 05:00 UTC is 09:00 in Réunion (open) and 01:00 in Martinique (closed).
      const at = new Date('2026-11-30T05:00:00Z');
      expect(standard(reunion).isOpen(at)).toBe(true);
      expect(standard(martinique).isOpen(at)).toBe(false);
    });

    it('is always open on premium, weekends and holidays included', () => {
      expect(premium(reunion).isOpen(localAt(reunion, '2026-11-28T03:00'))).toBe(true);
      expect(premium(reunion).isOpen(localAt(reunion, '2026-12-25T03:00'))).toBe(true);
    });
  });

  describe('Method: isOpen on public holidays', () => {
    // Each territory's own days, checked against date-holidays for 2026–2027 (20 Dec 2026 is a Sunday).
    it.each([
      ['Réunion, abolition of slavery', reunion, '2027-12-20'],
      ['Martinique, abolition of slavery', martinique, '2026-05-22'],
      ['Guadeloupe, abolition of slavery', guadeloupe, '2026-05-27'],
      ['New Caledonia, citizenship day', caledonia, '2026-09-24'],
      ['Réunion, 1 May', reunion, '2026-05-01'],
      ['New Caledonia, Christmas', caledonia, '2026-12-25'],
      ['Guadeloupe, Easter Monday', guadeloupe, '2026-04-06'],
      ['Martinique, Whit Monday', martinique, '2026-05-25'],
      ['Martinique, Good Friday', martinique, '2026-04-03'],
    ])('is closed on a weekday holiday: %s', (_name, desk, date) => {
      const cal = standard(desk);
      expect(cal.isOpen(localAt(desk, `${date}T08:00`))).toBe(false);
      expect(cal.isOpen(localAt(desk, `${date}T15:00`))).toBe(false);
      expect(cal.isOpen(localAt(desk, `${date}T23:59:59.999`))).toBe(false);
    });

    it('keeps one territory open on another territory’s holiday', () => {
      expect(standard(martinique).isOpen(localAt(martinique, '2026-05-27T10:00'))).toBe(true);
      expect(standard(guadeloupe).isOpen(localAt(guadeloupe, '2026-05-22T10:00'))).toBe(true);
      // Good Friday is a public holiday in the Antilles only.
      expect(standard(reunion).isOpen(localAt(reunion, '2026-04-03T10:00'))).toBe(true);
      expect(standard(caledonia).isOpen(localAt(caledonia, '2026-04-03T10:00'))).toBe(true);
    });

    it('ignores holidays that are not of type public (Martinique Victor Schœlcher day is optional)', () => {
      expect(standard(martinique).isOpen(localAt(martinique, '2026-07-21T10:00'))).toBe(true);
    });

    it('closes the holiday on the desk’s local date, not the UTC date', () => {
      const cal = standard(caledonia);
      // 24 Sept in Nouméa runs from 23 Sept 13:00 UTC to 24 Sept 13:00 UTC.
      expect(cal.isOpen(new Date('2026-09-23T12:59:59.999Z'))).toBe(true);
      expect(cal.isOpen(new Date('2026-09-23T13:00:00.000Z'))).toBe(false);
      expect(cal.isOpen(new Date('2026-09-24T10:00:00.000Z'))).toBe(false);
      expect(cal.nextOpening(new Date('2026-09-23T13:00:00.000Z')).toISOString()).toBe(
        '2026-09-24T21:00:00.000Z',
      );
    });
  });

  describe('Method: nextOpening', () => {
    const cal = standard(reunion);

    it('returns the instant itself when open', () => {
      const at = localAt(reunion, '2026-11-27T23:50:17.5');
      expect(cal.nextOpening(at)).toEqual(at);
    });

    it('returns Monday 08:00 from Friday midnight and from Saturday', () => {
      expect(wallClockAt(reunion, cal.nextOpening(localAt(reunion, '2026-11-28T00:00')))).toBe(
        '2026-11-30T08:00:00.000',
      );
      expect(wallClockAt(reunion, cal.nextOpening(localAt(reunion, '2026-11-28T10:00')))).toBe(
        '2026-11-30T08:00:00.000',
      );
    });

    it('returns 08:00 the same day before opening', () => {
      expect(wallClockAt(reunion, cal.nextOpening(localAt(reunion, '2026-12-01T06:30')))).toBe(
        '2026-12-01T08:00:00.000',
      );
    });

    it('skips a holiday that falls on a Friday and the weekend after it', () => {
      expect(wallClockAt(reunion, cal.nextOpening(localAt(reunion, '2026-12-24T23:59:59.999')))).toBe(
        '2026-12-24T23:59:59.999',
      );
      expect(wallClockAt(reunion, cal.nextOpening(localAt(reunion, '2026-12-25T00:00')))).toBe(
        '2026-12-28T08:00:00.000',
      );
    });
  });

  describe('Method: addOpenTime', () => {
    const cal = standard(reunion);
    const add = (
      desk: Desk,
      wallClock: string,
      minutes: number,
      contract: 'standard' | 'premium' = 'standard',
    ) => wallClockAt(desk, serviceCalendar(desk, contract).addOpenTime(localAt(desk, wallClock), minutes));

    it('counts the rest of Friday then resumes Monday 08:00 when received Friday 23:50', () => {
      expect(add(reunion, '2026-11-27T23:50', 15)).toBe('2026-11-30T08:05:00.000');
      expect(add(reunion, '2026-11-27T23:50', 10)).toBe('2026-11-28T00:00:00.000');
    });

    it('ends a deadline at 24:00 (next day 00:00) instead of pushing it to the next opening', () => {
      expect(add(reunion, '2026-11-30T08:00', 16 * 60)).toBe('2026-12-01T00:00:00.000');
      expect(add(reunion, '2026-11-30T07:00', 16 * 60)).toBe('2026-12-01T00:00:00.000');
      expect(add(reunion, '2026-11-30T08:00', 16 * 60 + 1)).toBe('2026-12-01T08:01:00.000');
    });

    it('starts counting at exactly 08:00 when received before opening', () => {
      expect(add(reunion, '2026-11-30T08:00', 30)).toBe('2026-11-30T08:30:00.000');
      expect(add(reunion, '2026-11-30T03:12:45', 30)).toBe('2026-11-30T08:30:00.000');
    });

    it('keeps the seconds and milliseconds of the start', () => {
      expect(add(reunion, '2026-11-30T10:00:37.250', 15)).toBe('2026-11-30T10:15:37.250');
      expect(add(reunion, '2026-11-27T23:59:30', 1)).toBe('2026-11-30T08:00:30.000');
    });

    it('returns the start itself for zero minutes, even when closed', () => {
      const saturday = localAt(reunion, '2026-11-28T10:00');
      expect(cal.addOpenTime(saturday, 0)).toEqual(saturday);
    });

    it('skips a weekday public holiday', () => {
      // Thursday 24 Dec 22:00 + 4 open hours: 2 h Thursday, Christmas Friday and the weekend closed.
      expect(add(reunion, '2026-12-24T22:00', 240)).toBe('2026-12-28T10:00:00.000');
    });

    it('counts weekends and holidays on premium', () => {
      expect(add(reunion, '2026-11-27T23:50', 15, 'premium')).toBe('2026-11-28T00:05:00.000');
      expect(add(reunion, '2026-12-24T22:00', 240, 'premium')).toBe('2026-12-25T02:00:00.000');
    });

    it('spans weekends for 112 open hours (7 standard service days)', () => {
      // Monday 10:00: 14 h Monday, 16 h × 6 service days (weekend skipped) = 110 h, then 2 h Wednesday.
      expect(add(reunion, '2026-11-30T10:00', 112 * 60)).toBe('2026-12-09T10:00:00.000');
    });

    it('throws an InputError for negative, infinite or NaN minutes and for an invalid date', () => {
      const at = localAt(reunion, '2026-11-30T10:00');
      expect(() => cal.addOpenTime(at, -1)).toThrow(InputError);
      expect(() => cal.addOpenTime(at, Number.POSITIVE_INFINITY)).toThrow(InputError);
      expect(() => cal.addOpenTime(at, Number.NaN)).toThrow(InputError);
      expect(() => cal.addOpenTime(new Date('not a date'), 10)).toThrow(InputError);
    });
  });

  describe('Method: openMinutesBetween', () => {
    const cal = standard(reunion);
    const between = (from: string, to: string) =>
      cal.openMinutesBetween(localAt(reunion, from), localAt(reunion, to));

    it('counts only open minutes across a weekend', () => {
      expect(between('2026-11-27T23:50', '2026-11-30T08:05')).toBe(15);
    });

    it('counts a whole service day as 960 minutes and a week as 5 of them', () => {
      expect(between('2026-11-30T00:00', '2026-12-01T00:00')).toBe(960);
      expect(between('2026-11-30T00:00', '2026-12-07T00:00')).toBe(5 * 960);
    });

    it('returns fractional minutes when seconds are involved', () => {
      expect(between('2026-11-30T10:00:00', '2026-11-30T10:00:30')).toBe(0.5);
    });

    it('returns 0 for an empty or fully closed period', () => {
      expect(between('2026-11-30T10:00', '2026-11-30T10:00')).toBe(0);
      expect(between('2026-11-28T00:00', '2026-11-30T08:00')).toBe(0);
    });

    it('throws an InputError when the period ends before it starts', () => {
      expect(() => between('2026-11-30T10:00', '2026-11-30T09:00')).toThrow(InputError);
    });
  });

  describe('Property: addOpenTime and openMinutesBetween are inverses', () => {
    const desks = [reunion, martinique, guadeloupe, caledonia, paris];
    const random = seededRandom(20261127);
    const cases = Array.from({ length: 600 }, () => {
      const desk = desks[Math.floor(random() * desks.length)]!;
      const contract = random() < 0.8 ? ('standard' as const) : ('premium' as const);
      // Any millisecond of 2026–2027; up to 8 service days; whole seconds of open time.
      const start = new Date(Date.UTC(2026, 0, 1) + Math.floor(random() * 2 * 365 * 86_400_000));
      const minutes = Math.floor(random() * 8 * 16 * 3600) / 60;
      const probe = new Date(start.getTime() + Math.floor(random() * 10 * 86_400_000));
      return { desk, contract, start, minutes, probe };
    });

    it('measures back exactly the open time that was added', () => {
      for (const { desk, contract, start, minutes } of cases) {
        const cal = serviceCalendar(desk, contract);
        const due = cal.addOpenTime(start, minutes);
        expect(
          cal.openMinutesBetween(start, due),
          `${desk.id} ${contract} ${start.toISOString()} + ${minutes}`,
        ).toBe(minutes);
      }
    });

    it('lands on the earliest instant with that much open time: the probe itself or the close before it', () => {
      for (const { desk, contract, start, probe } of cases) {
        const cal = serviceCalendar(desk, contract);
        const elapsed = cal.openMinutesBetween(start, probe);
        const due = cal.addOpenTime(start, elapsed);
        const label = `${desk.id} ${contract} ${start.toISOString()} → ${probe.toISOString()}`;
        expect(due.getTime(), label).toBeLessThanOrEqual(probe.getTime());
        expect(cal.openMinutesBetween(due, probe), label).toBe(0);
        // Open just before the probe: the last millisecond counted is the one ending at the probe.
        if (elapsed > 0 && cal.isOpen(new Date(probe.getTime() - 1))) expect(due, label).toEqual(probe);
      }
    });
  });

  describe('Property: openMinutesBetween matches a minute-by-minute count', () => {
    // An independent oracle: fixed offsets (these zones have no DST) and the 2026 public holidays
    // as date-holidays lists them, counted one minute at a time.
    const common = [
      '01-01',
      '04-06',
      '05-01',
      '05-08',
      '05-14',
      '05-25',
      '07-14',
      '08-15',
      '11-01',
      '11-11',
      '12-25',
    ];
    const territories: { desk: Desk; offsetHours: number; holidays: string[] }[] = [
      { desk: reunion, offsetHours: 4, holidays: [...common, '12-20'] },
      { desk: martinique, offsetHours: -4, holidays: [...common, '04-03', '05-22'] },
      { desk: guadeloupe, offsetHours: -4, holidays: [...common, '04-03', '05-27'] },
      { desk: caledonia, offsetHours: 11, holidays: [...common, '09-24'] },
    ];
    const random = seededRandom(974);

    it.each(territories)(
      'agrees with the oracle on random windows of 2026 at $desk.id',
      ({ desk, offsetHours, holidays }) => {
        const closed = new Set(holidays.map((d) => `2026-${d}`));
        const openMinute = (t: number) => {
          const local = new Date(t + offsetHours * 3_600_000);
          const weekday = local.getUTCDay();
          return (
            weekday >= 1 &&
            weekday <= 5 &&
            local.getUTCHours() >= 8 &&
            !closed.has(local.toISOString().slice(0, 10))
          );
        };
        const cal = standard(desk);
        for (let i = 0; i < 40; i++) {
          const from = Date.UTC(2026, 0, 2) + Math.floor(random() * 355 * 1440) * 60_000;
          const to = from + Math.floor(random() * 4 * 1440) * 60_000;
          let expected = 0;
          for (let t = from; t < to; t += 60_000) if (openMinute(t)) expected++;
          expect(cal.openMinutesBetween(new Date(from), new Date(to)), new Date(from).toISOString()).toBe(
            expected,
          );
        }
      },
    );
  });

  describe('Zones with daylight saving time', () => {
    it('resumes at 08:00 summer time after a weekend that changed the clocks (Paris, March 2026)', () => {
      // Friday 27 March 23:00 CET + 2 open hours: 1 h Friday, Monday 30 March 08:00 CEST + 1 h.
      const due = standard(paris).addOpenTime(new Date('2026-03-27T22:00:00Z'), 120);
      expect(due.toISOString()).toBe('2026-03-30T07:00:00.000Z');
      expect(wallClockAt(paris, due)).toBe('2026-03-30T09:00:00.000');
    });

    it('counts the real length of a service day whose midnight repeats an hour (Cairo, 29 Oct 2026)', () => {
      const cal = standard(cairo);
      // Clocks go back at 24:00 EEST to 23:00 EET: 08:00 to midnight lasts 17 real hours.
      expect(
        cal.openMinutesBetween(localAt(cairo, '2026-10-29T00:00'), localAt(cairo, '2026-10-30T00:00')),
      ).toBe(17 * 60);
      expect(cal.addOpenTime(localAt(cairo, '2026-10-29T08:00'), 17 * 60).toISOString()).toBe(
        '2026-10-29T22:00:00.000Z',
      );
    });

    it('closes at the first instant of a day whose midnight does not exist (Cairo, 24 Apr 2026)', () => {
      const cal = standard(cairo);
      // Friday 24 April starts at 01:00 EEST (= Thursday 22:00 UTC): Thursday still had 16 open hours.
      expect(cal.isOpen(new Date('2026-04-23T21:59:59.999Z'))).toBe(true);
      expect(cal.isOpen(new Date('2026-04-23T22:00:00.000Z'))).toBe(false);
      expect(cal.openMinutesBetween(new Date('2026-04-23T00:00Z'), new Date('2026-04-24T00:00Z'))).toBe(
        16 * 60,
      );
      expect(wallClockAt(cairo, cal.nextOpening(new Date('2026-04-23T22:00:00Z')))).toBe(
        '2026-04-24T08:00:00.000',
      );
    });
  });

  describe('Configuration errors', () => {
    it('throws a ConfigError for an unknown time zone', () => {
      const call = () => serviceCalendar({ ...reunion, id: 'x', timeZone: 'Indian/Atlantis' }, 'standard');
      expect(call).toThrow(ConfigError);
      expect(call).toThrow(/unknown time zone "Indian\/Atlantis"/);
    });

    it('throws a ConfigError for an unknown time zone on a premium contract too (always open, still zoned)', () => {
      expect(() => serviceCalendar({ ...reunion, id: 'p', timeZone: 'Indian/Atlantis' }, 'premium')).toThrow(
        /unknown time zone "Indian\/Atlantis"/,
      );
    });

    it('throws a ConfigError instead of searching forever when the holidays close every day of a year', () => {
      const everyDayClosed = standardCalendarOver('Indian/Reunion', { isHoliday: () => true });
      expect(() => everyDayClosed.addOpenTime(new Date('2026-12-01T10:00Z'), 60)).toThrow(
        /no service day in 370 days/,
      );
      expect(() => everyDayClosed.nextOpening(new Date('2026-12-01T10:00Z'))).toThrow(ConfigError);
    });

    it('still finds the opening after 300 closed days (a long closure is not a configuration error)', () => {
      const closedUntil = '2027-10-01';
      const longClosure = standardCalendarOver('Indian/Reunion', { isHoliday: (date) => date < closedUntil });
      expect(wallClockAt(reunion, longClosure.nextOpening(new Date('2026-12-01T10:00Z')))).toBe(
        '2027-10-01T08:00:00.000',
      );
    });

    it('throws a ConfigError for a holiday calendar the generated table does not hold instead of using none', () => {
      const desk = { ...reunion, id: 'y', timeZone: 'Indian/Mauritius' };
      expect(() => serviceCalendar({ ...desk, holidays: { country: 'XX' } }, 'standard')).toThrow(
        ConfigError,
      );
      expect(() =>
        serviceCalendar({ ...reunion, id: 'z', holidays: { country: 'FR', state: 'ZZ' } }, 'standard'),
      ).toThrow(/holiday calendar FR-ZZ \(zone Indian\/Reunion\) is not in the generated table/);
    });
  });
});
