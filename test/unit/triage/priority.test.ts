import { describe, expect, it } from 'vitest';
import { splitNewText } from '../../../shared/domain/triage/new-text';
import {
  type PriorityInput,
  triagePriority,
  triagePriorityByRules,
} from '../../../shared/domain/triage/priority';

/** As the parser does it: the new text and what was removed, from the full body. */
function input(subject: string, body: string, headers: Record<string, string[]> = {}): PriorityInput {
  const { newText, quotedText } = splitNewText(body);
  return { subject, newText, quotedText, headers };
}

describe('Function: triagePriority', () => {
  describe('declared', () => {
    it('takes a subject tag and quotes it as evidence', () => {
      const result = triagePriority(input('[Haute] Session Windows', 'Ma session est verrouillée.'));
      expect(result).toMatchObject({ level: 'haute', source: 'declared', evidence: ['[Haute]'] });
    });

    it('takes a body line of the new text', () => {
      const result = triagePriority(
        input('Badges', 'Bonjour,\n\nPriorité : Critique\n\nLe logiciel ne répond plus.'),
      );
      expect(result).toMatchObject({
        level: 'critique',
        source: 'declared',
        evidence: ['Priorité : Critique'],
      });
    });

    it('lets the subject tag win over a body line that disagrees', () => {
      const result = triagePriority(
        input('[P4] Toner', 'Priority: P1\n\nIl reste du toner pour une semaine.'),
      );
      expect(result).toMatchObject({ level: 'normale', source: 'declared', evidence: ['[P4]'] });
    });

    it('ignores a declaration in quoted reply history', () => {
      const body =
        "C'est réparé, tout le monde imprime.\n\nLe mer. 25 févr. 2026 à 15:05, Kévin <k@x.re> a écrit :\n> Priorité : Haute\n> je suis bloqué";
      expect(triagePriority(input('Re: Imprimante', body))).toMatchObject({
        level: 'normale',
        source: 'inferred',
      });
    });

    it('ignores a declaration and the facts of a forwarded message: a covering note leaves the facts unknown', () => {
      const body =
        'Je vous transfère.\n\n---------- Forwarded message ---------\nFrom: Paul <p@x.fr>\nDate: lundi\n\nPriorité : normale\nLe serveur est HS, personne ne peut travailler. Pas de contournement.';
      const result = triagePriority(input('TR: Serveur', body));
      expect(result).toMatchObject({ source: 'inferred', confidence: 'low' });
      expect(result.uncertain).toEqual(['blocked', 'severalUsers']);
      expect(result.facts.blocked).toMatchObject({ state: 'unknown', evidence: [] });
    });

    it('does not read the facts of a message forwarded from Outlook when the subject says TR:/Fwd:', () => {
      const body =
        'Merci d’intervenir.\n\n________________________________\nDe : Jonathan <salle@x.re>\nEnvoyé : mardi\nÀ : Anne\nObjet : Caisses\n\nLes caisses refusent de s’ouvrir. On prend les commandes à la main en attendant.';
      for (const subject of ['TR: Caisses', 'Fwd: Caisses']) {
        const result = triagePriority(input(subject, body));
        expect(result.facts.workaround.state).toBe('not-mentioned');
        expect(result).toMatchObject({ confidence: 'low' });
      }
    });

    it("lets the client's own words above a forward decide, whatever the forwarded message says", () => {
      const calm =
        'Bonjour, rien de bloquant pour nous, c’est pour le prochain budget.\n\n---------- Forwarded message ---------\nFrom: Paul <p@x.fr>\n\nLe serveur est HS, personne ne peut travailler.';
      expect(triagePriority(input('TR: Serveur', calm))).toMatchObject({
        level: 'normale',
        confidence: 'high',
      });
      const urgent =
        'Nous sommes tous bloqués depuis ce matin, aucun contournement.\n\n---------- Forwarded message ---------\nFrom: Paul <p@x.fr>\n\nPetit souci d’affichage, rien de bloquant.';
      expect(triagePriority(input('Fwd: Serveur', urgent)).level).toBe('critique');
    });

    it('reads a longer note of its own above a forward as any message (no facts: normale)', () => {
      const body =
        'Hi, forwarding the note below. Could we get a quote for two new monitors for the meeting room? No rush, just planning for next quarter.\n\n---------- Forwarded message ---------\nFrom: Paul <p@x.fr>\n\nThe screens are broken, nobody can work.';
      expect(triagePriority(input('Fwd: Monitors', body))).toMatchObject({
        level: 'normale',
        confidence: 'high',
      });
    });

    it('reads a workaround the client says they use above a forward as a stopped tool (moyenne)', () => {
      const body =
        'Pour info, on passe les commandes par téléphone en attendant.\n\n-------- Message transféré --------\nDe : Léa <l@x.re>\nObjet : portail\n\nLe portail fournisseur ne répond plus.';
      expect(triagePriority(input('TR: portail', body)).level).toBe('moyenne');
      // Without a forwarded problem, the same words alone say nothing was stopped (the hand-written
      // reading: the learned second reader may read a stop there and ask, learned-second-reader.test.ts).
      expect(
        triagePriorityByRules(
          input('Commandes', 'Pour info, on passe les commandes par téléphone en attendant.'),
        ).level,
      ).toBe('normale');
    });

    it('does not read the facts of an Outlook reply history', () => {
      const body =
        'Merci, réglé.\n\n________________________________\nDe : Exodata <reunion@exodata.fr>\nEnvoyé : mardi\nÀ : Anne\nObjet : Caisses\n\nLes caisses sont bloquées, personne ne peut encaisser.';
      expect(triagePriority(input('RE: Caisses', body)).level).toBe('normale');
    });

    it('keeps the inferred level and flags a disagreement of two levels or more', () => {
      const far = triagePriority(
        input('[Haute] Wi-Fi', 'Le Wi-Fi décroche de temps en temps, rien de bloquant.'),
      );
      expect(far).toMatchObject({ level: 'haute', inferredLevel: 'normale', disagreement: true });
      const near = triagePriority(input('[moyenne] Wi-Fi', 'Bonjour, toujours des coupures.'));
      expect(near).toMatchObject({ level: 'moyenne', inferredLevel: 'normale', disagreement: false });
    });
  });

  describe('inferred', () => {
    it('reads facts in the subject of a new message', () => {
      const result = triagePriority(
        input('Plus personne ne reçoit les mails', 'Aucune solution de contournement.'),
      );
      expect(result).toMatchObject({ level: 'critique', source: 'inferred' });
      expect(result.evidence).toContain('Plus personne ne reçoit les mails');
    });

    it("ignores a reply's subject: it is the old problem's title", () => {
      expect(
        triagePriority(input('Re: [EXO-2026-000001] Serveur en panne', 'Merci, tout fonctionne.')).level,
      ).toBe('normale');
    });

    it('gives normale, inferred, to a message that says nothing about being blocked', () => {
      expect(triagePriority(input('Facture', 'Pouvez-vous me renvoyer la facture ?'))).toMatchObject({
        level: 'normale',
        source: 'inferred',
        evidence: [],
        disagreement: false,
      });
    });

    it('reads English as well as French', () => {
      const result = triagePriority(
        input(
          'Booking system offline - all staff',
          "None of us can take payments. We don't have any workaround.",
        ),
      );
      expect(result.level).toBe('critique');
    });
  });

  describe('default', () => {
    it('gives normale, default, when there is nothing to read', () => {
      expect(triagePriority(input('', ''))).toMatchObject({
        level: 'normale',
        source: 'default',
        evidence: [],
      });
    });
  });

  describe('not signals', () => {
    it('never changes the level for "urgent", capitals, exclamation marks or client flags', () => {
      const headers = { 'x-priority': ['1 (Highest)'], importance: ['high'], priority: ['urgent'] };
      const result = triagePriority(
        input('URGENT!!! Commande de toner', 'TRÈS URGENT : il nous en reste une cartouche.', headers),
      );
      expect(result.level).toBe('normale');
      expect(result.nonSignals).toEqual(
        expect.arrayContaining([
          'X-Priority: 1 (Highest)',
          'Importance: high',
          'Priority: urgent',
          '"URGENT"',
          '"!!!"',
          'capitals "TRÈS URGENT"',
        ]),
      );
    });

    it('keeps "pas urgent" / "not urgent" as said, without lowering a blocked message', () => {
      const result = triagePriority(
        input('Compta', "Ce n'est pas urgent mais je suis bloqué, pas de contournement."),
      );
      expect(result.level).toBe('haute');
      expect(result.nonSignals).toContain('"n\'est pas urgent"');
    });

    it('does not list the declaration itself as shouting', () => {
      expect(triagePriority(input('[CRITIQUE] Serveur', 'Priorité : CRITIQUE')).nonSignals).toEqual([]);
    });
  });
});

describe('Function: triagePriority (pathological input)', () => {
  it.each([
    ['one long line of repeated cue words', 'aucun personne pas de '.repeat(50_000)],
    ['many short lines that look like attributions', 'Le 1 a\nFrom: x\n'.repeat(50_000)],
    ['a megabyte without spaces', 'x'.repeat(1_000_000)],
  ])(
    'answers for %s (catastrophic regex backtracking would hit the test timeout)',
    (_case, body) => {
      const result = triagePriority(input('Sujet', body));
      expect(result.source).toBe('inferred');
      expect(result.level).toBe('normale');
    },
    20_000,
  );
});
