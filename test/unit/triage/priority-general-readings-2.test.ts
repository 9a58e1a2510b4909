import { describe, expect, it } from 'vitest';
import { levelFromFacts, readPriorityFacts } from '../../../shared/domain/triage/priority-facts';

// Issue 11, after the blind holdout3: each rule is stated with sentences written for this file
// (not the corpus's), in French and English, formal and informal, with what must NOT match.
const facts = (text: string) => readPriorityFacts(text).readings;
const level = (text: string) => levelFromFacts(readPriorityFacts(text));

describe('Rule: a fallback that is refused, missing, impossible or "no solution" is no workaround', () => {
  it.each([
    "La caisse n'encaisse plus et nous ne pouvons plus vendre. Le carnet de secours n'est pas accepté par le siège.",
    'Nos quatre vendeurs ne peuvent plus encaisser. Le terminal de rechange est introuvable depuis ce matin.',
    "On peut plus facturer, on est 5. Le mode dégradé est refusé par la banque, donc c'est pas une solution.",
    'Nous ne pouvons plus délivrer les colis et nous ne pouvons pas les enregistrer à la main, le stock est verrouillé.',
    'None of our three cashiers can take payments. The backup card reader is missing from the drawer.',
    "Our whole team cannot log in. We can't find the spare keyfob anywhere.",
    'We cannot dispatch any parcels and we cannot label them by hand either, the printer holds the codes.',
    'All of us are unable to clock in; the paper fallback was rejected by payroll, so that is not an option.',
  ])('several, blocked, fallback unusable → critique: %s', (text) => {
    expect(facts(text).workaround.state).not.toBe('exists');
    expect(level(text)).toBe('critique');
  });

  it.each([
    'Nous ne pouvons plus encaisser par carte, on encaisse à la main en attendant.',
    'We cannot use the till, so we take orders by hand for now.',
    'On ne peut plus imprimer, on utilise le poste de secours pour le moment.',
  ])('a fallback in use is still a workaround: %s', (text) => {
    expect(facts(text).workaround.state).toBe('exists');
    expect(level(text)).toBe('moyenne');
  });
});

describe('Rule: a cosmetic defect (an image, a logo, a colour that does not show) is not blocked', () => {
  it.each([
    "Comment changer la photo de mon profil ? Le logo ne s'affiche pas dans l'en-tête de mes devis.",
    "Petite question : ma photo de profil apparaît pas sur le portail, ça ne s'affiche pas pareil chez moi.",
    "The company logo doesn't show in my replies, how can I fix it?",
    'the banner looks blurry on the newsletter, is there a setting?',
  ])('not blocked: %s', (text) => {
    expect(facts(text).blocked.state).not.toBe('yes');
    expect(['normale', 'moyenne']).toContain(level(text));
  });

  it.each([
    "Le logiciel de caisse ne s'affiche plus, je ne peux plus vendre.",
    "The booking screen doesn't display anything and I can't take appointments.",
  ])('a work screen that does not show is still blocked: %s', (text) => {
    expect(facts(text).blocked.state).toBe('yes');
  });
});

describe('Rule: the others "not concerned" / "working normally" say one user', () => {
  it.each([
    'Je ne peux plus ouvrir le logiciel de paie. Mes collègues ne sont pas touchés, ils travaillent normalement.',
    "Mon scanner n'est plus détecté, je ne peux plus numériser. Les autres collaboratrices ne sont pas concernées.",
    "I can't open the CRM since this morning. My colleagues aren't affected.",
    'cant log into the rota app. the others are working fine tho',
  ])('one user, blocked, no workaround → haute: %s', (text) => {
    expect(facts(text).severalUsers.state).toBe('no');
    expect(level(text)).toBe('haute');
  });

  it.each([
    'Mes collègues sont concernés aussi, nous ne pouvons plus imprimer.',
    'My colleagues are affected too, none of us can print.',
  ])('the others concerned are several: %s', (text) => {
    expect(facts(text).severalUsers.state).toBe('yes');
  });
});

describe('Rule: carrying on another way (instead, a way around, managing, using it until fixed) is a workaround', () => {
  it.each([
    "The scanner on the front desk stopped scanning. We're typing the codes in instead, so it's fine.",
    "The office phone won't ring. Found a way around it: we forward everything to the mobile.",
    "Our shared drive keeps dropping. We're coping, the cloud copy works so we are using it until you fix it.",
    "L'imprimante du bureau ne marche plus, on envoie les bons par mail à la place.",
  ])('blocked with a workaround → moyenne: %s', (text) => {
    expect(facts(text).workaround.state).toBe('exists');
    expect(level(text)).toBe('moyenne');
  });

  it.each([
    "I'm managing to lose every file today, none of us can save.",
    "We're managing without the sync, nothing is blocked.",
  ])('not a workaround: %s', (text) => {
    expect(facts(text).workaround.state).not.toBe('exists');
  });
});

describe('Rule: "there is no X stuck" rules out a cause, it does not deny being blocked', () => {
  it.each([
    "The label printer stopped printing (jam warning, but there's no label stuck). We can't ship.",
    "L'imprimante a cessé d'imprimer, il n'y a pas de feuille bloquée pourtant. Nous ne pouvons plus facturer.",
  ])('still blocked: %s', (text) => {
    expect(facts(text).blocked.state).toBe('yes');
  });

  it.each(["I'm not stuck anymore, thanks.", 'Je ne suis plus bloquée, merci.'])('a denial: %s', (text) => {
    expect(facts(text).blocked.state).not.toBe('yes');
  });
});

describe('Rule: "plus aucun X marche" without "ne" still carries the negation', () => {
  it.each(['Depuis ce matin plus aucune caisse fonctionne.', 'plus aucun terminal s allume au comptoir'])(
    'blocked, several: %s',
    (text) => {
      expect(facts(text).blocked.state).toBe('yes');
    },
  );

  it.each(['Plus aucun problème, tout fonctionne depuis hier.', 'Plus aucun souci, ça marche.'])(
    'good news: %s',
    (text) => {
      expect(facts(text).blocked.state).not.toBe('yes');
    },
  );
});

describe('Rule: a refused fallback stays refused when informal French drops "ne"', () => {
  it.each([
    ['Le registre de secours est pas accepté par la mairie.', 'failed'],
    ["Le registre de secours n'est pas accepté par la mairie.", 'failed'],
    [
      'On peut plus encaisser, on est trois. Le ticket manuel ça marche mais c’est pas une solution.',
      'failed',
    ],
  ])('%s', (text, state) => {
    expect(facts(text).workaround.state).toBe(state);
  });

  it('a fallback that is accepted is still a workaround', () => {
    expect(
      facts('On ne peut plus encaisser. Le carnet de secours est accepté, on fait comme ça en attendant.')
        .workaround.state,
    ).toBe('exists');
  });
});
