import { describe, expect, it } from 'vitest';
import { triagePriority } from '../../../shared/domain/triage/priority';
import { levelFromFacts, readPriorityFacts } from '../../../shared/domain/triage/priority-facts';
import { foldText } from '../../../shared/domain/triage/text-normalize';

// Issue 11, after the blind holdout4: each reading is stated with sentences written for this file
// (not the corpus's), French formal and informal, unaccented, SMS, upper case and English, with the
// attacker's counter-example next to it (what must NOT be read).
const facts = (text: string) => readPriorityFacts(text).readings;
const level = (text: string) => levelFromFacts(readPriorityFacts(text));
const triage = (text: string) => triagePriority({ subject: '', newText: text, headers: {} });

describe('Reading: an apostrophe dropped by a phone keyboard is still an apostrophe', () => {
  it.each([
    ['les peseurs sont a l arret', "les peseurs sont a l'arret"],
    ['pas d autre moyen', "pas d'autre moyen"],
    ['j arrive pas a me connecter', "j'arrive pas a me connecter"],
    ['on n a plus acces', "on n'a plus acces"],
    ['qu on m a dit aujourd hui', "qu'on m'a dit aujourd'hui"],
    ['c est bloque', "c'est bloque"],
    [
      'I don t know, I m stuck, it s down, we can t log in',
      "i don't know, i'm stuck, it's down, we can't log in",
    ],
    [
      'we re emailing them, they ve tried, I ll call, we d like',
      "we're emailing them, they've tried, i'll call, we'd like",
    ],
  ])('%s → %s', (raw, folded) => {
    expect(foldText(raw).text).toBe(folded);
  });

  it.each([
    ['a unit after a number', '5 m de cable', '5 m de cable'],
    ['a drive letter', 'le lecteur C ne repond plus', 'le lecteur c ne repond plus'],
    ['SMS "c" for "c\'est" before a participle is left alone', 'c bloque', 'c bloque'],
    ['a plan letter', 'plan B pour demain', 'plan b pour demain'],
  ])('%s: left as written', (_why, raw, folded) => {
    expect(foldText(raw).text).toBe(folded);
  });

  it("keeps the client's words as evidence (same length, same index map)", () => {
    const r = facts('les 3 peseurs sont a l arret, pas d autre moyen de faire les bons');
    expect(r.blocked.state).toBe('yes');
    expect(r.blocked.evidence.join(' ')).toContain('a l arret');
    expect(r.workaround.state).toBe('none');
  });

  it.each([
    'les caissieres sont a l arret depuis ce matin, y a pas d autre caisse',
    'LES CAISSIERES SONT A L ARRET DEPUIS CE MATIN, Y A PAS D AUTRE CAISSE',
    'we can t log in, there s no other way to take orders',
  ])('several people stopped, no way around, without apostrophes → critique: %s', (text) => {
    expect(level(text)).toBe('critique');
  });
});

describe('Reading: a negative quantifier as subject carries the negation even without "ne"', () => {
  it.each([
    'aucune des 3 balances peut envoyer les pesées au logiciel',
    'aucune des trois balances ne peut envoyer les pesées',
    'Aucun de nos postes démarre depuis la coupure.',
    'AUCUN POSTE DEMARRE DEPUIS LA COUPURE',
    'aucun vendeur arrive à se connecter à la caisse',
    '0 moniteur peut reserver le simulateur depuis ce matin',
    'zéro caisse marche ce matin',
    'pas une seule tablette se connecte au wifi',
    'No till works since the update.',
    'Zero drivers can log in to the app this morning.',
    'not a single nurse can open the charts',
  ])('blocked, several → critique: %s', (text) => {
    expect(facts(text).blocked.state).toBe('yes');
    expect(level(text)).toBe('critique');
  });

  it.each([
    ['the other polarity', 'Aucun client s’est plaint, tout fonctionne.'],
    ['a problem that is absent', 'Aucun problème, tout marche depuis hier.'],
    ['news that is absent', 'Aucune nouvelle du technicien, la caisse marche à nouveau depuis ce matin.'],
    ['an idea', 'Aucune idée pourquoi ça marche mieux, mais merci.'],
    ['English: no problem', 'No problem, it works now.'],
    ['English: "no, it works"', 'No it works fine now, thanks.'],
    ['English: no one else (a person, read elsewhere)', 'No rush at all, everything works.'],
    [
      'a noun, not a verb (imprimantes)',
      'Aucune des imprimantes ne me pose problème, je voulais savoir imprimer en recto verso.',
    ],
    ['not yet updated', "Aucun de nos postes n'a encore la mise à jour Windows, est-ce prévu ?"],
  ])('%s: not blocked', (_why, text) => {
    expect(facts(text).blocked.state).not.toBe('yes');
    expect(level(text)).toBe('normale');
  });
});

