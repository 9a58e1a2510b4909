import { describe, expect, it } from 'vitest';
import { evidenceFor, levelFromFacts, readPriorityFacts } from '../../../shared/domain/triage/priority-facts';

const facts = (text: string) => readPriorityFacts(text);
const level = (text: string) => levelFromFacts(readPriorityFacts(text));

describe('Function: readPriorityFacts', () => {
  describe('blocked', () => {
    it.each([
      'Je suis bloquée pour les déclarations.',
      'Impossible de me connecter au logiciel.',
      'Le logiciel ne fonctionne plus depuis ce matin.',
      "L'imprimante est en panne.",
      'Le serveur est hors service.',
      "Je n'ai plus d'accès à l'ERP.",
      "Le site ne s'affiche plus.",
      "Je n'arrive plus à ouvrir mes mails.",
      "Je n'ai plus aucun poste pour travailler.",
      'Le logiciel plante dès que j’ouvre une fiche.',
      'Ma session est verrouillée.',
      'Le portail refuse mon mot de passe.',
      'Le serveur est inaccessible.',
      "La production est à l'arrêt.",
      'Plus rien ne marche sur mon poste.',
      "Plus d'internet depuis ce matin.",
      "Je n'ai pas pu me connecter ce matin.",
      'Le logiciel est figé.',
    ])('reads a French blocked statement: %s', (text) => {
      expect(facts(text).blocked).toBe(true);
    });

    it.each([
      "I can't log in.",
      'The booking system is not working.',
      'The server is down.',
      'Outlook stopped working this morning.',
      'My laptop keeps crashing.',
      "I'm locked out of my account.",
      'The account was disabled.',
      'We are blocked.',
      'I have no internet at my desk.',
      'The app hangs on startup.',
      "The laptop won't turn on.",
      "There's an outage on the CRM.",
    ])('reads an English blocked statement: %s', (text) => {
      expect(facts(text).blocked).toBe(true);
    });

    it.each([
      ['spoken French without "ne"', 'ça marche plus depuis hier'],
      ['"pu" for "plus"', 'mon pc demarre pu'],
      ['"peux pas"', 'je peux pas planifier les entretiens'],
      ['the infinitive for the participle', 'je suis bloquer'],
      ['no accents', 'Toute la flotte est bloquee au depot'],
      ['capitals', 'JE SUIS BLOQUÉ'],
      ['no apostrophe in English', 'I cant open the file'],
      ['extra spaces', 'je   ne   peux   plus    travailler'],
    ])('tolerates %s', (_case, text) => {
      expect(facts(text).blocked).toBe(true);
    });

    it.each([
      ['je ne suis pas bloqué', 'Je ne suis pas bloquée d’ici là.'],
      ['not blocked', "It's a bit annoying but we're not blocked."],
      ['rien de bloquant', 'Le Wi-Fi décroche de temps en temps, rien de bloquant.'],
      ['not blocking', 'The printer is noisy, not blocking.'],
      ['je ne suis plus bloqué', 'Je ne suis plus bloqué, merci.'],
      ['non bloquant', 'Problème non bloquant.'],
      ['je travaille sans', 'Bon, je travaille sans, mais j’aimerais une réponse.'],
      ["ça ne m'empêche pas de travailler", "L'écran scintille, ça ne m'empêche pas de travailler."],
    ])('respects the negation "%s"', (_case, text) => {
      const f = facts(text);
      expect(f.blocked).toBe(false);
      expect(f.phrases.notBlocked.length).toBeGreaterThan(0);
    });

    it('lets an explicit "not blocked" win over a broken thing', () => {
      expect(
        facts("Le scanner ne fonctionne plus mais je ne suis pas bloqué, j'ai le copieur.").blocked,
      ).toBe(false);
    });

    it('drops a negated breakage word without denying the rest ("ne plante plus")', () => {
      const f = facts("L'imprimante ne plante plus. Par contre le scanner est en panne.");
      expect(f.blocked).toBe(true);
      expect(f.phrases.notBlocked).toEqual([]);
    });

    it('does not read a request to lock an account as being blocked', () => {
      expect(facts("Pouvez-vous bloquer le compte de Paul qui a quitté l'entreprise ?").blocked).toBe(false);
    });

    it('does not let "en plus" negate the next word', () => {
      expect(facts('En plus je suis bloqué pour la paie.').blocked).toBe(true);
    });

    it('does not carry a negation over "donc"', () => {
      expect(facts('Je ne peux pas me connecter donc bloqué.').blocked).toBe(true);
    });

    it('does not read "ça marche pas mal" as broken', () => {
      expect(facts("L'imprimante marche pas mal depuis la mise à jour.").blocked).toBe(false);
    });
  });

  describe('workaround', () => {
    it.each([
      'contournement : je les imprime en A4',
      'en attendant je les fais depuis le poste de Tevita',
      'je les envoie par mail à moi-même en attendant, ça dépanne',
      'on prend les commandes à la main',
      "j'ai emprunté le clavier de la salle de réunion",
      "I'm using the webmail as a workaround",
      "I'm working on the external monitor in the meantime",
      "the old PC still works, so we're taking turns on it",
      "pour l'instant j'utilise la tablette",
      'I can still use my phone',
      "I'm on a colleague's PC",
    ])('reads a stated workaround: %s', (text) => {
      expect(facts(`Je suis bloqué. ${text}`).workaround).toBe(true);
    });

    it.each([
      'pas de contournement',
      'Aucune solution de contournement.',
      "Je n'ai pas de solution de contournement.",
      'le contournement ne fonctionne pas',
      "il n'y a pas d'autre moyen",
      'on peut pas les envoyer autrement',
      'Aucune alternative.',
      'No workaround.',
      "We don't have any workaround.",
      "there's no spare machine I could use",
      "The workaround doesn't work.",
    ])('reads no workaround from "%s"', (text) => {
      const f = facts(`Je suis bloqué. ${text}`);
      expect(f.workaround).toBe(false);
      expect(f.phrases.noWorkaround.length).toBe(1);
    });

    it('counts no workaround when none is mentioned', () => {
      expect(facts('Je suis bloqué.').workaround).toBe(false);
    });

    it('takes the last statement: a workaround that was tried and failed is no workaround', () => {
      expect(
        facts("J'ai essayé le webmail en attendant, mais le contournement ne fonctionne pas.").workaround,
      ).toBe(false);
      expect(
        facts('Aucun contournement hier. Depuis ce matin, en attendant, on fait tout à la main.').workaround,
      ).toBe(true);
    });

    it('does not take a question for a workaround', () => {
      expect(facts('Je suis bloqué. Avez-vous un contournement ?').workaround).toBe(false);
      expect(facts("I'm blocked. Is there a workaround?").workaround).toBe(false);
    });

    it('does not read "en attendant votre retour" as a workaround', () => {
      expect(facts('Je suis bloqué en attendant votre intervention.').workaround).toBe(false);
    });
  });

  describe('several users', () => {
    it.each([
      'plusieurs utilisateurs ne peuvent plus se connecter',
      'tous les postes redémarrent en boucle',
      "toute l'équipe est bloquée",
      'tout le service est bloqué',
      "personne ne peut se connecter à l'ERP",
      'personne au service logistique ne peut se connecter',
      "l'ensemble du site est hors service",
      'les 3 praticiens ne peuvent plus ouvrir les dossiers',
      "aucun portable du cabinet n'accède au NAS",
      'nous sommes tous bloqués',
      'everyone is locked out',
      "all users can't log in",
      'none of us can log in',
      "the three of us can't open the software",
      'the whole team is blocked',
      'nobody can send email',
      "aucun appel n'arrive, ni à l'accueil ni dans les bureaux",
      'je ne peux plus imprimer, mes collègues aussi',
      "I can't print and my colleagues too",
    ])('reads several users from "%s"', (text) => {
      const f = facts(text);
      expect(f.blocked).toBe(true);
      expect(f.severalUsers).toBe(true);
    });

    it('does not count people who are mentioned but not blocked', () => {
      expect(
        facts('Tout le monde imprime de nouveau. Par contre mon scanner est en panne.').severalUsers,
      ).toBe(false);
    });

    it('does not count "tous les jours", "plusieurs fois" or "toute la journée"', () => {
      expect(facts('Mon PC plante tous les jours, plusieurs fois, toute la journée.').severalUsers).toBe(
        false,
      );
    });

    it('believes a client who says only they are affected', () => {
      expect(
        facts("Tous les postes de l'étage sont bloqués sauf un... non, en fait c'est juste moi.")
          .severalUsers,
      ).toBe(false);
      expect(facts("L'ERP est inaccessible pour moi. Mes collègues, eux, y ont accès.").severalUsers).toBe(
        false,
      );
    });

    it('does not count "pas tout le monde" or "not everyone"', () => {
      expect(facts("Pas tout le monde est bloqué, je ne sais pas pourquoi c'est moi.").severalUsers).toBe(
        false,
      );
      expect(facts('Not everyone is locked out, only my account.').severalUsers).toBe(false);
    });
  });
});

