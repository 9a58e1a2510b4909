/**
 * General readings added after issue 11's blind holdout14 and holdout15: nothing to fall back on
 * (`we don't have a paper list to fall back on`), a fallback that fails too (`la liaison de secours
 * par 4G échoue aussi`) and a number of people at a standstill (`les trois prothésistes sont à
 * l'arrêt`). Each family is stated with new sentences in
 * test/unit/triage/priority-general-readings-11.test.ts. Written against folded text
 * (text-normalize.ts). docs/triage.md, "General readings (issue 11, after the blind holdout14 and
 * holdout15)".
 */
import { type Cue, cue } from './priority-vocabulary';
import { FALLBACK } from './priority-vocabulary-general-3';

/** A word of a phrase: no punctuation, so the reading stays in one clause. */
const WORD = '[^\\s.!?;,:()]+';

/**
 * Nothing to fall back on (`we don't have a paper list to fall back on`, `no spare to fall back
 * on`, `on n'a rien sur quoi se rabattre`): the fallback is named to say there is none, so the
 * `fall back` inside it is no way of carrying on (an overlapping workaround cue gives way).
 */
export const NOTHING_TO_FALL_BACK_ON_CUES_11: readonly Cue[] = [
  cue(
    'nothing-to-fall-back-on',
    `\\b(?:(?:don'?t|do not|doesn'?t|does not|dont) have|(?:have|has|there'?s|there is) (?:no|nothing)|no|nothing)(?: ${WORD}){0,4}? to fall back (?:on|to)\\b|\\b(?:rien|pas de ${WORD}|aucune? ${WORD}) (?:sur (?:quoi|lequel|laquelle) )?(?:nous |me |se )?rabattre\\b`,
  ),
];

/**
 * A fallback said to fail (`la liaison de secours par 4G échoue aussi`, `the backup link fails
 * too`): the way of carrying on failed, like round 10's fallback that fell (`est aussi tombée`),
 * with the verb of a failure rather than of a fall.
 */
export const FALLBACK_FAILS_CUES_11: readonly Cue[] = [
  cue(
    'fallback-fails',
    `\\b${FALLBACK}(?: ${WORD}){0,3}? (?:echoue|echouent|a echoue|ont echoue|fails|failed|has failed|is failing)\\b`,
  ),
];

/**
 * A number of people at a standstill (`les trois prothésistes sont à l'arrêt`, `the four
 * stewards are stuck`): a group counted, then blocked; not one's own (`mes deux enfants`), and not
 * a count of things that would be a time (`deux jours`).
 */
export const COUNTED_GROUP_STOPPED_CUES_11: readonly Cue[] = [
  cue(
    'counted-group-stopped',
    "(?<!\\b(?:mes|my|ses|his|her|son|sa) )\\b(?:deux|trois|quatre|cinq|six|sept|huit|dix|two|three|four|five|six|seven|eight|ten|[2-9]|1\\d) (?!(?:jours|heures|minutes|semaines|mois|fois|days|hours|minutes|weeks|months|times)\\b)[a-z-]+(?:s|x) (?:sont|are) (?:(?:tous|toutes|all) )?(?:a l'arret|bloquee?s|stuck|blocked|idle|at a standstill)\\b",
    { blocking: true, people: true },
  ),
];
