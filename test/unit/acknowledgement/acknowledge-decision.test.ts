import { describe, expect, it } from 'vitest';
import {
  type AckRateEntry,
  acknowledgeDecision,
  ackSubjectKey,
  decideAckRate,
  intakeAcknowledgement,
  planAcknowledgement,
  type Recipient,
} from '../../../shared/domain/acknowledgement/acknowledge-decision';
import type { AutomatedVerdict } from '../../../shared/domain/triage/automated-mail';
import { config } from '../sla/fixtures';
import { email, OUR_ADDRESSES, receipt } from '../triage/fixtures';

const human: AutomatedVerdict = { class: null, reasons: [], machineAlert: false };
const verdicts = receipt().verdicts;

describe('Function: acknowledgeDecision', () => {
  it('acknowledges a message from a person', () => {
    expect(acknowledgeDecision(email(), receipt(), human, OUR_ADDRESSES)).toEqual({
      acknowledge: true,
      reason: null,
    });
  });

  it('acknowledges a reply from a person: follow-ups are decided with the store, not here', () => {
    const reply = email({ subject: 'Re: [EXO-2026-000412] Imprimante', inReplyTo: ['<a@desk.exodata.fr>'] });
    expect(acknowledgeDecision(reply, receipt(), human, OUR_ADDRESSES).acknowledge).toBe(true);
  });

  it.each(['auto-reply', 'bounce', 'bulk', 'loop'] as const)(
    'never acknowledges automated mail (%s)',
    (cls) => {
      const automated: AutomatedVerdict = { class: cls, reasons: ['x'], machineAlert: false };
      expect(acknowledgeDecision(email(), receipt(), automated, OUR_ADDRESSES)).toEqual({
        acknowledge: false,
        reason: `automated:${cls}`,
      });
    },
  );

  it('does not acknowledge a machine alert either (it becomes a ticket without acknowledgement)', () => {
    const alert: AutomatedVerdict = {
      class: 'bulk',
      reasons: ['Auto-Submitted: auto-generated'],
      machineAlert: true,
    };
    expect(acknowledgeDecision(email(), receipt(), alert, OUR_ADDRESSES).acknowledge).toBe(false);
  });

  it.each([
    ['virus', 'verdict:virus'],
    ['spam', 'verdict:spam'],
    ['dmarc', 'sender:unverified'],
  ] as const)('does not acknowledge when the %s verdict is FAIL', (verdict, reason) => {
    const failed = receipt({ verdicts: { ...verdicts, [verdict]: 'FAIL' } });
    expect(acknowledgeDecision(email(), failed, human, OUR_ADDRESSES)).toEqual({
      acknowledge: false,
      reason,
    });
  });

  it('still acknowledges a sender not checked (local), or verified by an aligned SPF pass without DMARC', () => {
    expect(acknowledgeDecision(email(), receipt(), human, OUR_ADDRESSES).acknowledge).toBe(true);
    const aligned = receipt({
      envelopeFrom: 'bounces@client.example',
      verdicts: { ...verdicts, spam: 'GRAY', dmarc: 'GRAY', spf: 'PASS', dkim: 'FAIL' },
    });
    expect(acknowledgeDecision(email(), aligned, human, OUR_ADDRESSES).acknowledge).toBe(true);
  });

  it('does not acknowledge an unverified sender: no DMARC policy and nothing aligned passing (backscatter)', () => {
    const gray = receipt({ verdicts: { ...verdicts, dmarc: 'GRAY', spf: 'FAIL', dkim: 'FAIL' } });
    expect(acknowledgeDecision(email(), gray, human, OUR_ADDRESSES).reason).toBe('sender:unverified');
    const foreign = receipt({
      envelopeFrom: 'x@attacker.example',
      verdicts: { ...verdicts, dmarc: 'GRAY', spf: 'PASS', dkim: 'FAIL' },
    });
    expect(acknowledgeDecision(email(), foreign, human, OUR_ADDRESSES).reason).toBe('sender:unverified');
  });

  it('does not acknowledge our own addresses, in From or in Reply-To', () => {
    const fromUs = email({ from: { address: 'reunion@exodata.fr', name: '' } });
    const replyToUs = email({ replyTo: [{ address: 'martinique@exodata.fr', name: '' }] });
    expect(acknowledgeDecision(fromUs, receipt(), human, OUR_ADDRESSES).reason).toBe('sender:ours');
    expect(acknowledgeDecision(replyToUs, receipt(), human, OUR_ADDRESSES).reason).toBe('sender:ours');
  });

  it.each([
    ['noreply@client.example', 'sender:noreply'],
    ['no-reply@client.example', 'sender:noreply'],
    ['no_reply@client.example', 'sender:noreply'],
    ['donotreply@client.example', 'sender:noreply'],
    ['do-not-reply@client.example', 'sender:noreply'],
    ['ne-pas-repondre@client.example', 'sender:noreply'],
    ['noreply+alerts@client.example', 'sender:noreply'],
    ['mailer-daemon@client.example', 'sender:mailer-daemon'],
    ['postmaster@client.example', 'sender:postmaster'],
  ])('does not acknowledge the sender %s', (address, reason) => {
    expect(
      acknowledgeDecision(email({ from: { address, name: '' } }), receipt(), human, OUR_ADDRESSES),
    ).toEqual({
      acknowledge: false,
      reason,
    });
  });

  it('does not acknowledge a Reply-To that nobody reads', () => {
    const message = email({ replyTo: [{ address: 'noreply@client.example', name: '' }] });
    expect(acknowledgeDecision(message, receipt(), human, OUR_ADDRESSES).reason).toBe('sender:noreply');
  });

  it('acknowledges names that only contain the words (e.g. "replyteam")', () => {
    const message = email({ from: { address: 'replyteam@client.example', name: '' } });
    expect(acknowledgeDecision(message, receipt(), human, OUR_ADDRESSES).acknowledge).toBe(true);
  });

  it('does not acknowledge a message without any sender address', () => {
    expect(acknowledgeDecision(email({ from: null }), receipt(), human, OUR_ADDRESSES)).toEqual({
      acknowledge: false,
      reason: 'sender:missing',
    });
  });

  it('does not take a From without "@" (undisclosed-recipients, a bare name) for a sender address', () => {
    const message = email({ from: { address: 'undisclosed-recipients', name: '' } });
    expect(
      acknowledgeDecision(
        message,
        receipt({ verdicts: { ...verdicts, dmarc: 'NOT_CHECKED' } }),
        human,
        OUR_ADDRESSES,
      ),
    ).toEqual({
      acknowledge: false,
      reason: 'sender:missing',
    });
  });

  it('gives the security verdict first when several rules apply', () => {
    const message = email({ from: { address: 'noreply@client.example', name: '' } });
    const failed = receipt({ verdicts: { ...verdicts, virus: 'FAIL' } });
    const automated: AutomatedVerdict = { class: 'bulk', reasons: ['List-Id'], machineAlert: false };
    expect(acknowledgeDecision(message, failed, automated, OUR_ADDRESSES).reason).toBe('verdict:virus');
  });
});

