import { describe, expect, it } from 'vitest';
import { triagePriority } from '../../../shared/domain/triage/priority';
import { levelFromFacts, readPriorityFacts } from '../../../shared/domain/triage/priority-facts';

// Issue 11, after the blind holdout10: each reading is stated with sentences written for this file
// (not the corpus's), French formal and informal, unaccented, SMS, upper case and English, with the
// counter-example next to it (what must NOT be read).
const facts = (text: string) => readPriorityFacts(text).readings;
const level = (text: string) => levelFromFacts(readPriorityFacts(text));
const triage = (subject: string, text: string) => triagePriority({ subject, newText: text, headers: {} });

describe('Reading: a means that keeps the work going is a workaround', () => {
  it.each([
    'The export still fails on its own, but restarting it every hour is keeping us going.',
    "Le logiciel de paie plante à l'envoi. On exporte en CSV, cette solution nous permet de tenir jusqu'à vendredi.",
    'le scanner est hs, on photographie les bons avec le tel, ca nous permet de tenir',
    "LA BADGEUSE EST EN PANNE. LA FEUILLE D'ÉMARGEMENT NOUS PERMET DE CONTINUER.",
    'The till keeps crashing; restarting it before each sale keeps us afloat.',
  ])('moyenne: %s', (text) => {
    expect(facts(text).workaround.state).toBe('exists');
    expect(level(text)).toBe('moyenne');
  });

  it.each([
    ['negated', "Le serveur est en panne et rien ne nous permet de tenir, toute l'équipe est bloquée."],
    ['negated, English', 'The server is down and nothing keeps us going, nobody can work.'],
  ])('%s: no workaround', (_why, text) => {
    expect(facts(text).workaround.state).not.toBe('exists');
  });

  it('a new feature that lets us work faster is not a way round a fault', () => {
    expect(level('La nouvelle version nous permet de travailler plus vite, merci !')).toBe('normale');
  });
});

describe('Reading: work keyed in later means it is done another way now', () => {
  it.each([
    "Le logiciel des ventes ne s'ouvre plus. Les ventes sont notées sur un cahier et seront saisies après coup.",
    'le terminal plante, les bons seront saisis a posteriori',
    "L'APPLI DES TOURNÉES EST HS, LES BONS SERONT SAISIS A POSTERIORI",
    "The sampling app won't sync. Readings go on the clipboard, we'll upload them once it's back.",
  ])('moyenne: %s', (text) => {
    expect(facts(text).workaround.state).toBe('exists');
    expect(level(text)).toBe('moyenne');
  });

  it.each([
    [
      'keyed in by someone else now, no later',
      "Les bons sont saisis par l'accueil, mais le logiciel plante depuis ce matin.",
    ],
    [
      'negated',
      "Le logiciel ne démarre plus et on ne pourra pas ressaisir plus tard, c'est trop de dossiers.",
    ],
  ])('%s: no workaround', (_why, text) => {
    expect(facts(text).workaround.state).not.toBe('exists');
  });
});

describe('Reading: working offline or on copies is a workaround', () => {
  it.each([
    'Le serveur de fichiers est inaccessible, on travaille en local sur des copies.',
    'le vpn decroche tout le temps, je bosse hors ligne',
    "The VPN keeps dropping, we're working offline and upload at night.",
    'SharePoint is unreachable; I am working on local copies.',
  ])('moyenne: %s', (text) => {
    expect(facts(text).workaround.state).toBe('exists');
    expect(level(text)).toBe('moyenne');
  });

  it.each([
    [
      'negated',
      'Le serveur est inaccessible et on ne peut pas travailler en local, tout est sur le serveur.',
    ],
    ['a description', 'Le logiciel est installé en local sur chaque poste, pouvez-vous le mettre à jour ?'],
  ])('%s: no workaround', (_why, text) => {
    expect(facts(text).workaround.state).not.toBe('exists');
  });
});

