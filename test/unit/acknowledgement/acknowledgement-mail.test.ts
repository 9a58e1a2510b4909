import { describe, expect, it } from 'vitest';
import { acknowledgementMail } from '../../../shared/domain/acknowledgement/acknowledgement-mail';

function input() {
  return {
    reference: 'EXO-2026-000123',
    desk: { address: 'reunion@exodata.fr', displayName: 'Service Desk Exodata – La Réunion' },
    requester: { name: 'Marie Payet', address: 'marie@hotel-lagon-bleu.re' },
    inbound: { messageId: '<m2@hotel-lagon-bleu.re>', references: ['<m0@hotel-lagon-bleu.re>', '<m1@x.re>'] },
    content: { subject: '[EXO-2026-000123] Imprimante', text: 'Bonjour,\n', html: '<p>Bonjour,</p>\n' },
  };
}

describe('Function: acknowledgementMail (acknowledgement.md, "MIME and headers")', () => {
  it('goes from the desk to the requester, threaded on the client message, marked as an automatic reply', () => {
    expect(acknowledgementMail(input())).toEqual({
      from: { name: 'Service Desk Exodata – La Réunion', address: 'reunion@exodata.fr' },
      replyTo: 'reunion@exodata.fr',
      to: { name: 'Marie Payet', address: 'marie@hotel-lagon-bleu.re' },
      subject: '[EXO-2026-000123] Imprimante',
      text: 'Bonjour,\n',
      html: '<p>Bonjour,</p>\n',
      inReplyTo: '<m2@hotel-lagon-bleu.re>',
      references: ['<m0@hotel-lagon-bleu.re>', '<m1@x.re>'],
      headers: {
        'Auto-Submitted': 'auto-replied',
        'X-Auto-Response-Suppress': 'All',
        'X-Exodata-Loop': 'EXO-2026-000123',
      },
      idempotencyKey: 'EXO-2026-000123:acknowledgement',
    });
  });

  it('copies the references: the mail does not share the inbound list', () => {
    const given = input();
    const mail = acknowledgementMail(given);
    given.inbound.references.push('<late@x.re>');
    expect(mail.references).toEqual(['<m0@hotel-lagon-bleu.re>', '<m1@x.re>']);
  });
});
