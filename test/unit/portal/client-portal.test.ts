import { describe, expect, it } from 'vitest';
import type { ClientTicketView } from '../../../shared/adapters/http/portal-src/client/api-types';
import {
  deadlineState,
  deadlineText,
  formatAt,
  formatSize,
} from '../../../shared/adapters/http/portal-src/client/format';
import { CLIENT_LABELS } from '../../../shared/adapters/http/portal-src/client/labels';
import { routeOf } from '../../../shared/adapters/http/portal-src/client/router';
import { MAX_FILE_BYTES, refusalBeforeUpload } from '../../../shared/adapters/http/portal-src/client/upload';
import { LEVEL_DEFINITION, LEVEL_NAME } from '../../../shared/domain/acknowledgement/acknowledgement';
import { PRIORITY_LEVELS } from '../../../shared/domain/desk/service-desk-config';
import { TicketStatusSchema } from '../../../shared/domain/ticket/ticket';
import { PRIORITY_QUESTIONS } from '../../../shared/domain/triage/priority-answer';

const { fr, en } = CLIENT_LABELS;
const SECRET = 'q3Xo9v2M1c8dZpQe7tRkLw0yN5bA4sHf';

describe('Client portal: words', () => {
  it('says every status in plain words, in French and in English', () => {
    expect(TicketStatusSchema.options.map((s) => fr.status[s])).toEqual([
      'reçue',
      'prise en charge',
      'en attente de votre réponse',
      'résolue',
      'clôturée',
    ]);
    expect(TicketStatusSchema.options.map((s) => en.status[s])).toEqual([
      'received',
      'in progress',
      'waiting for your reply',
      'resolved',
      'closed',
    ]);
  });

  it('gives the four priorities the brochure’s names and definitions, as the acknowledgement does', () => {
    for (const level of PRIORITY_LEVELS) {
      expect(fr.definition[level]).toBe(LEVEL_DEFINITION.fr[level]);
      expect(en.definition[level]).toBe(LEVEL_DEFINITION.en[level]);
      expect(fr.priority[level]).toBe(LEVEL_NAME.fr[level]);
      expect(en.priority[level]).toBe(LEVEL_NAME.en[level]);
    }
  });

  it('names each « Oui » / « Non » by its visible word first, then the question it answers (WCAG 2.5.3)', () => {
    for (const [labels, language] of [
      [fr, 'fr'],
      [en, 'en'],
    ] as const) {
      const question = PRIORITY_QUESTIONS[language].severalUsers;
      for (const word of [labels.text.yes, labels.text.no]) {
        const name = labels.text.answerName(word, question);
        expect(name.startsWith(word)).toBe(true);
        expect(name).toContain(question);
      }
    }
    expect([fr.text.yes, fr.text.no, en.text.yes, en.text.no]).toEqual(['Oui', 'Non', 'Yes', 'No']);
  });
});

describe('Client portal: dates, deadlines and sizes', () => {
  const gti = (met: boolean | null, metAt?: string): ClientTicketView['gti'] => ({
    deadline: '2026-11-30T05:25:00.000Z',
    met,
    ...(metAt ? { metAt } : {}),
  });

  it('shows a time at the desk’s zone with its offset, whatever the browser’s zone', () => {
    expect(formatAt('2026-11-30T05:25:00.000Z', 'Indian/Reunion', fr)).toBe('lun. 30 nov., 09:25 UTC+4');
    expect(formatAt('2026-11-30T05:25:00.000Z', 'America/Martinique', fr)).toBe('lun. 30 nov., 01:25 UTC−4');
    expect(formatAt('2026-11-30T05:25:00.000Z', 'Pacific/Noumea', en)).toBe('Mon 30 Nov, 16:25 GMT+11');
  });

  it('says whether a commitment was met, and only the due time while it runs', () => {
    expect(deadlineState(null)).toBe('pending');
    expect(deadlineText(gti(null), 'Indian/Reunion', fr)).toBe('au plus tard lun. 30 nov., 09:25 UTC+4');
    expect(deadlineText(gti(true, '2026-11-30T05:12:00.000Z'), 'Indian/Reunion', fr)).toBe(
      'au plus tard lun. 30 nov., 09:25 UTC+4 — respectée (lun. 30 nov., 09:12 UTC+4)',
    );
    expect(deadlineText(gti(false), 'Indian/Reunion', fr)).toBe(
      'au plus tard lun. 30 nov., 09:25 UTC+4 — dépassée',
    );
    expect(deadlineText(gti(true), 'Indian/Reunion', en)).toBe('by Mon 30 Nov, 09:25 GMT+4 — met');
  });

  it('writes sizes in the ticket’s language', () => {
    expect(formatSize(512, fr)).toBe('512 o');
    expect(formatSize(34_000, fr)).toBe('33 Ko');
    expect(formatSize(1_363_149, fr)).toBe('1,3 Mo');
    expect(formatSize(1_363_149, en)).toBe('1.3 MB');
  });

  it('refuses at once a file too big, an empty one and an eleventh', () => {
    expect(refusalBeforeUpload({ size: 1000 }, 0, fr)).toBeNull();
    expect(refusalBeforeUpload({ size: MAX_FILE_BYTES + 1 }, 0, fr)).toBe(
      'Fichier trop volumineux : 25 Mo au plus par fichier.',
    );
    expect(refusalBeforeUpload({ size: 0 }, 0, fr)).toBe('Ce fichier est vide.');
    expect(refusalBeforeUpload({ size: 1000 }, 10, en)).toBe('No more than 10 files per message.');
  });
});

describe('Client portal: routes', () => {
  it('opens a ticket from its link, with or without the secret', () => {
    expect(routeOf('/t/EXO-2026-000042', `#k=${SECRET}`)).toEqual({
      kind: 'ticket',
      reference: 'EXO-2026-000042',
      secret: SECRET,
    });
    expect(routeOf('/t/EXO-2026-000042', '')).toEqual({
      kind: 'ticket',
      reference: 'EXO-2026-000042',
      secret: null,
    });
  });

  it('opens "Mes demandes" at / and /mes-demandes, with a sign-in token or without', () => {
    expect(routeOf('/', '')).toEqual({ kind: 'requests', token: null });
    expect(routeOf('/mes-demandes', `#jeton=${SECRET}`)).toEqual({ kind: 'requests', token: SECRET });
  });

  it('sends anything malformed to the invalid-link page without asking the server', () => {
    for (const [path, hash] of [
      ['/t/EXO-2026-42', `#k=${SECRET}`],
      ['/t/../api/client/session', ''],
      ['/t/EXO-2026-000042', '#k=short'],
      ['/t/EXO-2026-000042', '#k=<img src=x onerror=alert(1)>'],
      ['/t/EXO-2026-000042', `#jeton=${SECRET}`],
      ['/mes-demandes', '#jeton='],
      ['/tickets/EXO-2026-000042', ''],
      ['/admin', ''],
    ] as const)
      expect(routeOf(path, hash), `${path}${hash}`).toEqual({ kind: 'invalid' });
  });
});
