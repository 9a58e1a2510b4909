import { DateTime } from 'luxon';
import rawConfig from '../../../config/service-desk.json';
import {
  type Desk,
  deskById,
  ServiceDeskConfigSchema,
} from '../../../shared/domain/desk/service-desk-config';

/** The repository's own desk configuration: the tests check the real desks, zones and holiday calendars. */
export const config = ServiceDeskConfigSchema.parse(rawConfig);

function deskOf(id: string): Desk {
  const desk = deskById(config, id);
  if (!desk) throw new Error(`test fixture: no desk "${id}" in config/service-desk.json`);
  return desk;
}

export const reunion = deskOf('reunion');
export const martinique = deskOf('martinique');
export const guadeloupe = deskOf('guadeloupe');
export const caledonia = deskOf('nouvelle-caledonie');

/** Desks in zones with daylight saving time, to prove the arithmetic is zone-aware (not in the config). */
export const paris: Desk = {
  ...reunion,
  id: 'paris',
  address: 'paris@example.test',
  timeZone: 'Europe/Paris',
  zoneLabelFr: 'heure de Paris',
  zoneLabelEn: 'Paris time',
  holidays: { country: 'FR' },
};
export const cairo: Desk = {
  ...reunion,
  id: 'cairo',
  address: 'cairo@example.test',
  timeZone: 'Africa/Cairo',
  zoneLabelFr: 'heure du Caire',
  zoneLabelEn: 'Cairo time',
  holidays: { country: 'EG' },
};

/** A wall-clock time at a desk (`2026-11-27T23:50`) as the instant it denotes. */
export function localAt(desk: Desk, wallClock: string): Date {
  const local = DateTime.fromISO(wallClock, { zone: desk.timeZone });
  if (!local.isValid) throw new Error(`test fixture: invalid wall-clock time ${wallClock}`);
  return local.toJSDate();
}

/** An instant shown in the desk's zone without offset or milliseconds noise: `2026-11-30T08:05:00.000`. */
export function wallClockAt(desk: Desk, at: Date): string {
  return DateTime.fromJSDate(at, { zone: desk.timeZone }).toFormat("yyyy-MM-dd'T'HH:mm:ss.SSS");
}

/** Deterministic PRNG (mulberry32) so property-style loops explore the same instants on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