describe('Reading: "no X possible" is being unable to work', () => {
  it.each([
    'Le simulateur est réservé par personne : aucun cours possible aujourd’hui.',
    'plus de vente possible depuis 9h, on est 4 en boutique',
    'pas de paiement possible',
    'No bookings possible since this morning.',
  ])('blocked: %s', (text) => {
    expect(facts(text).blocked.state).toBe('yes');
  });

  it.each([
    ['as many as possible', 'Merci de nous envoyer le plus de licences possible.'],
    ['a workaround ruled out', "Pas d'autre solution possible selon le fournisseur ?"],
    ['no risk', 'Aucun risque possible, la sauvegarde est faite.'],
  ])('%s: not a blocked statement', (_why, text) => {
    expect(facts(text).blocked.state).not.toBe('yes');
  });
});

describe('Reading: a fallback that is itself blocked, or was never installed, is no workaround', () => {
  it.each([
    "Le PC du guichet est en panne, toute l'équipe attend. Le portable de secours lui aussi refuse de se connecter.",
    "Nos 6 agents ne peuvent plus émettre de billets. L'imprimante de secours ne s'allume pas non plus.",
    'le pc de la caisse est HS, on est 3, le pc de secours demarre pas non plus',
    'Our whole front desk is stuck: the booking PC is down and the backup laptop keeps crashing.',
    'None of our drivers can scan parcels. The spare scanner won’t connect either.',
    "Les 5 boutiques ne peuvent plus encaisser. La caisse de secours prévue au contrat n'a jamais été installée.",
    "Toute l'équipe est bloquée, le routeur de secours n'est toujours pas livré.",
    'All our cashiers are blocked; the backup terminal was never set up.',
    'The whole team is locked out and we never received the spare keyfobs.',
  ])('several blocked, fallback failed or missing → critique: %s', (text) => {
    expect(['failed', 'none']).toContain(facts(text).workaround.state);
    expect(level(text)).toBe('critique');
  });

  it.each([
    [
      'a fallback that works',
      'Nos 6 agents ne peuvent plus imprimer, on utilise l’imprimante de secours en attendant.',
    ],
    [
      'the main device is the blocked one (cause)',
      'On travaille sur le portable de secours car le PC principal ne démarre plus, nous sommes 4.',
    ],
    [
      'the main device is the blocked one (English)',
      'We are on the backup laptop because the main PC won’t boot, all three of us.',
    ],
    [
      'installed and in use',
      'Le TPE est en panne. Le terminal de secours a été installé hier, on encaisse dessus en attendant.',
    ],
  ])('%s: still a workaround → moyenne', (_why, text) => {
    expect(facts(text).workaround.state).toBe('exists');
    expect(level(text)).toBe('moyenne');
  });
});

