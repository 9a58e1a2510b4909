import { describe, expect, it } from 'vitest';
import { DEFAULT_CLIENT_RATE_LIMITS, rateWindow } from '../../../shared/domain/client/rate-limit';

const RULE = { limit: 5, windowSeconds: 60 * 60 };

describe('portal rate windows', () => {
  it('counts in fixed windows aligned on the epoch, and says how long until the next', () => {
    const w = rateWindow('sign-in', 'a@b.re', RULE, new Date('2026-12-03T10:15:30.000Z'));
    expect(w.counter).toMatch(/^sign-in#[0-9a-f]{32}#1796292000$/);
    expect(w.expiresAt.toISOString()).toBe('2026-12-03T11:00:00.000Z');
    expect(w.retryAfterSeconds).toBe(44 * 60 + 30);
  });

  it('keeps one counter through a window and starts a new one at its end', () => {
    const first = rateWindow('s', 'k', RULE, new Date('2026-12-03T10:00:00.000Z'));
    const last = rateWindow('s', 'k', RULE, new Date('2026-12-03T10:59:59.999Z'));
    const next = rateWindow('s', 'k', RULE, new Date('2026-12-03T11:00:00.000Z'));
    expect(last.counter).toBe(first.counter);
    expect(next.counter).not.toBe(first.counter);
    expect(first.retryAfterSeconds).toBe(3600);
  });

  it('never tells a client to retry in 0 seconds, even in the last millisecond of a window', () => {
    expect(rateWindow('s', 'k', RULE, new Date('2026-12-03T10:59:59.999Z')).retryAfterSeconds).toBe(1);
  });

  it('holds the key only hashed, the same whatever its case, and apart per scope and key', () => {
    const at = new Date('2026-12-03T10:00:00.000Z');
    const w = rateWindow('sign-in', 'Gerant@Quincaillerie.re', RULE, at);
    expect(w.counter.toLowerCase()).not.toContain('quincaillerie');
    expect(w.counter).toBe(rateWindow('sign-in', 'gerant@quincaillerie.re', RULE, at).counter);
    expect(w.counter).not.toBe(rateWindow('sign-in', 'autre@quincaillerie.re', RULE, at).counter);
    expect(w.counter).not.toBe(rateWindow('redeem', 'gerant@quincaillerie.re', RULE, at).counter);
  });

  it('never merges two addresses that differ by more than case (ß is not SS)', () => {
    const at = new Date('2026-12-03T10:00:00.000Z');
    expect(rateWindow('sign-in', 'straße@x.de', RULE, at).counter).not.toBe(
      rateWindow('sign-in', 'STRASSE@x.de', RULE, at).counter,
    );
  });

  it('has the limits of docs/client-portal.md', () => {
    expect(DEFAULT_CLIENT_RATE_LIMITS).toEqual({
      linkPerSource: { limit: 30, windowSeconds: 900 },
      signInPerAddress: { limit: 5, windowSeconds: 3600 },
      signInPerSource: { limit: 20, windowSeconds: 3600 },
      redeemPerSource: { limit: 30, windowSeconds: 900 },
      reportPerAddress: { limit: 30, windowSeconds: 900 },
    });
  });
});
