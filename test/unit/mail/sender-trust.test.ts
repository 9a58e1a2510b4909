import { describe, expect, it } from 'vitest';
import type { Verdict } from '../../../shared/domain/mail/receipt';
import {
  dkimSigningDomain,
  normalisedAddress,
  registrableDomainOf,
  type SenderTrustInput,
  sameRegistrableDomain,
  senderTrust,
  senderTrustOf,
} from '../../../shared/domain/mail/sender-trust';
import { email } from '../triage/fixtures';

const sig = (d: string) =>
  `v=1; a=rsa-sha256; c=relaxed/relaxed; d=${d}; s=sel1;\r\n h=from:to:subject; bh=abc=; b=xyz=`;

function input(
  verdicts: { spf?: Verdict; dkim?: Verdict; dmarc?: Verdict },
  overrides: Partial<SenderTrustInput> = {},
): SenderTrustInput {
  return {
    verdicts: { spf: 'FAIL', dkim: 'FAIL', dmarc: 'GRAY', ...verdicts },
    envelopeFrom: 'bounces@hotel-lagon-bleu.re',
    from: 'marie@hotel-lagon-bleu.re',
    dkimSignatures: [],
    headersComplete: true,
    ...overrides,
  };
}

describe('senderTrust (conversation.md §1)', () => {
  it('DMARC PASS is verified', () => {
    expect(senderTrust(input({ dmarc: 'PASS' })).trust).toBe('verified');
  });

  it('no verdicts (local) is not checked, never unverified', () => {
    const local = senderTrust(input({ spf: 'NOT_CHECKED', dkim: 'NOT_CHECKED', dmarc: 'NOT_CHECKED' }));
    expect(local.trust).toBe('not-checked');
  });

  it.each(['FAIL', 'PROCESSING_FAILED', 'DISABLED'] as const)(
    'DMARC %s is unverified, even with SPF and DKIM PASS',
    (dmarc) => {
      const decision = senderTrust(
        input({ spf: 'PASS', dkim: 'PASS', dmarc }, { dkimSignatures: [sig('hotel-lagon-bleu.re')] }),
      );
      expect(decision.trust).toBe('unverified');
      expect(decision.reason).toContain(dmarc);
    },
  );

  it('GRAY with an SPF PASS for an envelope sender of the same registrable domain is verified', () => {
    const decision = senderTrust(input({ spf: 'PASS' }, { envelopeFrom: 'bounce@mail.hotel-lagon-bleu.re' }));
    expect(decision.trust).toBe('verified');
  });

  it('GRAY with a DKIM PASS signed by the From domain (or a subdomain of it) is verified', () => {
    expect(senderTrust(input({ dkim: 'PASS' }, { dkimSignatures: [sig('hotel-lagon-bleu.re')] })).trust).toBe(
      'verified',
    );
    expect(
      senderTrust(input({ dkim: 'PASS' }, { dkimSignatures: [sig('mail.hotel-lagon-bleu.re')] })).trust,
    ).toBe('verified');
  });

  it('GRAY with nothing passing is unverified (issue 13, item 1: the forged follow-up)', () => {
    const decision = senderTrust(input({}));
    expect(decision.trust).toBe('unverified');
    expect(decision.reason).toMatch(/GRAY/);
  });

  it('GRAY with a PROCESSING_FAILED SPF or DKIM is unverified', () => {
    expect(senderTrust(input({ spf: 'PROCESSING_FAILED', dkim: 'PROCESSING_FAILED' })).trust).toBe(
      'unverified',
    );
  });

  it('gives its reason in one line, naming the verdicts and the domain it checked', () => {
    const reasons = [
      senderTrust(input({ spf: 'NOT_CHECKED', dkim: 'NOT_CHECKED', dmarc: 'NOT_CHECKED' })),
      senderTrust(input({ dmarc: 'PASS' })),
      senderTrust(input({ dmarc: 'FAIL' })),
      senderTrust(input({ spf: 'PASS' }, { from: null })),
      senderTrust(input({ spf: 'PASS' })),
      senderTrust(input({ dkim: 'PASS' }, { dkimSignatures: [sig('mail.hotel-lagon-bleu.re')] })),
      senderTrust(input({ spf: 'PASS', dkim: 'PROCESSING_FAILED' }, { envelopeFrom: 'x@attacker.example' })),
    ].map((d) => `${d.trust}: ${d.reason}`);
    expect(reasons).toEqual([
      'not-checked: no verdicts (local delivery)',
      'verified: DMARC PASS',
      'unverified: DMARC FAIL',
      'unverified: DMARC GRAY and no usable From domain',
      'verified: DMARC GRAY, SPF PASS aligned with hotel-lagon-bleu.re',
      'verified: DMARC GRAY, DKIM PASS signed by hotel-lagon-bleu.re',
      'unverified: DMARC GRAY, SPF PASS and DKIM PROCESSING_FAILED not aligned with hotel-lagon-bleu.re',
    ]);
  });

  describe('the attacker', () => {
    it('an aligned signature does not count when DKIM did not pass', () => {
      for (const dkim of ['FAIL', 'GRAY', 'PROCESSING_FAILED'] as const) {
        const decision = senderTrust(input({ dkim }, { dkimSignatures: [sig('hotel-lagon-bleu.re')] }));
        expect(decision.trust).toBe('unverified');
      }
    });

    it('the domain of an address is what follows its last @, even when the local part looks like a host', () => {
      const decision = senderTrust(
        input(
          { spf: 'PASS' },
          { from: 'attacker.example?@hotel-lagon-bleu.re', envelopeFrom: 'x@attacker.example' },
        ),
      );
      expect(decision.trust).toBe('unverified');
    });

    it("SPF PASS for the attacker's own envelope domain with a victim's From is unverified", () => {
      const decision = senderTrust(input({ spf: 'PASS' }, { envelopeFrom: 'x@attacker.example' }));
      expect(decision.trust).toBe('unverified');
    });

    it("DKIM PASS signed by the attacker's own domain with a victim's From is unverified", () => {
      const decision = senderTrust(input({ dkim: 'PASS' }, { dkimSignatures: [sig('attacker.example')] }));
      expect(decision.trust).toBe('unverified');
    });

    it('one foreign signature among aligned ones is unverified (SES does not say which one passed)', () => {
      const decision = senderTrust(
        input({ dkim: 'PASS' }, { dkimSignatures: [sig('hotel-lagon-bleu.re'), sig('attacker.example')] }),
      );
      expect(decision.trust).toBe('unverified');
    });

    it('a signature without d= counts as foreign', () => {
      const decision = senderTrust(
        input({ dkim: 'PASS' }, { dkimSignatures: [sig('hotel-lagon-bleu.re'), 'v=1; s=sel; b=x'] }),
      );
      expect(decision.trust).toBe('unverified');
    });

    it('DKIM PASS with no signature visible, or header fields cut by the parser, is unverified', () => {
      expect(senderTrust(input({ dkim: 'PASS' }, { dkimSignatures: [] })).trust).toBe('unverified');
      const cut = input(
        { dkim: 'PASS' },
        { dkimSignatures: [sig('hotel-lagon-bleu.re')], headersComplete: false },
      );
      expect(senderTrust(cut).trust).toBe('unverified');
    });

    it('a sibling under a public suffix is another owner: d=evil.co.uk does not vouch for hotel.co.uk', () => {
      const decision = senderTrust(
        input(
          { dkim: 'PASS', spf: 'PASS' },
          {
            from: 'ceo@hotel.co.uk',
            envelopeFrom: 'x@evil.co.uk',
            dkimSignatures: [sig('evil.co.uk')],
          },
        ),
      );
      expect(decision.trust).toBe('unverified');
    });

    it('a bare public suffix in d= does not vouch for the domains under it', () => {
      const decision = senderTrust(
        input({ dkim: 'PASS' }, { from: 'ceo@hotel.co.uk', dkimSignatures: [sig('co.uk')] }),
      );
      expect(decision.trust).toBe('unverified');
    });

    it('two sites of a private suffix (github.io) are two owners', () => {
      const decision = senderTrust(
        input({ spf: 'PASS' }, { from: 'a@victim.github.io', envelopeFrom: 'b@attacker.github.io' }),
      );
      expect(decision.trust).toBe('unverified');
    });

    it('a missing or IP-literal From is unverified', () => {
      expect(senderTrust(input({ spf: 'PASS' }, { from: null })).trust).toBe('unverified');
      expect(
        senderTrust(input({ spf: 'PASS' }, { from: 'a@[10.0.0.1]', envelopeFrom: 'a@[10.0.0.1]' })).trust,
      ).toBe('unverified');
    });
  });

  it('senderTrustOf reads the From, every DKIM-Signature and whether the headers were cut', () => {
    const receipt = {
      verdicts: { spf: 'FAIL', dkim: 'PASS', dmarc: 'GRAY' } as const,
      envelopeFrom: 'x@attacker.example',
    };
    const aligned = email({ headers: { 'dkim-signature': [sig('client.example')] } });
    expect(senderTrustOf(aligned, receipt).trust).toBe('verified');
    const mixed = email({ headers: { 'dkim-signature': [sig('client.example'), sig('attacker.example')] } });
    expect(senderTrustOf(mixed, receipt).trust).toBe('unverified');
    const cut = email({
      headers: { 'dkim-signature': [sig('client.example')] },
      warnings: ['header data over 65536 bytes: "x-pad" and the fields after it were dropped'],
    });
    expect(senderTrustOf(cut, receipt).trust).toBe('unverified');
  });
});

