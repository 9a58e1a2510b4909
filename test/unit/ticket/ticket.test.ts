import { describe, expect, it } from 'vitest';
import {
  followUpDisposition,
  mayFollowUpByReference,
  mergeParticipants,
  storedFacts,
} from '../../../shared/domain/ticket/ticket';
import type { FactReadings } from '../../../shared/domain/triage/priority-facts';

const ticket = {
  requester: { address: 'marie.payet@hotel-lagon-bleu.re', name: 'Marie Payet' },
  participants: ['marie.payet@hotel-lagon-bleu.re', 'jean@hotel-lagon-bleu.re', 'ext@partner.example'],
  client: { clientId: 'CLI-RE-0012', name: 'Hôtel Lagon Bleu', matchedBy: 'domain' as const },
};

describe('Function: followUpDisposition', () => {
  const resolvedAt = '2026-11-30T08:00:00.000Z';

  it('appends to a ticket that is not resolved', () => {
    for (const status of ['nouveau', 'en cours', 'en attente client'] as const) {
      expect(followUpDisposition({ status, resolvedAt: null }, new Date('2027-06-01T00:00:00Z'))).toBe(
        'append',
      );
    }
  });

  it('reopens a resolved ticket up to exactly 7 days after its resolution', () => {
    expect(followUpDisposition({ status: 'résolu', resolvedAt }, new Date('2026-12-07T08:00:00.000Z'))).toBe(
      'reopen',
    );
  });

  it('opens a new linked ticket one millisecond after the 7 days', () => {
    expect(followUpDisposition({ status: 'résolu', resolvedAt }, new Date('2026-12-07T08:00:00.001Z'))).toBe(
      'new-linked',
    );
  });

  it('never reopens a closed ticket', () => {
    expect(followUpDisposition({ status: 'fermé', resolvedAt }, new Date('2026-11-30T09:00:00Z'))).toBe(
      'new-linked',
    );
  });

  it('reopens a resolved ticket whose resolution instant is missing', () => {
    expect(followUpDisposition({ status: 'résolu', resolvedAt: null }, new Date())).toBe('reopen');
  });
});

describe('Function: mayFollowUpByReference', () => {
  it('lets the requester, a participant or an address of the same directory client write into the ticket', () => {
    expect(mayFollowUpByReference(ticket, 'Marie.Payet@Hotel-Lagon-Bleu.re', null)).toBe(true);
    expect(mayFollowUpByReference(ticket, 'ext@partner.example', null)).toBe(true);
    expect(mayFollowUpByReference(ticket, 'direction@lagon-bleu-group.example', 'CLI-RE-0012')).toBe(true);
  });

  it('lets an unknown colleague of the same (non-public) domain as the requester write into it', () => {
    expect(mayFollowUpByReference(ticket, 'compta@hotel-lagon-bleu.re', null)).toBe(true);
  });

  it('refuses an unrelated sender, another client, and a stranger on the same public mail domain', () => {
    expect(mayFollowUpByReference(ticket, 'someone@other-company.example', null)).toBe(false);
    expect(mayFollowUpByReference(ticket, 'it@other-client.example', 'CLI-RE-0027')).toBe(false);
    const onGmail = { ...ticket, requester: { address: 'marie@gmail.com', name: '' }, participants: [] };
    expect(mayFollowUpByReference(onGmail, 'stranger@gmail.com', null)).toBe(false);
  });

  it('refuses a message without a sender address', () => {
    expect(mayFollowUpByReference(ticket, null, null)).toBe(false);
    expect(mayFollowUpByReference(ticket, 'not-an-address', null)).toBe(false);
  });

  it('does not match two unknown senders on the ground that neither has a client', () => {
    const unknown = { ...ticket, client: { clientId: null, name: null, matchedBy: null } };
    expect(mayFollowUpByReference(unknown, 'x@elsewhere.example', null)).toBe(false);
  });

  it('recognises the requester by address alone, whatever the case or blanks, even on a public domain', () => {
    const onGmail = { ...ticket, requester: { address: 'marie@gmail.com', name: '' }, participants: [] };
    expect(mayFollowUpByReference(onGmail, ' Marie@Gmail.com ', null)).toBe(true);
  });

  it('attacker: a directory client id without a sender address does not open the ticket', () => {
    expect(mayFollowUpByReference(ticket, 'not-an-address', 'CLI-RE-0012')).toBe(false);
    expect(mayFollowUpByReference(ticket, null, 'CLI-RE-0012')).toBe(false);
  });

  it('attacker: a requester address without a domain lends no domain to strangers', () => {
    const noDomain = {
      requester: { address: 'gerant', name: '' },
      participants: [],
      client: { clientId: null, name: null, matchedBy: null },
    };
    expect(mayFollowUpByReference(noDomain, 'x@gerant', null)).toBe(false);
    expect(mayFollowUpByReference(noDomain, 'x@', null)).toBe(false);
    expect(mayFollowUpByReference({ ...noDomain, requester: null }, 'x@', null)).toBe(false);
  });

  it('attacker: an address with nothing before the "@" is no colleague of the requester', () => {
    expect(mayFollowUpByReference(ticket, '@hotel-lagon-bleu.re', null)).toBe(false);
    expect(mayFollowUpByReference(ticket, 'a@hotel-lagon-bleu.re', null)).toBe(true);
  });
});

describe('Function: mergeParticipants', () => {
  it('adds new addresses lower-cased, once, never our desk addresses, up to the bound', () => {
    const merged = mergeParticipants(
      ['a@x.example'],
      ['A@X.example', 'B@y.example', null, 'reunion@exodata.fr', 'c@z.example'],
      ['reunion@exodata.fr'],
      3,
    );
    expect(merged).toEqual(['a@x.example', 'b@y.example', 'c@z.example']);
    expect(mergeParticipants(merged, ['d@w.example'], [], 3)).toEqual(merged);
  });

  it('trims the blanks around an address before comparing and keeping it', () => {
    expect(mergeParticipants(['a@x.example'], [' a@x.example ', ' B@y.example\t'], [])).toEqual([
      'a@x.example',
      'b@y.example',
    ]);
  });
});

describe('Function: storedFacts', () => {
  it('keeps at most three phrases per fact, each cut at 200 characters', () => {
    const long = 'x'.repeat(250);
    const readings: FactReadings = {
      blocked: { state: 'yes', confidence: 'high', evidence: [long, 'b', 'c', 'd'] },
      workaround: { state: 'none', confidence: 'medium', evidence: ['pas de solution'] },
      severalUsers: { state: 'unknown', confidence: 'low', evidence: [] },
    };
    expect(storedFacts(readings)).toEqual({
      blocked: { state: 'yes', confidence: 'high', evidence: ['x'.repeat(200), 'b', 'c'] },
      workaround: { state: 'none', confidence: 'medium', evidence: ['pas de solution'] },
      severalUsers: { state: 'unknown', confidence: 'low', evidence: [] },
    });
  });
});