describe('Reading: the work moved to another room, line or station is a workaround', () => {
  it.each([
    "La salle 2 n'a plus de son. On a basculé les séances de la salle 2 sur la salle 4.",
    "le videoprojecteur de la salle A est HS, j'ai deplace les cours dans la salle B",
    "The booking screen in room B is dead, we've moved the appointments to room C.",
    'LA CAISSE 1 EST BLOQUÉE, ON A DÉPLACÉ LES COMMANDES SUR LA CAISSE 2.',
  ])('moyenne: %s', (text) => {
    expect(facts(text).workaround.state).toBe('exists');
    expect(level(text)).toBe('moyenne');
  });

  it.each([
    ['a device moved (the cause)', "We moved the printer to the other office and now it won't print."],
    ['a request', 'Pouvez-vous basculer les appels sur la ligne de l’agence ?'],
    ['negated', 'La salle 2 est en panne et on ne peut pas basculer les séances sur une autre salle.'],
  ])('%s: no workaround', (_why, text) => {
    expect(facts(text).workaround.state).not.toBe('exists');
  });
});

describe('Reading: the old device brought back is a workaround', () => {
  it.each([
    'The new label printer shows offline. We are printing the labels on the old printer in the stock room.',
    "La nouvelle caisse ne démarre plus, on utilise l'ancienne caisse.",
    'le nouveau scanner marche plus, on scanne avec le vieux scanner',
    "The new laptop won't boot, I've gone back to the old laptop.",
  ])('moyenne: %s', (text) => {
    expect(facts(text).workaround.state).toBe('exists');
    expect(level(text)).toBe('moyenne');
  });

  it.each([
    ['the old device broke', 'The old printer in the stock room stopped working this morning.'],
    ['replaced', 'We replaced the old printer last week; can you install the driver?'],
    ['negated', "La caisse est en panne et on ne peut pas encaisser sur l'ancienne caisse non plus."],
  ])('%s: no workaround', (_why, text) => {
    expect(facts(text).workaround.state).not.toBe('exists');
  });
});

describe('Reading: a lent or temporary stand-in that works is a workaround', () => {
  it.each([
    'The line is still down, but the temporary router you lent us works fine.',
    'La fibre est toujours coupée. La box 4G que vous nous avez prêtée fonctionne bien.',
    'le pc de pret marche nickel, le mien est toujours en panne',
    'The loaner laptop is working, mine is still dead.',
  ])('moyenne: %s', (text) => {
    expect(facts(text).workaround.state).toBe('exists');
    expect(level(text)).toBe('moyenne');
  });

  it.each([
    ['it does not work', "The line is down and the temporary router you lent us doesn't work either."],
    ['it does not work, French', 'La fibre est coupée et la box provisoire ne marche pas non plus.'],
  ])('%s: no workaround', (_why, text) => {
    expect(facts(text).workaround.state).not.toBe('exists');
  });
});

describe('Reading: a means gone through meanwhile, whoever goes through it', () => {
  it.each([
    'le wifi de l’atelier marche plus, les gars du quai passent par le partage de co des tel en attendant mais ca rame',
    "LE WIFI DE L'ENTREPÔT EST COUPÉ, LES PRÉPARATEURS PASSENT PAR LA 4G DU CHEF EN ATTENDANT MAIS ÇA RAME.",
  ])('moyenne: %s', (text) => {
    expect(facts(text).workaround.state).toBe('exists');
    expect(level(text)).toBe('moyenne');
  });

  it('no meanwhile and nothing stopped: a habit, normale', () => {
    expect(
      level(
        'Les préparateurs passent par le poste du bureau pour imprimer, pouvez-vous ajouter une imprimante ?',
      ),
    ).toBe('normale');
  });
});

describe('Reading: the object of a verb of trying ends where a new statement begins', () => {
  it.each([
    "le pc de l'accueil plante au demarrage jai essaye 2 fois je note les rdv sur le cahier en attendant",
    "The till app crashes. Tried 3 times, I'm writing the orders by hand for now.",
    "La caisse plante. J'ai essayé plusieurs fois, on encaisse à la main en attendant.",
  ])('moyenne: %s', (text) => {
    expect(facts(text).workaround.state).toBe('exists');
    expect(level(text)).toBe('moyenne');
  });

  it.each([
    ['what was tried', "Le logiciel plante. J'ai essayé sur un autre poste, même problème."],
    ['a relative clause', 'The app crashes. I tried everything I could, another browser, no luck.'],
    ['as I was told', "Le logiciel plante, j'ai essayé comme on m'a dit sur un autre poste, en vain."],
  ])('%s: not a workaround', (_why, text) => {
    expect(facts(text).workaround.state).not.toBe('exists');
  });
});

