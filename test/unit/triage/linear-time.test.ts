import { describe, expect, it } from 'vitest';
import { hashedFeatures } from '../../../shared/domain/triage/learned/hashed-features';
import { readLearned } from '../../../shared/domain/triage/learned/learned-model';
import { splitNewText } from '../../../shared/domain/triage/new-text';
import { triagePriority } from '../../../shared/domain/triage/priority';
import {
  declaredInBody,
  declaredInSubject,
  parseLevel,
} from '../../../shared/domain/triage/priority-declared';
import { MAX_ANALYSED_CHARS, readPriorityFacts } from '../../../shared/domain/triage/priority-facts';
import { sentences } from '../../../shared/domain/triage/text-normalize';

/**
 * Issue 13: every pattern over mail text runs in linear time. Each rule family gets 20 KB of the
 * input that hurt a backtracking pattern most (long runs of what a `+` or `{0,n}` repeats, with
 * no end in sight). The bound is the test's own timeout: a quadratic pattern takes minutes on
 * 20 KB, a linear one milliseconds, so no wall-clock assertion is needed to tell them apart.
 */
const SIZE = 20_000;
const fill = (unit: string, tail = 'x') => unit.repeat(Math.ceil(SIZE / unit.length)).slice(0, SIZE) + tail;

/** What each family repeats: punctuation runs, spaces, long words, and every cue's opening words. */
const WORST_INPUTS = [
  fill('.'),
  fill('!?;'),
  fill(' '),
  fill(' \t'),
  fill('"\'*_.! '),
  fill('a'),
  fill("n'"),
  fill('ne '),
  fill('pas '),
  fill('plus '),
  fill('personne '),
  fill('aucun '),
  fill('aucune des '),
  fill('tous les '),
  fill('nobody '),
  fill('none of the '),
  fill('neither '),
  fill('ni le '),
  fill('je '),
  fill('on '),
  fill('contournement '),
  fill('toujours '),
  fill('en attendant '),
  fill('no other '),
  fill('still '),
  fill("can't "),
  fill('bloqué '),
  fill('les 5 '),
  fill('priorité : '),
  fill('[haute'),
  fill('-'),
  fill('\n'),
  fill('> '),
  // The general readings of issue 11's holdout2: pairs, quantifiers, gone, tries, quoted errors.
  fill('la et moi '),
  fill('me and '),
  fill('and i '),
  fill('aucun ne peut '),
  fill('gone '),
  fill('error gone '),
  fill('tried '),
  fill('lost '),
  fill('"a" '),
  fill('keeps '),
  fill('without '),
  fill('aucune de nos '),
  fill('prints '),
  fill('when i get '),
  fill('none of the '),
  fill("pour l'instant "),
  fill('renvoye '),
  fill('shows nothing '),
  fill('no way '),
  fill('pourra '),
  // The general readings of issue 11's holdout3: fallbacks, cosmetic, others, instead, plus aucun.
  fill('de secours '),
  fill('backup '),
  fill('ne peux pas '),
  fill("can't do "),
  fill('logo '),
  fill('mes collegues '),
  fill("we're emailing "),
  fill('on fait '),
  fill('found a way '),
  fill('there is no '),
  fill('plus aucun '),
  fill('impossible de '),
  // The general readings of issue 11's holdout4: dropped apostrophes, quantifiers without ne,
  // "no X possible", fallbacks blocked or never installed, means until the repair, one user.
  fill('l '),
  fill('d '),
  fill('don t '),
  fill('it s '),
  fill('0 '),
  fill('zero '),
  fill('no '),
  fill('aucune des 3 '),
  fill('pas de '),
  fill('plus de vente '),
  fill('le portable de secours '),
  fill('backup terminal '),
  fill('the backup '),
  fill("n'a jamais ete "),
  fill('par fax '),
  fill('en attendant la '),
  fill('until the '),
  fill('on the spare '),
  fill('ca marche '),
  fill('me '),
  fill("m'"),
  fill('la tablette '),
  fill("j'ai 8 "),
  fill("j'ai 3 clients "),
  fill('le pc de la '),
  fill('c est '),
  fill('probleme '),
  fill('the till '),
  fill("n'affiche plus "),
  fill('si le '),
  fill('affiche une '),
  fill('0 connexion '),
  fill('x down '),
  fill('neither of the '),
  fill('error vanished '),
  fill("j'utilise celui de "),
  // The general readings of issue 11's holdout5: SMS spellings, long quantifiers, every credential,
  // an organisation's devices, not only me, who needs it, no manual means, everyone but me, ways on.
  fill('jpe pa '),
  fill('je peu '),
  fill('aucun des 40 '),
  fill('none of the 30 '),
  fill('ne reconnait plus aucun '),
  fill("aucun poste de l'"),
  fill('nous sommes 5 a '),
  fill('no paper '),
  fill('tout le monde peut '),
  fill("i'm running it on the "),
  fill('se sert de son tel '),
  // The general readings of issue 11's holdout6: nothing done, empty work, a booked slot, the fault
  // spread, paying another way, a past date, a dropped subject, a frequency, a repair.
  fill('on vend plus '),
  fill('affiche une liste '),
  fill('shows an empty '),
  fill('la liste des '),
  fill('the list is '),
  fill("j'ai bloque le "),
  fill('le creneau de '),
  fill("c'est pareil sur tous les "),
  fill('paying cash '),
  fill('en attendant les clients paient '),
  fill('in september '),
  fill('cant '),
  fill('toutes les deux '),
  fill('jfais '),
  // The general readings of issue 11's holdout7: calling one by one, coping, others instead,
  // re-entering later, one's own device, a problem that remains, a denial of others, others' news,
  // a feared block, counted roles, the others' devices busy, others' own way, telling, X and I.
  fill('les exploitants appellent les '),
  fill('ca tient '),
  fill('the waiters are bringing '),
  fill('les serveurs prennent '),
  fill('will re-enter '),
  fill('on rentrera tout '),
  fill('je bosse sur mon '),
  fill('le probleme '),
  fill('it doesnt stop the '),
  fill('ca ne les empeche pas '),
  fill('mes deux pompistes '),
  fill('the other printers are '),
  fill('mes collegues '),
  fill('i dont want to be '),
  fill('pour ne pas etre '),
  fill('les architectes '),
  fill('je vous informe que '),
  fill("l'ensemble des "),
  fill('this week and i '),
  // The general readings of issue 11's holdout8: a supply cut, an inability said as a noun, the
  // others without the problem, the work through another channel, a request set aside for now.
  fill('internet in the '),
  fill('network cut '),
  fill("dans l'impossibilite de "),
  fill("mes collegues n'ont pas "),
  fill('les autres '),
  fill('on envoie les '),
  fill('par mail '),
  fill('forget the '),
  fill('oubliez ma '),
  // The general readings of issue 11's holdout10: means that keep us going, keyed in later, offline,
  // work moved, the old device, a lent stand-in, a means gone through, a new statement after an
  // attempt, the sole role, everyone else back, people reached, asking, a cut ahead.
  fill('keeping us '),
  fill('nous permet de '),
  fill('ressaisi '),
  fill('on travaille '),
  fill('bascule les seances '),
  fill('printing them on the '),
  fill('the temporary '),
  fill('router you lent '),
  fill('passent par '),
  fill("j'ai essaye 3 fois je "),
  fill("i'm the one who "),
  fill('everyone else '),
  fill('appeler les '),
  fill('sailors keep asking '),
  fill('coupe le courant '),
  fill('samedi de 7 '),
  // The general readings of issue 11's holdout9 and holdout11: a way run out, the workaround as a
  // subject, a fallback's pronoun, work from elsewhere, mobile data, radio, a wish, a cut to come,
  // a problem that bothers nobody, a system that fell, print-outs that no longer come out.
  fill('we ran out '),
  fill('le contournement que '),
  fill('(a) '),
  fill('the spare but its '),
  fill('je travaille depuis la '),
  fill('on se met '),
  fill('en 4g '),
  fill('par radio '),
  fill("i'd love to tell you "),
  fill('coupe le courant '),
  fill('samedi '),
  fill('ca ne gene '),
  fill('le serveur de la '),
  fill('les bons de '),
  fill('on voit '),
  fill('nous '),
  // The general readings of issue 11's holdout12 and holdout13: Creole, a fallback fallen too, nobody
  // blocked, working again, a paper put aside, nothing to do meanwhile, paper, a numbered station,
  // a colleague's station, a way found, several stations, nobody at a place, one role, a question.
  fill('mi pe '),
  fill('la 4g de secours '),
  fill('none of us '),
  fill('ca remarche '),
  fill('rather than anything '),
  fill('je mets la '),
  fill('nothing we can do '),
  fill("je n'ai plus rien "),
  fill('en attendant '),
  fill('write the orders '),
  fill('on a deplace les '),
  fill('passe par la caisse '),
  fill('depuis le poste de '),
  fill('we found we '),
  fill('les trois postes '),
  fill('personne a l '),
  fill('notre comptable '),
  fill('le seul poste '),
  fill('vous pouvez '),
  fill('ne savent pas '),
  fill("don't know which "),
  // The general readings of issue 11's holdout18 and holdout19: a meantime in which the work stops,
  // a thing alone of its kind, a thing not stuck, still doing its job, working since, can no longer,
  // the act with its purpose, others instead, an old means taken up, a copy asked again; shut down.
  fill('ne peux rien faire '),
  fill('en attendant on a ferme '),
  fill('we closed the shop '),
  fill('le module est '),
  fill('no paper '),
  fill('it still '),
  fill("everything's been "),
  fill('can no longer '),
  fill("we're copying "),
  fill('pour continuer a '),
  fill('pay '),
  fill('ont repris '),
  fill('went back to '),
  fill('send again '),
  fill('did not receive '),
  fill('shut the server '),
  // The general readings of issue 11's holdout16 and holdout17: a connective before the negation, a
  // way not feasible, a fallback that does the same.
  fill('ne peuvent donc '),
  fill("n'est pas "),
  fill('isn '),
  fill('backup station '),
  fill('de secours mais '),
  fill('backup but it '),
  fill('Regards,\n'),
  fill('Regards,\nAnna\n'),
  // The general readings of issue 11's holdout42 to holdout45: the others free of it, a way that
  // died too, the way's thing used up, a means to make up for the stop, a printer printing nothing.
  fill('les autres '),
  fill("les autres vendeuses n'ont pas le "),
  fill('other desks are '),
  fill('has now died '),
  fill('a lache '),
  fill('le carnet est '),
  fill('jnotais sur un carnet en attendant mais le carnet est fini '),
  fill('nous avons ouvert '),
  fill('opened two more '),
  fill('elle imprime '),
  fill("nobody's "),
  // The general readings of issue 11's holdout38 to holdout41: only the writer's own works, a way
  // that gave out in passing, a way used to get by, a lack told as a worry.
  fill('only my account '),
  fill("il n'y a que mon "),
  fill('seul mon '),
  fill('burnt through my '),
  fill("it's stopped "),
  fill('are using the '),
  fill('nous utilisons le '),
  fill('passe par '),
  fill("on n'en a plus d'autre "),
  fill('no other one left '),
  // The general readings of issue 11's holdout28 to holdout31: a way used in the past then stopped,
  // even the way used, a fallback that does not take over, a way ruled out before it, none of a group
  // hindered, none of a group who can (no `ne`), the writer who can work, a how-to then not finding
  // it, managing well for the rest.
  fill("qu'on utilisait "),
  fill("qu'on utilisait pour depanner a "),
  fill('we were using '),
  fill('meme le '),
  fill('even the '),
  fill('ne prend pas le '),
  fill('does not allow us to '),
  fill('on a pas de cle pour '),
  fill("n'avons pas le droit de "),
  fill('we have no key to '),
  fill('aucun de nos '),
  fill("aucun de nos agents n'est "),
  fill('aucune des filles '),
  fill('je peux travailler sans souci '),
  fill('i can work fine '),
  fill('how do i '),
  fill('comment puis-je '),
  fill("can't find "),
  fill("je n'y arrive "),
  fill('je me debrouille '),
  fill('tres bien pour '),
  fill('are no longer an '),
  fill("won't accept "),
  fill("n'ont plus aucun "),
  fill('now have nothing '),
  fill("we don't have the "),
  fill("on n'a plus les "),
  fill('pouvez-vous m expliquer comment '),
  fill('qu on utilisait '),
  fill("j'ai donc plus aucun "),
  fill('sont pas '),
  // The general readings of issue 11's holdout20 to holdout23: a thing that is the only one, a way
  // that gave out, back to nothing, the only one of a role, no one of a role, X down before where,
  // the other devices fine, a way kept so work goes on, cash only, a device of another room, access
  // to a shared box, work going on until back, messages in the outbox, nothing instead, fails when I
  // try, a block avoided, a way that lets me work, a teammate's device, a document not received.
  fill("it's the only one "),
  fill('il est '),
  fill('ne tient '),
  fill('de nouveau sans '),
  fill('back to '),
  fill("i'm the only "),
  fill('je suis la seule '),
  fill('no pharmacist '),
  fill('aucune vendeuse ne peut '),
  fill('pos down '),
  fill('erp down pour '),
  fill('tt le monde '),
  fill('the other phones in the '),
  fill('les autres postes de la '),
  fill('so the '),
  fill('please fix it so '),
  fill('merci pour que '),
  fill('sommes de nouveau '),
  fill('is down '),
  fill('so that '),
  fill('pour que '),
  fill('takes only '),
  fill('on prend que les '),
  fill("j'utilise celui de la "),
  fill("m'a donne acces a la "),
  fill('travaille dessus en attendant '),
  fill('ils restent dans la '),
  fill('rien '),
  fill('nothing to '),
  fill('fails when '),
  fill('without getting '),
  fill('cela me permet de '),
  fill('pour pouvoir '),
  fill('je pointe avec le tel de ma '),
  fill('did not receive '),
  fill('send us again '),
  // The general readings of issue 11's holdout14 and holdout15: nothing to fall back on, a fallback
  // that fails, a counted group, a purpose of not being held up, for the time being, still going, a
  // borrowed device, others who cannot for the writer, a device stolen, a device shared by all, no one
  // of a group, the broken channel.
  fill("we don't have a "),
  fill('no paper list '),
  fill('la liaison de secours '),
  fill('les trois '),
  fill('pour ne pas '),
  fill('nous utilisons '),
  fill('on '),
  fill("so we're still "),
  fill('lent me his '),
  fill("m'a prete son "),
  fill('ne peuvent pas '),
  fill('laptop was '),
  fill("on m'a vole "),
  fill('all the pharmacists '),
  fill("qu'on partage "),
  fill('aucun '),
  fill('no agent '),
  fill('by email '),
  fill('it works but '),
  fill('booth 2 '),
  fill('a b, '),
];

