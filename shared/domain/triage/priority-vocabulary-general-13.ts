/**
 * General readings added after issue 11's blind holdout18 and holdout19: a meantime in which the
 * work stops (`Je ne peux rien faire de la journée en attendant`, `on a fermé les portes en
 * attendant`), a thing that is the only one of its kind (`le module est le seul à être agréé`), a
 * thing said not to be stuck (`paper jam error but no paper stuck`), a device still doing its job
 * (`it still clicks fine`), a fault over since (`Everything's been working fine since`), `can no
 * longer`, the writer's act told with its purpose of carrying on (`We're hand-applying labels to
 * keep going`, `which allows us to continue`), others doing it another way (`Customers pay at the
 * main till instead`) and an old means taken up again until the fix (`ils ont repris les carnets à
 * souches en attendant le rétablissement`). Each family is stated with new sentences in
 * test/unit/triage/priority-general-readings-13.test.ts. Written against folded text
 * (text-normalize.ts). docs/triage.md, "General readings (issue 11, after the blind holdout18 and
 * holdout19)".
 */
import { type Cue, cue, type WorkaroundCue } from './priority-vocabulary';
import { UNTIL_FIXED } from './priority-vocabulary-general-3';

/** A word of a phrase: no punctuation, so the reading stays in one clause. */
const WORD = '[^\\s.!?;,:()]+';

/** The meantime, with `en attendant` before a noun too (`en attendant la réparation`). */
const MEANTIME =
  "(?:en attendant|pour l'instant|pour le moment|meanwhile|in the meantime|for now|for the moment|for the time being)";

/**
 * A meantime in which the work stops (`Je ne peux rien faire de la journée en attendant`, `ON A
 * FERMÉ LES PORTES EN ATTENDANT`, `we've closed the shop for now`, `en attendant on a renvoyé les
 * équipes chez elles`): nothing is done, or the place is shut, in the meantime, so there is no way
 * of carrying on (the `en attendant` is no workaround). In one clause, without punctuation between:
 * `on a fermé la caisse 2, en attendant tout le monde passe par la caisse 1` is a way.
 */
const NOTHING_DONE =
  "(?:(?:ne |n')?(?:peux|peut|pouvons|pouvez|peuvent) rien faire|(?:can(?:'| )?t|cannot|can not|couldn(?:'| )?t) do anything|(?:can|could) do nothing|(?:on a|nous avons|j'ai|ils ont|elles ont|on|nous|je|we(?:'| )?ve|we have|i(?:'| )?ve|i have|we|i|they) (?:ferme|closed|shut|baisse) (?:les portes|la porte|le rideau|la boutique|le magasin|les boutiques|les magasins|l'agence|le cabinet|l'accueil|le guichet|les guichets|the doors|the door|the shop|the store|the shops|the stores|the office|the branch|the desk|the counter|up(?: shop)?)|(?:on a|nous avons|j'ai|we(?:'| )?ve|we have|i(?:'| )?ve|i have|we|i) (?:renvoye|sent) (?:les \\S+|le personnel|tout le monde|everyone|the staff|the team|the \\S+) (?:chez (?:eux|elles|lui|soi)|home))";
export const WORK_STOPPED_MEANTIME_CUES_13: readonly Cue[] = [
  cue(
    'work-stopped-meantime',
    `\\b${NOTHING_DONE}(?: ${WORD}){0,5}? ${MEANTIME}\\b|\\b${MEANTIME},? ${NOTHING_DONE}`,
  ),
];

/**
 * A thing the only one of its kind (`le module est le seul à être agréé par la douane`, `this
 * software is the only one that reads the cards`): `le seul à` said of a thing is no person
 * alone (narrows priority-vocabulary.ts's `le seul à`, as round 10's SINGLE_THING does for `le
 * seul poste`). Tested on the text just before the one-user cue (priority-facts.ts).
 */
