import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../shared/domain/errors';
import { deskLocalTime, deskOnDuty, staffedDesks } from '../../../shared/domain/sla/follow-the-sun';
import { caledonia, config, reunion } from './fixtures';

const staffedAt = (iso: string) => staffedDesks(new Date(iso), config).map((d) => d.id);
const duty = (iso: string, home: string, contract: 'standard' | 'premium') =>
  deskOnDuty(new Date(iso), home, contract, config);

describe('Function: staffedDesks', () => {
  it.each([
    // Monday 30 Nov 2026. Réunion UTC+4, Antilles UTC−4, Nouméa UTC+11.
    ['2026-11-30T06:00:00Z', ['reunion', 'nouvelle-caledonie']], // 10:00 RE, 02:00 AG, 17:00 NC
    ['2026-11-30T14:00:00Z', ['reunion', 'martinique', 'guadeloupe']], // 18:00 RE, 10:00 AG, 01:00 NC Tue
    ['2026-11-30T21:00:00Z', ['martinique', 'guadeloupe', 'nouvelle-caledonie']], // 01:00 RE Tue, 17:00 AG, 08:00 NC Tue
    ['2026-12-01T03:30:00Z', ['martinique', 'guadeloupe', 'nouvelle-caledonie']], // 07:30 RE, 23:30 AG Mon, 14:30 NC
    ['2026-12-01T04:00:00Z', ['reunion', 'nouvelle-caledonie']], // 08:00 RE, 24:00 AG (closed), 15:00 NC
  ])('lists the desks staffed at %s in configuration order', (iso, expected) => {
    expect(staffedAt(iso)).toEqual(expected);
  });

  it('lists no desk on a Saturday at noon UTC', () => {
    expect(staffedAt('2026-11-28T12:00:00Z')).toEqual([]);
  });

  it('leaves out a desk on its own holiday (Guadeloupe, 27 May 2026)', () => {
    expect(staffedAt('2026-05-27T14:00:00Z')).toEqual(['reunion', 'martinique']);
  });

  it('has at least one desk staffed at every quarter hour of the working week', () => {
    // From Monday 08:00 in Nouméa (Sunday 21:00 UTC) to Friday 24:00 in the Antilles (Saturday 04:00 UTC).
    const from = Date.parse('2026-11-29T21:00:00Z');
    const to = Date.parse('2026-12-05T04:00:00Z');
    const uncovered: string[] = [];
    for (let t = from; t < to; t += 15 * 60_000)
      if (staffedDesks(new Date(t), config).length === 0) uncovered.push(new Date(t).toISOString());
    expect(uncovered).toEqual([]);
  });
});

describe('Function: deskOnDuty', () => {
  it('returns the home desk when it is staffed, on any contract', () => {
    expect(duty('2026-11-30T06:00:00Z', 'reunion', 'standard')).toEqual({ deskId: 'reunion', onCall: false });
    expect(duty('2026-11-30T06:00:00Z', 'reunion', 'premium')).toEqual({ deskId: 'reunion', onCall: false });
  });

  it('hands a premium ticket to the first staffed desk in configuration order', () => {
    // 14:00 UTC: Nouméa is closed (01:00); Réunion comes first among the staffed desks.
    expect(duty('2026-11-30T14:00:00Z', 'nouvelle-caledonie', 'premium')).toEqual({
      deskId: 'reunion',
      onCall: false,
    });
    // 21:00 UTC: Réunion is closed (01:00); Martinique comes before Guadeloupe and Nouméa.
    expect(duty('2026-11-30T21:00:00Z', 'reunion', 'premium')).toEqual({
      deskId: 'martinique',
      onCall: false,
    });
  });

  it('pages the home desk on call for a standard ticket outside its hours', () => {
    expect(duty('2026-11-30T14:00:00Z', 'nouvelle-caledonie', 'standard')).toEqual({
      deskId: 'nouvelle-caledonie',
      onCall: true,
    });
  });

  it('pages the home desk on call at the weekend, even for premium', () => {
    expect(duty('2026-11-28T12:00:00Z', 'martinique', 'premium')).toEqual({
      deskId: 'martinique',
      onCall: true,
    });
    expect(duty('2026-11-28T12:00:00Z', 'reunion', 'standard')).toEqual({ deskId: 'reunion', onCall: true });
  });

  it('relays a premium ticket during the home desk’s holiday and pages on call for standard', () => {
    expect(duty('2026-05-27T14:00:00Z', 'guadeloupe', 'premium')).toEqual({
      deskId: 'reunion',
      onCall: false,
    });
    expect(duty('2026-05-27T14:00:00Z', 'guadeloupe', 'standard')).toEqual({
      deskId: 'guadeloupe',
      onCall: true,
    });
  });

  it('throws a ConfigError for a home desk that is not configured', () => {
    expect(() => duty('2026-11-30T06:00:00Z', 'tahiti', 'premium')).toThrow(ConfigError);
  });

  it('names the unknown desk and lists the configured ones, so the client directory can be fixed', () => {
    const error = (() => {
      try {
        duty('2026-11-30T06:00:00Z', 'tahiti', 'premium');
      } catch (e) {
        return e;
      }
      throw new Error('expected a ConfigError');
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).toUserMessage()).toBe(
      'home desk "tahiti" is not in the service-desk configuration ' +
        '(use one of reunion, martinique, guadeloupe, nouvelle-caledonie in the client directory)',
    );
  });
});

describe('Function: deskLocalTime', () => {
  it('shows the wall-clock time and staffing at each desk for one instant', () => {
    const at = new Date('2026-11-30T04:05:00Z');
    expect(deskLocalTime(at, reunion)).toEqual({
      deskId: 'reunion',
      iso: '2026-11-30T08:05:00.000+04:00',
      time: '08:05',
      staffed: true,
    });
    expect(deskLocalTime(at, caledonia)).toEqual({
      deskId: 'nouvelle-caledonie',
      iso: '2026-11-30T15:05:00.000+11:00',
      time: '15:05',
      staffed: true,
    });
  });
});