const now = new Date('2026-11-30T12:00:00.000Z');
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000).toISOString();
const entry = (m: number, i: number, subjectKey = `sujet ${i}`): AckRateEntry => ({
  at: minutesAgo(m),
  reference: `EXO-2026-${String(i).padStart(6, '0')}`,
  subjectKey,
});

describe('Function: ackSubjectKey', () => {
  it('counts "RE: TR: [EXO-…] Imprimante  HS" and "imprimante hs" as the same subject', () => {
    expect(ackSubjectKey('RE: TR: [EXO-2026-000001] Imprimante  HS')).toBe(ackSubjectKey('imprimante hs'));
    expect(ackSubjectKey('Écran noir')).toBe('ecran noir');
  });

  it('counts a subject with stray accent marks (no letter under them) as the same subject', () => {
    expect(ackSubjectKey('\u0301 Imprimante \u0301 HS \u0301')).toBe('imprimante hs');
  });
});

describe('Function: decideAckRate', () => {
  it('allows the 10th acknowledgement in 3 hours and refuses the 11th', () => {
    const nine = Array.from({ length: 9 }, (_, i) => entry(10 + i, i + 1));
    const tenth = decideAckRate(nine, { at: now, reference: 'EXO-2026-000010', subjectKey: 'x' });
    expect(tenth.allowed).toBe(true);
    const eleventh = decideAckRate(tenth.history, { at: now, reference: 'EXO-2026-000011', subjectKey: 'y' });
    expect(eleventh).toMatchObject({ allowed: false, reason: expect.stringMatching(/10 acknowledgements/) });
  });

  it('refuses a third acknowledgement for the same subject', () => {
    const two = [entry(5, 1, 'imprimante'), entry(50, 2, 'imprimante')];
    expect(
      decideAckRate(two, { at: now, reference: 'EXO-2026-000003', subjectKey: 'imprimante' }),
    ).toMatchObject({
      allowed: false,
      reason: expect.stringMatching(/same subject/),
    });
    expect(decideAckRate(two, { at: now, reference: 'EXO-2026-000003', subjectKey: 'autre' }).allowed).toBe(
      true,
    );
  });

  it('forgets what is older than 3 hours, and keeps the history bounded to the window', () => {
    const old = Array.from({ length: 10 }, (_, i) => entry(180 + i, i + 1));
    const decision = decideAckRate(old, { at: now, reference: 'EXO-2026-000011', subjectKey: 'x' });
    expect(decision.allowed).toBe(true);
    expect(decision.history).toHaveLength(1);
  });

  it('counts a retried claim of the same ticket once', () => {
    const ten = Array.from({ length: 10 }, (_, i) => entry(1 + i, i + 1));
    const again = decideAckRate(ten, { at: now, reference: 'EXO-2026-000010', subjectKey: 'sujet 10' });
    expect(again.allowed).toBe(true);
    expect(again.history).toHaveLength(10);
  });
});

