import { describe, expect, it } from 'vitest';
import { levelFromFacts, readPriorityFacts } from '../../../shared/domain/triage/priority-facts';

// Issue 19, part F: the edges of the fact reading (priority-facts.ts) that no other test stated —
// each a rule of the reading, with its own sentences and the case on the other side of the line.
const read = (text: string, subjectLength = 0, problemContext = '') =>
  readPriorityFacts(text, subjectLength, problemContext);
const level = (text: string) => levelFromFacts(readPriorityFacts(text));

describe('Negation before a cue', () => {
  it.each([
    ['`sans` right before the cue', 'Installation faite, sans bloquant.'],
    ['`sans être` before the cue', 'Je peux continuer sans être bloqué.'],
    ['`ne … plus` around a verb of being', 'Je ne suis plus bloqué.'],
    ['a bare `plus` right before the cue', 'Je suis plus bloqué.'],
    ['a bare `pu` right before the cue', 'Je suis pu bloqué.'],
    ['an English `n’t`', "The screen isn't frozen anymore."],
    ['`non` joined by a hyphen', 'Le poste est non-bloqué.'],
  ])('denies being blocked: %s', (_rule, text) => {
    const facts = read(text);
    expect(facts.readings.blocked).toMatchObject({ state: 'no', confidence: 'high' });
    expect(facts.phrases.notBlocked).toHaveLength(1);
    expect(facts.phrases.blocked).toEqual([]);
  });

  it('cancels a breakdown said with `ne` right before it: it no longer happens, and nothing else is said', () => {
    const facts = read("L'application ne plante plus depuis hier.");
    expect(facts.readings.blocked).toEqual({ state: 'no', confidence: 'medium', evidence: [] });
  });

  it.each([
    ['`plus` meaning "also", a clause before', 'En plus, je suis bloqué.'],
    ['a negation before `et`: a new statement starts', 'Pas de souci et je suis bloqué.'],
    ['a negation in another clause', 'Je ne sais pas, le logiciel est bloqué.'],
  ])('does not negate: %s', (_rule, text) => {
    expect(read(text).readings.blocked).toMatchObject({ state: 'yes', confidence: 'high' });
  });
});

describe('Fewer than all is not several', () => {
  it.each([
    ['`not` before the group', 'Not everyone is affected, I cannot print.'],
    ['`non` before the group', 'Non tout le monde, je ne peux plus imprimer.'],
    ['a word ending in `n’t` before the group', "It isn't everyone, I cannot print."],
  ])('%s: one person blocked → haute', (_rule, text) => {
    const facts = read(text);
    expect(facts.readings.severalUsers.state).toBe('no');
    expect(facts.phrases.severalUsers).toEqual([]);
    expect(level(text)).toBe('haute');
  });

  it('the group without the negation is several (critique)', () => {
    expect(level('Everyone cannot print.')).toBe('critique');
  });
});

describe('How much evidence is kept', () => {
  it('quotes at most two blocked statements', () => {
    const facts = read('Je suis bloqué. La caisse est bloquée. Le serveur est bloqué.');
    expect(facts.readings.blocked.evidence).toEqual(['Je suis bloqué', 'La caisse est bloquée']);
    expect(facts.phrases.blocked).toEqual(['Je suis bloqué', 'La caisse est bloquée']);
  });

  it('quotes at most two several-users phrases, and lists them all as phrases', () => {
    const facts = read('Nous sommes 5 bloqués, 12 agents bloqués, 3 comptables bloqués.');
    expect(facts.readings.severalUsers.evidence).toEqual(['Nous sommes 5 bloqués']);
    expect(facts.phrases.severalUsers).toEqual([
      'Nous sommes 5 bloqués',
      '12 agents bloqués',
      '3 comptables bloqués',
    ]);
  });

  it('quotes the first one-user phrase only', () => {
    const facts = read("Je suis bloqué, seulement moi, juste moi, il n'y a que moi.");
    expect(facts.readings.severalUsers).toEqual({
      state: 'no',
      confidence: 'high',
      evidence: ["il n'y a que moi"],
    });
    expect(facts.phrases.oneUser).toHaveLength(3);
  });

  it('quotes at most two not-blocked statements, in the order written', () => {
    const facts = read('Aucun impact. Rien de grave. Tout marche. Je suis bloqué.');
    expect(facts.readings.blocked.evidence).toEqual(['Aucun impact', 'Rien de grave']);
    expect(facts.phrases.notBlocked).toEqual(['Aucun impact', 'Rien de grave', 'Tout marche']);
  });
});

