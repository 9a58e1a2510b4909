import { describe, expect, it } from 'vitest';
import { findFollowUpCandidate, MAX_THREAD_IDS } from '../../../shared/domain/triage/follow-up';
import { email } from './fixtures';

describe('findFollowUpCandidate: hostile or sloppy threading headers', () => {
  it('reads bare Message-IDs (no angle brackets) and drops every word that is not one', () => {
    const ids = findFollowUpCandidate(
      email({ references: ['thread-12@mail.client.re, voir aussi x@y@z @nolocal nodomain@ ancien@srv'] }),
    ).messageIds;
    expect(ids).toEqual(['<thread-12@mail.client.re>', '<ancien@srv>']);
  });

  it('bounds the lookups even when In-Reply-To alone holds more than the limit', () => {
    const inReplyTo = Array.from({ length: MAX_THREAD_IDS + 8 }, (_, i) => `<i${i}@x>`);
    const ids = findFollowUpCandidate(email({ inReplyTo, references: ['<r1@x>'] })).messageIds;
    expect(ids).toHaveLength(MAX_THREAD_IDS);
    expect(ids).toEqual(inReplyTo.slice(0, MAX_THREAD_IDS));
  });
});
