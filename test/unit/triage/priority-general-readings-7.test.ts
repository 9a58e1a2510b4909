import { describe, expect, it } from 'vitest';
import { triagePriorityByRules } from '../../../shared/domain/triage/priority';
import { levelFromFacts, readPriorityFacts } from '../../../shared/domain/triage/priority-facts';

// Issue 11, after the blind holdout8: each reading is stated with sentences written for this file
// (not the corpus's), French formal and informal, unaccented, upper case and English, with the
// counter-example next to it (a near sentence that must NOT change the level).
const facts = (text: string) => readPriorityFacts(text).readings;
const level = (text: string) => levelFromFacts(readPriorityFacts(text));
// The hand-written readings (the first reader): the learned second reader, which may settle what they
// leave unsure, is stated in learned-second-reader.test.ts.
const triage = (subject: string, text: string) =>
  triagePriorityByRules({ subject, newText: text, headers: {} });

describe('Reading: a supply the work runs on that is cut is blocked', () => {
  it.each([
    'The internet at the surgery is cut since this morning.',
    'Our phone lines have been cut off since 8am.',
    'the wifi in the warehouse keeps getting cut',
    'Network cut again at the depot.',
    "We've been cut off since the storm, no way to reach the portal.",
    'INTERNET IN THE SHOP IS CUT SINCE NOON',
  ])('blocked: %s', (text) => {
    expect(facts(text).blocked.state).toBe('yes');
  });

  it('as a terse subject line: "internet cut in office"', () => {
    const result = triage('internet cut in office', 'Hello, the router shows a red light since last night.');
    expect(result.facts.blocked.state).toBe('yes');
  });

  it.each([
    ['a cost cut', 'The budget for the network was cut by half this year, can we talk about the renewal?'],
    ['cut to length', 'Could the technician bring the phone line cut to length for the new desk?'],
    ['an outage told as an event', 'After the power cut ended everything restarted fine, just for info.'],
    ['a short cut, over', 'There was a brief internet cut last night, all good this morning.'],
    ['a call cut short', 'The phone call with your colleague was cut short, can she call back?'],
    ['negated', "The internet isn't cut, it is only slow in the afternoon."],
  ])('%s: not blocked', (_why, text) => {
    expect(facts(text).blocked.state).not.toBe('yes');
  });

  it('a cut supply with a way of carrying on is moyenne (the holdout8 miss, reworded)', () => {
    expect(
      level('Internet in our shop is cut since 9. We use the 4G box for now, it works but slowly.'),
    ).toBe('moyenne');
  });
});

describe('Reading: an inability said as a noun or an adjective is blocked', () => {
  it.each([
    "Je suis dans l'impossibilité de préparer les bulletins de paie.",
    "nous sommes incapables d'encaisser depuis la mise à jour",
    'JE NE SUIS PAS EN MESURE DE TRAVAILLER SUR LE DOSSIER',
    'je suis dans l impossibilite d ouvrir mes mails',
    "L'agence est hors d'état de délivrer les badges ce matin.",
    'We are in no position to take payments since the update.',
    'The laptop leaves me incapable of opening the client files.',
  ])('blocked: %s', (text) => {
    expect(facts(text).blocked.state).toBe('yes');
  });

  it.each([
    ['what the client cannot tell', "Je ne suis pas en mesure de vous confirmer la date de l'inventaire."],
    ['what the client cannot tell, English', "We're in no position to tell you the number of licences yet."],
    [
      'in case we cannot reach you',
      "En cas d'impossibilité de vous joindre, laissez un message au standard.",
    ],
    ['able again', 'Je suis de nouveau en mesure de travailler, merci.'],
  ])('%s: not blocked', (_why, text) => {
    expect(facts(text).blocked.state).not.toBe('yes');
  });

  it('the writer alone, no way around: haute (the holdout8 miss, reworded)', () => {
    expect(
      level(
        "Depuis ce matin Windows me met un bureau vide. Je suis dans l'impossibilité de préparer mes dossiers.",
      ),
    ).toBe('haute');
  });
});