describe('Blocked and not blocked both said', () => {
  it('is not blocked when the not-blocked statements are at most one fewer than the blocked ones', () => {
    const text = 'Je suis bloqué. La caisse est bloquée. Sinon tout fonctionne.';
    expect(read(text).readings.blocked).toEqual({
      state: 'no',
      confidence: 'high',
      evidence: ['Sinon tout fonctionne'],
    });
    expect(read(text).phrases.blocked).toEqual(['Je suis bloqué', 'La caisse est bloquée']);
  });

  it('is unknown (low: the client is asked) when blocked statements outnumber them by two', () => {
    const text = 'Je suis bloqué. La caisse est bloquée. Le serveur est bloqué. Sinon tout fonctionne.';
    expect(read(text).readings.blocked).toEqual({
      state: 'unknown',
      confidence: 'low',
      evidence: ['Sinon tout fonctionne'],
    });
  });
});

describe('The phrases of each fact', () => {
  it('lists a refused workaround as no workaround, and none as a workaround', () => {
    const facts = read('Je suis bloqué, pas de solution de contournement.');
    expect(facts.phrases).toMatchObject({
      workaround: [],
      noWorkaround: ['pas de solution de contournement'],
    });
    expect(facts.readings.workaround).toEqual({
      state: 'none',
      confidence: 'high',
      evidence: ['pas de solution de contournement'],
    });
  });

  it('lists a failed attempt as no workaround', () => {
    const facts = read("Je suis bloqué, j'ai essayé sur un autre poste, même problème.");
    expect(facts.readings.workaround.state).toBe('failed');
    expect(facts.phrases).toMatchObject({ workaround: [], noWorkaround: ['même problème'] });
  });

  it('lists a workaround in use as a workaround, and nothing as no workaround', () => {
    const facts = read('Je suis bloqué, je passe par le poste de ma voisine en attendant.');
    expect(facts.readings.workaround.state).toBe('exists');
    expect(facts.phrases).toMatchObject({
      workaround: ['je passe par le poste de ma voisine en attendant'],
      noWorkaround: [],
    });
  });

  it('says nothing of a workaround when none is mentioned (medium: counts as none)', () => {
    const facts = read('Je suis bloqué.');
    expect(facts.readings.workaround).toEqual({ state: 'not-mentioned', confidence: 'medium', evidence: [] });
    expect(facts.phrases).toMatchObject({ workaround: [], noWorkaround: [] });
  });

  it('keeps the blocked phrases, not the not-blocked ones, under `blocked` when the client is not blocked', () => {
    const facts = read('Je suis bloqué. La caisse est bloquée. Sinon tout fonctionne.');
    expect(facts.blocked).toBe(false);
    expect(facts.phrases.notBlocked).toEqual(['Sinon tout fonctionne']);
  });
});

describe('A success told right after a workaround is said of the workaround', () => {
  it('opening the next sentence: the tool is still stopped (moyenne)', () => {
    const facts = read("On envoie les contrats par mail en attendant. Ça marche mais c'est long.");
    expect(facts.readings.blocked).toMatchObject({ state: 'yes', confidence: 'medium' });
    expect(facts.phrases.notBlocked).toEqual([]);
  });

  it('later in the next sentence, or two sentences on, it is the client saying things work', () => {
    for (const text of [
      "On envoie les contrats par mail en attendant. Bon, ça marche mais c'est long.",
      "On envoie les contrats par mail en attendant. Le reste va. Ça marche mais c'est long.",
    ]) {
      expect(read(text).readings.blocked).toMatchObject({ state: 'no', confidence: 'high' });
    }
  });

  it('before the workaround, even in its sentence, it is the client saying things work', () => {
    for (const text of [
      "Ça marche mais c'est long. On envoie les contrats par mail en attendant.",
      "Ça marche mais c'est long, on envoie les contrats par mail en attendant.",
    ]) {
      expect(read(text).readings.blocked).toMatchObject({ state: 'no', confidence: 'high' });
    }
  });

  it('finds the sentence after the workaround wherever the workaround stands in the mail', () => {
    const text =
      "Le serveur est en panne. On envoie les contrats par mail en attendant. Ça marche mais c'est long.";
    expect(read(text).readings.blocked).toEqual({
      state: 'yes',
      confidence: 'high',
      evidence: ['Le serveur est en panne'],
    });
  });
});

