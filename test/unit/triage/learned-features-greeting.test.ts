import { describe, expect, it } from 'vitest';
import { hashedFeatures } from '../../../shared/domain/triage/learned/hashed-features';

// Issue 11: a greeting says whom the mail is addressed to, never who is blocked. The learned reader's
// words leave out the greeting lines at the top (the metamorphic test adds « Bonjour à toute
// l'équipe, » to every mail: « toute l'équipe » there must not read as a group blocked).
const BODY = "L'imprimante ne marche plus, on imprime au secrétariat en attendant.";

describe('learned reader: greeting lines at the top are not read', () => {
  it.each([
    `Bonjour à toute l’équipe,\n\n${BODY}`,
    `Bonjour à toute l’équipe,\n\nBonjour,\n${BODY}`,
    `Hello team,\n${BODY}`,
    `Dear all!\n${BODY}`,
    `Bonjour Mme Payet :\n${BODY}`,
  ])('the same words as without it — %s', (text) => {
    expect(hashedFeatures('Imprimante', text)).toEqual(hashedFeatures('Imprimante', BODY));
  });

  it('reads a first line that says more than hello (« Bonjour, plus personne ne peut imprimer »)', () => {
    const text = 'Bonjour, plus personne ne peut imprimer\nMerci';
    expect(hashedFeatures('', text)).not.toEqual(hashedFeatures('', 'Merci'));
  });

  it('reads a greeting word further down', () => {
    expect(hashedFeatures('', `${BODY}\nHello team,\n`)).not.toEqual(hashedFeatures('', BODY));
  });
});
