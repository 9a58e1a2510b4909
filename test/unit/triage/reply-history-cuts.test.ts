import { describe, expect, it } from 'vitest';
import { findForwardedMessage, splitNewText } from '../../../shared/domain/triage/new-text';

/**
 * Where the new text ends (triage.md, "New text"): the edges of each marker of reply history,
 * forwarded mail and signature (issue 19). What is above a marker is the client's; what is below is not.
 */
describe('splitNewText: line ends and blank lines', () => {
  it('reads a lone carriage return as a line end (old Mac mail)', () => {
    expect(splitNewText('Texte\r-- \rJean')).toEqual({ newText: 'Texte', quotedText: '--\nJean' });
  });

  it('trims blanks at line ends and keeps at most one blank line in a row', () => {
    expect(splitNewText('Bonjour, \t\n\n\n\nLe scanner\t \nne marche plus.  ').newText).toBe(
      'Bonjour,\n\nLe scanner\nne marche plus.',
    );
  });

  it('gives the quoted lines and the history below the cut, each tidied, separated by a blank line', () => {
    const text =
      'Réponse\n> cité\n\nLe 30/11/2026 à 10:00, Jean <j@x.fr> a écrit :\n> vieux  \n\n\n\n> très vieux';
    expect(splitNewText(text)).toEqual({
      newText: 'Réponse',
      quotedText: '> cité\n\nLe 30/11/2026 à 10:00, Jean <j@x.fr> a écrit :\n> vieux\n\n> très vieux',
    });
  });
});

describe('splitNewText: attributions', () => {
  it('needs a date, an address or a leading Le/On/Am/El/Il for a one-line attribution', () => {
    expect(splitNewText('Texte\nJean a écrit :\n> vieux').newText).toBe('Texte\nJean a écrit :');
    expect(splitNewText('Texte\nAm 30.11.2026 um 10:00 Jean schrieb:\n> alt').newText).toBe('Texte');
    expect(splitNewText('Texte\nEl lunes, Juan escribió:\n> viejo').newText).toBe('Texte');
    expect(splitNewText('Texte\nIl giorno lunedì Mario ha scritto:\n> vecchio').newText).toBe('Texte');
    expect(splitNewText('Texte\nJean <j@x.fr> wrote\n> old').newText).toBe('Texte');
  });

  it('takes an attribution of up to 300 characters, not longer', () => {
    const at = (length: number) =>
      `Le 30/11/2026, ${'x'.repeat(length - 'Le 30/11/2026,  a écrit :'.length)} a écrit :`;
    expect(at(300)).toHaveLength(300);
    expect(splitNewText(`Texte\n${at(300)}\n> vieux`).newText).toBe('Texte');
    expect(splitNewText(`Texte\n${at(301)}\n> vieux`).newText).toBe(`Texte\n${at(301)}`);
  });

  it('joins an attribution wrapped over three lines, not four', () => {
    expect(
      splitNewText('Texte\nLe 30/11/2026 à 10:00,\nJean Dupont <j@x.fr>\na écrit :\n> vieux').newText,
    ).toBe('Texte');
    expect(
      splitNewText('Texte\nLe 30/11/2026 à 10:00,\nJean\nDupont <j@x.fr>\na écrit :\n> vieux').newText,
    ).toBe('Texte\nLe 30/11/2026 à 10:00,\nJean\nDupont <j@x.fr>\na écrit :');
  });

  it('does not join a wrapped attribution across a blank or quoted line, nor past 300 characters', () => {
    expect(splitNewText('Texte\nLe 30/11/2026 à 10:00, Jean\n\na écrit :\n> vieux').newText).toBe(
      'Texte\nLe 30/11/2026 à 10:00, Jean\n\na écrit :',
    );
    expect(splitNewText('Texte\nLe 30/11/2026 à 10:00, Jean\n> a écrit :').newText).toBe(
      'Texte\nLe 30/11/2026 à 10:00, Jean',
    );
    const long = `Le 30/11/2026 à 10:00, ${'x'.repeat(280)}`;
    expect(splitNewText(`Texte\n${long}\na écrit :\n> vieux`).newText).toBe(`Texte\n${long}\na écrit :`);
  });

  it('does not start a wrapped attribution on a line without a date or address', () => {
    expect(splitNewText('Texte\nLe technicien\na écrit :\n> vieux').newText).toBe(
      'Texte\nLe technicien\na écrit :',
    );
  });

  it('reads an attribution at the very end of the mail (nothing below it) as history', () => {
    expect(splitNewText('Merci\nLe 30/11/2026 à 10:00, Jean <j@x.fr> a écrit :')).toEqual({
      newText: 'Merci',
      quotedText: 'Le 30/11/2026 à 10:00, Jean <j@x.fr> a écrit :',
    });
  });
});

