import { describe, expect, it } from 'vitest';
import { levelFromFacts, readPriorityFacts } from '../../../shared/domain/triage/priority-facts';

// Issue 11, after the blind holdout18 and holdout19: each reading is stated with sentences written
// for this file (not the corpus's), French formal and informal, upper case and English, with the
// counter-example next to it (a near sentence that must NOT change the level).
const facts = (text: string) => readPriorityFacts(text).readings;
const level = (text: string) => levelFromFacts(readPriorityFacts(text));

describe('Reading: a meantime in which the work stops is no way of carrying on', () => {
  it.each([
    'Mon badge ne passe plus depuis ce matin, mes collègues entrent sans souci. Je ne peux rien faire de la matinée en attendant.',
    "my account is locked since 8, the others are fine. I can't do anything for now.",
  ])('one user blocked, nothing else: haute — %s', (text) => {
    expect(facts(text).workaround.state).not.toBe('exists');
    expect(level(text)).toBe('haute');
  });

  it.each([
    'LE SERVEUR DE CAISSE EST PLANTE, LES VENDEUSES PEUVENT PAS ENCAISSER. ON A BAISSE LE RIDEAU EN ATTENDANT.',
    "None of the tills work since the update, the cashiers can't sell anything. We've closed the shop for now.",
  ])('several users, the place shut: critique — %s', (text) => {
    expect(level(text)).toBe('critique');
  });

  it('one till shut while everyone goes through another is a way: moyenne', () => {
    expect(
      level(
        "La caisse 2 ne marche plus, les vendeuses ne peuvent plus l'utiliser. On a fermé la caisse 2, en attendant tout le monde passe par la caisse 1.",
      ),
    ).toBe('moyenne');
  });
});

describe('Reading: a thing the only one of its kind is no person alone', () => {
  it.each([
    "Depuis ce matin, toute l'équipe comptable ne peut plus ouvrir le logiciel de paie. Nous n'avons aucune solution, ce logiciel est le seul à gérer nos contrats.",
    'Since this morning none of the nurses can log in to the drug cabinet. We have no other way, this system is the only one that holds the prescriptions.',
  ])('several users, no way around: critique — %s', (text) => {
    expect(facts(text).severalUsers.state).toBe('yes');
    expect(level(text)).toBe('critique');
  });

  it('the writer the only one: haute', () => {
    expect(
      level(
        "Je ne peux plus ouvrir le logiciel de paie depuis ce matin. Je suis la seule à gérer les contrats, je n'ai aucune solution.",
      ),
    ).toBe('haute');
  });
});

describe('Reading: a thing said not to be stuck is no denial of the block', () => {
  it('blocked, a way around: moyenne', () => {
    const text =
      'The label printer shows a jam error but no label stuck inside. Meanwhile we print on the office printer.';
    expect(facts(text).blocked.state).toBe('yes');
    expect(level(text)).toBe('moyenne');
  });

  it('no longer stuck is still a denial: normale', () => {
    expect(level("The printer was jammed this morning but I'm no longer stuck, thanks.")).toBe('normale');
  });

  it('nobody stuck is still a denial: normale', () => {
    expect(
      level('Nobody is stuck, the printer just prints a bit pale. Could you have a look next week?'),
    ).toBe('normale');
  });
});

describe('Reading: a device still doing its job is not blocked', () => {
  it.each([
    'the scanner glass is cracked, it still scans fine. Could you order a new one?',
    "L'écran de la caisse est rayé mais elle s'allume toujours normalement. Pouvez-vous prévoir un remplacement ?",
  ])('a request: normale — %s', (text) => {
    expect(facts(text).blocked.state).toBe('no');
    expect(level(text)).toBe('normale');
  });

  it.each([
    'the scanner glass is cracked and it no longer scans. Could you order a new one?',
    'My mouse is broken, it was still working fine yesterday but now nothing moves on the screen.',
  ])('no longer, or only yesterday: blocked — %s', (text) => {
    expect(facts(text).blocked.state).toBe('yes');
  });
});

describe('Reading: a fault over since is no block', () => {
  it.each([
    "We need a written report on last week's network outage for the board. Everything has been working fine ever since.",
    "Pour l'assurance, il nous faut un rapport sur la coupure de mardi. Tout fonctionne normalement depuis.",
  ])('a report asked: normale — %s', (text) => {
    expect(level(text)).toBe('normale');
  });

  it('a fault going on since: blocked', () => {
    expect(facts('The network has been down since Tuesday, nobody can work.').blocked.state).toBe('yes');
  });
});

