import { describe, expect, it } from 'vitest';
import { triagePriorityByRules } from '../../../shared/domain/triage/priority';

// Issue 19, part F: the edges of triagePriority (priority.ts) no other test stated, each with its
// own mail and the case on the other side of the line.
// The hand-written readings (the first reader): the learned second reader, which may settle what they
// leave unsure, is stated in learned-second-reader.test.ts.
const triage = (subject: string, newText: string, quotedText?: string) =>
  triagePriorityByRules({ subject, newText, headers: {}, quotedText });
const FORWARD = '---------- Forwarded message ---------\nFrom: Paul <p@x.fr>\n\nLe serveur est HS.';

describe('Subject prefixes and tags', () => {
  it('reads a subject whose short first word is no reply or forward prefix (`Info:`) as the client’s words', () => {
    expect(triage('Info: rien de bloquant', '')).toMatchObject({
      level: 'normale',
      confidence: 'high',
      evidence: ['Info: rien de bloquant'],
    });
  });

  it.each([
    '[EXO-2026-000001][Urgent] RE: Serveur en panne',
    '[EXO-2026-000001] [Urgent] RE: Serveur en panne',
  ])('finds the reply prefix behind several leading tags: %s', (subject) => {
    const result = triage(subject, 'Merci, tout fonctionne.');
    expect(result.facts.severalUsers).toEqual({ state: 'no', confidence: 'medium', evidence: [] });
    // The same title without the prefix is read (so the case above can fail).
    expect(triage('Serveur en panne', 'Merci, tout fonctionne.').facts.severalUsers.state).toBe('unknown');
  });

  it('removes a tag as a word break, even when it is glued to the words around it', () => {
    expect(triage("Toute l'équipe[URGENT]bloquée", '')).toMatchObject({
      level: 'critique',
      evidence: ["Toute l'équipe bloquée"],
    });
  });
});

describe('What is read', () => {
  it('gives the default level to a reply whose new text is empty: its subject is the old title', () => {
    expect(triage('Re: Serveur en panne', '')).toMatchObject({
      level: 'normale',
      source: 'default',
      evidence: [],
    });
  });

  it("reads a reply's new text to its 20,000th character", () => {
    const newText = `${'x '.repeat(9_997)}bloqué`;
    expect(newText).toHaveLength(20_000);
    expect(triage('Re: Serveur', newText).facts.blocked.state).toBe('yes');
  });

  it('looks for a forward in the first 20,000 characters of the quoted text only', () => {
    const late = triage('Imprimante bloquée', 'Je vous transfère.', `${'x '.repeat(10_000)}\n\n${FORWARD}`);
    // A printer with nobody named is one user read at medium: asked, level kept (readings to confirm).
    expect(late).toMatchObject({
      level: 'haute',
      uncertain: ['severalUsers'],
      evidence: ['Imprimante bloquée'],
    });
    const early = triage('Imprimante bloquée', 'Je vous transfère.', `\n\n${FORWARD}`);
    expect(early).toMatchObject({ level: 'critique', confidence: 'low', evidence: [] });
  });
});

describe('A forward with only a covering note', () => {
  it('leaves every fact open, with no evidence', () => {
    const result = triage('TR: Serveur', 'Je vous transfère.', `\n\n${FORWARD}`);
    expect(result.facts).toEqual({
      blocked: { state: 'unknown', confidence: 'low', evidence: [] },
      workaround: { state: 'not-mentioned', confidence: 'medium', evidence: [] },
      severalUsers: { state: 'unknown', confidence: 'low', evidence: [] },
    });
    expect(result.evidence).toEqual([]);
  });

  it('is a covering note up to 15 words; 16 words are the client’s own message', () => {
    const fifteen =
      'Bonjour, je vous transfère ce message reçu ce matin, merci de regarder quand vous pourrez.';
    expect(fifteen.match(/\p{L}+/gu)).toHaveLength(15);
    expect(triage('TR: Serveur', fifteen, `\n\n${FORWARD}`)).toMatchObject({ confidence: 'low' });
    expect(triage('TR: Serveur', `${fifteen} Anne`, `\n\n${FORWARD}`)).toMatchObject({
      level: 'normale',
      confidence: 'high',
    });
  });
});

describe('The facts to ask about', () => {
  it('asks only about the fact left open, not about those read with confidence', () => {
    const result = triage(
      'Imprimante',
      'Je suis bloqué. La caisse est bloquée. Le serveur est bloqué. Sinon tout fonctionne. Pas de solution de contournement.',
    );
    expect(result.facts.severalUsers.confidence).toBe('high');
    expect(result.facts.workaround).toMatchObject({ state: 'none', confidence: 'high' });
    expect(result).toMatchObject({ confidence: 'low', uncertain: ['blocked'] });
  });
});
