import { DateTime, IANAZone } from 'luxon';
import type { Contract, Desk } from '../desk/service-desk-config';
import { ConfigError, InputError } from '../errors';
import { type PublicHolidays, publicHolidaysFor } from './public-holidays';

/**
 * The open time of one (desk, contract): when the SLA clocks run. Every instant is a UTC `Date`;
 * wall-clock rules (08:00, midnight, weekdays, holidays) are read in the desk's IANA zone, never in
 * the machine's. Open time is elapsed real time, to the millisecond: seconds of `receivedAt` count.
 */
export interface ServiceCalendar {
  readonly contract: Contract;
  readonly timeZone: string;
  /** Whether the clocks run at `at`. Opening instant included, closing instant (24:00) excluded. */
  isOpen(at: Date): boolean;
  /** `at` itself when open, else the next opening. */
  nextOpening(at: Date): Date;
  /**
   * Earliest instant at which `minutes` of open time have elapsed since `start`. A deadline that
   * uses up a service day exactly falls at its close (24:00 = next day 00:00), not at the next opening.
   */
  addOpenTime(start: Date, minutes: number): Date;
  /** Open minutes in [from, to), fractional when seconds are involved. The inverse of addOpenTime. */
  openMinutesBetween(from: Date, to: Date): number;
}

/** Standard service hours: Monday to Friday (ISO weekdays 1–5), 08:00 to 24:00 desk time. */
const STANDARD_SERVICE_HOURS = {
  weekdays: [1, 2, 3, 4, 5],
  opensAtHour: 8,
  closesAtHour: 24,
} as const;

/** Open hours in one service day: what a GTR "day" is worth on each contract. */
export const SERVICE_DAY_HOURS: Record<Contract, number> = {
  standard: STANDARD_SERVICE_HOURS.closesAtHour - STANDARD_SERVICE_HOURS.opensAtHour,
  premium: 24,
};

/** A standard calendar with no opening in this many days is a configuration error, not a long wait. */
const MAX_CLOSED_DAYS = 370;
const MS_PER_MINUTE = 60_000;
const MAX_CACHED_DAYS = 20_000;

type OpenInterval = { start: number; end: number };
/** The open intervals in time order, from the one that contains `at` (or else the first after it). */
type OpenIntervals = (at: number) => Iterable<OpenInterval>;

const calendars = new Map<string, ServiceCalendar>();

/** The calendar of a desk under a contract; built once per desk zone, holiday calendar and contract. */
export function serviceCalendar(desk: Desk, contract: Contract): ServiceCalendar {
  // Stryker disable next-line StringLiteral: the defaults only feed the cache key below
  const { country, state = '', region = '' } = desk.holidays;
  // Stryker disable next-line StringLiteral: a cache key; the separator only keeps keys apart
  const key = [contract, desk.timeZone, country, state, region].join('|');
  let calendar = calendars.get(key);
  // Stryker disable next-line ConditionalExpression: a cache of built calendars; a miss only rebuilds the same calendar
  if (!calendar) {
    if (!IANAZone.isValidZone(desk.timeZone))
      throw new ConfigError(`desk "${desk.id}" has an unknown time zone "${desk.timeZone}"`, {
        hint: 'use an IANA zone name such as Indian/Reunion or Pacific/Noumea',
      });
    calendar =
      contract === 'premium'
        ? calendarOver('premium', desk.timeZone, alwaysOpen)
        : standardCalendarOver(desk.timeZone, publicHolidaysFor(desk.holidays, desk.timeZone));
    // Stryker disable next-line CallExpression: a cache of built calendars; a miss only rebuilds the same calendar
    calendars.set(key, calendar);
  }
  return calendar;
}

/**
 * The standard calendar of a zone over a given set of public holidays (not cached). serviceCalendar
 * builds it from the generated holiday table; a set that closes every day must fail with a
 * ConfigError, not search for an opening forever.
 */
export function standardCalendarOver(zoneName: string, holidays: PublicHolidays): ServiceCalendar {
  return calendarOver('standard', zoneName, standardHours(zoneName, holidays));
}

/** The desk's staffed hours (follow the sun): its standard calendar. */
export function staffedCalendar(desk: Desk): ServiceCalendar {
  return serviceCalendar(desk, 'standard');
}

const alwaysOpen: OpenIntervals = (at) => [{ start: at, end: Number.POSITIVE_INFINITY }];