describe('splitNewText: bottom-posting', () => {
  const attribution = 'On Mon, Nov 30, 2026 at 10:00 AM John <j@x.com> wrote:';

  it('keeps the answer below the quote, and quotes the attribution with the quote', () => {
    expect(splitNewText(`\n${attribution}\n> old question?\n>\n\nIt still fails.`)).toEqual({
      newText: 'It still fails.',
      quotedText: `${attribution}\n> old question?\n>`,
    });
  });

  it('reads the answer for its own history: a second quote below it is quoted too', () => {
    expect(
      splitNewText(
        `${attribution}\n> old?\nStill down.\nOn Sun, Nov 29, 2026 John <j@x.com> wrote:\n> older`,
      ),
    ).toEqual({
      newText: 'Still down.',
      quotedText: `${attribution}\n> old?\n\nOn Sun, Nov 29, 2026 John <j@x.com> wrote:\n> older`,
    });
  });

  it('is not bottom-posting when the client wrote above the attribution', () => {
    expect(splitNewText(`Top answer.\n${attribution}\n> old\nmore text`).newText).toBe('Top answer.');
  });

  it('is not bottom-posting when no quoted line stands between the attribution and the text', () => {
    expect(splitNewText(`${attribution}\nnot quoted\n> old`)).toEqual({
      newText: '',
      quotedText: `${attribution}\nnot quoted\n> old`,
    });
    expect(splitNewText(`${attribution}\n\n\nnot quoted`).newText).toBe('');
  });

  it('is not bottom-posting below a signature or a forwarded-message separator', () => {
    expect(splitNewText('-- \n> old\nJean').newText).toBe('');
    expect(splitNewText('---------- Forwarded message ---------\n> old\ntext').newText).toBe('');
  });
});

describe('splitNewText: separators and header blocks', () => {
  it('needs the underscore rule to be followed by a header block within two blank lines', () => {
    const block = 'De : Exodata\nEnvoyé : lundi\nÀ : Moi\n\nvieux';
    expect(splitNewText(`Texte\n________________________________\n\n\n${block}`).newText).toBe('Texte');
    // Three blank lines: the rule is a line of the client's; the header block below still cuts.
    expect(splitNewText(`Texte\n________________________________\n\n\n\n${block}`).newText).toBe(
      'Texte\n________________________________',
    );
    expect(splitNewText('Texte\n________________________________\nLigne').newText).toBe(
      'Texte\n________________________________\nLigne',
    );
    expect(splitNewText('Texte\n________').newText).toBe('Texte\n________');
  });

  it('takes a header block whose second header line comes within four lines of From:', () => {
    expect(splitNewText('Texte\nFrom: Desk\n\n\n\nSent: Monday\nold').newText).toBe('Texte');
    expect(splitNewText('Texte\nFrom: Desk\n\n\n\n\nSent: Monday\nold').newText).toBe(
      'Texte\nFrom: Desk\n\nSent: Monday\nold',
    );
  });

  it('does not take two From: lines for a header block', () => {
    expect(splitNewText('From: Paul\nFrom: Anne\nWe cannot print.').newText).toBe(
      'From: Paul\nFrom: Anne\nWe cannot print.',
    );
  });

  it('does not take an empty From: for a header block', () => {
    expect(splitNewText('From:\nTo: me\nWe cannot print.').newText).toBe('From:\nTo: me\nWe cannot print.');
  });

  it('reads a separator, an intro or a footer only as a whole line', () => {
    expect(splitNewText('Ligne -----Original Message----- fin').newText).toBe(
      'Ligne -----Original Message----- fin',
    );
    expect(splitNewText('Le Début du message réexpédié : ici').newText).toBe(
      'Le Début du message réexpédié : ici',
    );
    expect(splitNewText('Voir -- la suite').newText).toBe('Voir -- la suite');
    const sentence = `Sent from my iPhone${' and then'.repeat(8)}`;
    expect(splitNewText(`Texte\n${sentence}`).newText).toBe(`Texte\n${sentence}`);
  });

  it('reads a line for markers in its first 400 characters only (a megabyte line costs no more)', () => {
    const block = 'De : Exodata\nEnvoyé : lundi\n\nvieux';
    expect(splitNewText(`Texte\n${'_'.repeat(400)}x\n${block}`).newText).toBe('Texte');
    expect(splitNewText(`Texte\n${'_'.repeat(399)}x\n${block}`).newText).toBe(`Texte\n${'_'.repeat(399)}x`);
  });

  it('removes the Outlook mobile footer', () => {
    expect(splitNewText('Texte\n\nGet Outlook for iOS').newText).toBe('Texte');
    expect(splitNewText('Texte\n\nTélécharger Outlook pour Android').newText).toBe('Texte');
  });
});

describe('findForwardedMessage: edges', () => {
  it('is null when nothing in the removed text opens a message', () => {
    expect(findForwardedMessage('-- \nJean\nDirecteur')).toBeNull();
    expect(findForwardedMessage('')).toBeNull();
  });

  it('is null when reply history comes before any forwarded message', () => {
    expect(
      findForwardedMessage('-- \nJean\n> vieux\n---------- Forwarded message ---------\nTexte'),
    ).toBeNull();
    expect(
      findForwardedMessage(
        'Le 30/11/2026 à 10:00, Jean <j@x.fr> a écrit :\n---------- Forwarded message ---------\nx',
      ),
    ).toBeNull();
  });

  it('marks a dashed "Original Message" separator as not explicitly a forward', () => {
    expect(findForwardedMessage('-----Original Message-----\nFrom: Desk\nSent: Monday\n\nold text')).toEqual({
      body: 'old text',
      explicitForward: false,
    });
  });

  it('skips the header lines and blank lines below the separator, and stops at the first other line', () => {
    expect(
      findForwardedMessage(
        'Begin forwarded message:\n\nFrom: Paul\n\nSubject: x\nCc: Anne\n\nFirst line\nFrom: not a header',
      ),
    ).toEqual({ body: 'First line\nFrom: not a header', explicitForward: true });
  });

  it('gives an empty body for a separator with nothing below', () => {
    expect(findForwardedMessage('-------- Message transféré --------')).toEqual({
      body: '',
      explicitForward: true,
    });
  });
});
