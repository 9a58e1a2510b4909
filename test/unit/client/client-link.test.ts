import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  closedTooLong,
  csrfTokenOf,
  expiryAfter,
  isSecret,
  LINK_DAYS_AFTER_CLOSE,
  linkGenerationOf,
  linkRefusal,
  SECRET_BYTES,
  type StoredLink,
  secretFrom,
  secretHash,
} from '../../../shared/domain/client/client-link';

const NOW = new Date('2026-12-03T12:00:00.000Z');
const DAY_MS = 24 * 60 * 60 * 1000;

const openTicket = {
  reference: 'EXO-2026-000042',
  status: 'en cours' as const,
  linkGeneration: 2,
  closedAt: undefined,
  updatedAt: '2026-12-01T08:00:00.000Z',
};
const link: StoredLink = {
  reference: 'EXO-2026-000042',
  generation: 2,
  createdAt: '2026-12-01T08:00:00.000Z',
};

function closedAgo(ms: number, withClosedAt = true) {
  const at = new Date(NOW.getTime() - ms).toISOString();
  return withClosedAt
    ? { ...openTicket, status: 'fermé' as const, closedAt: at, updatedAt: NOW.toISOString() }
    : { ...openTicket, status: 'fermé' as const, closedAt: undefined, updatedAt: at };
}

describe('portal secrets', () => {
  it('a secret is 24 random bytes in base64url: 32 characters, and only that shape is accepted', () => {
    const secret = secretFrom(new Uint8Array(SECRET_BYTES).fill(0xfb));
    expect(secret).toHaveLength(32);
    expect(secret).toBe('-_v7-_v7-_v7-_v7-_v7-_v7-_v7-_v7');
    expect(isSecret(secret)).toBe(true);
    expect(isSecret(`${secret}A`)).toBe(false);
    expect(isSecret(secret.slice(1))).toBe(false);
    expect(isSecret(`x${secret}`)).toBe(false);
    expect(isSecret(`${secret.slice(0, 31)}=`)).toBe(false);
    expect(isSecret(`${secret.slice(0, 31)}+`)).toBe(false);
  });

  it('refuses to make a secret from fewer or more random bytes than 24', () => {
    expect(() => secretFrom(new Uint8Array(SECRET_BYTES - 1))).toThrow(RangeError);
    expect(() => secretFrom(new Uint8Array(SECRET_BYTES + 1))).toThrow(/24 random bytes/);
  });

  it('stores only the SHA-256 of a secret, never the secret', () => {
    const secret = 'A'.repeat(32);
    expect(secretHash(secret)).toBe(createHash('sha256').update(secret).digest('hex'));
    expect(secretHash(secret)).not.toContain(secret);
  });

  it('derives a CSRF token per session that is neither the secret nor its stored hash', () => {
    const a = csrfTokenOf('A'.repeat(32));
    expect(a).toBe(
      createHash('sha256')
        .update(`csrf\0${'A'.repeat(32)}`)
        .digest('base64url'),
    );
    expect(a).not.toBe(csrfTokenOf('B'.repeat(32)));
    expect(a).not.toBe(createHash('sha256').update('A'.repeat(32)).digest('base64url'));
  });
});

describe('may a link open a ticket', () => {
  it('opens the ticket it was minted for, at its current generation', () => {
    expect(linkRefusal(link, openTicket, NOW)).toBeNull();
  });

  it('refuses an unknown link or a missing ticket', () => {
    expect(linkRefusal(null, openTicket, NOW)).toBe('unknown');
    expect(linkRefusal(link, null, NOW)).toBe('unknown');
  });

  it("refuses a link to another ticket, even of the ticket's generation", () => {
    expect(linkRefusal({ ...link, reference: 'EXO-2026-000043' }, openTicket, NOW)).toBe('other-ticket');
  });

  it('refuses a link of an earlier generation ("nouveau lien" revoked it)', () => {
    expect(linkRefusal({ ...link, generation: 1 }, openTicket, NOW)).toBe('revoked');
  });

  it('counts a ticket written before generations existed as generation 1', () => {
    const legacy = { ...openTicket, linkGeneration: undefined };
    expect(linkGenerationOf(legacy)).toBe(1);
    expect(linkRefusal({ ...link, generation: 1 }, legacy, NOW)).toBeNull();
    expect(linkRefusal(link, legacy, NOW)).toBe('revoked');
  });

  it('refuses a link to a ticket closed more than 30 days ago', () => {
    expect(linkRefusal(link, closedAgo(31 * DAY_MS), NOW)).toBe('expired');
    expect(linkRefusal(link, closedAgo(29 * DAY_MS), NOW)).toBeNull();
  });
});

describe('closed for too long', () => {
  it('is 30 days after closing, to the millisecond', () => {
    expect(LINK_DAYS_AFTER_CLOSE).toBe(30);
    expect(closedTooLong(closedAgo(30 * DAY_MS), NOW)).toBe(false);
    expect(closedTooLong(closedAgo(30 * DAY_MS + 1), NOW)).toBe(true);
  });

  it('counts from the last change of a closed ticket without a closing date', () => {
    expect(closedTooLong(closedAgo(30 * DAY_MS + 1, false), NOW)).toBe(true);
    expect(closedTooLong(closedAgo(30 * DAY_MS, false), NOW)).toBe(false);
  });

  it('never expires the link of a ticket that is not closed, however old', () => {
    expect(
      closedTooLong({ ...openTicket, status: 'résolu', updatedAt: '2020-01-01T00:00:00.000Z' }, NOW),
    ).toBe(false);
  });
});

describe('expiry of a minted secret', () => {
  it('adds minutes, hours, or both', () => {
    expect(expiryAfter(NOW, { minutes: 15 }).toISOString()).toBe('2026-12-03T12:15:00.000Z');
    expect(expiryAfter(NOW, { hours: 12 }).toISOString()).toBe('2026-12-04T00:00:00.000Z');
    expect(expiryAfter(NOW, { hours: 1, minutes: 30 }).toISOString()).toBe('2026-12-03T13:30:00.000Z');
    expect(expiryAfter(NOW, {}).toISOString()).toBe(NOW.toISOString());
  });
});