describe('Reading: a way of carrying on until the repair, in any voice, is a workaround', () => {
  it.each([
    'La messagerie des navires est hors service. Les avis sont envoyés par fax en attendant la réparation.',
    'Le logiciel de commande est HS ; les commandes sont prises par téléphone en attendant le technicien.',
    "En attendant l'intervention, les bons sont remplis à la main par les livreurs. Le terminal est en panne.",
    'le standard est en panne, les appels passent par whatsapp en attendant que ca remarche',
    'The ordering system is down. Orders are taken by phone until it’s fixed.',
    'Our booking site is offline; bookings are handled by email pending the repair.',
    'Le logiciel de paie ne s’ouvre plus. Les bulletins sont faits sur Excel en attendant le dépannage.',
    'The payroll app is down, payslips are done in a spreadsheet until it’s fixed.',
    "Mon PC ne démarre plus, j'utilise celui de ma collègue qui est en congé.",
    'mon ordi est mort, je travaille sur le pc de la secretaire en attendant',
  ])('blocked with a workaround → moyenne: %s', (text) => {
    expect(facts(text).workaround.state).toBe('exists');
    expect(level(text)).toBe('moyenne');
  });

  it.each([
    [
      'nothing can be done meanwhile',
      'Le serveur est en panne, nous ne pouvons rien envoyer par fax en attendant la réparation.',
    ],
    [
      'not even by fax',
      "Impossible d'envoyer les avis, même par fax, en attendant la réparation ; toute l'équipe est bloquée.",
    ],
    ['stuck until fixed', 'The whole team is stuck until it’s fixed, we cannot even work on paper.'],
    [
      "a colleague's device that is broken too",
      'Le PC de ma collègue ne marche plus non plus, nous sommes bloquées toutes les deux.',
    ],
  ])('%s: no workaround', (_why, text) => {
    expect(facts(text).workaround.state).not.toBe('exists');
    expect(level(text)).toBe('critique');
  });
});

describe('Reading: a success said of the workaround is not a denial of being blocked', () => {
  it.each([
    'bjr imprimante contrat en panne au comptoir. on envoie les contrats par mail en attendant, ca marche mais c est long',
    "L'imprimante est en panne. On envoie les contrats par mail en attendant. Ça fonctionne, mais c'est long.",
    'The label printer is broken, we handwrite the labels for now, it works but it is slow.',
  ])('blocked, workaround that works → moyenne: %s', (text) => {
    expect(facts(text).blocked.state).toBe('yes');
    expect(level(text)).toBe('moyenne');
  });

  it.each([
    ['the tool itself works', "L'imprimante fait un bruit bizarre, ça marche mais c'est lent."],
    ['everything works', 'Le scanner a planté hier, tout fonctionne ce matin.'],
  ])('%s: not blocked → normale', (_why, text) => {
    expect(level(text)).toBe('normale');
  });
});

describe('Reading: a writer who speaks only of herself is one user (the tie rule does not fire)', () => {
  it.each([
    "Impossible d'envoyer la commande, le portail du fournisseur me déconnecte à chaque validation.",
    'impossible d envoyer la commande, le portail me deconnecte a chaque fois',
    "Le logiciel m'affiche une erreur de licence au démarrage, je suis bloqué.",
    'The supplier portal keeps logging me out, impossible to send the order.',
    'The app won’t let me in since the update.',
    'Ma tablette affiche un écran blanc depuis la mise à jour. Impossible de lancer la séance.',
    'My laptop won’t boot this morning, no other machine here.',
  ])('one user, blocked, nothing else → haute (confident): %s', (text) => {
    expect(facts(text).severalUsers.state).toBe('no');
    expect(triage(text)).toMatchObject({ level: 'haute', confidence: 'high' });
  });

  it.each([
    ['me and my colleagues', 'Le portail nous déconnecte, moi et mes collègues, à chaque validation.'],
    [
      'me and my colleagues (English)',
      'The portal keeps logging me and my colleagues out, none of us can order.',
    ],
    ['us', 'Le portail nous déconnecte tous à chaque validation.'],
  ])('%s: several → critique', (_why, text) => {
    expect(facts(text).severalUsers.state).toBe('yes');
    expect(level(text)).toBe('critique');
  });

  it('"call me back" elsewhere says nothing about who is blocked (the tie rule still fires)', () => {
    const text = 'Le serveur de fichiers ne répond plus depuis 8h. Pouvez-vous me rappeler ?';
    // The rules leave it open (the learned reader may then settle it: a file server is shared).
    expect(facts(text).severalUsers.state).toBe('unknown');
    expect(level(text)).toBe('critique');
    expect(triage(text).facts.severalUsers.state).not.toBe('no');
    expect(triage(text).level).toBe('critique');
  });
});

