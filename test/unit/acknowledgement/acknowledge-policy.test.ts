import { describe, expect, it } from 'vitest';
import { acknowledgeDecision } from '../../../shared/domain/acknowledgement/acknowledge-policy';
import type { AutomatedVerdict } from '../../../shared/domain/triage/automated-mail';
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

  it('gives the security verdict first when several rules apply', () => {
    const message = email({ from: { address: 'noreply@client.example', name: '' } });
    const failed = receipt({ verdicts: { ...verdicts, virus: 'FAIL' } });
    const automated: AutomatedVerdict = { class: 'bulk', reasons: ['List-Id'], machineAlert: false };
    expect(acknowledgeDecision(message, failed, automated, OUR_ADDRESSES).reason).toBe('verdict:virus');
  });
});
