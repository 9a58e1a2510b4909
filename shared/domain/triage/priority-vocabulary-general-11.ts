/**
 * General readings added after issue 11's blind holdout14 and holdout15: nothing to fall back on
 * (`we don't have a paper list to fall back on`), a fallback that fails too (`la liaison de secours
 * par 4G échoue aussi`) and a number of people at a standstill (`les trois prothésistes sont à
 * l'arrêt`). Each family is stated with new sentences in
 * test/unit/triage/priority-general-readings-11.test.ts. Written against folded text
 * (text-normalize.ts). docs/triage.md, "General readings (issue 11, after the blind holdout14 and
 * holdout15)".
 */
import { type Cue, cue, type WorkaroundCue } from './priority-vocabulary';
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

/** A device that can stand in for another, for a borrowed one. */
const DEVICE =
  '(?:laptop|computer|pc|phone|tablet|printer|device|machine|ordinateur|ordi|portable|pc|tablette|telephone|imprimante|machine|appareil)';

/**
 * Ways of carrying on said in the client's words (stated):
 * - a purpose of not being held up (`pour ne pas bloquer le chargement, on imprime sur
 *   l'imprimante du bureau`, `pour ne pas être en retard je vais les faire imprimer ailleurs`, `so
 *   as not to hold up the shipment`): what follows is done to keep going;
 * - done for the time being (`nous utilisons provisoirement la valise du constructeur`, `we are
 *   temporarily using the old till`): the adverb says it is a stopgap; not a block said
 *   temporary (`nous sommes provisoirement bloqués`);
 * - still going thanks to it (`so we're still on air`, `so we are still open`).
 */
export const STATED_WAY_CUES_11: readonly WorkaroundCue[] = [
  cue(
    'so-as-not-to-be-held-up',
    `\\b(?:pour (?:ne )?pas|afin de (?:ne )?pas|pour eviter de) (?:bloquer|etre bloquee?s?|etre en retard|prendre (?:du |de )?retard|retarder|perdre (?:la|les|le|du|de) ${WORD}|arreter)\\b|\\b(?:so as not to|in order not to|to avoid) (?:hold(?:ing)? up|block(?:ing)?|be(?:ing)? late|fall(?:ing)? behind|delay(?:ing)?|stop(?:ping)?)\\b`,
    { wayAround: 'stated' },
  ),
  cue(
    'for-the-time-being-using',
    "\\b(?:nous|on|je|j'|we|i)(?: (?:are|am|'re|'m))? (?:[a-z]+ )?(?:provisoirement|temporairement|temporarily) (?!(?:bloquee?s?|hors|en panne|sans|arretee?s?|blocked|down|unable|out|without|stuck|offline|closed|fermee?s?)\\b)[a-z]+",
    { wayAround: 'stated' },
  ),
  cue(
    'so-still-going',
    "\\bso (?:that )?(?:we|i)(?:'re| are|'m| am) still (?:on air|open|running|working|serving|trading|going)\\b",
    {
      wayAround: 'stated',
    },
  ),
];

/**
 * A device lent or borrowed (`my neighbour lent me his old laptop`, `ma voisine m'a prêté son
 * ordinateur`, `I borrowed my son's tablet`): inferred from what the client does; under a negation
 * (`I can't borrow one`) it is none (priority-facts.ts).
 */
export const BORROWED_DEVICE_CUES_11: readonly WorkaroundCue[] = [
  cue(
    'borrowed-device',
    `\\b(?:lend|lends|lent|loaned) (?:me|us) (?:his|her|their|a|an|the|one)(?: ${WORD}){0,2}? ${DEVICE}\\b|\\bborrow(?:ed|ing|s)? (?:a|an|the|his|her|their|[a-z]+'s)(?: ${WORD}){0,2}? ${DEVICE}\\b|\\b(?:m'a|nous a|m'ont|nous ont|on m'a|on nous a) (?:prete|pretee|pretes) (?:son|sa|leur|un|une|le|la)(?: ${WORD}){0,2}? ${DEVICE}\\b|\\bemprunt(?:e|ee|ons|ent) (?:le|la|l'|un|une|son|sa|leur)(?: ${WORD}){0,2}? ${DEVICE}\\b`,
    { wayAround: 'inferred' },
  ),
];

/**
 * Others who cannot do it for the writer (`mes collègues ne peuvent pas les signer à ma place`,
 * `my colleagues can't do it for me`): no way around, and the colleagues named are not blocked
 * users (priority-facts.ts drops a several-users reading in its clause).
 */