describe('Reading: one personal device that stopped, nobody named, is one user', () => {
  it.each([
    'Bonjour, la tablette du corbillard ne trouve plus aucune adresse depuis la mise à jour. Convoi à 10h.',
    "l'ordi du bureau s'allume plus du tout. pas d'autre ordi pour passer les commandes",
    'LA TABLETTE DU CAMION NE SE CONNECTE PLUS AU SERVEUR',
    'The laptop in van 3 won’t start this morning.',
  ])('one device → haute: %s', (text) => {
    expect(facts(text).severalUsers.state).toBe('no');
    expect(level(text)).toBe('haute');
  });

  it.each([
    ['a shared server', 'Le serveur de caisse ne répond plus depuis ce matin.'],
    [
      'a payment terminal',
      'Card payment terminal not responding since 10am. Nothing else works for payments.',
    ],
    ['two devices', 'le pc diag et celui de la caisse sont morts, rien a faire'],
    ['a till PC a team shares', "Le PC de la caisse ne démarre plus, impossible d'encaisser."],
    ['the reception PC (English)', 'The reception PC won’t boot this morning.'],
    ['every tablet', 'Les tablettes des livreurs ne se connectent plus au serveur.'],
  ])('%s: who is blocked stays open → critique by the tie rule, or several', (_why, text) => {
    expect(facts(text).severalUsers.state).not.toBe('no');
    expect(level(text)).toBe('critique');
  });

  it('people named with the device still decide (les 3 gars de l’atelier)', () => {
    const text =
      'les 3 gars de l atelier peuvent plu rien faire, le pc diag est mort. rien a faire on a tout essayé';
    expect(level(text)).toBe('critique');
  });
});

describe('Reading: people the writer has or serves are not the users who are blocked', () => {
  it.each([
    "Ma tablette affiche un écran blanc. Impossible de lancer la séance, j'ai 8 élèves à 14h.",
    "Je ne peux plus ouvrir le logiciel de rendez-vous et j'ai 12 patients cet après-midi.",
    "I can't open the booking app and I have 20 guests arriving at noon.",
    "j'ai 3 clients qui attendent et mon ordi est planté",
  ])('one user → haute: %s', (text) => {
    expect(facts(text).severalUsers.state).not.toBe('yes');
    expect(level(text)).toBe('haute');
  });

  it.each([
    ['staff who are blocked', 'Nous avons 5 secrétaires bloquées depuis ce matin.'],
    ['a relative clause', 'On a 4 vendeurs qui ne peuvent plus encaisser.'],
    ['English', 'We have 6 nurses who cannot open the charts.'],
    ['staff, not people served', "J'ai 4 infirmières sans accès au dossier patient."],
  ])('%s: several → critique', (_why, text) => {
    expect(facts(text).severalUsers.state).toBe('yes');
    expect(level(text)).toBe('critique');
  });
});

describe('Reading: a fault that is over is not being blocked now', () => {
  it.each([
    "L'imprimante était en panne hier mais ça marche maintenant, merci.",
    'Le serveur était HS ce matin, ça remarche depuis 10h.',
    'le vpn a plante ce matin, ca refonctionne a nouveau',
    'The VPN was down earlier but it’s working again now.',
    'The till crashed at 9, it works now, thanks.',
    'problème résolu, vous pouvez clôturer',
  ])('normale: %s', (text) => {
    expect(facts(text).blocked.state).toBe('no');
    expect(level(text)).toBe('normale');
  });

  it.each([
    ['still not working', 'ca marche pas maintenant, je peux pas me connecter', 'haute'],
    [
      'a condition, not a fact',
      "Nous ne pouvons plus facturer, merci de rappeler quand c'est réglé, nous sommes 5.",
      'critique',
    ],
    [
      'until it is sorted (a workaround)',
      "My workstation fails the logon so I can't use it. I'm using my own laptop until it's sorted.",
      'moyenne',
    ],
  ])('%s: %s', (_why, text, expected) => {
    expect(level(text)).toBe(expected);
  });
});

