import { describe, expect, it } from 'vitest';
import {
  type AckRateEntry,
  ackSubjectKey,
  decideAckRate,
} from '../../../shared/domain/acknowledgement/acknowledgement-rate';

const now = new Date('2026-11-30T12:00:00.000Z');
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000).toISOString();
const entry = (m: number, i: number, subjectKey = `sujet ${i}`): AckRateEntry => ({
  at: minutesAgo(m),
  reference: `EXO-2026-${String(i).padStart(6, '0')}`,
  subjectKey,
});

describe('Function: ackSubjectKey', () => {
  it('counts "RE: TR: [EXO-…] Imprimante  HS" and "imprimante hs" as the same subject', () => {
    expect(ackSubjectKey('RE: TR: [EXO-2026-000001] Imprimante  HS')).toBe(ackSubjectKey('imprimante hs'));
    expect(ackSubjectKey('Écran noir')).toBe('ecran noir');
  });
});

describe('Function: decideAckRate', () => {
  it('allows the 10th acknowledgement in 3 hours and refuses the 11th', () => {
    const nine = Array.from({ length: 9 }, (_, i) => entry(10 + i, i + 1));
    const tenth = decideAckRate(nine, { at: now, reference: 'EXO-2026-000010', subjectKey: 'x' });
    expect(tenth.allowed).toBe(true);
    const eleventh = decideAckRate(tenth.history, { at: now, reference: 'EXO-2026-000011', subjectKey: 'y' });
    expect(eleventh).toMatchObject({ allowed: false, reason: expect.stringMatching(/10 acknowledgements/) });
  });

  it('refuses a third acknowledgement for the same subject', () => {
    const two = [entry(5, 1, 'imprimante'), entry(50, 2, 'imprimante')];
    expect(
      decideAckRate(two, { at: now, reference: 'EXO-2026-000003', subjectKey: 'imprimante' }),
    ).toMatchObject({
      allowed: false,
      reason: expect.stringMatching(/same subject/),
    });
    expect(decideAckRate(two, { at: now, reference: 'EXO-2026-000003', subjectKey: 'autre' }).allowed).toBe(
      true,
    );
  });

  it('forgets what is older than 3 hours, and keeps the history bounded to the window', () => {
    const old = Array.from({ length: 10 }, (_, i) => entry(180 + i, i + 1));
    const decision = decideAckRate(old, { at: now, reference: 'EXO-2026-000011', subjectKey: 'x' });
    expect(decision.allowed).toBe(true);
    expect(decision.history).toHaveLength(1);
  });

  it('counts a retried claim of the same ticket once', () => {
    const ten = Array.from({ length: 10 }, (_, i) => entry(1 + i, i + 1));
    const again = decideAckRate(ten, { at: now, reference: 'EXO-2026-000010', subjectKey: 'sujet 10' });
    expect(again.allowed).toBe(true);
    expect(again.history).toHaveLength(10);
  });
});