describe('A workaround implies a stopped tool only with a problem said', () => {
  it('reads a problem in the forwarded message as the context of the workaround', () => {
    const text = 'Pour info, on passe les commandes par téléphone en attendant.';
    expect(read(text).readings.blocked).toEqual({ state: 'no', confidence: 'medium', evidence: [] });
    expect(read(text, 0, 'Le portail fournisseur ne répond plus.').readings.blocked).toEqual({
      state: 'yes',
      confidence: 'medium',
      evidence: ['on passe les commandes par téléphone en attendant'],
    });
  });

  it('reads only the first 20,000 characters of the forwarded message', () => {
    const text = 'Pour info, on passe les commandes par téléphone en attendant.';
    const late = `${'x '.repeat(10_000)}Le portail est en panne.`;
    expect(read(text, 0, late).readings.blocked.state).toBe('no');
  });

  it('quotes the first workaround or failure as the evidence of the implied block', () => {
    const facts = read(
      'On imprime chez le voisin en attendant. On passe aussi par le téléphone en attendant.',
      0,
      'panne',
    );
    expect(facts.readings.blocked.evidence).toHaveLength(1);
  });
});

describe('The subject of a new message', () => {
  it('counts a group named in the subject as several users on its own', () => {
    const subject = 'Toute la compta';
    const text = `${subject}\n\nLe logiciel de paie est en panne.`;
    expect(read(text, subject.length).readings.severalUsers.state).toBe('yes');
    expect(read(text).readings.severalUsers.state).not.toBe('yes');
  });
});

describe('Who needs the tool, when something is blocked', () => {
  it('counts `nous sommes cinq à devoir signer` as several when something is blocked', () => {
    const text = 'Je suis bloqué et nous sommes cinq à devoir signer.';
    // Without that count, `je` and `nous` in one clause would leave it open (low).
    expect(read(text).readings.severalUsers).toMatchObject({ state: 'yes', confidence: 'high' });
    expect(level(text)).toBe('critique');
  });

  it('names who is blocked from a count in the sentence after the blocked one (`On est 4 à s’en servir`)', () => {
    expect(
      read("Le logiciel de signature est en panne. On est 4 à s'en servir.").readings.severalUsers,
    ).toEqual({
      state: 'yes',
      confidence: 'high',
      evidence: ["On est 4 à s'en servir"],
    });
  });

  it('does not take that count asked about as said', () => {
    expect(
      read("Le logiciel de signature est en panne. Sommes-nous vraiment cinq à devoir l'utiliser ?").readings
        .severalUsers,
    ).toEqual({ state: 'yes', confidence: 'medium', evidence: ['Le logiciel de signature est en panne'] });
  });

  it('says nothing of who is blocked when nothing is', () => {
    expect(read('Nous sommes cinq à devoir signer les contrats.').readings.severalUsers).toEqual({
      state: 'no',
      confidence: 'medium',
      evidence: [],
    });
  });
});

describe('A cue said many times', () => {
  it('counts a cue 32 times at most', () => {
    const many = (n: number) =>
      `Sinon tout fonctionne. ${Array.from({ length: n }, (_, i) => `poste ${i + 1} bloqué`).join('. ')}.`;
    expect(read(many(33)).phrases.blocked).toHaveLength(32);
    expect(read(many(32)).phrases.blocked).toHaveLength(32);
    expect(read(many(31)).phrases.blocked).toHaveLength(31);
  });
});

