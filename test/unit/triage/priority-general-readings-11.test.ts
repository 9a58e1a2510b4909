import { describe, expect, it } from 'vitest';
import { levelFromFacts, readPriorityFacts } from '../../../shared/domain/triage/priority-facts';
import { SEVERAL_USERS_CUES } from '../../../shared/domain/triage/priority-vocabulary';
import { foldText } from '../../../shared/domain/triage/text-normalize';

// Issue 11, after the blind holdout14 and holdout15: each reading is stated with sentences written
// for this file (not the corpus's), French formal and informal, unaccented, upper case and English,
// with the counter-example next to it (a near sentence that must NOT change the level).
const facts = (text: string) => readPriorityFacts(text).readings;
const level = (text: string) => levelFromFacts(readPriorityFacts(text));

describe('Reading: nothing to fall back on is no workaround', () => {
  it.each([
    "The booking system is down and nobody at the desk can check guests in. We don't have a paper register to fall back on.",
    "Toute l'équipe est bloquée, la caisse est HS. On n'a rien sur quoi se rabattre.",
    'THE TILLS ARE DOWN FOR ALL THE STAFF, THERE IS NOTHING TO FALL BACK ON.',
  ])('several users, no way around: critique — %s', (text) => {
    expect(facts(text).workaround.state).toBe('none');
    expect(level(text)).toBe('critique');
  });

  it('a fallback in use: moyenne', () => {
    expect(
      level(
        'The booking system is down and nobody at the desk can check guests in. We fall back on the paper register for now.',
      ),
    ).toBe('moyenne');
  });
});

describe('Reading: a fallback that fails has failed', () => {
  it.each([
    "Les standardistes ne peuvent plus prendre d'appels et la ligne de secours échoue aussi.",
    'les vendeuses peuvent plus encaisser, le tpe de secours echoue lui aussi',
    'None of the agents can call out and the backup link fails too.',
  ])('several users, the fallback fails: critique — %s', (text) => {
    expect(facts(text).workaround.state).toBe('failed');
    expect(level(text)).toBe('critique');
  });

  it('the fallback in use, the main line fails: moyenne', () => {
    expect(
      level(
        "Les standardistes ne peuvent plus prendre d'appels, on est passés sur la ligne de secours en attendant.",
      ),
    ).toBe('moyenne');
  });
});

describe('Reading: a counted group at a standstill is several users, blocked', () => {
  it.each([
    "Le serveur de fichiers ne répond plus. Les trois prothésistes sont à l'arrêt.",
    'le logiciel plante, les 4 secretaires sont bloquees',
    'The scanner server is down and the five technicians are stuck.',
  ])('several users blocked: critique — %s', (text) => {
    expect(facts(text).severalUsers.state).toBe('yes');
    expect(level(text)).toBe('critique');
  });

  it.each([
    "Mon ordinateur ne démarre plus et je n'ai pas d'autre poste. Les deux jours sont bloqués dans mon agenda pour l'inventaire.",
    'My laptop is broken, I have no other computer. The two days are blocked in my calendar for the move.',
  ])('a time counted is not a team — %s', (text) => {
    expect(facts(text).severalUsers.state).not.toBe('yes');
  });
});

describe('Reading: a purpose of not being held up states a way around', () => {
  it.each([
    "L'imprimante des bons est en panne. Pour ne pas bloquer les livraisons, on écrit les bons à la main.",
    'je peux plus imprimer les menus, pour pas etre en retard je vais les faire chez l imprimeur',
    'The label printer is dead. So as not to hold up the shipment we print them on the office printer.',
  ])('blocked with a way: moyenne, stated — %s', (text) => {
    const read = facts(text);
    expect(read.workaround.state).toBe('exists');
    expect(read.workaround.confidence).toBe('high');
    expect(level(text)).toBe('moyenne');
  });

  it('the same block without the purpose: no workaround, haute', () => {
    expect(level("L'imprimante des bons est en panne, je ne peux plus imprimer les livraisons.")).toBe(
      'haute',
    );
  });
});

describe('Reading: done for the time being states a way around', () => {
  it.each([
    "Le logiciel de diagnostic refuse de démarrer, licence expirée. Nous utilisons provisoirement l'ancienne valise.",
    'The till software crashed. We are temporarily using the old till in the back.',
  ])('blocked with a stopgap: moyenne — %s', (text) => {
    expect(facts(text).workaround.state).toBe('exists');
    expect(level(text)).toBe('moyenne');
  });

  it('a block said temporary is no way around', () => {
    expect(facts('La caisse ne marche plus, nous sommes provisoirement bloqués.').workaround.state).not.toBe(
      'exists',
    );
  });
});

describe('Reading: still going thanks to a way states it', () => {
  it("I've switched to the backup laptop so we're still on air: moyenne", () => {
    expect(
      level(
        "The playout PC froze and won't boot. I moved the studio to the old laptop so we're still on air.",
      ),
    ).toBe('moyenne');
  });

  it('a wish to stay on air is no way around', () => {
    expect(
      facts("The playout PC froze and won't boot, please fix it so we can stay on air tonight.").workaround
        .state,
    ).not.toBe('exists');
  });
});

describe('Reading: a device lent or borrowed is a way around (inferred)', () => {
  it.each([
    'My laptop is stuck on a blue screen. My neighbour lent me his old laptop for the invoices.',
    "Mon ordinateur ne démarre plus. Ma voisine m'a prêté son portable pour les factures.",
  ])('one user with a borrowed device: moyenne, medium — %s', (text) => {
    const read = facts(text);
    expect(read.workaround.state).toBe('exists');
    expect(read.workaround.confidence).toBe('medium');
    expect(level(text)).toBe('moyenne');
  });

  it('a device that cannot be borrowed is none: haute', () => {
    expect(
      level("Mon ordinateur ne démarre plus et je ne peux pas emprunter le portable d'un collègue."),
    ).toBe('haute');
  });
});

