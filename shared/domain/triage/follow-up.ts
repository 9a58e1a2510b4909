import type { InboundEmail } from '../mail/inbound-email';
import { REFERENCE_PATTERN } from '../ticket/ticket-reference';

export type FollowUpCandidate = {
  /** First ticket reference in the subject (EXO-YYYY-NNNNNN, upper-case), or null. */
  reference: string | null;
  /** Message-IDs from In-Reply-To then References, deduplicated, with angle brackets. */
  messageIds: string[];
};

/**
 * Bound on the Message-IDs looked up: each is a store read, and a References header can be made
 * arbitrarily long. The newest References (at the end of the header) are kept.
 */
export const MAX_THREAD_IDS = 32;

/** triage.md, "Follow-ups": what the store needs to resolve the ticket later. */
export function findFollowUpCandidate(email: InboundEmail): FollowUpCandidate {
  // Stryker disable next-line OptionalChaining: a match always has its [0]
  const reference = REFERENCE_PATTERN.exec(email.subject)?.[0]?.toUpperCase() ?? null;
  const inReplyTo = email.inReplyTo.flatMap(messageIdsIn);
  const references = email.references.flatMap(messageIdsIn);
  const ids = [...new Set([...inReplyTo, ...references])];
  // Stryker disable next-line ConditionalExpression,EqualityOperator: keepNewest returns up to MAX_THREAD_IDS ids unchanged, in order (In-Reply-To's come first in `ids`)
  const messageIds = ids.length <= MAX_THREAD_IDS ? ids : keepNewest(ids, new Set(inReplyTo));
  return { reference, messageIds };
}

/** Message-IDs in one header value, each with its angle brackets (`<a@b>`, or a bare `a@b`). */
function messageIdsIn(value: string): string[] {
  const bracketed = value.match(/<[^<>\s]+>/gu);
  if (bracketed) return bracketed;
  // Stryker disable next-line Regex: a run of separators only adds empty strings, which the filter drops
  const words = value.split(/[\s,]+/u);
  return words.filter((v) => /^[^<>\s@]+@[^<>\s@]+$/u.test(v)).map((v) => `<${v}>`);
}

function keepNewest(ids: readonly string[], inReplyTo: ReadonlySet<string>): string[] {
  const first = ids.filter((id) => inReplyTo.has(id)).slice(0, MAX_THREAD_IDS);
  // Stryker disable next-line MethodExpression: In-Reply-To's ids come first in `ids`, so the tail kept is the same
  const rest = ids.filter((id) => !inReplyTo.has(id));
  return [...first, ...rest.slice(rest.length - (MAX_THREAD_IDS - first.length))];
}