describe('People the writer serves are not the users who are blocked', () => {
  it.each([
    ['a blocked word right after the count', "J'ai 5 clients bloqués en caisse."],
    [
      'a blocked word within 30 characters, no conjunction between',
      "J'ai 5 clients à la caisse centrale bloqués.",
    ],
    [
      'the same, with a conjunction later in the sentence',
      "J'ai 5 clients à la caisse bloqués, et je dois fermer.",
    ],
    [
      'a relative clause after them',
      "Bonjour, ce matin j'ai 8 patients qui ne peuvent plus prendre rendez-vous.",
    ],
    ['staff, not people served', "J'ai 5 collègues dans le bureau, le logiciel des clients est bloqué."],
  ])('several blocked (critique): %s', (_rule, text) => {
    expect(read(text).readings.severalUsers).toMatchObject({ state: 'yes', confidence: 'high' });
    expect(level(text)).toBe('critique');
  });

  it.each([
    ['the blocked statement in another clause', "J'ai 8 patients, le logiciel est bloqué."],
    [
      'a blocked word more than 30 characters after the count',
      "J'ai 5 clients à la caisse centrale du magasin de la gare bloqués.",
    ],
    ['a new subject after `et`', "J'ai 12 patients et le logiciel est bloqué."],
    [
      'a relative clause that only says they wait',
      "Bonjour, ce matin j'ai 8 patients qui attendent, le logiciel est bloqué.",
    ],
  ])('one user, the writer (haute): %s', (_rule, text) => {
    expect(read(text).readings.severalUsers).toMatchObject({ state: 'no', confidence: 'high' });
    expect(level(text)).toBe('haute');
  });
});

describe('A way that was only tried is no workaround', () => {
  it('reads the verb of trying in the sentence of the way, not in the sentence before', () => {
    const text =
      "Le logiciel est en panne depuis ce matin, j'ai essayé de redémarrer. On passe par un autre poste en attendant.";
    expect(read(text).readings.workaround.state).toBe('exists');
    expect(level(text)).toBe('moyenne');
  });

  it('takes a way one clause after the verb of trying as tried (failed)', () => {
    const text = "Le logiciel est en panne. J'ai essayé, sur un autre poste.";
    expect(read(text).readings.workaround).toEqual({
      state: 'failed',
      confidence: 'high',
      evidence: ['sur un autre poste'],
    });
  });

  it('takes a way two clauses after the verb of trying as a way in use', () => {
    const text =
      "Le logiciel est en panne. J'ai essayé de redémarrer, d'éteindre, puis on passe par un autre poste en attendant.";
    expect(read(text).readings.workaround.state).toBe('exists');
  });

  it('does not count the commas before the verb of trying', () => {
    const text = "Le logiciel est en panne. Bon, alors, j'ai essayé sur un autre poste.";
    expect(read(text).readings.workaround.state).toBe('failed');
    expect(level(text)).toBe('haute');
  });

  it('takes a success told two sentences later as said of something else', () => {
    expect(
      read('The booking tool is down. Tried another browser. Still down. Yesterday it worked fine.').readings
        .workaround.state,
    ).toBe('failed');
    expect(read('The booking tool is down. Tried another browser. It works.').readings.workaround.state).toBe(
      'exists',
    );
  });
});

describe('Questions, hypotheses and good news', () => {
  it('does not take a way around asked about as refused (`Il n’y a pas d’autre solution ?`)', () => {
    expect(read("Je suis bloqué. Il n'y a pas d'autre solution ?").readings.workaround.state).toBe(
      'not-mentioned',
    );
  });

  it('does not take a failure asked about as a failed attempt', () => {
    expect(read("Je suis bloqué. Même problème sur l'autre poste ?").readings.workaround.state).toBe(
      'not-mentioned',
    );
  });

  it('reads a blocked question as blocked when no `si` opens its clause, whatever comes after', () => {
    expect(read('La caisse est bloquée ? Rappelez-moi si possible.').readings.blocked.state).toBe('yes');
  });

  it('reads an error that no longer shows as nothing blocked', () => {
    expect(read("Le logiciel n'affiche plus d'erreur.").readings.blocked).toEqual({
      state: 'no',
      confidence: 'medium',
      evidence: [],
    });
  });

  it('takes `seulement moi.` as one user, and `seulement moi ?` as a question', () => {
    expect(level('Nous sommes bloqués. Seulement moi.')).toBe('haute');
    expect(level('Nous sommes bloqués. Seulement moi ?')).toBe('critique');
  });

  it('does not take `suis-je le seul ?` as saying one user', () => {
    expect(read('Je suis bloqué. Suis-je le seul ?').readings.severalUsers).toEqual({
      state: 'no',
      confidence: 'high',
      evidence: ['Je suis bloqué'],
    });
  });
});

