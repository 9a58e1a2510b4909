import type { InboundEmail } from '../../../shared/domain/mail/inbound-email';
import { NOT_CHECKED_VERDICTS, type Receipt } from '../../../shared/domain/mail/receipt';

export const OUR_ADDRESSES = ['reunion@exodata.fr', 'martinique@exodata.fr'] as const;

/** A plain message from a client; override only what a test is about. */
export function email(overrides: Partial<InboundEmail> = {}): InboundEmail {
  return {
    messageId: '<m1@client.example>',
    messageIdDerived: false,
    from: { address: 'marie@client.example', name: 'Marie Client' },
    replyTo: [],
    to: [{ address: 'reunion@exodata.fr', name: '' }],
    cc: [],
    subject: 'Imprimante',
    date: '2026-11-30T06:00:00.000Z',
    inReplyTo: [],
    references: [],
    text: 'Bonjour',
    html: null,
    newText: 'Bonjour',
    quotedText: '',
    attachments: [],
    headers: {},
    language: 'fr',
    sizeBytes: 100,
    warnings: [],
    ...overrides,
  };
}

/** Headers as the parser gives them: names lower-cased, every value kept. */
export function withHeaders(
  headers: Record<string, string>,
  overrides: Partial<InboundEmail> = {},
): InboundEmail {
  return email({
    ...overrides,
    headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), [v]])),
  });
}

export function receipt(overrides: Partial<Receipt> = {}): Receipt {
  return {
    receivedAt: '2026-11-30T06:00:00.000Z',
    recipients: ['reunion@exodata.fr'],
    envelopeFrom: 'marie@client.example',
    verdicts: { ...NOT_CHECKED_VERDICTS },
    dmarcPolicy: null,
    channel: 'cli',
    deliveryId: 'test-delivery',
    ...overrides,
  };
}