describe('Reading: the others who do not have the problem say one user', () => {
  it.each([
    "Mes collègues n'ont pas le problème.",
    'les autres ont pas ce souci',
    'Mes collègues, eux, ne rencontrent pas cette erreur.',
    "MES COLLEGUES N'ONT PAS LE MEME PROBLEME",
    "My colleagues don't have the issue.",
    "The others aren't getting this error.",
    "It doesn't happen to my colleagues.",
    "Ça n'arrive pas chez mes collègues.",
  ])('one user: %s', (text) => {
    const read = facts(`Le logiciel de paie plante à l'ouverture. ${text}`);
    expect(read.severalUsers).toMatchObject({ state: 'no', confidence: 'high' });
  });

  it.each([
    [
      'the others have it too',
      "Le logiciel de paie plante à l'ouverture. Mes collègues ont le même problème.",
    ],
    [
      'the others cannot either',
      "Le logiciel de paie plante à l'ouverture. Mes collègues n'ont pas accès non plus.",
    ],
    [
      'the others have it too, English',
      'The payroll app crashes on opening. My colleagues have the same issue.',
    ],
  ])('%s: not read as one user', (_why, text) => {
    expect(readPriorityFacts(text).phrases.oneUser).toEqual([]);
  });

  it('a tool that stopped on one desk, the others fine: haute, settled (the holdout8 miss, reworded)', () => {
    const result = triage(
      'Sage ne se lance plus',
      "Sage ne se lance plus, il reste sur l'écran de chargement. Mes collègues n'ont pas ce souci.",
    );
    expect(result.level).toBe('haute');
    expect(result.confidence).toBe('high');
  });

  it('the same tool with the others in it: critique', () => {
    expect(level('Sage ne se lance plus sur aucun poste. Mes collègues ont le même souci, on est 4.')).toBe(
      'critique',
    );
  });
});

describe('Reading: the work done through another channel, after a blocked statement, is a workaround', () => {
  it.each([
    "L'imprimante de l'accueil est hors service. On envoie les factures par mail aux clients, ça passe.",
    'La caisse est bloquée depuis 10h. Nous prenons les commandes par téléphone.',
    'le logiciel de rdv plante. on confirme les rendez-vous par sms a la main',
    'The label printer is down. We are sending the delivery notes by email instead of printing them.',
    'The booking system has been unavailable since 8. We take bookings over the phone into a spreadsheet.',
    "Le serveur d'impression est HS ; j'envoie les ordonnances par fax à la pharmacie.",
  ])('workaround exists: %s', (text) => {
    expect(facts(text).workaround.state).toBe('exists');
  });

  it.each([
    [
      'a channel before any fault: how they work',
      'Nous envoyons nos factures par mail depuis Sage. Depuis hier Sage plante.',
    ],
    ['nothing blocked', 'On envoie les factures par mail, pouvez-vous ajouter notre logo au modèle ?'],
    ['a message to the desk', 'La caisse est bloquée. Je vous envoie la capture par mail.'],
    ['a message to the desk, English', "The till is stuck. I'm sending you the screenshot by email."],
    ['a habit', "La caisse est bloquée. D'habitude on envoie les tickets par mail, là plus rien."],
    ['cannot either', 'Le logiciel est bloqué et on ne peut pas envoyer les factures par mail non plus.'],
    ['blocked too', "L'imprimante est HS. On envoie les factures par mail mais ça plante aussi."],
    ['reachable', 'Le standard est hors service. Nous sommes joignables par téléphone au 0262 00 00 00.'],
    ['a request to the desk', 'Le serveur est en panne, merci de nous répondre par téléphone.'],
    ['a report of the problem', 'Le TPE est HS depuis ce matin. On a prévenu le fournisseur par mail.'],
    ['a call to the desk', 'The server is down for everyone. I called your hotline by phone.'],
    [
      'the problem passed on',
      'Le serveur est HS. Nous avons transmis le problème par mail à votre collègue.',
    ],
  ])('%s: no workaround', (_why, text) => {
    expect(facts(text).workaround.state).not.toBe('exists');
  });

  it('a printer down, invoices mailed meanwhile: moyenne, not the tie rule (the holdout8 miss, reworded)', () => {
    const result = triage(
      'Imprimante du comptoir HS',
      "L'imprimante du comptoir est hors service. Pour les retraits on envoie les bons par mail, ça passe.",
    );
    expect(result.level).toBe('moyenne');
    // The channel is an inferred workaround and who is blocked is open: the client is asked
    // whether they can carry on, the level stays moyenne (triage.md, "Confidence, the questions").
    expect(result.uncertain).toEqual(['workaround']);
  });
});

