import type { ClientTicketView } from './api-types';
import type { ClientLabels } from './labels';

/**
 * Dates, deadlines and sizes as a client reads them, in the ticket's language and at the desk's time
 * zone (with its offset, since the client may be elsewhere). Pure functions of their arguments
 * (test/unit/portal/client-portal.test.ts).
 */

/** "lun. 30 nov., 09:25 UTC+4" / "Mon 30 Nov, 09:25 GMT+4". */
export function formatAt(iso: string, timeZone: string, labels: Pick<ClientLabels, 'locale'>): string {
  return new Intl.DateTimeFormat(labels.locale, {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(new Date(iso));
}

export type DeadlineState = 'pending' | 'met' | 'missed';

export function deadlineState(met: boolean | null): DeadlineState {
  return met === null ? 'pending' : met ? 'met' : 'missed';
}

/**
 * One commitment in words: the due time, and whether it was met ("au plus tard lun. 30 nov., 09:25
 * UTC+4 — respectée (09:12…)"); a pending one shows only the due time.
 */
export function deadlineText(
  clock: ClientTicketView['gti'] | ClientTicketView['gtr'],
  timeZone: string,
  labels: ClientLabels,
): string {
  const due = labels.text.dueBy(formatAt(clock.deadline, timeZone, labels));
  const state = deadlineState(clock.met);
  if (state === 'pending') return due;
  if (state === 'missed') return `${due} — ${labels.text.missed}`;
  const metAt = 'metAt' in clock && clock.metAt ? clock.metAt : null;
  return `${due} — ${metAt ? labels.text.metAt(formatAt(metAt, timeZone, labels)) : labels.text.met}`;
}

/** "512 o", "34 Ko", "1,3 Mo" (English: "1.3 MB"). */
export function formatSize(bytes: number, labels: Pick<ClientLabels, 'locale' | 'text'>): string {
  const [b, kb, mb] = labels.text.sizeUnits;
  const number = (n: number) => new Intl.NumberFormat(labels.locale, { maximumFractionDigits: 1 }).format(n);
  if (bytes < 1024) return `${bytes} ${b}`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} ${kb}`;
  return `${number(bytes / (1024 * 1024))} ${mb}`;
}
