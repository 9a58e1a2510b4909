import { describe, expect, it } from 'vitest';
import { triagePriority } from '../../../shared/domain/triage/priority';
import { levelFromFacts, readPriorityFacts } from '../../../shared/domain/triage/priority-facts';

// Issue 11, after the blind holdout16 and holdout17: each reading is stated with sentences written
// for this file (not the corpus's), French formal and informal, unaccented, upper case and English,
// with the counter-example next to it (a near sentence that must NOT change the level).
const facts = (text: string) => readPriorityFacts(text).readings;
const level = (text: string) => levelFromFacts(readPriorityFacts(text));

describe('Reading: a connective between « ne peuvent » and its negation is still a block', () => {
  it.each([
    'Le serveur de fichiers ne répond plus. Les comptables ne peuvent donc pas clôturer le mois.',
    'la badgeuse est hs, les ouvriers peuvent pas pointer et les chefs ne peuvent du coup plus valider',
    'LE LOGICIEL EST PLANTE. LES INFIRMIERES NE PEUVENT MALHEUREUSEMENT PLUS SAISIR LES SOINS.',
  ])('several users blocked, nothing else: critique — %s', (text) => {
    expect(facts(text).blocked.state).toBe('yes');
    expect(level(text)).toBe('critique');
  });

  it('a plan for later is no block: normale', () => {
    expect(level('Le technicien peut donc plus tard passer installer le nouveau poste du comptable.')).toBe(
      'normale',
    );
  });
});

describe('Reading: a way said not to be feasible is no workaround', () => {
  it.each([
    "L'interface avec la banque est coupée, les gestionnaires ne peuvent plus envoyer les virements. La saisie manuelle n'est pas envisageable.",
    'the scanners at the gate are down and none of the agents can check tickets. Checking them by hand is not an option with this crowd.',
    "LES CAISSIERES NE PEUVENT PLUS ENCAISSER, LE MODE DEGRADE N'EST PAS FAISABLE.",
  ])('several users, no way around: critique — %s', (text) => {
    expect(facts(text).workaround.state).not.toBe('exists');
    expect(level(text)).toBe('critique');
  });

  it('a way that is feasible is a workaround: moyenne', () => {
    expect(
      level(
        "L'interface avec la banque est coupée, les gestionnaires ne peuvent plus envoyer les virements. En attendant on fait la saisie manuelle.",
      ),
    ).toBe('moyenne');
  });
});

describe('Reading: a fallback that does the same has failed', () => {
  it.each([
    "None of the dispatchers can see the map since noon. We moved to the backup console as planned but it's doing the same.",
    "Les préparateurs ne peuvent plus imprimer les bons, on est passé sur l'imprimante de secours mais c'est pareil.",
    'LES VENDEURS PEUVENT PLUS ENCAISSER, ON A PRIS LE TPE DE SECOURS MAIS IDEM.',
  ])('several users, the fallback fails: critique — %s', (text) => {
    expect(facts(text).workaround.state).not.toBe('exists');
    expect(level(text)).toBe('critique');
  });

  it('a fallback that works: moyenne', () => {
    expect(
      level(
        'None of the dispatchers can see the map since noon. We moved to the backup console as planned and it works.',
      ),
    ).toBe('moyenne');
  });
});

describe('Narrowed: a way that holds for a while still exists', () => {
  it.each([
    "Le logiciel n'imprime plus les factures. On les fait à la main, ce n'est pas faisable longtemps.",
    "The till is down, we're writing receipts by hand: it is not workable for long.",
  ])('blocked, a way around with its limit: moyenne — %s', (text) => {
    expect(level(text)).toBe('moyenne');
  });
});

