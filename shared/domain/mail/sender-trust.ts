import { getDomain } from 'tldts';
import { headersComplete, type InboundEmail } from './inbound-email';
import type { Receipt } from './receipt';

/**
 * conversation.md §1. `verified`: DMARC PASS, or no DMARC policy (GRAY) and an SPF or DKIM pass
 * aligned with the From domain. `not-checked`: no verdicts at all (local SMTP listener, CLI): treated
 * as verified and shown so. Anything else is `unverified`.
 */
export type SenderTrust = 'verified' | 'unverified' | 'not-checked';

export type SenderTrustDecision = {
  trust: SenderTrust;
  /** Why, in one line, for the ticket's history, the logs and the held message. */
  reason: string;
};

export type SenderTrustInput = {
  verdicts: Pick<Receipt['verdicts'], 'spf' | 'dkim' | 'dmarc'>;
  /** SES `mail.source` (the envelope sender, MAIL FROM); null or '' when unknown or the null sender. */
  envelopeFrom: string | null;
  /** The From address (header), as parsed. */
  from: string | null;
  /** Every DKIM-Signature header value of the message, in order. */
  dkimSignatures: readonly string[];
  /**
   * False when the parser dropped header fields (over its header budget): a signature we cannot see
   * may be the one that passed, so DKIM alignment cannot be shown.
   */
  headersComplete: boolean;
};

/** Whether a sender may be trusted as who the From header says. Pure: the verdicts are SES's. */
export function senderTrust(input: SenderTrustInput): SenderTrustDecision {
  const { verdicts } = input;
  if (verdicts.dmarc === 'NOT_CHECKED')
    return { trust: 'not-checked', reason: 'no verdicts (local delivery)' };
  if (verdicts.dmarc === 'PASS') return { trust: 'verified', reason: 'DMARC PASS' };
  if (verdicts.dmarc !== 'GRAY') return { trust: 'unverified', reason: `DMARC ${verdicts.dmarc}` };
  const fromDomain = registrableDomainOf(input.from);
  if (!fromDomain) return { trust: 'unverified', reason: 'DMARC GRAY and no usable From domain' };
  if (verdicts.spf === 'PASS' && registrableDomainOf(input.envelopeFrom) === fromDomain) {
    return { trust: 'verified', reason: `DMARC GRAY, SPF PASS aligned with ${fromDomain}` };
  }
  if (verdicts.dkim === 'PASS' && input.headersComplete) {
    const signers = input.dkimSignatures.map(dkimSigningDomain);
    // A signature without d= (null) has no registrable domain, so it is never aligned: it counts as foreign.
    if (signers.length > 0 && signers.every((d) => registrableDomainOf(d) === fromDomain)) {
      return { trust: 'verified', reason: `DMARC GRAY, DKIM PASS signed by ${fromDomain}` };
    }
  }
  return {
    trust: 'unverified',
    reason: `DMARC GRAY, SPF ${verdicts.spf} and DKIM ${verdicts.dkim} not aligned with ${fromDomain}`,
  };
}

/**
 * The registrable domain ("organizational domain" in DMARC's words) of an address or a host name:
 * `support.hotel.co.uk` and `a@mail.hotel.co.uk` → `hotel.co.uk`, by the Public Suffix List bundled
 * in `tldts` (private suffixes included: two `github.io` sites are two owners). Null for an IP
 * literal, a bare suffix or anything that is not a domain.
 */
export function registrableDomainOf(addressOrDomain: string | null | undefined): string | null {
  if (!addressOrDomain) return null;
  // What follows the last @, or the whole value when it has none (lastIndexOf gives -1). tldts trims
  // it, lower-cases it, drops a final dot and gives null for an empty host, an IP literal or anything
  // that is not a host name (test/unit/mail/sender-trust.test.ts pins each).
  const host = addressOrDomain.slice(addressOrDomain.lastIndexOf('@') + 1);
  return getDomain(host, { allowPrivateDomains: true, validateHostname: true }) ?? null;
}

export function sameRegistrableDomain(a: string | null | undefined, b: string | null | undefined): boolean {
  const first = registrableDomainOf(a);
  return first !== null && first === registrableDomainOf(b);
}

/** The `d=` tag of one DKIM-Signature value (RFC 6376 tag list; folding whitespace removed), lower case. */
export function dkimSigningDomain(signature: string): string | null {
  for (const tag of signature.split(';')) {
    const eq = tag.indexOf('=');
    if (eq === -1) continue;
    if (tag.slice(0, eq).trim().toLowerCase() !== 'd') continue;
    const value = tag
      .slice(eq + 1)
      .replace(/\s/g, '')
      .toLowerCase();
    return value === '' ? null : value;
  }
  return null;
}

/**
 * The address as rate limits count it (conversation.md §2): lower case, `+tag` removed from the local
 * part, so that `Jean+1@Hotel.re` and `jean@hotel.re` share one limit.
 */
export function normalisedAddress(address: string): string {
  const lower = address.trim().toLowerCase();
  const at = lower.lastIndexOf('@');
  // With "@" first the local part is empty: nothing to cut, the value comes back as it is.
  if (at === -1) return lower;
  const local = lower.slice(0, at);
  const plus = local.indexOf('+');
  return `${plus > 0 ? local.slice(0, plus) : local}${lower.slice(at)}`;
}

/** senderTrust for a parsed message and its receipt. */
export function senderTrustOf(
  email: Pick<InboundEmail, 'from' | 'headers' | 'warnings'>,
  receipt: Pick<SenderTrustInput, 'verdicts' | 'envelopeFrom'>,
): SenderTrustDecision {
  return senderTrust({
    verdicts: receipt.verdicts,
    envelopeFrom: receipt.envelopeFrom,
    from: email.from?.address ?? null,
    // Stryker disable next-line ArrayDeclaration: no signature and a signature without d= both leave DKIM unaligned
    dkimSignatures: email.headers['dkim-signature'] ?? [],
    headersComplete: headersComplete(email),
  });
}