/**
 * Per call: a linear pass over 20 KB takes milliseconds (tens for the whole triage, on a loaded
 * machine); the quadratic patterns of issue 13 took one to three seconds on the same input.
 */
const SINGLE_RULE_TIMEOUT_MS = 500;
const TRIAGE_TIMEOUT_MS = 1500;
const NOISE = ['"\'*_.! ', '.', '!', '*', ' '];

describe('Triage rules run in linear time on 20 KB of their worst input', () => {
  it.each(['.', '.!?;', '. ', '!'])(
    'the text normaliser splits the sentences of a 20 KB run of "%s"',
    (unit) => {
      expect(sentences(fill(unit)).length).toBeGreaterThan(0);
    },
    SINGLE_RULE_TIMEOUT_MS,
  );

  it.each(NOISE)(
    'the declared-priority rules read a level followed by 20 KB of "%s"',
    (noise) => {
      expect(parseLevel(`haute${fill(noise)}`)).toBeNull();
      expect(declaredInBody(`Priorité : haute${fill(noise)}`)?.level ?? null).not.toBe('critique');
      expect(declaredInSubject(`[${fill(noise).slice(0, 30)}]`)).toBeNull();
    },
    SINGLE_RULE_TIMEOUT_MS,
  );

  it.each(WORST_INPUTS.map((input) => [JSON.stringify(input.slice(0, 12)), input]))(
    'the three facts (blocked, workaround, several users) read 20 KB of %s',
    (_name, input) => {
      expect(readPriorityFacts(input).readings).toBeDefined();
    },
    TRIAGE_TIMEOUT_MS,
  );

  it.each(WORST_INPUTS.map((input) => [JSON.stringify(input.slice(0, 12)), input]))(
    'the whole priority triage, history split included, reads 20 KB of %s',
    (_name, input) => {
      const { newText, quotedText } = splitNewText(input);
      expect(
        triagePriority({ subject: input.slice(0, 2000), newText, quotedText, headers: {} }).level,
      ).toBeDefined();
    },
    TRIAGE_TIMEOUT_MS,
  );

  // The learned second reader (issue 11): every word and pair is a feature, so its worst inputs are
  // 20 KB of distinct words (as many features as words), of one endless word, and of elisions.
  const distinctWords = Array.from({ length: 4000 }, (_, i) => `w${i.toString(36)}`).join(' ');
  it.each([
    ['distinct words', distinctWords],
    ['one word', fill('a')],
    ["n'", fill("n'")],
    ["j'", fill("j'")],
    ['ne', fill('ne ')],
    ['greeting lines', fill('Bonjour à toute l’équipe,\n')],
    ['greetings on one line', fill('bonjour ')],
  ])(
    'the learned reader reads 20 KB of %s, and names the words behind each fact',
    (_name, input) => {
      const reading = readLearned(input.slice(0, 2000), input);
      expect(reading.words('blocked', true).length).toBeLessThanOrEqual(3);
      expect(reading.words('severalUsers', false).length).toBeLessThanOrEqual(3);
    },
    TRIAGE_TIMEOUT_MS,
  );

  it('the learned reader reads no further than the rules (MAX_ANALYSED_CHARS), subject included', () => {
    const read = 'mot '.repeat(MAX_ANALYSED_CHARS / 4);
    const beyond = 'bloques plus personne peut travailler '.repeat(3000);
    expect(hashedFeatures(read + beyond, read + beyond)).toEqual(hashedFeatures(read, read));
  });
});
