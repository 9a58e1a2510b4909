import { DateTime } from 'luxon';
import type { Desk } from '../desk/service-desk-config';
import { ConfigError, InputError } from '../errors';
import type { Language } from '../mail/inbound-email';

/**
 * A deadline as clients read it, in the desk's zone with the zone named:
 * `lundi 30 novembre 2026 à 08:05 (heure de La Réunion)` / `Monday 30 November 2026 at 08:05 (Réunion time)`.
 * A deadline at 24:00 is the next day's 00:00 (service-desk.md, rule 4).
 */
export function formatDeadline(at: Date, desk: Desk, language: Language): string {
  const local = inDeskZone(at, desk);
  if (language === 'fr') {
    // French writes the first of the month as an ordinal: « mardi 1er décembre ».
    const day = local.day === 1 ? '1er' : String(local.day);
    return `${local.setLocale('fr-FR').toFormat(`cccc '${day}' MMMM yyyy 'à' HH:mm`)} (${desk.zoneLabelFr})`;
  }
  return `${local.setLocale('en-GB').toFormat("cccc d MMMM yyyy 'at' HH:mm")} (${desk.zoneLabelEn})`;
}

/** ISO 8601 with the desk's offset, e.g. 2026-11-30T08:05:00.000+04:00: same instant, readable locally. */
export function toDeskIso(at: Date, desk: Desk): string {
  return inDeskZone(at, desk).toISO() ?? '';
}

function inDeskZone(at: Date, desk: Desk): DateTime<true> {
  if (!(at instanceof Date) || Number.isNaN(at.getTime()))
    throw new InputError('a deadline to show is not a valid instant', { hint: 'pass a valid Date' });
  const local = DateTime.fromJSDate(at, { zone: desk.timeZone });
  if (!local.isValid)
    throw new ConfigError(`desk "${desk.id}" has an unknown time zone "${desk.timeZone}"`, {
      hint: 'use an IANA zone name such as Indian/Reunion or Pacific/Noumea',
    });
  return local;
}