describe('Reading: « can no longer » is a block', () => {
  it('several users: critique', () => {
    expect(
      level(
        'Since the update our booking software can no longer transmit to the portal; all three agents are affected.',
      ),
    ).toBe('critique');
  });

  it('one user: haute', () => {
    expect(level('Since yesterday my scanner can no longer send to the shared folder.')).toBe('haute');
  });

  it('a wait that cannot last is no block: normale', () => {
    expect(level('We can no longer wait to get the new laptops, could you send us a quote?')).toBe('normale');
  });
});

describe('Reading: the writer’s act told with its purpose of carrying on is a way around', () => {
  it.each([
    "Station 4 can't see the file server anymore. We're copying the files on USB sticks between stations to keep working.",
    "The sorting PC crashed and won't come back. We're hand-sorting the parcels today to keep going, slow but fine.",
    'The scanner on line 3 is dead. We are currently scanning on line 2, which allows us to continue.',
    "L'imprimante du guichet est en panne. On imprime les reçus sur le poste du fond, ce qui nous permet de continuer.",
  ])('blocked, a way around: moyenne — %s', (text) => {
    expect(facts(text).workaround.state).toBe('exists');
    expect(level(text)).toBe('moyenne');
  });

  it('a wait is no way: haute', () => {
    expect(
      level("My laptop crashed and won't come back. We're waiting for you to continue the migration."),
    ).toBe('haute');
  });
});

describe('Reading: others doing the work another way instead', () => {
  it.each([
    'The card reader at desk 2 is not working. Visitors pay at the main desk instead.',
    'Le TPE de la terrasse ne marche plus. Les clients paient au comptoir à la place.',
  ])('blocked, a way around: moyenne — %s', (text) => {
    expect(facts(text).workaround.state).toBe('exists');
    expect(level(text)).toBe('moyenne');
  });

  it('the device doing something else instead is its fault: haute', () => {
    const text = 'My label printer is not working, it prints blank labels instead.';
    expect(facts(text).workaround.state).not.toBe('exists');
    expect(level(text)).toBe('haute');
  });

  it('the way asked about is none in use', () => {
    const text = 'The card reader at desk 2 is not working. Could they pay at the main desk instead?';
    expect(facts(text).workaround.state).not.toBe('exists');
    expect(level(text)).not.toBe('moyenne');
  });
});

describe('Reading: an old means taken up again until the fix is a way around', () => {
  it.each([
    'The handhelds of the wardens stopped syncing, the wardens cannot use them. They went back to the paper tickets until it is fixed.',
    'Le serveur de messagerie ne répond plus, les secrétaires ne reçoivent plus rien. Elles ont repris le fax en attendant le dépannage.',
  ])('several users, a way around: moyenne — %s', (text) => {
    expect(facts(text).workaround.state).toBe('exists');
    expect(level(text)).toBe('moyenne');
  });

  it('nothing blocked, a season awaited: normale', () => {
    expect(
      level(
        'Les agents sont formés. Les agents ont repris les tournées en attendant le retour du printemps.',
      ),
    ).toBe('normale');
  });
});

describe('Reading: a copy asked again because it did not arrive is a request', () => {
  it.each([
    'Hello, can you send again the quote of march for the new server, our manager did not receive it. Thanks.',
    'Je n’ai pas reçu la facture de mars, pouvez-vous me la renvoyer ?',
  ])('normale — %s', (text) => {
    expect(facts(text).blocked.state).not.toBe('yes');
    expect(level(text)).toBe('normale');
  });

  it('a server that « renvoie » an error is no copy asked: critique', () => {
    expect(
      level(
        "Le serveur renvoie une erreur et les clients n'ont pas reçu leurs factures, toute la compta est bloquée.",
      ),
    ).toBe('critique');
  });

  it('a mail flow that stopped is a block: critique', () => {
    expect(
      level('Our emails are not received by clients since this morning, the whole sales team is affected.'),
    ).toBe('critique');
  });
});

describe('Narrowed: re-entering is a way only when it is a catch-up later', () => {
  it('a loss to re-enter: haute', () => {
    expect(
      level("J'ai perdu toutes mes saisies de la matinée, le logiciel a planté. Je dois tout ressaisir."),
    ).toBe('haute');
  });

  it('noted on paper, re-entered after: moyenne', () => {
    expect(
      level(
        'Le logiciel de saisie est planté, je ne peux plus enregistrer. Je note sur papier et je ressaisirai tout après.',
      ),
    ).toBe('moyenne');
  });
});

describe('Narrowed: shutting a thing down is no thing down', () => {
  it('a question about a maintenance: normale', () => {
    expect(level('We are planning maintenance next month. Should we shut the server down on Saturday?')).toBe(
      'normale',
    );
  });

  it('the thing down: blocked', () => {
    expect(facts('The server is down, nobody can open the shared files.').blocked.state).toBe('yes');
  });
});