describe('Reading: none of the means of work, an error shown, being pushed out by the tool', () => {
  it.each([
    ['0 connexion au logiciel depuis 8h pour toute l équipe', 'critique'],
    ['Aucun accès au serveur depuis ce matin, nous sommes 6.', 'critique'],
    ['Le portail des impôts me rejette à chaque connexion, la déclaration doit partir ce soir.', 'haute'],
    ["l'appli me jette dès que je valide", 'haute'],
    [
      "Personne au secrétariat n'arrive à imprimer, et l'imprimante de secours affiche aussi une erreur.",
      'critique',
    ],
    ['The portal throws an error every time I log in.', 'haute'],
  ])('blocked: %s → %s', (text, expected) => {
    expect(facts(text).blocked.state).toBe('yes');
    expect(level(text)).toBe(expected);
  });

  it.each([
    ['nothing to report', 'Aucun accès à signaler, tout fonctionne.'],
    ['a hypothesis', 'Que faire si le logiciel affiche une erreur à la clôture ?'],
    ['no more errors', "Le logiciel n'affiche plus d'erreur depuis la mise à jour, merci."],
    ['a look, not a rejection', 'Pouvez-vous me jeter un oeil sur la facture ?'],
  ])('%s: not blocked', (_why, text) => {
    expect(facts(text).blocked.state).not.toBe('yes');
  });
});

describe('Reading: good news about an error, and a hypothesis asked, say nothing blocked', () => {
  it.each([
    "Le logiciel n'affiche plus d'erreur depuis la mise à jour, merci.",
    'No more errors since the update, thanks!',
    'Que faire si le logiciel affiche une erreur à la clôture ?',
    'What should we do if the till crashes during the sale?',
  ])('not blocked: %s', (text) => {
    expect(facts(text).blocked.state).not.toBe('yes');
  });

  it.each([
    "Le logiciel n'affiche pas d'erreur mais il ne démarre plus, je suis bloquée.",
    'Si je clique sur Valider, ça plante. Je ne peux pas facturer.',
    'Est-ce normal que je ne puisse plus me connecter ?',
  ])('still blocked: %s', (text) => {
    expect(facts(text).blocked.state).toBe('yes');
  });
});

describe('Reading: terse and English reports — a tool down, vanished, neither/none of them working', () => {
  it.each([
    'EDI down: none of the orders from our 40 stores are coming through, warehouse idle.',
    'Neither of the two tills will take cards this morning. We have no other terminal.',
    'The shared drive vanished for the whole accounts team, month-end close due today.',
    'wifi down since 8, whole office idle',
  ])('several blocked, no workaround → critique: %s', (text) => {
    expect(level(text)).toBe('critique');
  });

  it.each([
    ['a phrasal verb', 'Could you slow down the backup schedule? Nothing urgent.'],
    ['a figure', 'Sales down this month, can we get a report of the tickets?'],
    ['the error itself vanished', 'The error message disappeared after the update, thanks.'],
    ['the other polarity', 'None of the staff are bothered by the new login page.'],
  ])('%s: not blocked', (_why, text) => {
    expect(facts(text).blocked.state).not.toBe('yes');
    expect(level(text)).toBe('normale');
  });
});

describe('Requests and questions stay normale (the new readings do not over-read)', () => {
  it.each([
    'Bonjour, pourriez-vous me créer un compte pour notre nouvelle stagiaire ? Aucune urgence.',
    "Bonjour, j'ai 8 élèves inscrits demain, pouvez-vous créer leurs comptes ?",
    'Hi, we have 12 new starters on Monday, could you prepare their laptops?',
    "Bonjour, la tablette de l'accueil est lente depuis la mise à jour, mais on peut travailler.",
    'Quick question: what do we do if the card reader goes down during the market?',
    "Could you turn down the screen brightness on the kiosk? It's too bright.",
    'Bonjour, 0 problème depuis la migration, merci encore !',
    'Merci, tout remarche depuis votre intervention !',
  ])('normale: %s', (text) => {
    expect(level(text)).toBe('normale');
  });
});
