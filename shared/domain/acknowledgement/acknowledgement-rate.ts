import * as z from 'zod';
import { cleanSubject } from './subject';

/** acknowledgement.md: at most 10 acknowledgements per sender in 3 hours, 2 for the same subject. */
export const ACK_RATE_LIMITS = { windowMs: 3 * 60 * 60 * 1000, perSender: 10, perSubject: 2 } as const;

/** How a suppression by the desk's hourly cap (conversation.md §2) starts: counted, and alarmed. */
export const DESK_CAP_REASON = 'desk hourly cap reached';

/** One acknowledgement sent (or being sent) to an address. */
export const AckRateEntrySchema = z.object({ at: z.string(), reference: z.string(), subjectKey: z.string() });
export type AckRateEntry = z.infer<typeof AckRateEntrySchema>;
export const AckRateHistorySchema = z.array(AckRateEntrySchema);

export type AckRateDecision =
  | { allowed: true; history: AckRateEntry[] }
  | { allowed: false; reason: string; history: AckRateEntry[] };

/**
 * The subject as a client's mail loop would repeat it: without Re:/TR:/Fwd: piles, our [EXO-…] tag,
 * case, accents and extra spaces, so that "RE: Imprimante" and "imprimante" count together.
 */
export function ackSubjectKey(subject: string): string {
  return cleanSubject(subject)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Whether one more acknowledgement may go to this sender at `now`. `history` is what was sent to the
 * sender before; entries older than the window are dropped, and an entry of the same ticket is
 * replaced (a retried claim of one ticket is one acknowledgement, not two).
 */
export function decideAckRate(
  history: readonly AckRateEntry[],
  next: { at: Date; reference: string; subjectKey: string },
  limits: { windowMs: number; perSender: number; perSubject: number } = ACK_RATE_LIMITS,
): AckRateDecision {
  const since = next.at.getTime() - limits.windowMs;
  const recent = history.filter((e) => Date.parse(e.at) > since && e.reference !== next.reference);
  const sameSubject = recent.filter((e) => e.subjectKey === next.subjectKey).length;
  if (recent.length >= limits.perSender) {
    return {
      allowed: false,
      reason: `rate limit: ${recent.length} acknowledgements to this sender in the last 3 hours`,
      history: recent,
    };
  }
  if (sameSubject >= limits.perSubject) {
    return {
      allowed: false,
      reason: `rate limit: ${sameSubject} acknowledgements to this sender for the same subject in the last 3 hours`,
      history: recent,
    };
  }
  const entry: AckRateEntry = {
    at: next.at.toISOString(),
    reference: next.reference,
    subjectKey: next.subjectKey,
  };
  return { allowed: true, history: [...recent, entry] };
}