describe('Reading: a time phrase that sets a request aside is no workaround', () => {
  it.each([
    'Forget the quota question for now: the shared drive has vanished for the whole team.',
    'Ignore my earlier mail about the toner for the time being. None of our six nurses can log in.',
    'Please disregard the quote request in the meantime; the whole office has lost the network.',
    'Oubliez le devis en attendant. Depuis 8h, plus aucun poste du cabinet ne démarre.',
    'OUBLIEZ MA QUESTION SUR LES LICENCES EN ATTENDANT. DEPUIS CE MATIN PERSONNE NE PEUT SE CONNECTER.',
    "Pour l'instant, laissez tomber le devis. Depuis 8h, plus aucun poste du cabinet ne démarre.",
  ])('no workaround, critique: %s', (text) => {
    expect(facts(text).workaround.state).not.toBe('exists');
    expect(level(text)).toBe('critique');
  });

  it.each([
    [
      'the client drops a tool and carries on',
      'Le scanner est HS : on le laisse de côté et on saisit à la main pour l’instant.',
    ],
    [
      'forget, then what we do',
      'The scanner is dead. Forget the scanner and we type the codes by hand for now.',
    ],
    ['a way of carrying on for now', 'The till is down, for now we take cash only.'],
  ])('%s: the way of carrying on still counts', (_why, text) => {
    expect(facts(text).workaround.state).toBe('exists');
    expect(level(text)).toBe('moyenne');
  });
});

// Found by the metamorphic test on the blind holdout8 (dropping "ne"): the denial keeps its meaning.
describe('Reading: spoken French drops the ne of a denial of being blocked', () => {
  it.each([
    "Ça bloque pas le travail de l'équipe, c'est juste lent.",
    'ce souci nous gêne pas vraiment, regardez quand vous pouvez',
    "ca m'empeche pas de travailler",
    'LE PROBLÈME BLOQUE PLUS PERSONNE DEPUIS LA MISE À JOUR',
  ])('not blocked: %s', (text) => {
    expect(facts(text).blocked.state).toBe('no');
    expect(readPriorityFacts(text).phrases.notBlocked).not.toEqual([]);
  });

  it('the same denial with its ne reads the same', () => {
    expect(facts("Ça ne bloque pas le travail de l'équipe, c'est juste lent.").blocked.state).toBe('no');
  });

  it.each([
    ['pas mal: quite a lot', 'Ça bloque pas mal le service depuis ce matin, plus personne ne peut imprimer.'],
    ['plus de: more than', "Ça bloque plus d'une caisse : deux terminaux sont figés."],
    ['a blocked statement', 'Ça bloque tout le service depuis ce matin.'],
  ])('%s: still blocked', (_why, text) => {
    expect(facts(text).blocked.state).toBe('yes');
  });

  it('the staff named in a denial are no several users blocked: normale', () => {
    expect(level('Le wifi est lent côté terrasse. Ça bloque pas le travail du personnel.')).toBe('normale');
  });
});