describe('Reading: a stand-in that does the job, used in the meantime, or a colleague’s device', () => {
  it.each([
    'My scanner stopped working this morning. The old one from the back room does the job for now.',
    "le lecteur de badges est mort. le vieux portable fait l'affaire en attendant",
    "Le vidéoprojecteur est HS, je peux plus faire cours. En attendant j'utilise le tableau blanc.",
    'my screen is broken, i cant work. for now I use the meeting room laptop.',
    'My PC does not start, login error. I use the computer of my colleague when she is out.',
    "Mon poste ne démarre plus. J'utilise le poste de ma collègue le matin.",
  ])('blocked, a way around: moyenne — %s', (text) => {
    expect(facts(text).workaround.state).toBe('exists');
    expect(level(text)).toBe('moyenne');
  });

  it.each([
    'My scanner stopped working this morning. I cannot use the computer of my colleague either.',
    'Mon poste ne démarre plus et je ne peux pas travailler, même sur le poste de ma collègue.',
  ])('no way around: haute — %s', (text) => {
    expect(level(text)).toBe('haute');
  });
});

describe('Narrowed: a flaw of the way conceded is a cost, not a failure', () => {
  it('blocked, the backup serves though it jams: moyenne', () => {
    expect(
      level(
        "The label printer died, I can't print labels. I plugged in the spare printer, which does the job for now, though it's slow and jams now and then.",
      ),
    ).toBe('moyenne');
  });

  it('the backup jams, no concession: haute', () => {
    expect(
      level("The label printer died, I can't print labels. I plugged in the spare printer but it jams."),
    ).toBe('haute');
  });
});

describe('Reading: the writer idle for now has no way around', () => {
  it.each([
    "I started this morning and I can't log in to anything. I'm just sitting at my desk for now.",
    'Mon compte est bloqué, je ne peux rien ouvrir. Je reste les bras croisés.',
    "CAN'T LOG IN SINCE 8. WE ARE JUST WAITING AROUND FOR NOW.",
  ])('blocked, alone, nothing else: haute — %s', (text) => {
    expect(facts(text).workaround.state).not.toBe('exists');
    expect(level(text)).toBe('haute');
  });

  it('working elsewhere for now is a way around: moyenne', () => {
    expect(
      level("I started this morning and I can't log in to anything. I'm using the shared kiosk PC for now."),
    ).toBe('moyenne');
  });
});

describe('Narrowed: not stuck thanks to the way is blocked with a workaround', () => {
  it.each([
    "My mailbox rejects every login. Meanwhile I'm answering from my phone, so I'm not stuck, but please fix it.",
    'Le logiciel de paie refuse ma connexion. En attendant je saisis sur papier, du coup je ne suis pas bloquée.',
  ])('blocked, a way around: moyenne — %s', (text) => {
    expect(level(text)).toBe('moyenne');
  });

  it('not stuck, with no way offered before it, is no block: normale', () => {
    expect(level("The new printer makes a faint noise, so I'm not stuck, just curious.")).toBe('normale');
  });
});

describe('Reading: a sign-off and the short lines after it are a signature, which never decides', () => {
  const triage = (newText: string) => triagePriority({ subject: 'New account', newText, headers: {} }).level;

  it.each([
    'Could you create a mailbox for our new intern?\n\nKind regards,\nAnna Lee\nManager, KO Boxing Club',
    'Pouvez-vous créer un compte pour la stagiaire ?\n\nCordialement,\nMarc\nGérant, Bar Le Kô\n0690 12 34 56',
    'PLEASE ADD A USER FOR THE NEW NURSE.\nREGARDS\nDR TOM\nHS MEDICAL CENTRE',
  ])('a request signed with a fault-looking name: normale — %s', (text) => {
    expect(triage(text)).toBe('normale');
  });

  it('a fault told after the sign-off line, in a long line, is still read: not normale', () => {
    expect(
      triage(
        'Could you create a mailbox for our new intern?\n\nRegards,\nAnna\nPS: since this morning none of the receptionists can log in to the booking system at all, we are stuck.',
      ),
    ).not.toBe('normale');
  });
});

describe('Reading: « nothing’s broken » denies a block however the contraction is typed (holdout18, metamorphic)', () => {
  it.each([
    "Could someone help us set up the projector? Nothing's broken, we just don't know how to plug it in.",
    'Could someone help us set up the projector? Nothings broken, we just dont know how to plug it in.',
    'Could someone help us set up the projector? Nothing s broken.',
  ])('a request with its denial: normale — %s', (text) => {
    expect(level(text)).toBe('normale');
  });

  it('« nothing’s working » is no denial: the till is still blocked', () => {
    expect(level("The till is broken, nothing's working.")).not.toBe('normale');
  });
});
