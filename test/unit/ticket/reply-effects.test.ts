import { describe, expect, it } from 'vitest';
import { ConflictError } from '../../../shared/domain/errors';
import { ReplyRequestSchema, replyEffects } from '../../../shared/domain/ticket/reply-effects';
import { ForbiddenError } from '../../../shared/domain/ticket/ticket-actions';
import { alice, aTicket, config, mona, reunionAt } from './fixtures';

const ctx = (wallClock: string) => ({ now: reunionAt(wallClock), agent: alice, config });

describe('Function: replyEffects', () => {
  it('the first reply is the first contact, by email, met at its send time', () => {
    const ticket = aTicket();
    const change = replyEffects(ticket, null, null, ctx('2026-11-30T09:20'));
    expect(change?.ticket.work?.firstContact).toMatchObject({
      channel: 'email',
      at: reunionAt('2026-11-30T09:20').toISOString(),
      gtiMet: true,
      implicit: false,
      agentId: alice.id,
    });
    expect(change?.ticket.status).toBe('en cours');
    expect(change?.ticket.version).toBe(ticket.version + 1);
    expect(change?.events.map((e) => e.type)).toEqual(['first-contact']);
  });

  it('a first reply after the GTI deadline records the contact as missed', () => {
    const ticket = aTicket();
    const late = new Date(Date.parse(ticket.gtiDueAt) + 60_000);
    const change = replyEffects(ticket, null, null, { now: late, agent: alice, config });
    expect(change?.ticket.work?.firstContact?.gtiMet).toBe(false);
  });

  it('a later reply with nothing after it changes nothing on the ticket', () => {
    const first = replyEffects(aTicket(), null, null, ctx('2026-11-30T09:20'))!.ticket;
    expect(replyEffects(first, null, null, ctx('2026-11-30T10:00'))).toBeNull();
  });

  it('"wait" pauses the GTR as the en attente client action does, in the same write', () => {
    const ticket = aTicket();
    const change = replyEffects(ticket, 'wait', null, ctx('2026-11-30T09:20'))!;
    expect(change.ticket.status).toBe('en attente client');
    expect(change.ticket.work?.pause?.since).toBe(reunionAt('2026-11-30T09:20').toISOString());
    expect(change.ticket.version).toBe(ticket.version + 1);
    expect(change.events.map((e) => e.type)).toEqual(['first-contact', 'waiting-on-client']);
  });

  it('"resolve" resolves with the summary', () => {
    const change = replyEffects(aTicket(), 'resolve', 'caisse redémarrée', ctx('2026-11-30T09:20'))!;
    expect(change.ticket.status).toBe('résolu');
    expect(change.ticket.work?.resolution?.summary).toBe('caisse redémarrée');
  });

  it('refuses "resolve" on a closed ticket (409) and any reply from another desk (403)', () => {
    expect(() => replyEffects(aTicket({ status: 'fermé' }), 'resolve', 's', ctx('2026-11-30T09:20'))).toThrow(
      ConflictError,
    );
    expect(() =>
      replyEffects(aTicket(), null, null, { now: reunionAt('2026-11-30T09:20'), agent: mona, config }),
    ).toThrow(ForbiddenError);
  });

  it('refuses a later reply from another desk too, even one that changes nothing on the ticket', () => {
    const contacted = replyEffects(aTicket(), null, null, ctx('2026-11-30T09:20'))!.ticket;
    expect(() =>
      replyEffects(contacted, null, null, { now: reunionAt('2026-11-30T10:00'), agent: mona, config }),
    ).toThrow(ForbiddenError);
  });

  it('409 before anything is sent: says which "then" the state forbids and to send the reply alone', () => {
    const resolved = aTicket({ status: 'résolu', resolvedAt: reunionAt('2026-11-30T10:00').toISOString() });
    const onResolved = catching(() => replyEffects(resolved, 'wait', null, ctx('2026-11-30T11:00')));
    expect(onResolved).toBeInstanceOf(ConflictError);
    expect(onResolved.toUserMessage()).toBe(
      'cannot put on hold ticket EXO-2026-000042: it is résolu (send the reply alone, or reopen the ticket first)',
    );
    const closed = aTicket({ status: 'fermé' });
    const onClosed = catching(() => replyEffects(closed, 'resolve', 's', ctx('2026-11-30T11:00')));
    expect(onClosed).toBeInstanceOf(ConflictError);
    expect(onClosed.toUserMessage()).toBe(
      'cannot resolve ticket EXO-2026-000042: it is fermé (send the reply alone)',
    );
  });

  it('writes in the audit log that the contact was the mail and the wait began with the reply', () => {
    const change = replyEffects(aTicket(), 'wait', null, ctx('2026-11-30T09:20'))!;
    expect(change.events[0]?.detail).toMatchObject({ channel: 'email', note: 'réponse par e-mail' });
    expect(change.events[1]?.detail).toMatchObject({ reason: 'réponse envoyée au client' });
  });

  it('records an empty resolution summary rather than an invented one when none is given', () => {
    const change = replyEffects(aTicket(), 'resolve', null, ctx('2026-11-30T09:20'))!;
    expect(change.ticket.work?.resolution?.summary).toBe('');
  });
});

