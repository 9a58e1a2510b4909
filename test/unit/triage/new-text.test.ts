import { describe, expect, it } from 'vitest';
import { findForwardedMessage, splitNewText } from '../../../shared/domain/triage/new-text';

describe('Function: splitNewText', () => {
  it('keeps the whole text when there is no history and no signature', () => {
    expect(splitNewText('Bonjour,\n\nLe scanner ne marche plus.\n')).toEqual({
      newText: 'Bonjour,\n\nLe scanner ne marche plus.',
      quotedText: '',
    });
  });

  it('removes lines quoted with ">" between new lines', () => {
    const { newText, quotedText } = splitNewText('Bonjour\n> ancienne question ?\nnouvelle réponse');
    expect(newText).toBe('Bonjour\nnouvelle réponse');
    expect(quotedText).toBe('> ancienne question ?');
  });

  it('cuts at a French attribution line', () => {
    const text =
      'Merci, réglé.\n\nLe lun. 30 nov. 2026 à 10:00, Jean Dupont <jean@x.fr> a écrit :\n> Priorité : Haute';
    expect(splitNewText(text).newText).toBe('Merci, réglé.');
  });

  it('cuts at a French attribution wrapped over two lines', () => {
    const text =
      'Merci.\n\nLe lun. 30 nov. 2026 à 10:00, Jean Dupont <jean@x.fr> a\nécrit :\n> Priorité : Haute';
    const { newText, quotedText } = splitNewText(text);
    expect(newText).toBe('Merci.');
    expect(quotedText).toContain('Priorité : Haute');
  });

  it('cuts at an English attribution, wrapped or not', () => {
    expect(
      splitNewText('Thanks!\n\nOn Mon, Nov 30, 2026 at 10:00 AM John <j@x.com> wrote:\n> old').newText,
    ).toBe('Thanks!');
    expect(
      splitNewText('Thanks!\n\nOn Mon, Nov 30, 2026 at 10:00 AM John Smith <j@x.com>\nwrote:\n> old').newText,
    ).toBe('Thanks!');
  });

  it('cuts at an attribution without a date when it names an address (Thunderbird)', () => {
    expect(
      splitNewText('Toujours des coupures.\n\nLe 28/02/2026 à 17:32, Exodata a écrit :\n> vieux').newText,
    ).toBe('Toujours des coupures.');
  });

  it("cuts at Outlook's -----Original Message----- block", () => {
    const text = 'Still down.\n\n-----Original Message-----\nFrom: Desk\nSent: Monday\nTo: me\n\nold text';
    expect(splitNewText(text).newText).toBe('Still down.');
  });

  it('cuts at the underscore rule before an Outlook "De : … Envoyé :" block', () => {
    const text =
      'Toujours en panne.\n\n________________________________\nDe : Exodata <reunion@exodata.fr>\nEnvoyé : lundi 30 novembre 2026 10:00\nÀ : Moi\nObjet : x\n\nvieux';
    const { newText, quotedText } = splitNewText(text);
    expect(newText).toBe('Toujours en panne.');
    expect(quotedText.startsWith('________________________________')).toBe(true);
  });

  it('cuts at a "From: … Sent:" header block even without the underscore rule', () => {
    expect(
      splitNewText('Answer.\nFrom: Desk <reunion@exodata.fr>\nSent: Monday\nTo: me\n\nold').newText,
    ).toBe('Answer.');
  });

  it('keeps a lone "From:" line that is not followed by other header lines', () => {
    expect(splitNewText('From: the Paris office\nWe cannot print.').newText).toBe(
      'From: the Paris office\nWe cannot print.',
    );
  });

  it.each([
    ['Gmail', '---------- Forwarded message ---------'],
    ['Thunderbird', '-------- Message transféré --------'],
    ['Apple Mail', 'Début du message réexpédié :'],
    ['Apple Mail (en)', 'Begin forwarded message:'],
  ])('cuts at the %s forwarded-message separator', (_client, separator) => {
    const { newText, quotedText } = splitNewText(
      `Voir ci-dessous.\n\n${separator}\nDe: Paul\nDate: lundi\n\nLe serveur est HS.`,
    );
    expect(newText).toBe('Voir ci-dessous.');
    expect(quotedText).toContain('Le serveur est HS.');
  });

  it('removes the signature below "-- ", and below "--" whose space a client dropped', () => {
    expect(splitNewText('Tout est bloqué.\n-- \nJean\nPriorité : haute').newText).toBe('Tout est bloqué.');
    expect(splitNewText('Texte\n--\nJean').newText).toBe('Texte');
  });

  it('removes the footer a phone adds', () => {
    expect(splitNewText('Texte\n\nEnvoyé de mon iPhone').newText).toBe('Texte');
    expect(splitNewText('Text\n\nSent from my Galaxy').newText).toBe('Text');
  });

  it('keeps the answer of a bottom-posted reply', () => {
    const text =
      'On Mon, Nov 30, 2026 at 10:00 AM John <j@x.com> wrote:\n> old question?\n\nIt still fails.\n\n-- \nJohn';
    const { newText, quotedText } = splitNewText(text);
    expect(newText).toBe('It still fails.');
    expect(quotedText).toContain('> old question?');
  });

  it('accepts CRLF line ends', () => {
    expect(splitNewText('Texte\r\n-- \r\nJean').newText).toBe('Texte');
  });
});

describe('Function: findForwardedMessage', () => {
  it('returns the forwarded body without its header lines, own history or signature', () => {
    const quoted =
      '---------- Forwarded message ---------\nFrom: Paul <p@x.fr>\nDate: Mon\nSubject: Serveur\nTo: Me\n\nLe serveur est HS.\n-- \nPaul\n> plus ancien';
    expect(findForwardedMessage(quoted)).toEqual({ body: 'Le serveur est HS.', explicitForward: true });
  });

  it('reads Thunderbird\'s "Sujet :" and "Pour :" header lines as headers', () => {
    const quoted =
      '-------- Message transféré --------\nSujet : x\nDate : lundi\nDe : Paul\nPour : Moi\n\nTexte transféré';
    expect(findForwardedMessage(quoted)?.body).toBe('Texte transféré');
  });

  it('marks an Outlook header block as not explicitly a forward (replies look the same)', () => {
    const quoted =
      '________________________________\nDe : Paul\nEnvoyé : lundi\nÀ : Moi\nObjet : x\n\nLa caisse est bloquée.';
    expect(findForwardedMessage(quoted)).toEqual({ body: 'La caisse est bloquée.', explicitForward: false });
  });

  it('returns null for reply history', () => {
    expect(findForwardedMessage('Le lun. 30 nov. 2026 à 10:00, Jean <j@x.fr> a écrit :\n> texte')).toBeNull();
    expect(findForwardedMessage('> texte\n> encore')).toBeNull();
  });

  it('looks past the signature that precedes a forwarded message', () => {
    const quoted =
      '-- \nAnne\n\nDébut du message réexpédié :\n\nDe: Paul\nObjet: x\n\nLe serveur est en panne.';
    expect(findForwardedMessage(quoted)?.body).toBe('Le serveur est en panne.');
  });
});