describe('Which statement about a workaround counts', () => {
  it('takes the last one written: a way in use, then none', () => {
    const text = 'On imprime chez le voisin en attendant. Finalement pas de solution de contournement.';
    expect(read(text).readings.workaround).toEqual({
      state: 'none',
      confidence: 'high',
      evidence: ['Finalement pas de solution de contournement'],
    });
  });

  it('does not let a failure told before its sentence void a way in use', () => {
    const text =
      "J'ai essayé sur un autre poste, même problème. Du coup on imprime chez le voisin en attendant.";
    expect(read(text).readings.workaround.state).toBe('exists');
  });

  it('keeps a not-blocked statement that is no success of the workaround before it', () => {
    expect(read('On passe par le portail en attendant, rien de bloquant.').readings.blocked).toMatchObject({
      state: 'no',
      confidence: 'high',
    });
  });

  it('takes a fallback that is itself blocked as a failed way, whatever opens its sentence', () => {
    const text = 'Le logiciel est en panne. Comme prévu, le portable de secours refuse de se connecter.';
    expect(read(text).readings.workaround).toEqual({
      state: 'failed',
      confidence: 'high',
      evidence: ['le portable de secours refuse de se connecter'],
    });
  });

  it('voids a way of carrying on when its own sentence says it is blocked there too, not another', () => {
    expect(
      read('The till is down. I’m running it on the back office PC for tonight, it crashes there as well.')
        .readings.workaround.state,
    ).toBe('not-mentioned');
    expect(level("I'm running it on the back office PC for tonight. It crashes on the main PC.")).toBe(
      'moyenne',
    );
  });
});

describe('Who is blocked', () => {
  it('quotes the first blocked statement when the person decides', () => {
    expect(
      read('Je suis bloqué. La caisse est bloquée. Le serveur est bloqué.').readings.severalUsers,
    ).toEqual({
      state: 'no',
      confidence: 'high',
      evidence: ['Je suis bloqué'],
    });
  });

  it('reads a group named with the blocked verb of `I` as several when it names people', () => {
    expect(level("I can't log into the rota app for the whole team.")).toBe('critique');
  });

  it('reads a group after an impersonal blocked statement as who is blocked, even with `je` elsewhere', () => {
    expect(
      level("Je vous écris pour le planning. Impossible d'ouvrir le planning pour toutes les infirmières."),
    ).toBe('critique');
  });

  it('reads a group after `I can’t` as the object, even with a conjunction elsewhere in the mail', () => {
    expect(level("Hi and thanks. I can't get into the staff rota app for all the nurses.")).toBe('haute');
  });

  it('reads a group after a negation in the clause before as several (the negation is not `pas tout`)', () => {
    expect(level('Pas de chance, tout le monde est bloqué.')).toBe('critique');
  });

  it('leaves open who is blocked when the mail names only colleagues', () => {
    expect(read('Le logiciel est bloqué pour mes collègues.').readings.severalUsers).toMatchObject({
      state: 'unknown',
      confidence: 'low',
    });
  });

  it('takes a group named in the subject as several even when nothing is blocked', () => {
    const subject = 'Toute la compta';
    const facts = read(`${subject}\n\nPouvez-vous installer le logiciel ?`, subject.length);
    expect(facts.readings.severalUsers).toMatchObject({ state: 'yes', confidence: 'high' });
  });
});

