import { describe, expect, it } from 'vitest';
import { ConfigError, InputError } from '../../../shared/domain/errors';
import { formatDeadline, toDeskIso } from '../../../shared/domain/sla/deadline-format';
import { caledonia, guadeloupe, localAt, martinique, reunion } from './fixtures';

describe('Function: formatDeadline', () => {
  const gti = new Date('2026-11-30T04:05:00Z'); // Monday 08:05 in Réunion

  it('writes the worked example in French with the zone named', () => {
    expect(formatDeadline(gti, reunion, 'fr')).toBe('lundi 30 novembre 2026 à 08:05 (heure de La Réunion)');
  });

  it('writes it in English', () => {
    expect(formatDeadline(gti, reunion, 'en')).toBe('Monday 30 November 2026 at 08:05 (Réunion time)');
  });

  it('shows a deadline at 24:00 as 00:00 of the next day, with the French ordinal for the first', () => {
    const midnight = localAt(reunion, '2026-12-01T00:00');
    expect(formatDeadline(midnight, reunion, 'fr')).toBe(
      'mardi 1er décembre 2026 à 00:00 (heure de La Réunion)',
    );
    expect(formatDeadline(midnight, reunion, 'en')).toBe('Tuesday 1 December 2026 at 00:00 (Réunion time)');
  });

  it('shows the same instant in each desk’s own zone and date', () => {
    expect(formatDeadline(gti, martinique, 'fr')).toBe(
      'lundi 30 novembre 2026 à 00:05 (heure de la Martinique)',
    );
    expect(formatDeadline(gti, guadeloupe, 'en')).toBe('Monday 30 November 2026 at 00:05 (Guadeloupe time)');
    expect(formatDeadline(gti, caledonia, 'fr')).toBe(
      'lundi 30 novembre 2026 à 15:05 (heure de la Nouvelle-Calédonie)',
    );
  });

  it('does not depend on the machine time zone (vitest pins TZ=UTC; the desk zone wins)', () => {
    expect(process.env.TZ).toBe('UTC');
    expect(formatDeadline(new Date('2026-11-27T20:00:00Z'), reunion, 'fr')).toBe(
      'samedi 28 novembre 2026 à 00:00 (heure de La Réunion)',
    );
  });

  it('throws an InputError for an invalid instant and a ConfigError for an unknown zone', () => {
    expect(() => formatDeadline(new Date(Number.NaN), reunion, 'fr')).toThrow(InputError);
    expect(() => formatDeadline(gti, { ...reunion, timeZone: 'Mars/Olympus' }, 'fr')).toThrow(ConfigError);
  });
});

describe('Function: toDeskIso', () => {
  it('writes the instant with the desk offset and milliseconds', () => {
    const gti = new Date('2026-11-30T04:05:00Z');
    expect(toDeskIso(gti, reunion)).toBe('2026-11-30T08:05:00.000+04:00');
    expect(toDeskIso(gti, martinique)).toBe('2026-11-30T00:05:00.000-04:00');
    expect(toDeskIso(gti, caledonia)).toBe('2026-11-30T15:05:00.000+11:00');
  });

  it('round-trips to the same instant', () => {
    const at = new Date('2026-11-27T19:50:37.123Z');
    expect(new Date(toDeskIso(at, caledonia)).getTime()).toBe(at.getTime());
  });
});
