import type { ClockView } from '../../api-schemas';
import { LABELS } from './labels';

/** Dates, durations and countdowns in French. Pure functions of their arguments (tested in test/unit/portal). */

export function formatDuration(ms: number): string {
  const negative = ms < 0;
  let minutes = Math.floor(Math.abs(ms) / 60_000);
  const seconds = Math.floor((Math.abs(ms) % 60_000) / 1000);
  const days = Math.floor(minutes / 1440);
  minutes -= days * 1440;
  const hours = Math.floor(minutes / 60);
  minutes -= hours * 60;
  const text =
    days > 0
      ? `${days} j ${hours} h`
      : hours > 0
        ? `${hours} h ${String(minutes).padStart(2, '0')}`
        : `${minutes} min ${String(seconds).padStart(2, '0')} s`;
  return negative ? `dépassé de ${text}` : text;
}

export function formatOpenMinutes(minutes: number | null): string {
  if (minutes === null) return '';
  const m = Math.round(minutes);
  if (m >= 60) return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')} ouvrées`;
  return `${m} min ouvrées`;
}

/** "lun. 30 nov., 09:25" at the desk's time zone. */
export function formatAt(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('fr-FR', {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
}

/** "09:25:07" at a time zone. */
export function formatClockTime(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('fr-FR', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).format(at);
}

/** Live countdown: the remaining time the API gave, minus what has elapsed since it answered. */
export function countdownText(clock: ClockView, elapsedMs: number): string {
  if (clock.state === 'met') return LABELS.clockState.met;
  if (clock.state === 'paused')
    return `${LABELS.clockState.paused} (${formatOpenMinutes(clock.remainingOpenMinutes)})`;
  if (clock.remainingMs === null) return clock.state === 'breached' ? LABELS.clockState.breached : '';
  return formatDuration(clock.remainingMs - elapsedMs);
}

export function formatSize(bytes: number): string {
  return `${Math.max(1, Math.ceil(bytes / 1024))} Ko`;
}