describe('Reading: the writer who alone does the blocked work is one user', () => {
  it.each([
    "I'm the one who does all the payroll and since this morning the portal rejects my login, so we can't pay anyone this week.",
    "C'est moi qui passe les commandes et le portail fournisseur refuse mon mot de passe, nous ne pouvons rien commander.",
    'je suis celle qui gere la paie, le logiciel me jette a chaque connexion et on doit payer vendredi',
  ])('haute, one user: %s', (text) => {
    expect(facts(text).severalUsers).toMatchObject({ state: 'no', confidence: 'high' });
    expect(level(text)).toBe('haute');
  });

  it('a group named as blocked still wins: critique', () => {
    expect(
      level("C'est moi qui gère le planning, et aucune des 6 infirmières ne peut se connecter au logiciel."),
    ).toBe('critique');
  });

  it('someone else in the role says nothing about who is blocked: the tie rule still asks', () => {
    const r = triage('Portail', "C'est Paul qui passe les commandes et le portail fournisseur est en panne.");
    expect(r.level).toBe('critique');
    expect(r.confidence).toBe('low');
  });
});

describe('Reading: everyone else back online, but me, is one user', () => {
  it.each([
    "Everyone else in the office is back online since 11, but my laptop still can't connect.",
    "Tous les autres collègues sont revenus en ligne, mais mon poste n'a toujours pas internet.",
    'tout le reste de l’equipe est revenu en ligne mais moi je peux toujours pas me connecter',
  ])('haute: %s', (text) => {
    expect(facts(text).severalUsers.state).toBe('no');
    expect(level(text)).toBe('haute');
  });

  it.each([
    ['everyone else stuck too', "My PC can't connect and everyone else is stuck too."],
    [
      'other sites working',
      'Les 6 agents de l’accueil n’ont plus de réseau. Tous les autres sites fonctionnent.',
    ],
  ])('%s: critique', (_why, text) => {
    expect(level(text)).toBe('critique');
  });
});

describe('Reading: people the writer cannot reach are an object, not who is blocked', () => {
  it.each([
    'tel pro bloque, jpeux plus rien faire, ni appeler les equipes ni envoyer les bons',
    'MON TÉLÉPHONE EST BLOQUÉ, JE NE PEUX PLUS RIEN FAIRE, NI CONTACTER LES ÉQUIPES NI LES CHAUFFEURS.',
    "Mon téléphone est bloqué, impossible de joindre les équipes de nuit, je n'ai pas d'autre téléphone.",
  ])('haute: %s', (text) => {
    expect(level(text)).toBe('haute');
  });

  it.each([
    [
      'the teams as subject',
      'Les équipes ne peuvent plus appeler depuis ce matin, le standard est en panne.',
    ],
    ['the drivers as subject', "The drivers can't call the office since 8, the app is down."],
  ])('%s: critique', (_why, text) => {
    expect(level(text)).toBe('critique');
  });
});

describe('Reading: people who keep asking for something make a request', () => {
  it.each([
    'Guests keep asking for wifi in the garden. Could you quote an extra access point?',
    'Our customers keep asking for a loyalty card, can the till software do that?',
  ])('normale: %s', (text) => {
    expect(level(text)).toBe('normale');
  });

  it.each([
    'Outlook keeps asking for my password since the update, I cannot read my mail.',
    'The app keeps asking for a licence key and will not open.',
  ])('a tool that keeps asking is still a fault: %s', (text) => {
    expect(facts(text).blocked.state).toBe('yes');
  });
});

describe('Reading: a cut announced for a day ahead blocks nobody now', () => {
  it.each([
    'Pour info, EDF coupe le courant au magasin dimanche de 8h à 12h. Merci de vérifier lundi que tout redémarre.',
    'la fibre sera coupee samedi de 8h a 10h pour travaux, rien a faire de votre cote',
    'There will be a power outage at the depot on Saturday from 7 to 11, nothing to do on your side.',
    'There is a planned outage of the fibre line on Sunday between 2 and 4am.',
  ])('normale: %s', (text) => {
    expect(facts(text).blocked.state).not.toBe('yes');
    expect(level(text)).toBe('normale');
  });

  it.each([
    ['a cut since a day', 'Le courant est coupé depuis samedi, le serveur ne redémarre pas.'],
    ['a past cut with a fault now', 'Le courant a été coupé samedi de 7h à 13h et depuis le serveur est HS.'],
    ['a cut now', 'Internet est coupé au dépôt depuis ce matin, personne ne peut travailler.'],
  ])('%s: blocked', (_why, text) => {
    expect(facts(text).blocked.state).toBe('yes');
  });
});