describe('registrable domains (Public Suffix List, tldts)', () => {
  it.each([
    ['marie@Support.Hotel.co.uk', 'hotel.co.uk'],
    ['mail.hotel-lagon-bleu.re', 'hotel-lagon-bleu.re'],
    ['a@b.exodata.fr.', 'exodata.fr'],
    ['co.uk', null],
    ['a@[10.0.0.1]', null],
    ['', null],
    ['attacker.example?@hotel.re', 'hotel.re'],
    ['?@hotel.re', 'hotel.re'],
    [' Marie@Hotel-Lagon-Bleu.RE \t', 'hotel-lagon-bleu.re'],
    ['\tmail.hotel-lagon-bleu.re ', 'hotel-lagon-bleu.re'],
    ['a@[IPv6:::1]', null],
    ['a@', null],
    ['attacker.example/x@hotel.re', 'hotel.re'],
    ['a@exa mple.com', null],
    ['a@ex!ample.com', null],
  ])('%s → %s', (value, expected) => {
    expect(registrableDomainOf(value)).toBe(expected);
  });

  it('sameRegistrableDomain', () => {
    expect(sameRegistrableDomain('a@x.client.re', 'b@client.re')).toBe(true);
    expect(sameRegistrableDomain('a@client.re', 'b@client-re.example')).toBe(false);
    expect(sameRegistrableDomain(null, null)).toBe(false);
  });
});