export const THING_IS_BEFORE_13 =
  /\b(?:le|la|l'|ce|cet|cette|notre|votre|the|this|that|our|your) ?(?:module|logiciel|programme|application|appli|outil|fichier|poste|pc|ordi|ordinateur|caisse|imprimante|machine|appareil|terminal|tablette|telephone|serveur|site|portail|systeme|version|licence|acces|lien|reseau|software|program|app|tool|file|computer|printer|device|server|system|portal|website|site|license|licence|link|network|machine|terminal|till)(?: \S+)? (?:est|reste|is|remains) $/u;

/**
 * A thing said not to be stuck (`paper jam error but no paper stuck`, `aucune feuille coincée`,
 * `no card stuck in the reader`): the thing named is what is not stuck, a detail of the fault, not
 * a denial that the writer is blocked. Not a person (`no one is stuck`, `nobody stuck`,
 * `none of us`). Tested on the text just before a denied blocked cue (priority-facts.ts).
 */
export const THING_NOT_STUCK_BEFORE_13 =
  /\b(?:(?:no|not a|not one|not a single|aucune?|pas de|plus de|plus aucune?) |pas d'|plus d')(?!(?:longer|more|further|really|totally|completely|actually|way|one|body|user|users|person|people|colleague|colleagues|staff|agent|agents|employee|employees|utilisateurs?|personnes?|collegues?)\b)[a-z-]+(?: (?:is|was|est|n'est|ne|n'))? $/u;

/**
 * A device still doing its job (`my mouse wheel is broken, it still click fine`, `the screen is
 * cracked but it still works ok`, `l'écran est fissuré mais il s'allume toujours normalement`): the
 * fault leaves the work going, so nothing is blocked. Not in the past (`it was still printing fine
 * yesterday`), not a fault kept up (`it still crashes`: no `fine` after it).
 */
export const STILL_FINE_CUES_13: readonly Cue[] = [
  cue(
    'still-does-it-fine',
    "(?<!\\b(?:was|were) )\\b(?:it|she|he|this one|the rest) still (?!(?:not|doesn|don|won|can|crash|freez|fail|jam|hang|stop|break|keep|kept|show|say|give|get|throw|beep|flash|blink)\\w*)[a-z]+ (?:fine|ok|okay|normally|perfectly)\\b|\\b(?:ca|il|elle|le reste) (?:s'|se )?(?!(?:plante|bloque|bug|freeze|coince|rame|affiche|marque|dit|met)\\b)[a-z]+ (?:toujours|encore) (?:bien|correctement|normalement|parfaitement|sans (?:souci|probleme))\\b",
  ),
];

/**
 * A fault over since (`Everything's been working fine since`, `it has been running normally ever
 * since`, `tout fonctionne normalement depuis`): the outage told of is past; a report about it is
 * no block. Not `ne … plus depuis` (no `ne` fits before the verb here).
 */
export const WORKING_SINCE_CUES_13: readonly Cue[] = [
  cue(
    'working-fine-since',
    "\\b(?:everything|it|all|things|the \\S+)(?:'s | s'| s | has | have |s )been (?:working|running)(?: fine| ok| okay| normally| again)? (?:ever )?since\\b|\\b(?:everything|it|all|things)(?:'s | s'| s | has | have |s )been (?:fine|ok|okay) (?:ever )?since\\b|\\b(?:tout|ca|cela) (?:fonctionne|marche|tourne|remarche|refonctionne) (?:bien |normalement |a nouveau |de nouveau |correctement )?depuis\\b",
  ),
];

/**
 * `can no longer` (`our declaration software can no longer transmit`, `we can no longer print`):
 * the same block as `can't`, which priority-vocabulary.ts reads only as `no longer able to`.
 */
export const CAN_NO_LONGER_CUES_13: readonly Cue[] = [
  cue('can-no-longer', '\\b(?:can|could) no longer\\b(?! (?:wait|afford|say|tell)\\b)'),
];

/**
 * The writer's act told with its purpose of carrying on (`We're hand-applying labels on today's run
 * to keep going`, `we're copying the rushes on USB drives to keep editing`, `We are currently
 * printing via the reception printer, which allows us to continue`, `on note tout sur papier pour
 * continuer à vendre`): a way of carrying on in use. Not an act of asking, waiting or trying
 * (`we're waiting for you to continue`, `I'm writing to keep you posted`), nor a need (`we need it
 * to keep working`: no act in progress).
 */
export const KEEP_GOING_CUES_13: readonly WorkaroundCue[] = [
  cue(
    'doing-to-keep-going',
    "\\b(?:we(?:'| )?re|we are|i(?:'| )?m|i am|they(?:'| )?re|they are) (?:currently |now |temporarily |still )?(?!(?:waiting|hoping|trying|asking|struggling|looking|wondering|planning|going|writing|calling|emailing|contacting|reaching|following|having|getting|running|losing|missing|needing|unable|not)\\b)[a-z-]+ing\\b(?: [^\\s.!?;:()]+){0,12}? (?:to|which (?:lets|allows|enables) (?:us|me)(?: to)?|so (?:that )?(?:we|i) can) (?:keep (?:going|[a-z]+ing)|continue|carry on|go on)\\b|\\b(?:on|nous|je|j')(?! (?:ne|n'|vous|t'|te)\\b)(?: [^\\s.!?;:()]+){1,10}? (?:pour (?:pouvoir )?continuer a (?:travailler|vendre|encaisser|avancer|servir|produire|saisir|imprimer|accueillir|livrer)|ce qui (?:nous|me) permet de (?:continuer|travailler|avancer))\\b",
    { wayAround: 'stated' },
  ),
];

/** Who does the work another way: people, never the device (`it prints blank pages instead`). */
const DOERS_EN =
  '(?:we|i|they|customers|clients|visitors|patients|guests|people|staff|everyone|everybody|the (?:team|staff|nurses|agents|cashiers|drivers|customers|clients|visitors|patients|guests|teachers|doctors|girls|guys|others))';
const DOERS_FR =
  "(?:on|nous|je|j'|ils|elles|tout le monde|les (?:clients|patients|visiteurs|usagers|agents|caissieres|caissiers|vendeuses|vendeurs|infirmieres|infirmiers|livreurs|chauffeurs|collegues|eleves|professeurs|filles|gars|autres))";

/**
 * Others doing the work another way (`Customers pay at the main till instead`, `the nurses write
 * the doses on the sheet instead`, `les clients paient à la caisse principale à la place`): read
 * after a blocked statement, outside its clause (priority-facts.ts), like round 10's ways.
 */
export const INSTEAD_CUES_13: readonly WorkaroundCue[] = [
  cue(
    'others-do-it-instead',
    `\\b${DOERS_EN} (?:now |all |just )?(?:pay|pays|use|uses|print|prints|sell|sells|work|works|write|writes|book|books|sign|signs|send|sends|call|calls|order|orders|scan|scans|check|checks|serve|serves|fill|fills)(?: ${WORD}){0,6}? instead\\b(?! of)|\\b${DOERS_FR} (?:paient|paie|passent|passe|vont|va|utilisent|utilise|impriment|imprime|vendent|vend|travaillent|travaille|ecrivent|ecrit|notent|note|signent|signe|envoient|envoie|appellent|appelle|commandent|commande|scannent|scanne)(?: ${WORD}){0,6}? a la place\\b(?! de| d')`,
    { wayAround: 'stated' },
  ),
];

/**
 * An old means taken up again until the fix (`ils ont repris les carnets à souches en attendant le
 * rétablissement du service`, `we went back to the paper tickets until it's fixed`): a way of
 * carrying on for the meantime (round 3's means-until-fixed, with the means named by the act of
 * taking it up again rather than from its list).
 */
export const TAKEN_UP_UNTIL_FIXED_CUES_13: readonly WorkaroundCue[] = [
  cue(
    'taken-up-until-fixed',
    `\\b(?:ont|a|avons|avez|ai) (?:repris|ressorti|ressortis|rebranche|remis en service)(?: ${WORD}){0,6}? ${UNTIL_FIXED}|\\b(?:went|gone|go|going|gone) back to(?: ${WORD}){0,6}? ${UNTIL_FIXED}|\\b(?:dug|dig|digging|got|brought|took) out(?: ${WORD}){0,6}? ${UNTIL_FIXED}`,
    { wayAround: 'stated' },
  ),
];

/**
 * A copy of a document asked again (`can you send again the invoice`, `please resend`, `pouvez-vous
 * me la renvoyer`): asked, so never `le serveur renvoie une erreur`.
 */