describe('Reading: others who cannot do it for the writer: no way around, not several users', () => {
  it.each([
    'Mon certificat a expiré et je ne peux plus signer. Mes collègues ne peuvent pas signer à ma place.',
    "My token expired and I can't sign the filings. My colleagues can't sign them on my behalf.",
  ])('one user, no workaround: haute — %s', (text) => {
    const read = facts(text);
    expect(read.workaround.state).toBe('none');
    expect(read.severalUsers.state).not.toBe('yes');
    expect(level(text)).toBe('haute');
  });

  it('colleagues who cannot sign either are several users: critique', () => {
    expect(level('Le certificat du service a expiré, mes collègues ne peuvent pas signer non plus.')).toBe(
      'critique',
    );
  });
});

describe('Reading: a device stolen is blocked', () => {
  it.each([
    'My engineering laptop was stolen from my car last night. I need to change a parameter today.',
    "On m'a volé mon ordinateur portable hier soir, il faut m'en préparer un autre.",
  ])('blocked, nothing else: haute — %s', (text) => {
    expect(facts(text).blocked.state).toBe('yes');
    expect(level(text)).toBe('haute');
  });

  it('a theft story with nothing taken from the client: normale', () => {
    expect(level('Suite au vol de vélos dans le parking, pouvez-vous nous conseiller une caméra ?')).toBe(
      'normale',
    );
  });
});

describe('Narrowed: the channel that is broken is the usual way of working, not a way around it', () => {
  it.each([
    'My email does not send anymore since yesterday. I am alone here and all the orders I confirm by email.',
    'Je ne peux plus envoyer de mails depuis ce matin. Je suis seule au cabinet et je confirme les commandes par mail.',
  ])('one user, the broken channel: haute — %s', (text) => {
    expect(facts(text).workaround.state).not.toBe('exists');
    expect(level(text)).toBe('haute');
  });

  it('another channel than the broken one is still a way around: moyenne', () => {
    expect(
      level(
        'My email does not send anymore since yesterday. I am alone here and I confirm the orders by phone.',
      ),
    ).toBe('moyenne');
  });
});

describe('Reading: a device the whole team shares makes the block several users', () => {
  it.each([
    "The register PC has crashed and won't restart. All the pharmacists use this one PC.",
    "Le PC du bureau (celui qu'on partage tous) ne démarre plus depuis hier.",
  ])('blocked device shared by all: critique — %s', (text) => {
    expect(facts(text).severalUsers.state).toBe('yes');
    expect(level(text)).toBe('critique');
  });

  it('a shared device with nothing blocked: normale', () => {
    expect(level('All the pharmacists use this one PC, could you quote a second one?')).toBe('normale');
  });
});

describe('Reading: no one of a group who can log in or work is several users, blocked', () => {
  it.each([
    "Le serveur d'authentification est HS. Aucun bibliothécaire ne peut se connecter.",
    'aucune vendeuse peut encaisser depuis 9h',
    'No agent can log in since the update.',
  ])('several users blocked: critique — %s', (text) => {
    expect(facts(text).severalUsers.state).toBe('yes');
    expect(level(text)).toBe('critique');
  });

  it('a thing that cannot, for one writer, is not a group', () => {
    expect(
      facts("Aucun fichier ne peut s'ouvrir sur mon poste, je ne peux plus travailler.").severalUsers.state,
    ).not.toBe('yes');
  });
});

describe('Reading: a way said to work with its cost, after a blocked statement (stated)', () => {
  it.each([
    'The music platform does not load on the class computer. This week I print the scores, it works but costs a lot of paper.',
    "Le logiciel de caisse ne s'ouvre plus. Je note les ventes sur un cahier, ça marche mais c'est long.",
  ])('blocked with a way: moyenne — %s', (text) => {
    const read = facts(text);
    expect(read.workaround.state).toBe('exists');
    expect(read.workaround.confidence).toBe('high');
    expect(level(text)).toBe('moyenne');
  });

  it('the tool itself working slowly, nothing blocked: normale', () => {
    expect(level('The VPN works but is slow since Monday, can you check the line?')).toBe('normale');
  });
});

describe('Extended (the dropped first person): a short label before the telegraphic verb', () => {
  it.each(["Mic input dead. Booth 2, can't record anything.", 'TPE HS. Caisse 3, peux plus encaisser.'])(
    'the writer alone: one user, haute — %s',
    (text) => {
      expect(facts(text).severalUsers.state).toBe('no');
      expect(level(text)).toBe('haute');
    },
  );

  it('a group named before the comma stays several: critique', () => {
    expect(level("Mic input dead. All the presenters in booth 2 can't record anything.")).toBe('critique');
  });
});

describe('Narrowed (fr:aucun-des): "aucun …" is read within its sentence', () => {
  const aucunDes = SEVERAL_USERS_CUES.find((c) => c.id === 'fr:aucun-des');
  const matches = (text: string) =>
    aucunDes ? [...foldText(text).text.matchAll(new RegExp(aucunDes.pattern))].length : -1;

  it('does not run across a full stop to the next sentence\'s "ne"', () => {
    expect(matches('Le dossier est sur aucun poste du centre. Les kinés ne trouvent rien.')).toBe(0);
  });

  it('reads within its sentence', () => {
    expect(matches('Aucun des postes du centre ne démarre.')).toBe(1);
  });

  it.each([
    'Aucune des caissières ne peut encaisser depuis ce matin.',
    'aucun de nos postes ne démarre ce matin',
  ])('in one sentence it is still several users, blocked: critique — %s', (text) => {
    expect(level(text)).toBe('critique');
  });
});
