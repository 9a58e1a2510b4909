import * as z from 'zod';

/**
 * Why a message waits in a desk's suspended list, as a closed set the agents filter on (issue 13 §5).
 * The intake stores a free-text `reason` and the automated-mail class; the class is derived from them
 * once, here, so that the store's per-class lists, the API's filter and the portal's French labels
 * (a `Record` over this type) cannot disagree.
 */
export const SuspendedClassSchema = z.enum([
  'spam',
  'auto-reply',
  'bounce',
  'bulk',
  'machine-alert',
  'unverified-sender',
  'other',
]);
export type SuspendedClass = z.infer<typeof SuspendedClassSchema>;

/** What the intake stores about a suspension (SuspendedMessage / HeldMessage). */
export type SuspensionFacts = { reason: string; automatedClass: string | null; heldFor?: string };

export function suspendedClassOf(facts: SuspensionFacts): SuspendedClass {
  // Order matters: a held follow-up may also look automated; a spam verdict wins over a class.
  if (facts.heldFor !== undefined) return 'unverified-sender';
  if (facts.reason.startsWith('spam')) return 'spam';
  if (facts.reason.startsWith('machine alert')) return 'machine-alert';
  const automated = facts.automatedClass;
  if (automated === 'auto-reply' || automated === 'bounce' || automated === 'bulk') return automated;
  return 'other';
}

/** Default of `suspendedExpiryDays` in the service-desk configuration. */
export const DEFAULT_SUSPENDED_EXPIRY_DAYS = 30;

const DAY_MS = 24 * 3600_000;

/**
 * When a suspended or held message leaves the list for good: `days` after it was received. Stored
 * on the item (the table's TTL deletes it, up to 48 h late) and compared by every read (so a late
 * delete never shows an expired message nor counts it).
 */
export function suspensionExpiry(receivedAt: string, days: number): string {
  return new Date(Date.parse(receivedAt) + days * DAY_MS).toISOString();
}

/** Items written before expiries existed (no `expiry`) never expire by this rule. */
export function isSuspensionExpired(item: { expiry?: string | undefined }, now: Date): boolean {
  return item.expiry !== undefined && Date.parse(item.expiry) <= now.getTime();
}
