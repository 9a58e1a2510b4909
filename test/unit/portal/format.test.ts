import { describe, expect, it } from 'vitest';
import type { ClockView } from '../../../shared/adapters/http/api-schemas';
import {
  countdownText,
  formatAt,
  formatDuration,
  formatOpenMinutes,
  formatSize,
} from '../../../shared/adapters/http/portal-src/common/format';
import {
  deskShortName,
  LABELS,
  priorityLabel,
  suspendedCount,
  suspendedReasonLabel,
} from '../../../shared/adapters/http/portal-src/common/labels';

const clock = (overrides: Partial<ClockView>): ClockView => ({
  dueAt: '2026-11-30T05:25:00.000Z',
  state: 'running',
  risk: 'ok',
  remainingMs: 0,
  remainingOpenMinutes: 0,
  targetOpenMinutes: 15,
  ...overrides,
});

describe('Portal formatting (French)', () => {
  it('writes durations as an agent reads them, and a passed deadline as "dépassé de"', () => {
    expect(formatDuration(12 * 60_000 + 59_000)).toBe('12 min 59 s');
    expect(formatDuration(3 * 3600_000 + 57 * 60_000)).toBe('3 h 57');
    expect(formatDuration(2 * 86_400_000 + 23 * 3600_000)).toBe('2 j 23 h');
    expect(formatDuration(-57 * 60_000)).toBe('dépassé de 57 min 00 s');
    expect(formatOpenMinutes(75)).toBe('1 h 15 ouvrées');
    expect(formatOpenMinutes(null)).toBe('');
    expect(formatSize(10)).toBe('1 Ko');
  });

  it('dates at the desk’s zone, whatever the browser’s', () => {
    expect(formatAt('2026-11-30T05:25:00.000Z', 'Indian/Reunion')).toBe('lun. 30 nov., 09:25');
    expect(formatAt('2026-11-30T05:25:00.000Z', 'America/Martinique')).toBe('lun. 30 nov., 01:25');
  });

  it('counts a running clock down from the time the API answered', () => {
    expect(countdownText(clock({ remainingMs: 60_000 }), 30_000)).toBe('0 min 30 s');
    expect(countdownText(clock({ state: 'met', remainingMs: null }), 0)).toBe('respectée');
    expect(countdownText(clock({ state: 'breached', remainingMs: null }), 0)).toBe('dépassée');
    expect(countdownText(clock({ state: 'paused', remainingMs: null, remainingOpenMinutes: 90 }), 0)).toBe(
      'en pause (1 h 30 ouvrées)',
    );
  });

  it('labels a priority with its source in French (never "critique (inferred)")', () => {
    expect(priorityLabel('critique', 'inferred')).toBe('Critique (déduite du message)');
    expect(priorityLabel('haute')).toBe('Haute');
    expect(LABELS.event['desk-on-duty-changed']).toBe('Confié au centre de garde');
  });

  it('says why a message was suspended from the class the API derived, and counts in French', () => {
    expect(suspendedReasonLabel({ suspendedClass: 'auto-reply' })).toBe('réponse automatique');
    expect(suspendedReasonLabel({ suspendedClass: 'spam' })).toBe('classé comme spam par la messagerie');
    expect(suspendedReasonLabel({ suspendedClass: 'other' })).toBe('mis de côté par la réception');
    expect(suspendedCount(1)).toBe('1 message suspendu');
    expect(suspendedCount(0)).toBe('0 message suspendu');
    expect(suspendedCount(370)).toBe('370 messages suspendus');
    expect(deskShortName('Service Desk Exodata – Nouvelle-Calédonie')).toBe('Nouvelle-Calédonie');
  });
});
