/**
 * General readings added after issue 11's blind holdout16 and holdout17: a connective between
 * `ne peuvent` and its negation (`Les techniciens ne peuvent donc pas valider`), a way of carrying
 * on said not to be feasible (`La ressaisie manuelle n'est pas envisageable`) and a fallback that
 * does the same (`We switched to the backup station but it's showing the same`). Each family is
 * stated with new sentences in test/unit/triage/priority-general-readings-12.test.ts. Written
 * against folded text (text-normalize.ts). docs/triage.md, "General readings (issue 11, after the
 * blind holdout16 and holdout17)".
 */
import { type Cue, cue, type WorkaroundCue } from './priority-vocabulary';
import { FALLBACK } from './priority-vocabulary-general-3';

/** A word of a phrase: no punctuation, so the reading stays in one clause. */
const WORD = '[^\\s.!?;,:()]+';

/**
 * A connective between the modal and its negation (`ne peuvent donc pas`, `ne pouvons
 * malheureusement plus`): the same block as `ne peuvent pas` (priority-vocabulary.ts allows only
 * `toujours` and `même` there), with or without the `ne` (spoken French); not a time (`peut donc
 * plus tard passer`).
 */
export const CONNECTIVE_BLOCKED_CUES_12: readonly Cue[] = [
  cue(
    'fr:ne-peuvent-donc-pas',
    "\\b(?:ne |n')?(?:peux|peut|pouvons|pouvez|peuvent) (?:donc|alors|du coup|par consequent|de ce fait|des lors|malheureusement|evidemment|actuellement) (?:plus(?! (?:tard|tot|loin|vite)\\b)|pas|rien)\\b",
    { blocking: true },
  ),
];

/**
 * A way of carrying on said not to be feasible (`La ressaisie manuelle n'est pas envisageable vu
 * le volume`, `paper is not an option`, `re-keying them by hand isn't feasible`): the way is named
 * to say there is none. Words about a way only (`envisageable`, `an option`, `feasible`), never
 * `possible`, since `il n'est pas possible de se connecter` is the block itself; not a way that holds
 * for a while (`ce n'est pas tenable longtemps`, `not workable for long`: a way that exists).
 */
export const WAY_NOT_FEASIBLE_CUES_12: readonly Cue[] = [
  cue(
    'way-not-feasible',
    "\\b(?:(?:n'|ne )?est (?:pas|plus)|ne (?:serait|sera|sont) pas|(?:is|are|would be|will be) not|(?:isn|aren|wouldn|won)'?t(?: be)?) (?:envisageable|envisageables|faisable|faisables|realiste|une option|an option|feasible|realistic|workable|viable)\\b(?! (?:longtemps|tout|toute|bien longtemps|for long|much longer|for ever|forever|all)\\b)",
  ),
];

/**
 * A fallback that does the same (`We switched to the backup station but it's showing the same`,
 * `on est passé sur le poste de secours mais c'est pareil`): the way of carrying on failed, like
 * round 11's `la liaison de secours échoue aussi`; in the clause of the fallback, after `but`.
 */
export const FALLBACK_SAME_CUES_12: readonly Cue[] = [
  cue(
    'fallback-does-the-same',
    `\\b${FALLBACK}(?: ${WORD}){0,6}? (?:but|mais) (?:it'?s |it is |it does |it did |it shows |c'est |ca fait |ca donne |ca |il fait |elle fait )?(?:showing |doing |giving )?(?:the same|pareil|la meme chose|le meme probleme|idem)\\b`,
  ),
];

/** A device that can stand in for another, for one used in the meantime. */
const DEVICE_12 =
  '(?:laptop|computer|pc|phone|tablet|printer|terminal|till|scanner|device|machine|ordinateur|ordi|portable|tablette|telephone|imprimante|terminal|caisse|appareil|poste)';

/**
 * Ways of carrying on said in the client's words (stated):
 * - a stand-in that does the job for now (`the old backup printer, which does the job for now`,
 *   `le vieux portable fait l'affaire en attendant`): a way said to serve, for the time being;
 * - what the writer does in the meantime (`en attendant j'emprunte le chariot TV`, `for now I'm
 *   using the laptop in the office`): the adverb of the meantime, then the writer's own act of
 *   using or borrowing (`jemprunte`, phone-typed, too).
 */
export const STATED_WAY_CUES_12: readonly WorkaroundCue[] = [
  cue(
    'does-the-job-for-now',
    "\\b(?:does|do|doing) the (?:job|trick) (?:for now|for the moment|for the time being|in the meantime|meanwhile)\\b|\\bfai(?:t|sons|saient|sait) l'affaire (?:pour l'instant|pour le moment|en attendant|provisoirement)\\b",
    { wayAround: 'stated' },
  ),
  cue(
    'meanwhile-i-use',
    "\\b(?:en attendant|pour l'instant|pour le moment|meanwhile|in the meantime|for now),? (?:j'|j|je |on |nous |i |we )(?:emprunte|empruntons|utilise|utilisons|borrow|use|'m using|am using|'re using|are using)\\b",
    { wayAround: 'stated' },
  ),
];

