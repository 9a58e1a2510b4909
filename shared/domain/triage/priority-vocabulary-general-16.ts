/**
 * General readings added after issue 11's blind holdout38 to holdout41: the writer's own account as
 * the only thing that still works (`We have only my account working`), which says nothing about one
 * user; a way that gave out told in passing (`I've burnt through my data and it's stopped`); a way used
 * with the purpose of carrying on (`Nous utilisons le catalogue papier pour continuer à conseiller les
 * clients`, `The dentists are using the front desk PC between patients to get by`); and a lack told
 * only as a worry (`on n'en a plus d'autre si une deuxième lâche`), which is no lack now.
 * Each family is stated with new sentences in test/unit/triage/priority-general-readings-16.test.ts.
 * Written against folded text (text-normalize.ts). docs/triage.md, "General readings (issue 11,
 * after the blind holdout38 to holdout41)".
 */
import { type Cue, cue, type WorkaroundCue } from './priority-vocabulary';

/** A word of a phrase: no punctuation, so the reading stays in one clause. */
const WORD = '[^\\s.!?;,:()]+';

/**
 * The writer's own account or device as the only one that still works (`We have only my account
 * working`, `only mine works`, `il n'y a que mon compte qui marche`, `seul mon poste fonctionne`):
 * everyone else's is stopped, so it is no "only me" (priority-facts.ts drops the one-user reading it
 * overlaps). `only my PC is affected` has no working verb and stays one user.
 */
export const ONLY_MINE_WORKS_CUES_16: readonly Cue[] = [
  cue(
    'only-mine-works',
    `\\bonly (?:my|mine)(?: ${WORD}){0,2}? (?:is |are |still |that |which )*(?:working|works|work|functioning|running|ok|fine)\\b|\\b(?:il )?(?:n['\\s]?)?y a (?:plus )?que (?:mon|ma|mes|le mien|la mienne)(?: ${WORD}){0,2}? qui (?:marche|marchent|fonctionne|fonctionnent|passe|passent)\\b|\\bseule?s? (?:mon|ma|mes) ${WORD} (?:marche|marchent|fonctionne|fonctionnent)\\b`,
  ),
];

/**
 * A way that gave out, told in passing after it (`we were using my phone as a hotspot… but I've burnt
 * through my data and it's stopped`, `le partage de connexion a coupé, j'ai plus de forfait`): read like
 * round 9's `we've run out` (priority-facts.ts: only after a way offered, in its sentence or the next).
 * `it's stopped` alone, with no way before it, is no statement about a way.
 */
export const WAY_GAVE_OUT_CUES_16: readonly Cue[] = [
  cue(
    'way-gave-out-in-passing',
    "\\b(?:burnt|burned|gone|went|used) through (?:all )?(?:my|our|the|his|her) (?:data|credit|allowance|minutes|stock|supply|paper)\\b|\\b(?:it|that|they)(?:'s| has| have|'ve) (?:now |also |just |since )?stopped\\b|\\b(?:j['\\s]?ai|on a|nous avons|il a|elle a) (?:plus|pu) de (?:forfait|data|credit|batterie|donnees)\\b",
  ),
];

/**
 * A way used with the purpose of carrying on (`Nous utilisons le catalogue papier de l'an dernier pour
 * continuer à conseiller les clients`, `The dentists are using the front desk PC between patients to get
 * by`, `on passe par le site du partenaire pour dépanner`): a workaround stated, whatever the doers
 * (round 13's `pour continuer à` knew only a few verbs and `we`/`I` as doers). A way not used (`on ne
 * peut pas utiliser…`) cancels it.
 */
export const USED_TO_GET_BY_CUES_16: readonly WorkaroundCue[] = [
  cue(
    'used-to-get-by',
    `\\b(?:(?:is|are|'re|am|'m) (?:now |currently |temporarily |still )?(?:using|borrowing|sharing)|(?:utilis|emprunt|partag)(?:e|es|ent|ons|ez)|(?:pass|repass)(?:e|es|ent|ons|ez) par)(?: ${WORD}){1,10}? (?:to (?:get by|get through|keep (?:going|working|serving|selling)|carry on|manage|cope)|pour (?:pouvoir )?(?:continuer a [a-z]+|depanner|tenir|avancer|assurer))\\b`,
    { negation: 'cancels', wayAround: 'stated' },
  ),
];

/**
 * A lack told as a worry, with the case it would matter in right after it (`on n'en a plus d'autre si
 * une deuxième lâche`, `we've no other one if this one dies too`): nothing is lacking now, so it is no
 * "no way" and no way run out (priority-facts.ts, read just after the cue).
 */
export const IF_AFTER_16 = /^[^.;!?\n]{0,12}?\b(?:si|s'il|s'ils|if|au cas ou|in case|should)\b/u;