describe('Where the reading stops and what it quotes', () => {
  it('reads the first 20,000 characters of the text only', () => {
    expect(read(`${'x '.repeat(10_000)}je suis bloqué`).readings.blocked.state).toBe('no');
    expect(read(`${'x '.repeat(9_000)}je suis bloqué`).readings.blocked.state).toBe('yes');
  });

  it('reads a cause ruled out (`il n’y a pas de feuille coincée`) at the very start of a mail', () => {
    expect(read("Il n'y a pas de feuille coincée, l'imprimante est bloquée.").readings.blocked).toMatchObject(
      {
        state: 'yes',
        evidence: ["l'imprimante est bloquée"],
      },
    );
  });

  it('quotes the not-blocked statements in the order written, whichever cue found them', () => {
    expect(read('Aucun impact pour nous. Je ne suis pas bloqué.').readings.blocked.evidence).toEqual([
      'Aucun impact pour nous',
      'Je ne suis pas bloqué',
    ]);
  });

  it('quotes the blocked statements in the order written', () => {
    expect(read('Le serveur est HS. Je suis bloqué.').readings.blocked.evidence[0]).toBe('Le serveur est HS');
  });

  it('trims a run of punctuation a phrase starts with', () => {
    expect(read(':: Je suis bloqué').readings.blocked.evidence).toEqual(['Je suis bloqué']);
  });

  it('quotes a clause of up to 160 characters whole, however far into the mail', () => {
    const clause = `${'x '.repeat(40)}je suis bloqué`;
    const facts = read(`${'Bonjour. '.repeat(20)}${clause}`);
    expect(facts.readings.blocked.evidence).toEqual([clause]);
  });
});

describe('How far a negation reaches', () => {
  it('stops at `et`: `Je ne sais pas et suis bloqué` is blocked', () => {
    expect(read('Je ne sais pas et suis bloqué.').readings.blocked.state).toBe('yes');
  });

  it('looks at the three words before the cue only', () => {
    expect(read('Pas de chance ce matin je suis bloqué.').readings.blocked.state).toBe('yes');
  });

  it.each([
    ['`n’` elided', "Ce n'est plus vraiment bloquant."],
    ['`ne` in full', "Pour ne plus être bloqué, j'ai changé de poste."],
  ])('lets `plus` negate a word further when a `ne` stands among those words: %s', (_form, text) => {
    expect(read(text).readings.blocked).toMatchObject({ state: 'no', confidence: 'high' });
  });

  it('does not take `pu` (could) for the negation when a word comes between it and the cue', () => {
    expect(read('Le compte a pu être bloqué par erreur.').readings.blocked.state).toBe('yes');
  });
});

describe('A blocked word said of the people counted', () => {
  it('is said of them up to 30 characters after the count, not 31', () => {
    // `5 clients`, then 30 (or 31) characters, then the blocked word.
    const at = (gap: number) => `J'ai 5 clients ${'x'.repeat(gap - 2)} bloqués.`;
    expect(level(at(30))).toBe('critique');
    expect(level(at(31))).toBe('haute');
  });

  it('is enough when one blocked statement of the sentence is said of them', () => {
    expect(level("J'ai 5 clients bloqués en caisse et le terminal est en panne.")).toBe('critique');
  });
});

describe('One personal device as what stopped', () => {
  it.each([
    [
      'a shared place named far from the device',
      'La tablette ne démarre plus depuis la mise à jour du logiciel du magasin.',
    ],
    [
      'another blocked clause without a device',
      'La tablette ne trouve plus les adresses, le GPS est en panne.',
    ],
  ])('is one person’s device (medium): %s', (_case, text) => {
    expect(read(text).readings.severalUsers).toMatchObject({ state: 'no', confidence: 'medium' });
  });

  it('is a shared station when a shared place is named within 30 characters after it', () => {
    expect(read('La tablette ne démarre plus au comptoir.').readings.severalUsers).toMatchObject({
      state: 'unknown',
      confidence: 'low',
    });
  });

  it('says one person only when the sentence names no person', () => {
    expect(
      read('La tablette du corbillard ne trouve plus les adresses.').readings.severalUsers,
    ).toMatchObject({
      state: 'no',
      confidence: 'medium',
    });
    expect(
      read('La tablette du corbillard ne trouve plus les adresses, et nous partons dans une heure.').readings
        .severalUsers,
    ).toMatchObject({ state: 'yes', confidence: 'medium' });
  });
});

describe('The phrase of a cue that spans a comma', () => {
  it('runs from the clause where the cue starts to the clause where it ends, no further', () => {
    const facts = read("Le serveur est en panne. Pour l'instant, on imprime chez le voisin, c'est long.");
    expect(facts.readings.workaround.evidence).toEqual(["Pour l'instant, on imprime chez le voisin"]);
  });
});
