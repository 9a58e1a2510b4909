/**
 * General readings added after issue 11's blind holdout20 to holdout23: a thing said to be the only
 * one (`It's the only one that talks to the scan tools`) is no person alone, a way that gave out or
 * ran out (`avec le carnet mais il est fini`, `ne tient plus`), the writer back to having nothing
 * (`de nouveau sans internet`), a role none of whom can do their work (`no pharmacist can
 * dispense`), a terse `X down` followed by where (`POS down in all 6 tills`, `ERP down pour tt le
 * monde`), the other devices said fine (`The other phones in the agency are ok`) and a way kept so
 * that work goes on (`so the front office can keep working`). Each family is stated with new
 * sentences in test/unit/triage/priority-general-readings-14.test.ts. Written against folded text
 * (text-normalize.ts). docs/triage.md, "General readings (issue 11, after the blind holdout20 to
 * holdout23)".
 */
import { type Cue, cue, type WorkaroundCue } from './priority-vocabulary';
import { NOT_A_NOUN_DOWN } from './priority-vocabulary-general-3';

/**
 * A thing that is the only one to do a job (`It's the only one that talks to the scan tools`,
 * `this is the only one which has the licence`): `it` and `that`/`which` say a thing, so round 1's
 * `the only one that` is no person alone there (priority-facts.ts drops the one-user cue it
 * overlaps). A person stays one (`I'm the only one who`, `she's the only one that knows`).
 */
export const ONLY_THING_CUES_14: readonly Cue[] = [
  cue('only-thing-that', "\\b(?:it'?s|it is|this is|that'?s|that is|its) the only one (?:that|which)\\b"),
];

/**
 * A way that gave out or ran out, told after it (`on a fait les tickets à la main avec le carnet mais
 * il est fini`, `the hotspot we were using no longer holds`, `le partage de connexion ne tient plus`):
 * read like round 9's `we've run out of those` (priority-facts.ts: only after a way offered, in its
 * sentence or the next). A pronoun or a `tenir` that gives out, never a thing's subject alone (`le
 * rouleau est fini` may be the stopped tool's supply).
 */
export const WAY_GAVE_OUT_CUES_14: readonly Cue[] = [
  cue(
    'way-gave-out',
    "\\b(?:il|elle|ils|elles|it|they) (?:est|sont|is|are|'s|'re) (?:(?:deja|maintenant|now|already|completely|tout) )?(?:fini|finie|finis|finies|vide|vides|plein|pleine|pleins|pleines|empty|finished|full)\\b|\\b(?:ne |n')?(?:tient|tiennent) (?:plus|pu)\\b|\\b(?:no longer holds|(?:won'?t|doesn'?t|does not|will not) hold(?: up)?(?: any ?more)?|(?:has|have) given out|gave out)\\b",
  ),
];

/**
 * The writer back to having nothing (`so I'm back to having nothing to dispense on`, `Tous les
 * enseignants sont de nouveau sans internet`, `back to square one`): whatever served before is gone,
 * so there is no way of carrying on now. Not good news (`de nouveau sans problème`, `again without
 * errors`: a problem word after it).
 */
export const BACK_TO_NOTHING_CUES_14: readonly Cue[] = [
  cue(
    'back-to-nothing',
    '\\bback to (?:having )?(?:nothing|square one|no (?:way|means|internet|connection|phone|pc|computer|system))\\b|\\b(?:de nouveau|a nouveau|encore une fois|again|once again) (?:sans|without)(?! (?:aucune? |any |a |une? )?(?:probleme|souci|erreur|bug|incident|coupure|interruption|problem|issue|error|glitch|fault)s?\\b)\\b|\\bretour a la case depart\\b',
  ),
];

/**
 * The writer as the only one of her role at work (`I'm the only pharmacist on this afternoon`, `je
 * suis la seule secrétaire ce matin`): one user, like round 1's `I'm the only one`; the noun must be
 * followed by when or where, so `I'm the only user of…` stays round 1's and `the only way` is no person.
 */
