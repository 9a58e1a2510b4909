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
});

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
});
