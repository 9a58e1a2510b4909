import type { Clock } from '../../shared/ports/clock';

/** A clock stopped at `at`: tests pin the time instead of reading the wall clock. */
export function fixedClock(at: Date | string): Clock {
  const instant = typeof at === 'string' ? new Date(at) : at;
  return { now: () => new Date(instant.getTime()) };
}