describe('Function: intakeAcknowledgement', () => {
  const yes = { acknowledge: true, reason: null };
  const requester = { name: 'Marie', address: 'marie@hotel-lagon-bleu.re' };

  it("leaves the acknowledgement of a person's new ticket pending", () => {
    expect(intakeAcknowledgement({ acknowledge: yes, requester, machineAlert: false })).toEqual({
      state: 'pending',
      reason: null,
    });
  });

  it('suppresses a machine alert, a refused message and a message nobody can be answered at, saying why', () => {
    expect(intakeAcknowledgement({ acknowledge: yes, requester, machineAlert: true })).toEqual({
      state: 'suppressed',
      reason: 'machine alert (Auto-Submitted: auto-generated)',
    });
    const refused = { acknowledge: false, reason: 'sender:noreply' };
    expect(intakeAcknowledgement({ acknowledge: refused, requester, machineAlert: false })).toEqual({
      state: 'suppressed',
      reason: 'sender:noreply',
    });
    expect(intakeAcknowledgement({ acknowledge: yes, requester: null, machineAlert: false })).toEqual({
      state: 'suppressed',
      reason: 'no requester address to answer',
    });
  });

  it('still says why when a refusal came without a reason', () => {
    expect(
      intakeAcknowledgement({
        acknowledge: { acknowledge: false, reason: null },
        requester,
        machineAlert: false,
      }),
    ).toEqual({ state: 'suppressed', reason: 'not to be acknowledged' });
  });
});

describe('Function: planAcknowledgement', () => {
  const at = new Date('2026-11-30T12:00:00.000Z');
  const ticket = {
    reference: 'EXO-2026-000042',
    requester: { name: 'Marie', address: 'Marie@Hotel-Lagon-Bleu.re' },
    subject: 'Imprimante en panne',
    desk: 'reunion',
  };
  const fresh: Recipient = { suppressed: null, rate: { history: [], version: 0 } };

  it('sends to a fresh address with its new rate history, lower-cased, over the version read', () => {
    expect(planAcknowledgement(ticket, { ...fresh, rate: { history: [], version: 3 } }, at, config)).toEqual({
      send: true,
      rate: {
        address: 'marie@hotel-lagon-bleu.re',
        history: [{ at: at.toISOString(), reference: ticket.reference, subjectKey: 'imprimante en panne' }],
        expectedVersion: 3,
      },
    });
  });

  it('refuses an address on the suppression list, with the bounce or complaint that put it there', () => {
    const bounced: Recipient = { ...fresh, suppressed: { type: 'bounce', detail: 'mailbox unknown' } };
    expect(planAcknowledgement(ticket, bounced, at, config)).toEqual({
      send: false,
      reason: 'the address is on the suppression list (bounce: mailbox unknown)',
    });
  });

  it('refuses beyond the rate limit, without a requester, and for a desk no longer configured', () => {
    const history: AckRateEntry[] = [1, 2].map((i) => ({
      at: new Date(at.getTime() - i * 60_000).toISOString(),
      reference: `EXO-2026-00000${i}`,
      subjectKey: 'imprimante en panne',
    }));
    const limited = planAcknowledgement(ticket, { ...fresh, rate: { history, version: 2 } }, at, config);
    expect(limited).toMatchObject({ send: false, reason: expect.stringMatching(/^rate limit: 2 /) });
    expect(planAcknowledgement({ ...ticket, requester: null }, fresh, at, config)).toEqual({
      send: false,
      reason: 'no requester address to answer',
    });
    expect(planAcknowledgement({ ...ticket, desk: 'mayotte' }, fresh, at, config)).toEqual({
      send: false,
      reason: 'desk mayotte is no longer configured',
    });
  });
});