function catching(act: () => unknown): ConflictError {
  try {
    act();
  } catch (error) {
    return error as ConflictError;
  }
  throw new Error('expected a refusal');
}

describe('Schema: ReplyRequestSchema', () => {
  it('needs text and an idempotency key; resolve needs a summary; no unknown field', () => {
    expect(ReplyRequestSchema.safeParse({ text: 'x', idempotencyKey: 'abcdefgh' }).success).toBe(true);
    expect(ReplyRequestSchema.safeParse({ text: ' ', idempotencyKey: 'abcdefgh' }).success).toBe(false);
    expect(ReplyRequestSchema.safeParse({ text: 'x', idempotencyKey: 'a b' }).success).toBe(false);
    const resolveWithoutSummary = Object.fromEntries([
      ['text', 'x'],
      ['idempotencyKey', 'abcdefgh'],
      ['then', 'resolve'],
    ]);
    expect(ReplyRequestSchema.safeParse(resolveWithoutSummary).success).toBe(false);
    expect(
      ReplyRequestSchema.safeParse({ text: 'x', idempotencyKey: 'abcdefgh', bcc: ['a@b'] }).success,
    ).toBe(false);
  });

  const base = { text: 'x', idempotencyKey: 'abcdefgh' };
  /** A body with a `then` field (built from entries: Biome flags a literal `then` property as a thenable). */
  const thenBody = (then: string, rest: object = {}) => ({
    ...base,
    ...Object.fromEntries([['then', then]]),
    ...rest,
  });
  const issues = (body: object) =>
    ReplyRequestSchema.safeParse(body).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`);

  it('ties the summary to "resolve": required with it, refused without it, naming the field', () => {
    expect(issues(thenBody('resolve'))).toEqual(['summary: say how it was resolved ("summary")']);
    expect(issues({ ...base, summary: 'fait' })).toEqual([
      'summary: a summary goes with then: "resolve" only',
    ]);
    expect(issues(thenBody('wait', { summary: 'fait' }))).toEqual([
      'summary: a summary goes with then: "resolve" only',
    ]);
    expect(ReplyRequestSchema.safeParse(thenBody('resolve', { summary: 'fait' })).success).toBe(true);
    expect(ReplyRequestSchema.safeParse(thenBody('wait')).success).toBe(true);
  });

  it('refuses the same uploaded file attached twice, and takes distinct ones', () => {
    const a = { uploadId: '0b6f4d0e-1c2a-4d5e-8f90-a1b2c3d4e5f6' };
    const b = { uploadId: '7c9e6679-7425-40de-944b-e07fc1f90ae7' };
    const ok = ReplyRequestSchema.safeParse({ ...base, attachments: [a, b] });
    expect(ok.error?.issues).toBeUndefined();
    expect(ok.data?.attachments).toEqual([a, b]);
    expect(issues({ ...base, attachments: [a, b, a] })).toEqual([
      'attachments: the same file is attached twice',
    ]);
  });
});