describe('Function: levelFromFacts', () => {
  it('gives normale when nobody is blocked, whatever else is said', () => {
    expect(level('Pouvez-vous me renvoyer la facture ?')).toBe('normale');
    expect(level("Toute l'équipe aimerait une formation, pas de contournement nécessaire.")).toBe('normale');
  });

  it('gives moyenne when blocked with a workaround, even for several users', () => {
    expect(level('Nous sommes tous bloqués en Wi-Fi, on se branche en câble en attendant.')).toBe('moyenne');
  });

  it('gives haute when one user is blocked without a workaround', () => {
    expect(level("Je ne peux plus saisir les commandes et il n'y a pas d'autre moyen.")).toBe('haute');
  });

  it('gives critique when several users are blocked without a workaround', () => {
    expect(level('Personne ne peut encaisser. Aucune solution de contournement.')).toBe('critique');
  });
});

describe('Function: evidenceFor', () => {
  it('quotes the deciding phrases in the client’s own words, accents and case kept', () => {
    const f = readPriorityFacts(
      'Les 4 clercs sont bloqués : impossible de signer. Aucun contournement possible.',
    );
    expect(evidenceFor(f)).toEqual([
      'Les 4 clercs sont bloqués : impossible de signer',
      'Aucun contournement possible',
    ]);
  });

  it('gives the workaround phrase for moyenne', () => {
    const f = readPriorityFacts(
      "Je suis bloqué sur mon poste ; en attendant j'ai emprunté le clavier de la salle.",
    );
    expect(evidenceFor(f)).toEqual([
      'Je suis bloqué sur mon poste',
      "en attendant j'ai emprunté le clavier de la salle",
    ]);
  });

  it('gives the denial for a normale that a broken thing could have raised', () => {
    expect(evidenceFor(readPriorityFacts("It's slow but we're not blocked."))).toEqual(["we're not blocked"]);
  });

  it('gives no evidence when nothing was said about being blocked', () => {
    expect(evidenceFor(readPriorityFacts('Merci pour la facture.'))).toEqual([]);
  });
});
