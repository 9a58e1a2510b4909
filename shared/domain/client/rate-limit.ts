import { createHash } from 'node:crypto';

/**
 * The portal's rate limits (docs/client-portal.md): a fixed-window counter per scope and key, shared
 * by every instance through the table. Keys (a source address, an e-mail address) are hashed: the
 * table never holds them in clear for this.
 */
export type RateRule = { limit: number; windowSeconds: number };

export type ClientRateLimits = {
  /** Opening a ticket link, per source address. */
  linkPerSource: RateRule;
  /** Asking a "Mes demandes" sign-in link, per e-mail address and per source address. */
  signInPerAddress: RateRule;
  signInPerSource: RateRule;
  /** Redeeming a sign-in token, per source address. */
  redeemPerSource: RateRule;
  /** A client administrator's monthly reports (each reads a month of the index), per address. */
  reportPerAddress: RateRule;
};

export const DEFAULT_CLIENT_RATE_LIMITS: ClientRateLimits = {
  linkPerSource: { limit: 30, windowSeconds: 15 * 60 },
  signInPerAddress: { limit: 5, windowSeconds: 60 * 60 },
  signInPerSource: { limit: 20, windowSeconds: 60 * 60 },
  redeemPerSource: { limit: 30, windowSeconds: 15 * 60 },
  reportPerAddress: { limit: 30, windowSeconds: 15 * 60 },
};

/** The counter of `scope`/`key` for the window holding `now`, when it expires, and the wait until the next. */
export function rateWindow(
  scope: string,
  key: string,
  rule: RateRule,
  now: Date,
): { counter: string; expiresAt: Date; retryAfterSeconds: number } {
  const windowMs = rule.windowSeconds * 1000;
  const start = Math.floor(now.getTime() / windowMs) * windowMs;
  const digest = createHash('sha256').update(key.toLowerCase(), 'utf8').digest('hex').slice(0, 32);
  const end = start + windowMs;
  return {
    counter: `${scope}#${digest}#${start / 1000}`,
    expiresAt: new Date(end),
    retryAfterSeconds: Math.max(1, Math.ceil((end - now.getTime()) / 1000)),
  };
}