/**
 * A colleague's device used instead (`I use the terminal of my colleague when he is at lunch`, `I'm
 * on my colleague's PC`, `j'utilise le poste de ma collègue`): inferred from what the writer does;
 * under a negation (`I can't use my colleague's PC`) it is none (priority-facts.ts).
 */
export const COLLEAGUE_DEVICE_CUES_12: readonly WorkaroundCue[] = [
  cue(
    'colleague-device',
    `\\b(?:i|we) (?:use|'m using|am using|borrow|work on|'m on|am on) (?:the ${DEVICE_12} of (?:my|a|our) (?:colleague|coworker|co-worker|neighbour|neighbor)|(?:my|a|our) (?:colleague|coworker|co-worker|neighbour|neighbor)'?s ${DEVICE_12})\\b|\\b(?:j'|je |on |nous )(?:utilise|utilisons|emprunte|empruntons|travaille sur|passe par) (?:le|la|l') ?${DEVICE_12} (?:de|d') ?(?:ma|mon|notre|une?) (?:collegue|voisine?)\\b`,
    { wayAround: 'inferred' },
  ),
];

/**
 * A flaw of the way conceded (`which does the job for now, though it's slow and jams now and
 * then`, `même si elle bourre de temps en temps`): the clause opens with a concession, so the fault
 * told of the fallback is a cost of a way that serves, not its failure (narrows round 11's pronoun
 * pointing back to the fallback, priority-facts.ts). Tested on the text from the clause's start to
 * the blocked cue.
 */
export const CONCESSION_OPENING_12 =
  /^[\s,]*(?:though|although|even though|even if|meme si|bien que|quoique)\b/u;

/**
 * The writer idle for now (`I'm just sitting at the desk for now`, `je reste assise à attendre en
 * attendant`): the `for now` is no way of carrying on but waiting, so there is none.
 */
export const JUST_WAITING_CUES_12: readonly Cue[] = [
  cue(
    'just-sitting-waiting',
    `\\b(?:i'?m|i am|we'?re|we are|im) (?:just |only )?(?:sitting|waiting|standing) (?:around|here|there|idle|at (?:the|my|our) ${WORD})(?: ${WORD}){0,3}? (?:for now|meanwhile|in the meantime|for the moment)\\b|\\b(?:je suis|je reste|on reste|nous restons|on est) (?:assise?s? |plantee?s? )?(?:a attendre|les bras croises|sans rien faire)\\b`,
  ),
];

/**
 * A denial told as the way's result (`Meanwhile I keep my notes in a spreadsheet, so I'm not
 * stuck`, `on passe par le webmail, du coup on n'est pas bloqués`): the clause opens with a
 * consequence, so the writer is not stuck thanks to the way, which is round 1's blocked with a
 * workaround, not a denial of the block (priority-facts.ts, only when a way is offered). Tested on
 * the text from the clause's start to the denial.
 */
export const CONSEQUENCE_OPENING_12 =
  /^[\s,]*(?:and so|so|thus|donc|du coup|alors|grace a (?:ca|cela)|thanks to (?:that|this|it))\b/u;

/** A sign-off line alone (`Kind regards,`, `Cordialement`, `Bien à vous,`), any case, accents or not. */
const SIGN_OFF_LINE =
  /^\s*(?:(?:kind|best|warm|many)? ?regards|cordialement|bien cordialement|sincerely|yours sincerely|best wishes|bien [aà] vous|sinc[eè]res salutations)\s*[,.!]?\s*$/iu;

/** Lines after the sign-off that are a signature: short (a name, a title, a company). */
const SIGNATURE_LINES_MAX = 4;
const SIGNATURE_LINE_CHARS = 60;

/**
 * A signature never decides (issue 11): a sign-off line followed only by up to four short lines (a
 * name, a title, a company: `Director, Petits Kô Bilingual Nursery`) ends the client's words, so
 * those lines are not read for the facts (`Kô`, a name, folds to the fault word `KO`). A long line
 * or a fifth line after it is more message, and nothing is cut.
 */
export function withoutSignOff(text: string): string {
  const lines = text.split('\n');
  for (let i = lines.length - 1; i >= 0 && lines.length - 1 - i <= SIGNATURE_LINES_MAX; i--) {
    if (!SIGN_OFF_LINE.test(lines[i]!)) continue;
    const after = lines.slice(i + 1).filter((l) => l.trim() !== '');
    const isSignature =
      after.length <= SIGNATURE_LINES_MAX && after.every((l) => l.length <= SIGNATURE_LINE_CHARS);
    return isSignature ? lines.slice(0, i).join('\n') : text;
  }
  return text;
}
