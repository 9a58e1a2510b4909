import { describe, expect, it } from 'vitest';
import type { ClientEntry } from '../../../shared/domain/desk/client-directory';
import { triageEmail } from '../../../shared/use-cases/triage-email';
import { config } from '../ticket/fixtures';
import { email, receipt } from '../triage/fixtures';

/**
 * The triage of one message as the intake uses it (docs/triage.md): who the requester is, which
 * client and contract, which desk answers, and the deadlines from the receipt, put together.
 * 2026-11-30 13:00 UTC is a Monday: 17:00 at Réunion, 09:00 in Martinique, both staffed.
 */
const monday = '2026-11-30T13:00:00.000Z';
const lagon: ClientEntry = {
  clientId: 'CLI-RE-0001',
  name: 'Hôtel Lagon Bleu',
  contract: 'premium',
  homeDesk: 'martinique',
  addresses: ['direction@partenaire.example'],
  domains: ['client.example'],
};
const ctx = { config, clients: [lagon] };

describe('triageEmail: requester and client', () => {
  it('answers a Reply-To of the same registrable domain as From', () => {
    const result = triageEmail(
      email({ replyTo: [{ address: 'support@mail.client.example', name: 'Support' }] }),
      receipt({ receivedAt: monday }),
      ctx,
    );
    expect(result.requester).toEqual({ address: 'support@mail.client.example', name: 'Support' });
  });

  it("answers From when the Reply-To is another domain's (no third party gets our mail)", () => {
    const result = triageEmail(
      email({ replyTo: [{ address: 'someone@elsewhere.example', name: '' }] }),
      receipt({ receivedAt: monday }),
      ctx,
    );
    expect(result.requester).toEqual({ address: 'marie@client.example', name: 'Marie Client' });
  });

  it('has no requester for a message with neither From nor a usable Reply-To', () => {
    const result = triageEmail(
      email({ from: null, replyTo: [{ address: 'x@client.example', name: '' }] }),
      receipt({ receivedAt: monday }),
      ctx,
    );
    expect(result.requester).toBeNull();
    expect(result.client).toMatchObject({ clientId: null, unknownClient: true, contract: 'standard' });
  });

  it('takes the client and contract from the directory by From, and the contract override over it', () => {
    const byDomain = triageEmail(email(), receipt({ receivedAt: monday }), ctx);
    expect(byDomain.client).toMatchObject({ clientId: 'CLI-RE-0001', matchedBy: 'domain' });
    expect(byDomain.contract).toBe('premium');
    const overridden = triageEmail(email(), receipt({ receivedAt: monday }), {
      ...ctx,
      contractOverride: 'standard',
    });
    expect(overridden.contract).toBe('standard');
    expect(overridden.client.contract).toBe('premium');
  });

  it('judges the sender from the receipt (an unverified From is said so)', () => {
    const failed = triageEmail(
      email(),
      receipt({
        receivedAt: monday,
        verdicts: { spam: 'PASS', virus: 'PASS', spf: 'FAIL', dkim: 'FAIL', dmarc: 'FAIL' },
      }),
      ctx,
    );
    const passed = triageEmail(
      email(),
      receipt({
        receivedAt: monday,
        verdicts: { spam: 'PASS', virus: 'PASS', spf: 'PASS', dkim: 'PASS', dmarc: 'PASS' },
      }),
      ctx,
    );
    expect(failed.sender).not.toEqual(passed.sender);
  });
});

describe('triageEmail: desk, priority and deadlines', () => {
  it('routes by the envelope first and computes the deadlines of the declared level from the receipt', () => {
    const result = triageEmail(
      email({ subject: '[Critique] Serveur arrêté', newText: 'Le serveur est arrêté.' }),
      receipt({ receivedAt: '2026-11-30T06:00:00.000Z', recipients: ['martinique@exodata.fr'] }),
      { ...ctx, clients: [] },
    );
    expect(result.desk).toEqual({ deskId: 'martinique', matchedBy: 'envelope' });
    expect(result.priority).toMatchObject({ level: 'critique', source: 'declared' });
    // Standard contract in Martinique: 06:00 UTC is 02:00 there, closed; it opens at 08:00 (12:00 UTC).
    expect(result.deadlines).toEqual({
      gtiDueAt: new Date('2026-11-30T12:15:00.000Z'),
      gtrDueAt: new Date('2026-11-30T16:00:00.000Z'),
    });
  });

  it('reads the priority from the new text, not from the quoted history', () => {
    const result = triageEmail(
      email({
        subject: 'Question',
        newText: 'Merci, tout fonctionne.',
        quotedText: '> Priorité : critique\n> Nous sommes tous bloqués.',
      }),
      receipt({ receivedAt: monday }),
      ctx,
    );
    expect(result.priority.level).toBe('normale');
  });

  it("puts the client's home desk on duty when it is staffed, else the routed desk's", () => {
    expect(triageEmail(email(), receipt({ receivedAt: monday }), ctx).duty).toEqual({
      deskId: 'martinique',
      onCall: false,
    });
    const homeNotConfigured = { ...ctx, clients: [{ ...lagon, homeDesk: 'paris' }] };
    expect(triageEmail(email(), receipt({ receivedAt: monday }), homeNotConfigured).duty).toEqual({
      deskId: 'reunion',
      onCall: false,
    });
    const unknown = triageEmail(
      email({ from: { address: 'x@unknown.example', name: '' } }),
      receipt({ receivedAt: monday }),
      ctx,
    );
    expect(unknown.duty).toEqual({ deskId: 'reunion', onCall: false });
  });

  it('pages the on-call agent of a closed home desk on the standard contract', () => {
    const night = '2026-12-01T08:00:00.000Z'; // 04:00 in Martinique, noon at Réunion
    const result = triageEmail(email(), receipt({ receivedAt: night }), {
      ...ctx,
      contractOverride: 'standard',
    });
    expect(result.duty).toEqual({ deskId: 'martinique', onCall: true });
  });

  it('knows our own desks: a message from one of them is automated and not acknowledged', () => {
    const loop = triageEmail(
      email({ from: { address: 'guadeloupe@exodata.fr', name: 'Exodata' } }),
      receipt({ receivedAt: monday, envelopeFrom: 'guadeloupe@exodata.fr' }),
      ctx,
    );
    expect(loop.automated.class).toBe('loop');
    expect(loop.acknowledge.acknowledge).toBe(false);
    const client = triageEmail(email(), receipt({ receivedAt: monday }), ctx);
    expect(client.automated.class).toBeNull();
  });

  it('finds the follow-up candidate of a reply that names a ticket', () => {
    const result = triageEmail(
      email({ subject: 'Re: [EXO-2026-000042] Imprimante' }),
      receipt({ receivedAt: monday }),
      ctx,
    );
    expect(JSON.stringify(result.followUp)).toContain('EXO-2026-000042');
  });

  it('refuses a configuration whose default desk is not one of its desks, naming it', () => {
    expect(() =>
      triageEmail(
        email({ to: [{ address: 'someone@else.example', name: '' }] }),
        receipt({ receivedAt: monday, recipients: ['someone@else.example'] }),
        { ...ctx, config: { ...config, defaultDeskId: 'paris' } },
      ),
    ).toThrow('desk paris missing from configuration');
  });
});
