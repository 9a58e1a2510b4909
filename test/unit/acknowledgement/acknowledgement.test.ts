import { beforeEach, describe, expect, it } from 'vitest';
import {
  type AcknowledgementContent,
  buildAcknowledgement,
  ticketUrl,
} from '../../../shared/domain/acknowledgement/acknowledgement';
import { ConfigError, InputError } from '../../../shared/domain/errors';
import { ackInput, desk } from './support';

const BROCHURE_DEFINITIONS = [
  "Normale : l'utilisateur n'est pas bloqué dans son travail.",
  "Moyenne : l'utilisateur est bloqué dans son travail, mais il existe une solution de contournement pour lui permettre de continuer son travail.",
  "Haute : l'utilisateur est bloqué dans son travail et il n'y a pas de solution de contournement pour lui permettre de continuer son travail.",
  "Critique : plusieurs utilisateurs sont bloqués dans leur travail et il n'y a pas de solution de contournement pour leur permettre de continuer leur travail.",
];

/** What a thrown domain error tells a human: what was wrong, then what to do. */
function thrownBy(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof InputError || error instanceof ConfigError) return error.toUserMessage();
    throw error;
  }
  throw new Error('nothing was thrown');
}

/** The HTML as a reader sees it: tags dropped, entities decoded. */
function visibleText(html: string): string {
  return html
    .replace(/<br>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

describe('Function: buildAcknowledgement', () => {
  // Built in beforeEach, not in the describe body: a value computed when the file is collected is
  // computed with no mutant switched on (docs/mutation-testing.md, "Known trap").
  describe('in French', () => {
    let ack: AcknowledgementContent;
    beforeEach(() => {
      ack = buildAcknowledgement(ackInput());
    });

    it('tags the subject with the reference and keeps the cleaned client subject', () => {
      expect(ack.subject).toBe('[EXO-2026-000123] Serveur de fichiers inaccessible');
    });

    it('says the request is registered under its reference', () => {
      expect(ack.text).toContain(
        'Nous avons bien reçu votre demande. Elle est enregistrée sous la référence EXO-2026-000123.',
      );
    });

    it('gives the priority, the phrases it was inferred from and how to correct it', () => {
      expect(ack.text).toContain('Priorité retenue : Critique.');
      expect(ack.text).toContain(
        "nous l'avons déduite de votre description, d'après « personne ne peut », « aucune solution de contournement ».",
      );
      expect(ack.text).toContain('Priorité : <niveau> (Normale, Moyenne, Haute ou Critique)');
    });

    it('lists the four brochure definitions word for word', () => {
      for (const definition of BROCHURE_DEFINITIONS) expect(ack.text).toContain(`- ${definition}`);
    });

    it("shows GTI and GTR in the desk's local time with the zone named (worked example)", () => {
      expect(ack.text).toContain(
        'GTI (intervention) : un membre de notre équipe support vous contacte au plus tard le lundi 30 novembre 2026 à 08:05 (heure de La Réunion).',
      );
      expect(ack.text).toContain(
        'GTR (résolution) : votre demande est résolue ou traitée au plus tard le lundi 30 novembre 2026 à 11:50 (heure de La Réunion).',
      );
    });

    it('gives the standard service hours in the desk zone', () => {
      expect(ack.text).toContain(
        'Votre contrat Standard : le Service Desk vous répond du lundi au vendredi de 8h à minuit (heure de La Réunion), hors jours fériés.',
      );
      expect(ack.text).not.toContain('24h/24');
    });

    it('gives the portal link, says a reply adds to the same ticket, and the emergency phone', () => {
      expect(ack.text).toContain(
        'Suivez son avancement sur notre portail : https://support.exodata.fr/t/EXO-2026-000123#k=AbCdEfGhIjKlMnOpQrStUvWxYz012345',
      );
      expect(ack.text).toContain('votre réponse sera ajoutée à la même demande');
      expect(ack.text).toContain(
        "En cas d'urgence, ou si vous ne pouvez pas accéder au portail, appelez le Service Desk au 02 62 500 700.",
      );
    });

    it('signs with the desk name and says nothing about attachments when none were skipped', () => {
      expect(ack.text).toContain('Cordialement,\nService Desk Exodata – La Réunion');
      expect(ack.text).not.toMatch(/pièces jointes/i);
    });

    it('says the same things in the HTML as in the text', () => {
      const html = visibleText(ack.html);
      for (const line of ack.text.split('\n').filter((l) => l !== '' && !/^-+$/.test(l)))
        expect(html).toContain(line.replace(/^- /, ''));
      expect(ack.html).toContain('<html lang="fr">');
      expect(ack.html).toContain(
        '<a href="https://support.exodata.fr/t/EXO-2026-000123#k=AbCdEfGhIjKlMnOpQrStUvWxYz012345" style="color:#0b5cad;">',
      );
    });

    it('has no remote image, stylesheet or script in the HTML', () => {
      expect(ack.html).not.toMatch(/<img|<link|<script|src=|url\(|@import/i);
      const hrefs = [...ack.html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
      expect(hrefs).toEqual([
        'https://support.exodata.fr/t/EXO-2026-000123#k=AbCdEfGhIjKlMnOpQrStUvWxYz012345',
      ]);
    });
  });

  describe('in English', () => {
    let ack: AcknowledgementContent;
    beforeEach(() => {
      ack = buildAcknowledgement(
        ackInput({
          language: 'en',
          priority: { level: 'haute', source: 'declared', evidence: ['Priority: high'] },
          originalSubject: 'Fwd: VPN down',
        }),
      );
    });

    it('writes every section in English', () => {
      expect(ack.subject).toBe('[EXO-2026-000123] VPN down');
      expect(ack.text).toContain('It is registered under the reference EXO-2026-000123.');
      expect(ack.text).toContain('Priority set: High.');
      expect(ack.text).toContain('You stated it in your message (“Priority: high”).');
      expect(ack.text).toContain('Priority: <level> (Normal, Medium, High or Critical)');
      expect(ack.text).toContain('- High: the user is blocked in their work and there is no workaround');
      expect(ack.text).toContain('contacts you by Monday 30 November 2026 at 08:05 (Réunion time).');
      expect(ack.text).toContain('resolved or handled by Monday 30 November 2026 at 11:50 (Réunion time).');
      expect(ack.text).toContain(
        'Monday to Friday from 8 am to midnight (Réunion time), except public holidays',
      );
      expect(ack.text).toContain(
        'https://support.exodata.fr/t/EXO-2026-000123#k=AbCdEfGhIjKlMnOpQrStUvWxYz012345',
      );
      expect(ack.text).toContain('your reply will be added to the same request');
      expect(ack.text).toContain('call the Service Desk on 02 62 500 700.');
      expect(ack.html).toContain('<html lang="en">');
    });
  });

  describe('how the priority was determined', () => {
    it('quotes the client declaration when the priority was declared', () => {
      const ack = buildAcknowledgement(
        ackInput({ priority: { level: 'haute', source: 'declared', evidence: ['[Haute]'] } }),
      );
      expect(ack.text).toContain('Priorité retenue : Haute.');
      expect(ack.text).toContain("Vous l'avez indiquée dans votre message (« [Haute] »).");
    });

    it('says the default applies when nothing was found', () => {
      const ack = buildAcknowledgement(
        ackInput({ priority: { level: 'normale', source: 'default', evidence: [] } }),
      );
      expect(ack.text).toContain('Priorité retenue : Normale.');
      expect(ack.text).toContain(
        "Votre message n'indiquait pas de priorité et ne permettait pas de la déduire : la priorité par défaut, Normale, s'applique.",
      );
      const en = buildAcknowledgement(
        ackInput({ language: 'en', priority: { level: 'normale', source: 'default', evidence: [] } }),
      );
      expect(en.text).toContain('the default priority, Normal, applies.');
    });

    it('still explains an inference when no phrase was kept as evidence', () => {
      const ack = buildAcknowledgement(
        ackInput({ priority: { level: 'moyenne', source: 'inferred', evidence: [] } }),
      );
      expect(ack.text).toContain("nous l'avons déduite de votre description.");
      const en = buildAcknowledgement(
        ackInput({ language: 'en', priority: { level: 'moyenne', source: 'inferred', evidence: [] } }),
      );
      expect(en.text).toContain(
        '\n\nYour message did not state a priority: we inferred it from your description.\n\n',
      );
    });

    it('quotes each phrase an inference was drawn from, in English too', () => {
      const en = buildAcknowledgement(
        ackInput({
          language: 'en',
          priority: { level: 'critique', source: 'inferred', evidence: ['nobody can work', 'no workaround'] },
        }),
      );
      expect(en.text).toContain('based on “nobody can work”, “no workaround”.');
    });

    it('says the client declared it without quoting anything when no declaration was kept', () => {
      const ack = buildAcknowledgement(
        ackInput({ priority: { level: 'haute', source: 'declared', evidence: [] } }),
      );
      expect(ack.text).toContain("\n\nVous l'avez indiquée dans votre message.\n\n");
      const en = buildAcknowledgement(
        ackInput({ language: 'en', priority: { level: 'haute', source: 'declared', evidence: [] } }),
      );
      expect(en.text).toContain('\n\nYou stated it in your message.\n\n');
    });

    it('quotes neither an empty phrase nor one made only of control characters, nor a phrase twice', () => {
      const ack = buildAcknowledgement(
        ackInput({
          priority: { level: 'haute', source: 'inferred', evidence: ['', '\u0007', 'bloqué', 'bloqué'] },
        }),
      );
      expect(ack.text).toContain("d'après « bloqué ».");
    });

    it('keeps a phrase of exactly 100 characters whole and cuts one of 101 to 99 and an ellipsis', () => {
      const hundred = 'é'.repeat(100);
      const ack = buildAcknowledgement(
        ackInput({ priority: { level: 'haute', source: 'inferred', evidence: [hundred, `${hundred}z`] } }),
      );
      expect(ack.text).toContain(`d'après « ${hundred} », « ${'é'.repeat(99)}… ».`);
    });

    it('shows at most five short phrases when the evidence is long', () => {
      const evidence = ['a', 'a', 'b', 'c', 'd', 'e', 'f', 'g', `long ${'x'.repeat(300)}`];
      const ack = buildAcknowledgement(
        ackInput({ priority: { level: 'haute', source: 'inferred', evidence } }),
      );
      expect(ack.text).toContain("d'après « a », « b », « c », « d », « e ».");
      const long = buildAcknowledgement(
        ackInput({ priority: { level: 'haute', source: 'inferred', evidence: [`long ${'x'.repeat(300)}`] } }),
      );
      expect(long.text).toMatch(/« long x{94}… »/);
    });
  });

  describe('contract service hours', () => {
    it('says 24h/24, 7j/7 when the contract is premium', () => {
      const ack = buildAcknowledgement(ackInput({ contract: 'premium' }));
      expect(ack.text).toContain('Votre contrat Premium : le Service Desk vous répond 24h/24, 7j/7.');
      expect(ack.text).not.toContain('du lundi au vendredi');
      const en = buildAcknowledgement(ackInput({ contract: 'premium', language: 'en' }));
      expect(en.text).toContain('answers 24 hours a day, 7 days a week.');
    });
  });

  describe('deadlines of other desks', () => {
    it('shows Martinique local time and zone when the desk is martinique', () => {
      const ack = buildAcknowledgement(
        ackInput({
          desk: desk('martinique'),
          gtiDueAt: new Date('2026-11-30T12:15:00Z'),
          gtrDueAt: new Date('2026-12-01T04:00:00Z'),
        }),
      );
      expect(ack.text).toContain('au plus tard le lundi 30 novembre 2026 à 08:15 (heure de la Martinique).');
      // 24:00 on Monday is written as Tuesday 00:00 (service-desk.md, rule 4).
      expect(ack.text).toContain('au plus tard le mardi 1er décembre 2026 à 00:00 (heure de la Martinique).');
      expect(ack.text).toContain('de 8h à minuit (heure de la Martinique)');
      expect(ack.text).toContain('Service Desk Exodata – Martinique');
    });
  });

  describe('oversized message', () => {
    it('says the attachments were not processed and to use the portal when attachments were skipped', () => {
      const ack = buildAcknowledgement(ackInput({ attachmentsSkipped: true }));
      expect(ack.text).toContain(
        "Pièces jointes non traitées : votre message dépassait la taille que nous pouvons recevoir par e-mail, ses pièces jointes n'ont donc pas été prises en compte. Merci de les déposer sur le portail, dans votre demande : https://support.exodata.fr/t/EXO-2026-000123#k=AbCdEfGhIjKlMnOpQrStUvWxYz012345",
      );
      const en = buildAcknowledgement(ackInput({ attachmentsSkipped: true, language: 'en' }));
      expect(en.text).toContain(
        'so its attachments were not processed. Please upload them to your request on the portal',
      );
    });
  });

  describe('untrusted client text', () => {
    let hostile: AcknowledgementContent;
    beforeEach(() => {
      hostile = buildAcknowledgement(
        ackInput({
          originalSubject: 'Re: <script>alert(1)</script> & "quotes" \'single\'\r\nBcc: x@y',
          priority: {
            level: 'haute',
            source: 'inferred',
            evidence: ['<img src=x onerror=alert(1)>', 'bloqué" onmouseover="x'],
          },
        }),
      );
    });

    it('escapes the subject and the evidence in the HTML', () => {
      expect(hostile.html).not.toMatch(/<script|<img|" onmouseover/i);
      expect(hostile.html).toContain(
        '&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot; &#39;single&#39;',
      );
      expect(hostile.html).toContain('« &lt;img src=x onerror=alert(1)&gt; »');
    });

    it('keeps the client text readable in the plain text, without line breaks in the subject', () => {
      expect(hostile.subject).toBe(
        '[EXO-2026-000123] <script>alert(1)</script> & "quotes" \'single\' Bcc: x@y',
      );
      expect(hostile.text).toContain('« <img src=x onerror=alert(1)> »');
    });
  });

  describe('invalid input', () => {
    it('throws an InputError when the reference is not a ticket reference, saying which and what to give', () => {
      expect(() => buildAcknowledgement(ackInput({ reference: 'EXO-2026-123' }))).toThrow(InputError);
      expect(() => buildAcknowledgement(ackInput({ reference: 'EXO-2026-000123<x>' }))).toThrow(InputError);
      expect(thrownBy(() => buildAcknowledgement(ackInput({ reference: 'EXO-2026-123' })))).toBe(
        '"EXO-2026-123" is not a ticket reference (acknowledge with a reference like EXO-2026-000123 (formatReference))',
      );
    });

    it('throws a ConfigError when the portal is not a web address, saying what to set', () => {
      expect(() =>
        buildAcknowledgement(
          ackInput({ contact: { portalBaseUrl: 'javascript:alert(1)', emergencyPhone: '02 62 500 700' } }),
        ),
      ).toThrow(ConfigError);
      expect(thrownBy(() => ticketUrl('ftp://support.exodata.fr', 'EXO-2026-000123', null))).toBe(
        'portal base URL "ftp://support.exodata.fr" is not a web address (contact.portalBaseUrl must start with https://)',
      );
    });

    it('throws an InputError when a deadline is not a valid instant', () => {
      expect(() => buildAcknowledgement(ackInput({ gtiDueAt: new Date('nope') }))).toThrow(InputError);
    });
  });
});

describe('Function: ticketUrl', () => {
  it('joins the base and the reference whatever the trailing slashes', () => {
    expect(
      ticketUrl('https://support.exodata.fr', 'EXO-2026-000123', 'AbCdEfGhIjKlMnOpQrStUvWxYz012345'),
    ).toBe('https://support.exodata.fr/t/EXO-2026-000123#k=AbCdEfGhIjKlMnOpQrStUvWxYz012345');
    expect(ticketUrl('https://support.exodata.fr/portail//', 'EXO-2026-000123', null)).toBe(
      'https://support.exodata.fr/portail/t/EXO-2026-000123',
    );
  });

  it('never gives the old bare /tickets/REF form, and keeps the secret in the fragment', () => {
    const url = new URL(
      ticketUrl('https://support.exodata.fr/?x=1#old', 'EXO-2026-000123', 'AbCdEfGhIjKlMnOpQrStUvWxYz012345'),
    );
    expect(url.pathname).toBe('/t/EXO-2026-000123');
    expect(url.search).toBe('');
    expect(url.hash).toBe('#k=AbCdEfGhIjKlMnOpQrStUvWxYz012345');
  });

  it('throws a ConfigError when the base is not a URL, saying what to set', () => {
    expect(() => ticketUrl('support.exodata.fr', 'EXO-2026-000123', null)).toThrow(ConfigError);
    expect(thrownBy(() => ticketUrl('support.exodata.fr', 'EXO-2026-000123', null))).toBe(
      'portal base URL "support.exodata.fr" is not a URL (set contact.portalBaseUrl to e.g. https://support.exodata.fr)',
    );
  });

  it('accepts a plain http portal (a local or internal one) as well as https', () => {
    expect(ticketUrl('http://localhost:8080', 'EXO-2026-000123', null)).toBe(
      'http://localhost:8080/t/EXO-2026-000123',
    );
  });
});
