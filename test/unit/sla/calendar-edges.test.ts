import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../shared/domain/errors';
import { standardCalendarOver } from '../../../shared/domain/sla/calendar';
import { reunion, wallClockAt } from './fixtures';

describe('a standard calendar searches at most 370 days for an opening', () => {
  const from = new Date('2026-12-01T10:00Z'); // Tuesday, day 1 of the search
  const closedBefore = (date: string) =>
    standardCalendarOver('Indian/Reunion', { isHoliday: (d) => d < date });

  it('finds an opening on the 368th day', () => {
    expect(wallClockAt(reunion, closedBefore('2027-12-03').nextOpening(from))).toBe(
      '2027-12-03T08:00:00.000',
    );
  });

  it('gives up after 370 closed days, even when the 371st is open', () => {
    expect(() => closedBefore('2027-12-06').nextOpening(from)).toThrow(ConfigError);
  });
});
