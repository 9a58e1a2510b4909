import { describe, expect, it } from 'vitest';
import { cleanSubject } from '../../../shared/domain/acknowledgement/subject';
import { splitNewText } from '../../../shared/domain/triage/new-text';
import { type PriorityInput, triagePriority } from '../../../shared/domain/triage/priority';

/**
 * The reply and forward prefixes that mail clients write, in the languages our clients use: Re/RE
 * (everywhere), Réf/Rép (French), AW (German reply), SV (Nordic reply), Antw (Dutch reply);
 * TR (French Outlook forward), Fwd/FW, WG (German), VS (Nordic), RV (Spanish), Enc (Portuguese).
 */
const REPLY_PREFIXES = ['Re:', 'RE :', 'Réf :', 'Rép:', 'AW:', 'SV:', 'Antw:'];
const FORWARD_PREFIXES = ['TR:', 'Fwd:', 'FW:', 'WG:', 'VS:', 'RV:', 'Enc:'];

/** A title that alone would make the ticket critique: an old problem's words in a reply's subject. */
const ALARMING_TITLE = 'Serveur en panne, plus personne ne peut travailler';
const CALM_BODY = 'Bonjour, pourriez-vous me dire où en est la demande ? Merci';

function input(subject: string, body: string): PriorityInput {
  const { newText, quotedText } = splitNewText(body);
  return { subject, newText, quotedText, headers: {} };
}

describe('Subject prefixes: a reply or a forward is decided by the new text, not by the old title', () => {
  const NEUTRAL_TITLE = 'Imprimante';
  const read = (subject: string) => {
    const { level, evidence } = triagePriority(input(subject, CALM_BODY));
    return { level, evidence };
  };

  it('reads the title when the subject carries no prefix (so the cases below can fail)', () => {
    expect(read(ALARMING_TITLE).level).toBe('critique');
    expect(read(NEUTRAL_TITLE).level).toBe('normale');
  });

  it.each([...REPLY_PREFIXES, ...FORWARD_PREFIXES])(
    'reads the same priority behind %j whatever the old title says',
    (prefix) => {
      expect(read(`${prefix} ${ALARMING_TITLE}`)).toEqual(read(`${prefix} ${NEUTRAL_TITLE}`));
    },
  );

  it.each(REPLY_PREFIXES)('takes the level of the new text alone behind the reply prefix %j', (prefix) => {
    expect(read(`${prefix} ${ALARMING_TITLE}`)).toEqual(read(''));
  });

  it('does not take a word that merely starts like a prefix for one ("Relance:")', () => {
    expect(read(`Relance: ${ALARMING_TITLE}`).level).toBe('critique');
  });
});

describe('Function: cleanSubject removes every prefix the triage knows', () => {
  it.each([...REPLY_PREFIXES, ...FORWARD_PREFIXES])('removes %j', (prefix) => {
    expect(cleanSubject(`${prefix} Imprimante`)).toBe('Imprimante');
  });
});