function standardHours(zoneName: string, holidays: PublicHolidays): OpenIntervals {
  const { weekdays, opensAtHour, closesAtHour } = STANDARD_SERVICE_HOURS;
  const zone = IANAZone.create(zoneName);
  // luxon's zone arithmetic costs tens of microseconds per call: each local date is worked out once
  // and kept (a few thousand dates at most), so a lookup costs one conversion of `at` to its local date.
  const days = new Map<string, ServiceDay>();
  const serviceDay = (date: string): ServiceDay => {
    let known = days.get(date);
    // Stryker disable next-line ConditionalExpression: a memo of local dates; a miss recomputes the same day
    if (!known) {
      const day = DateTime.fromISO(date, { zone });
      const isServiceDay = (weekdays as readonly number[]).includes(day.weekday) && !holidays.isHoliday(date);
      // Zone-aware wall-clock arithmetic: on a DST day the service day is 15 or 17 real hours long,
      // and a day whose midnight does not exist starts at its first instant.
      const nextDay = day.plus({ days: 1 }).startOf('day');
      // Stryker disable next-line ConditionalExpression,EqualityOperator,ObjectLiteral: closesAtHour is 24, so only the first arm runs (the second serves another closing hour)
      const close = closesAtHour === 24 ? nextDay : day.set({ hour: closesAtHour });
      const open = day.set({ hour: opensAtHour });
      known = {
        interval: isServiceDay ? { start: open.toMillis(), end: close.toMillis() } : null,
        next: nextDay.toISODate() ?? '',
      };
      // Stryker disable next-line ConditionalExpression,EqualityOperator: bounds the memo's memory; clearing it only costs recomputation
      if (days.size >= MAX_CACHED_DAYS) days.clear();
      // Stryker disable next-line CallExpression: the memo again (not storing only recomputes)
      days.set(date, known);
    }
    return known;
  };
  return function* (at) {
    let date = DateTime.fromMillis(at, { zone }).toISODate() ?? '';
    for (let closedDays = 0; closedDays < MAX_CLOSED_DAYS; ) {
      const { interval, next } = serviceDay(date);
      // Stryker disable next-line ConditionalExpression,EqualityOperator: `date` is the local date of `at` or later and a service day ends at 24:00, so its end is after `at`
      if (interval && interval.end > at) {
        closedDays = 0;
        yield interval;
      } else closedDays++;
      date = next;
    }
    throw new ConfigError(`the ${zoneName} calendar has no service day in ${MAX_CLOSED_DAYS} days`, {
      hint: 'check the desk holiday calendar in the service-desk configuration',
    });
  };
}

type ServiceDay = { interval: OpenInterval | null; next: string };

function calendarOver(contract: Contract, timeZone: string, openIntervals: OpenIntervals): ServiceCalendar {
  const firstInterval = (at: number): OpenInterval => {
    for (const interval of openIntervals(at)) return interval;
    throw new Error('unreachable: open intervals never end'); // the iterators throw ConfigError first
  };
  // Each step jumps a whole open interval (one service day), so a 7-day GTR takes ~10 steps.
  const addOpenMillis = (start: number, millis: number): number => {
    let remaining = millis;
    if (remaining === 0) return start;
    for (const interval of openIntervals(start)) {
      const from = Math.max(start, interval.start);
      const available = interval.end - from;
      if (remaining <= available) return from + remaining;
      remaining -= available;
    }
    throw new Error('unreachable: open intervals never end');
  };
  const openMillisBetween = (from: number, to: number): number => {
    let total = 0;
    for (const interval of openIntervals(from)) {
      // Stryker disable next-line EqualityOperator: an interval starting at `to` adds 0 minutes either way
      if (interval.start >= to) break;
      total += Math.min(interval.end, to) - Math.max(from, interval.start);
      // Stryker disable next-line ConditionalExpression,EqualityOperator: an early exit; the next interval starts after `to` and adds nothing
      if (interval.end >= to) break;
    }
    return total;
  };
  return {
    contract,
    timeZone,
    isOpen(at) {
      const t = instant(at, 'at');
      return firstInterval(t).start <= t;
    },
    nextOpening(at) {
      const t = instant(at, 'at');
      return new Date(Math.max(t, firstInterval(t).start));
    },
    addOpenTime(start, minutes) {
      if (!Number.isFinite(minutes) || minutes < 0)
        throw new InputError(`open time to add must be a finite number of minutes ≥ 0, got ${minutes}`, {
          hint: 'pass SLA targets in open minutes',
        });
      return new Date(addOpenMillis(instant(start, 'start'), Math.round(minutes * MS_PER_MINUTE)));
    },
    openMinutesBetween(from, to) {
      const a = instant(from, 'from');
      const b = instant(to, 'to');
      if (b < a)
        throw new InputError(`open time asked from ${from.toISOString()} back to ${to.toISOString()}`, {
          hint: 'the end of a period cannot precede its start',
        });
      // Stryker disable next-line ConditionalExpression: a shortcut; an empty period measures 0 either way
      return a === b ? 0 : openMillisBetween(a, b) / MS_PER_MINUTE;
    },
  };
}

function instant(value: Date, name: string): number {
  const t = value instanceof Date ? value.getTime() : Number.NaN;
  if (Number.isNaN(t))
    throw new InputError(`"${name}" is not a valid instant`, { hint: 'pass a valid Date' });
  return t;
}