export const NOT_FOR_ME_CUES_11: readonly Cue[] = [
  cue(
    'others-cannot-for-me',
    `\\b(?:(?:ne )?(?:peut|peuvent|pourra|pourront|pourrait|pourraient) (?:pas|plus)|(?:can'?t|cannot|can not|couldn'?t|could not))(?: ${WORD}){0,3}? (?:a ma place|a notre place|a sa place|instead of me|on my behalf|in my place)\\b`,
  ),
];

/**
 * A device stolen (`my laptop was stolen from my car`, `on m'a volé mon ordinateur`, `mon portable
 * a été volé`): the writer no longer has it, so is blocked unless a way around is said.
 */
export const STOLEN_CUES_11: readonly Cue[] = [
  cue(
    'device-stolen',
    `\\b${DEVICE} (?:was|were|has been|have been|got) stolen\\b|\\b(?:on m'a|on nous a|ils ont|on a) vole (?:mon|ma|notre|nos|le|la|les)(?: ${WORD}){0,2}? ${DEVICE}s?\\b|\\b${DEVICE} (?:a ete|ont ete|s'est fait) volee?s?\\b`,
  ),
];

/**
 * The channels a way of carrying on may go through, each with its words (webmail is another way
 * in, not the mail itself: `Outlook ne marche plus, je passe par le webmail`).
 */
export const CHANNEL_FAMILIES_11: readonly RegExp[] = [
  /\b(?:e-?mails?|mails?|courriels?)\b/u,
  /\b(?:phones?|telephones?|tel)\b/u,
  /\bfax\b/u,
  /\bwhatsapp\b/u,
  /\bsms\b/u,
];

/**
 * A device the whole team shares (`All the pharmacists use this one PC`, `le seul PC du bureau,
 * celui qu'on partage tous`, `the PC we all share`): who needs it, read when something is blocked
 * (priority-facts.ts, as round 5's `nous sommes cinq à devoir signer`).
 */
export const SHARED_BY_ALL_CUES_11: readonly Cue[] = [
  cue(
    'device-shared-by-all',
    `\\b(?:all the|all our|every|tous les|toutes les) [a-z-]+ (?:use|uses|share|utilisent|partagent|passent par) (?:this|that|the same|ce|cet|cette|le meme|la meme)(?: one| seul| seule)? ${DEVICE}\\b|\\b(?:qu'on|que nous|qu'ils|on|nous) (?:le |la |les )?partage(?:ons|nt)? (?:tous|toutes|a tous)\\b|\\b(?:partagee? par tout le monde|partagee? par tous|shared by (?:all|everyone|everybody|the whole (?:team|office|staff))|(?:we|they) all share)\\b`,
    { people: true },
  ),
];

/**
 * No one of a group who can log in or work (`Aucun bibliothécaire ne peut se connecter`, `no agent
 * can log in`): several people, blocked; not a thing that cannot (`aucun fichier ne peut s'ouvrir`:
 * the verb is a person's).
 */
export const NO_ONE_OF_GROUP_CUES_11: readonly Cue[] = [
  cue(
    'no-one-of-group-can',
    "\\baucune? (?!(?:de|moyen|autre|probleme|souci)\\b)[a-z-]+ (?:ne |n')?(?:peut|arrive a|parvient a) (?:plus |pas )?(?:se connecter|se loguer|se logger|travailler|acceder|ouvrir (?:sa|son) session|bosser|encaisser|pointer)\\b|\\bno (?!(?:one|way|other|file|files|page|document)\\b)[a-z-]+ (?:can|could) (?:log ?in|sign in|log on|connect|work|access)\\b",
    { blocking: true, people: true },
  ),
];

/**
 * A way said to work with its cost (`I print the scores before the lessons, it works but costs a
 * lot of paper`, `ça marche mais c'est long`): stated, like round 10's `en attendant mais`; read
 * only after a blocked statement, outside its clause (priority-facts.ts), since alone it may be
 * the tool itself working slowly.
 */
export const WORKS_BUT_COSTS_CUES_11: readonly WorkaroundCue[] = [
  cue(
    'works-but-costs',
    "\\b(?:it|that|this|ca|cela|c') ?(?:works|marche|fonctionne),? (?:but|mais) (?:it |ca |c'est |c'|that )?(?:costs?|coute|takes? (?:time|longer|ages)|prend (?:du temps|plus de temps)|is (?:slow|slower|long|longer)|(?:est )?(?:long|plus long|lent|plus lent))\\b",
    { wayAround: 'stated' },
  ),
];

/**
 * A short label before a comma (`Booth 2, can't record anything`, `Caisse 3, peux plus encaisser`):
 * the place the writer speaks from, so the telegraphic verb after it is still the writer's own
 * (round 5's dropped first person, priority-facts.ts).
 */
export const LEAD_IN_LABEL_11 = /^[\s,]*[^\s,.!?;:]+(?: [^\s,.!?;:]+){0,2},\s*/u;