describe('dkimSigningDomain', () => {
  it('reads d= with folding whitespace, in any position and case', () => {
    expect(dkimSigningDomain('v=1; a=rsa-sha256; D = Mail.Example.COM ; s=x')).toBe('mail.example.com');
    expect(dkimSigningDomain('d=ex\r\n ample.com')).toBe('example.com');
    expect(dkimSigningDomain('v=1; s=x')).toBeNull();
  });

  it('skips a tag without "=" and reads an empty d= as no signer', () => {
    expect(dkimSigningDomain('v=1; d ; d=example.com')).toBe('example.com');
    expect(dkimSigningDomain('v=1; d= ; s=x')).toBeNull();
  });
});

describe('normalisedAddress (conversation.md §2)', () => {
  it('lower case, +tag removed', () => {
    expect(normalisedAddress('Jean+Promo@Hotel.RE')).toBe('jean@hotel.re');
    expect(normalisedAddress('jean+a+b@hotel.re')).toBe('jean@hotel.re');
    expect(normalisedAddress('+tag@hotel.re')).toBe('+tag@hotel.re');
    expect(normalisedAddress('@Hotel.re')).toBe('@hotel.re');
    expect(normalisedAddress('  Jean+1@Hotel.re \r\n')).toBe('jean@hotel.re');
  });

  it('leaves a value that is not an address as it is, but in lower case', () => {
    expect(normalisedAddress('Jean+Promo')).toBe('jean+promo');
  });
});
