/**
 * General readings added after issue 11's blind holdout42 to holdout45: the others said to be free of
 * the problem (`les autres infirmières n'ont pas le problème`, `Other desks are fine`), so one user; a
 * way said to have died too (`The laptop you lent me as a stopgap has now died too`); the way's own
 * thing said to be used up (`jnotais sur un carnet en attendant mais le carnet est fini`); and a
 * means put in place to make up for the stop (`Nous avons ouvert deux caisses supplémentaires pour
 * absorber les clients`). Each family is stated with new sentences in
 * test/unit/triage/priority-general-readings-17.test.ts. Written against folded text
 * (text-normalize.ts). docs/triage.md, "General readings (issue 11, after the blind holdout42 to
 * holdout45)".
 */
import { type Cue, cue, type WorkaroundCue } from './priority-vocabulary';

/** A word of a phrase: no punctuation, so the reading stays in one clause. */
const WORD = '[^\\s.!?;,:()]+';

/**
 * The others, people or desks, said to be free of the problem (`les autres infirmières n'ont pas le
 * problème`, `mes collègues n'ont aucun souci`, `Other desks are fine`, `the other nurses don't have
 * the issue`): only the writer is stopped, one user, like round 1's `my colleagues are fine` and round
 * 14's `les autres postes marchent`. The others stopped too (`les autres ont le même problème`) say
 * nothing of the kind: no negation, no `fine`.
 */
export const OTHERS_FREE_OF_IT_CUES_17: readonly Cue[] = [
  cue(
    'others-free-of-it',
    `\\b(?:les autres|mes collegues|les collegues|the other|other|my colleagues|my co-?workers)(?: ${WORD})? (?:(?:n'|n )?(?:ont|a) (?:pas|aucun|aucune|jamais) (?:le |ce |de |d'|du |un )?(?:meme )?(?:probleme|souci|bug|soucis|problemes|erreur|message)|(?:don'?t|do not|didn'?t|did not) (?:have|get|see) (?:the|this|that|any|it|a)(?: same)?(?: problem| issue| error| bug| message)?|(?:are|is) (?:all )?(?:fine|ok|okay|unaffected|not affected))\\b`,
  ),
];

/**
 * A way said to have died or failed too (`The laptop you lent me as a stopgap has now died too`, `le
 * portable de prêt a lâché aussi`, `the spare one gave up as well`): the way of carrying on is gone.
 * Read like round 9's `we've run out` (priority-facts.ts: only after a way offered, in its sentence or
 * the next), so a first stop told with `too` and no way before it says nothing about a way.
 */
export const WAY_DIED_TOO_CUES_17: readonly Cue[] = [
  cue(
    'way-died-too',
    "\\b(?:has |have |had )?(?:now |also |just )?(?:died|given up|gave up|packed up|broken down|broke down|stopped working|failed) (?:too|as well|aussi)\\b|\\b(?:a|ont) (?:lache|claque|rendu l'ame|plante) (?:aussi|egalement|a son tour|elle aussi|lui aussi)\\b|\\best (?:morte?|hs|tombee?) (?:aussi|egalement|a son tour|elle aussi|lui aussi)\\b",
  ),
];

/**
 * The thing of the way said to be used up (`jnotais sur un carnet en attendant mais le carnet est
 * fini`, `we were writing on the paper forms but the forms are all gone`): priority-facts.ts keeps it
 * only when its noun is in the way offered before it, so `le rouleau est fini` alone (the stopped
 * tool's supply) is no way that ran out. The noun is the first group.
 */
export const WAY_THING_USED_UP_CUES_17: readonly Cue[] = [
  cue(
    'way-thing-used-up',
    "\\b(?:le|la|les|l'|mon|ma|mes|notre|nos|the|my|our) ?([a-z-]{3,}) (?:est|sont|is|are|'s|'re) (?:(?:deja|maintenant|now|already|completely|tout|toute|all) )?(?:fini|finie|finis|finies|vide|vides|plein|pleine|pleins|pleines|epuisee?s?|empty|finished|full|used up|gone|dead|morte?s?)\\b",
  ),
];

/**
 * A means put in place to make up for the stop (`Nous avons ouvert deux caisses supplémentaires pour
 * absorber les clients`, `on a sorti les carnets pour pallier`, `we opened two more tills to cope`):
 * a workaround stated. A request for one is a question (dropped as such), a means not put in place
 * (`on ne peut pas ouvrir d'autre caisse pour compenser`) is cancelled by its negation.
 */
export const MADE_UP_FOR_CUES_17: readonly WorkaroundCue[] = [
  cue(
    'made-up-for',
    `\\b(?:ouvert|ouvre|ouvrons|mis en place|mis|sorti|sortons|installe|rappele|opened|open|set up|put|brought|called in)(?: ${WORD}){1,8}? (?:pour (?:pallier|compenser|absorber|suppleer|contourner|tenir le coup)|to (?:make up for|compensate|cope|absorb|handle the (?:queue|flow|customers)))\\b`,
    { negation: 'cancels', wayAround: 'stated' },
  ),
];

/** A printer that prints only blank or garbled pages has not printed (`elle imprime des pages blanches`). */
export const PRINTS_NOTHING_AFTER_17 =
  /^ (?:que |seulement |only )?(?:des |de |du |blank |empty )?(?:pages? |feuilles? )?(?:blanche|blanches|vides?|blank|empty|noires?|n'importe quoi|des hieroglyphes|des symboles|des caracteres bizarres)\b/u;
