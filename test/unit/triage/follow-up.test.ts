import { describe, expect, it } from 'vitest';
import { findFollowUpCandidate, MAX_THREAD_IDS } from '../../../shared/domain/triage/follow-up';
import { email } from './fixtures';

describe('Function: findFollowUpCandidate', () => {
  it('finds nothing in a new message', () => {
    expect(findFollowUpCandidate(email())).toEqual({ reference: null, messageIds: [] });
  });

  it('finds a bracketed reference anywhere in the subject', () => {
    expect(
      findFollowUpCandidate(email({ subject: 'RE: RE: [EXO-2026-000468] ERP inaccessible' })).reference,
    ).toBe('EXO-2026-000468');
  });

  it('finds a bare reference and upper-cases it', () => {
    expect(findFollowUpCandidate(email({ subject: 'suite exo-2026-000123 svp' })).reference).toBe(
      'EXO-2026-000123',
    );
  });

  it('takes the first reference when there are two', () => {
    expect(
      findFollowUpCandidate(email({ subject: '[EXO-2026-000001] et [EXO-2025-000002]' })).reference,
    ).toBe('EXO-2026-000001');
  });

  it('does not take a longer number for a reference', () => {
    expect(findFollowUpCandidate(email({ subject: 'EXO-2026-0001234' })).reference).toBeNull();
    expect(findFollowUpCandidate(email({ subject: 'MEXO-2026-000123' })).reference).toBeNull();
  });

  it('lists In-Reply-To then References, deduplicated, with angle brackets', () => {
    const message = email({
      inReplyTo: ['<c@x>'],
      references: ['<a@x>', '<b@x>', '<c@x>', 'd@x'],
    });
    expect(findFollowUpCandidate(message).messageIds).toEqual(['<c@x>', '<a@x>', '<b@x>', '<d@x>']);
  });

  it('splits a header value that holds several ids', () => {
    expect(findFollowUpCandidate(email({ references: ['<a@x> <b@x>'] })).messageIds).toEqual([
      '<a@x>',
      '<b@x>',
    ]);
  });

  it('bounds a very long References header, keeping In-Reply-To and the newest references', () => {
    const references = Array.from({ length: 100 }, (_, i) => `<r${i}@x>`);
    const ids = findFollowUpCandidate(email({ inReplyTo: ['<last@x>'], references })).messageIds;
    expect(ids).toHaveLength(MAX_THREAD_IDS);
    expect(ids[0]).toBe('<last@x>');
    expect(ids.at(-1)).toBe('<r99@x>');
    expect(ids).not.toContain('<r0@x>');
  });
});