export const ONLY_ONE_OF_ROLE_CUES_14: readonly Cue[] = [
  cue(
    'only-one-of-role-here',
    "\\b(?:i'?m|i am|im|je suis|j'suis) (?:the only|le seul|la seule) (?!(?:one|way|thing|solution|moyen|chose)\\b)[a-z-]+ (?:on (?:duty|shift|this|today|tonight|now)|in (?:today|this|the (?:office|shop|store))|here|today|tonight|working|present|ici|aujourd'hui|sur place|de garde|de service|ce (?:matin|soir|jour)|cet apres-midi|au (?:bureau|magasin|comptoir|cabinet))\\b",
  ),
];

/**
 * No one of a role who can do the role's work (`no pharmacist can dispense prescriptions`, `aucune
 * vendeuse ne peut vendre`): several people, blocked, like round 11's `no agent can log in` with the
 * verbs of a trade; the verb is a person's (`aucun fichier ne peut s'ouvrir` stays no person).
 */
export const NO_ONE_OF_ROLE_CUES_14: readonly Cue[] = [
  cue(
    'no-one-of-role-can-work',
    "\\bno (?!(?:one|way|other|file|files|page|document|printer|machine|device|computer|pc|till|terminal)\\b)[a-z-]+ (?:can|could) (?:dispense|sell|serve|invoice|bill|treat|teach|register|book|validate|sign|cash up|take (?:orders|payments|cards|bookings|calls)|check (?:[a-z]+ )?(?:in|out)|see (?:patients|clients|customers))\\b|\\baucune? (?!(?:de|moyen|autre|probleme|souci|fichier|document|page|poste|machine|imprimante|caisse)\\b)[a-z-]+ (?:ne |n')?peut (?:plus |pas )?(?:delivrer|vendre|servir|facturer|saisir|valider|signer|soigner|enregistrer|enseigner|dispenser|traiter)\\b",
    { blocking: true, people: true },
  ),
];

/**
 * A terse report followed by where or for whom (`POS down in all 6 tills`, `ERP down pour tt le
 * monde`, `serveur down depuis 13h`): round 3's `X down` read before a place or a time, in English or
 * French; not a phrasal verb nor a figure (round 3's list).
 */
export const NOUN_DOWN_WHERE_CUES_14: readonly Cue[] = [
  cue(
    'noun-down-where',
    `\\b(?!${NOT_A_NOUN_DOWN} down)[a-z0-9]{2,} down (?=(?:in|on|at|across) (?:all|every|both|each|the whole)\\b|(?:pour|depuis|partout|everywhere|chez|sur (?:tous|toutes|les))\\b)`,
    { negation: 'cancels' },
  ),
];

/** Everyone in phone-typed French (`pour tt le monde`, `tlm`): several people, like `tout le monde`. */
export const SMS_EVERYONE_CUES_14: readonly Cue[] = [
  cue('sms-everyone', '\\b(?:tt le monde|tlm)\\b', { people: true }),
];

/**
 * The other devices said fine (`The other phones in the agency are ok`, `les autres postes ça va`,
 * `les autres PC marchent`): only the writer's is stopped, so one user, like round 1's `my
 * colleagues are fine`.
 */
export const OTHER_DEVICES_FINE_CUES_14: readonly Cue[] = [
  cue(
    'other-devices-fine',
    "\\b(?:the other|les autres) (?:phones|pcs|computers|laptops|stations|workstations|machines|postes|pc|ordis|ordinateurs|telephones|portables)(?: (?:in|of|at|de|du|a) (?:the |our |l'|la |le )?[a-z-]+)? (?:are (?:ok|okay|fine|working)|work(?: fine)?|(?:ca|ça) va|vont bien|marchent|fonctionnent)\\b",
  ),
];

/**
 * A way kept so that work goes on (`We've moved everyone onto the 4G backup router so the front office
 * can keep working`, `on est passés sur le wifi invité pour que l'équipe puisse continuer`): the
 * purpose says the way serves; stated. Not under a negation (`so nobody can keep working`: the
 * subject of `can` is a person or a team, never `nobody`).
 */
export const KEEP_WORKING_CUES_14: readonly WorkaroundCue[] = [
  cue(
    'so-work-can-go-on',
    "\\bso (?:that )?(?!(?:nobody|no one|none)\\b)(?:[a-z'-]+ ){1,5}(?:can|could) (?:keep|carry on|continue)(?: working| going| to work| serving| selling)?\\b|\\bpour que (?!personne\\b)(?:[a-z'-]+ ){1,4}(?:puisse|puissent) continuer\\b",
    { wayAround: 'stated' },
  ),
];
