/**
 * General readings added after issue 11's blind holdout7: ways of carrying on (calling people one
 * by one, `ça tient`, the people named doing it another way `instead`, recording elsewhere to
 * re-enter later, working on one's own device), a problem that remains, a denial said of other
 * people (`it doesn't stop them selling`), the others' good news that is theirs (`c'est revenu
 * pour mes collègues`), a feared block that is not one now (`I don't want to be locked out`), a
 * count of roles as the subject of a plural blocked verb (`mes deux pompistes et la caissière ne
 * peuvent…`), the other devices busy with the rest of the team (one user), the others' own way of
 * working that is no workaround for the one user blocked, and the writer's verb of telling
 * (`je vous informe que`), which says nothing about who is blocked. Each family is stated with new
 * sentences in test/unit/triage/priority-general-readings-6.test.ts. Written against folded text
 * (text-normalize.ts). docs/triage.md, "General readings (issue 11, after the blind holdout7)".
 */
import { type Cue, cue, PEOPLE_WORD, type WorkaroundCue } from './priority-vocabulary';

/** A word of a phrase: no punctuation, so the reading stays in one clause. */
const WORD = '[^\\s.!?;,:()]+';

/** A plural noun that names people (priority-vocabulary.ts's people words). */
const PEOPLE = `(?=${PEOPLE_WORD.source})[a-z'-]+s`;

export const GENERAL_WORKAROUND_CUES_6: readonly WorkaroundCue[] = [
  // Calling people one by one for what the tool gave: `les exploitants appellent les chauffeurs un
  // par un`, `on téléphone à chaque client individuellement`, `we're calling the drivers one by
  // one`. The phone stands in for the stopped tool. Negated (`on ne peut pas appeler…`), none.
  cue(
    'calling-one-by-one',
    `\\b(?:appel\\w*|rappel\\w*|telephon\\w*|contact\\w*|joign\\w*|call(?:s|ing|ed)?|phon(?:e|es|ing|ed)|ring(?:s|ing)?|text(?:s|ing|ed)?)(?: ${WORD}){0,4}? (?:un par un|une par une|un a un|une a une|individuellement|un apres l'autre|une apres l'autre|one by one|one at a time|individually|one after (?:the other|another))\\b`,
    { negation: 'cancels', wayAround: 'inferred' },
  ),
  // Coping said in a word: `ça tient, mais…`, `on tient le coup`, `we're holding up`, `holding the
  // fort`. Not `ça (ne) tient pas`, not `ça tient la route` (an argument holds).
  cue(
    'holding-up',
    "\\b(?:ca|cela) tient(?= ?[,.;!:]| mais\\b| pour l'instant| pour le moment| encore\\b| tant bien que mal)|\\b(?:(?:ca|cela|on) tient|nous tenons) le coup\\b|\\b(?:we'?re|we are|it'?s|it is) (?:just )?(?:holding up|holding the fort|holding on|coping)\\b",
    { negation: 'cancels', wayAround: 'stated' },
  ),
  // The people named doing the work another way (a people word, not `the prices are going up
  // instead`): `the waiters are bringing handwritten tickets instead`, `les serveurs prennent les commandes à la place`, `les vendeuses notent tout à la
  // main`; the writer's own `we're … instead` is in priority-vocabulary-general-2.ts. A hand-written
  // stand-in (`handwritten tickets`, `des bons manuscrits`) is a manual means like `à la main`.
  cue(
    'others-instead',
    `\\b(?:the|our|my|all the) (?:${WORD} )?${PEOPLE} (?:are|were|have been|now) [a-z]+ing\\b(?: ${WORD}){0,8}? instead\\b(?! of\\b)|\\b(?:les|nos|mes) (?:${WORD} )?${PEOPLE} (?:${WORD} )?[a-z]+(?:ent|ont)\\b(?: ${WORD}){0,8}? a la place\\b(?! d)|\\b(?:hand-?written|written by hand|manuscrite?s?|ecrite?s? a la main|faite?s? a la main)\\b`,
    { negation: 'cancels', wayAround: 'inferred' },
  ),
  // Recording elsewhere now to re-enter later: `we will re-enter everything once it is back`, `on
  // ressaisira tout après`, `je rentrerai les ventes dans le logiciel quand il remarchera`. A
  // catch-up promised says the work goes on another way meanwhile. Only the later catch-up: a
  // future, or a time after (`je dois tout ressaisir` after a data loss is the loss's cost, no
  // way of carrying on; narrowed after round 12).
  cue(
    're-enter-later',
    '\\b(?:(?:will|shall|going to|ll) re-?(?:enter|key|type|input)|ressaisir(?:a|ai|ons|ont)|resaisir(?:a|ai|ons|ont)|(?:re-?(?:enter|key|type|input)(?:s|ing|ed)?|ressaisi\\w*|resaisi\\w*)(?: \\S+){0,5}? (?:later|afterwards|once|when|after|apres|plus tard|quand|une fois|des que|au retour)|(?:on|je|nous) (?:rentrera|rentrerai|rentrerons|saisira|saisirai|saisirons|reportera|reporterai|reporterons) (?:tout|les \\S+|\\S+ \\S+)(?: \\S+){0,4}? (?:apres|plus tard|quand|une fois|des que|au retour)|(?:key|type|enter) (?:it|them|everything|all) (?:in )?(?:later|afterwards|once|when))\\b',
    { negation: 'cancels', wayAround: 'inferred' },
  ),
  // Working on one's own device: `je bosse sur mon perso pour aujourd'hui`, `je travaille depuis
  // mon téléphone perso`, `I'm working on my own laptop today`. Negated (`je peux pas bosser sur
  // mon perso`), none.
  cue(
    'own-device',
    "\\b(?:je|j'|on|nous|il|elle) ?(?:bosse|bossons|travaille|travaillons|taffe|continue|continuons|depanne|me depanne|fais tout|fait tout) (?:sur|avec|depuis|a partir de) (?:mon|ma|son|sa|notre|leur) (?:propre |vieux |vieil |ancien |ancienne )?(?:perso|portable perso|pc perso|ordi perso|ordinateur (?:perso|personnel)|tel perso|telephone (?:perso|personnel)|mobile perso|tablette perso|pc personnel|portable personnel)\\b|\\b(?:i'?m|i am|we'?re|we are) (?:working|carrying on|getting by) (?:on|from|with) (?:my|our) (?:own|personal|home|private) (?:laptop|pc|computer|phone|mobile|tablet|machine)\\b",
    { negation: 'cancels', wayAround: 'inferred' },
  ),
];

/**
 * A problem that remains: `le problème reste entier sur le copieur`, `le souci persiste`, `the
 * issue persists`, `the problem is still there`. Not what remains to be done (`le problème reste à
 * identifier`, `the problem remains to be seen`) nor a judgement (`reste mineur`).
 */
export const GENERAL_BLOCKED_CUES_6: readonly Cue[] = [
  cue(
    'problem-remains',
    "\\b(?:le|ce|mon|notre|leur|the|this|my|our|that) (?:meme )?(?:probleme|souci|bug|panne|defaut|dysfonctionnement|issue|problem|fault|bug) (?:reste|persiste|demeure|subsiste|continue|est toujours (?:la|present|d'actualite)|remains|persists|is still (?:there|here|present|ongoing)|continues|keeps happening)\\b(?! (?:a |to |mineur|minor|rare|ponctuel|occasional|limite|limited|esthetique|cosmetic|cantonne|confined))",
    { negation: 'cancels' },
  ),
];

/**
 * A denial of being stopped said of other people: `it doesn't stop them selling`, `that doesn't
 * prevent the team from working`, `ça ne les empêche pas de vendre`, `ça n'empêche pas les
 * vendeuses d'encaisser`. The English and French `me`/`us` forms are in priority-vocabulary.ts;
 * these add any person and any verb of the work. Not `it stops them selling` (no negation).
 */
export const GENERAL_NOT_BLOCKED_CUES_6: readonly Cue[] = [
  cue(
    'does-not-stop-them',
    `\\b(?:doesn'?t|does not|didn'?t|did not|won'?t|will not|isn'?t|is not|not) (?:stop(?:ping)?|prevent(?:ing)?|keep(?:ing)?) (?:me|us|them|him|her|anyone|anybody|people|everyone|(?:the|my|our) (?:${WORD} )?[a-z]+) (?:from )?[a-z]+ing\\b|\\b(?:ne |n')?(?:m'|nous |les |l'|leur |lui )?empech\\w* pas (?:(?:les|nos|mes|le|la|l'|ma|mon|notre) (?:${WORD} )?[a-z]+ )?(?:de |d')[a-z]+(?:er|ir|re)\\b`,
  ),
];

/** Numbers of people: `deux`, `3`, `les trois`. */
const COUNT =
  '(?:[2-9]|\\d{2,}|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|quinze|vingt|trente|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty)';
/** Things counted that are no people: devices, places, times. */
const NOT_PEOPLE =
  '(?:postes?|pcs?|ordis?|ordinateurs?|portables?|tablettes?|caisses?|terminaux|machines?|ecrans?|telephones?|imprimantes?|pompes?|bornes?|lecteurs?|scanners?|serveurs?|routeurs?|comptes?|sessions?|licences?|badges?|lignes?|sites?|agences?|magasins?|boutiques?|services?|bureaux|salles?|etages?|jours?|heures?|minutes?|semaines?|mois|fois|ans|annees?|tills?|registers?|computers?|laptops?|printers?|screens?|tablets?|phones?|terminals?|pumps?|kiosks?|servers?|accounts?|licences?|licenses?|lines?|sites?|offices?|shops?|stores?|branches?|rooms?|floors?|days?|hours?|minutes?|weeks?|months?|times|years?)';
/**
 * A count of roles, maybe with more roles coordinated, as the subject of a plural blocked verb:
 * `mes deux pompistes et la caissière ne peuvent servir personne`, `nos 3 monitrices n'arrivent
 * plus à se connecter`, `our two bakers and the apprentice can't…`. Whatever the role (a word no
 * list holds), counted people who cannot are several users. Not counted devices, places or times
 * (`les deux caisses ne peuvent plus…`: several places, left to the tie rule as before).
 */
export const GENERAL_SEVERAL_CUES_6: readonly Cue[] = [
  cue(
    'counted-roles-cannot',
    `\\b(?:mes|nos|les|ses|leurs|ces|our|my|the|his|her|their|these|all) ${COUNT} (?!${NOT_PEOPLE}\\b)[a-z'-]+s\\b(?: ${WORD}){0,7}? (?:(?:ne |n')(?:peuvent|arrivent|parviennent|savent plus|ont plus acces)|(?:peuvent|arrivent|parviennent) (?:plus|pas|pu|rien)|peuvent ${WORD}(?: ${WORD})? (?:personne|rien|aucune?)|ont (?:plus|pu) acces|can'?t|cannot|can no longer|are unable|are (?:stuck|blocked|locked out)|sont (?:bloquee?s|coincee?s))\\b`,
    { blocking: true, people: true },
  ),
];

/**
 * The other devices are busy with the rest of the team: `the other printers are all in use by the
 * rest of the team`, `les autres postes sont tous occupés par mes collègues`. No spare for me, and
 * the others are working: one user. Not a shared thing used by a team that stopped (`le serveur
 * utilisé par toute l'équipe est en panne`: the team is blocked).
 */
export const GENERAL_ONE_USER_CUES_6: readonly Cue[] = [
  cue(
    'others-devices-busy',
    `\\b(?:the other|the others|all the other|les autres|toutes les autres|tous les autres)(?: ${WORD}){0,2}? (?:are|sont)(?: all| toutes?| tous)? (?:in use|busy|taken|occupied|being used|used|pris(?:es)?|occupee?s|utilisee?s)(?: ${WORD}){0,3}? (?:by|par) (?:the rest of|le reste de|les autres|mes collegues|my colleagues|my co-?workers|the others|everyone else|the team|l'equipe|leurs|their)\\b`,
  ),
];

/**
 * Other people as the scope of a good-news or denial phrase: `mes collègues n'ont aucun souci de
 * leur côté`, `c'est revenu pour mes collègues`, `it's working again for the others`. Tested on
 * the clause of a not-blocked phrase (priority-facts.ts): their news is not the writer's, unless
 * the writer is in it (`mes collègues et moi n'avons aucun souci`).
 */
export const OTHERS_SCOPE =
  /\b(?:mes|nos|les|my|our|the) (?:collegues|collaborat\w+|autres|voisins?|others|colleagues|co-?workers|teammates)\b|\b(?:le reste de l'equipe|the rest of (?:the|my|our) (?:team|office|staff)|everyone else|everybody else|tous les autres|toutes les autres|de leur cote|on their side|for them|pour eux|pour elles|chez eux|chez elles)\b/u;
/** The writer in the same clause: the news is hers too. */
export const WRITER_IN_SCOPE =
  /\b(?:moi|je|j'|nous|i|i'm|me|we|we're|us|mon poste|ma session|my (?:pc|computer|laptop|account|session))\b|\bon (?!their\b)/u;

/**
 * A block feared, wished away or put ahead, not a block now: `I don't want to be locked out next
 * week`, `pour ne pas être bloqué`, `pour éviter d'être coupée`, `j'ai peur d'être bloquée lundi`,
 * `to avoid getting locked out`. Tested on the text right before a blocked phrase, in its clause.
 * `I'm afraid I can't log in` is a real block (politeness), so `afraid` counts only before `of`.
 */
export const FEARED_BEFORE =
  /(?:\b(?:do ?n'?t|do not|does ?n'?t|does not|would ?n'?t|would not|never) (?:want|wish|like) to (?:be|get|end up)|\bto avoid (?:being|getting|ending up)|\bso (?:that )?(?:i|we|they|he|she) (?:don'?t|won'?t|do not|will not|aren'?t|are not) (?:be |get )?|\b(?:afraid|scared|worried) of (?:being|getting)|\bin case (?:i|we|they|he|she) (?:get|gets|am|are|is|become)|\b(?:je|on|nous) (?:ne |n')?(?:veux|voudrais|veut|voulons|souhaite|souhaitons) (?:pas|surtout pas) (?:etre|me retrouver|nous retrouver|se retrouver)|\bpour (?:ne pas|eviter d'|eviter de) (?:etre|me retrouver|nous retrouver|se retrouver)|\b(?:peur|crainte|risque) (?:d'etre|de me retrouver|de nous retrouver|de se retrouver)|\bde peur d'etre|\bafin de ne pas (?:etre|me retrouver))(?: [a-z'-]+){0,2}? $/u;

/**
 * Other people as the subject of a way of working (`les architectes travaillent sur un autre
 * logiciel`, `my colleagues use another system`): when the writer has said she is the only one
 * blocked, their own way of working is no workaround for her, unless they do it for her (`ma
 * collègue imprime pour moi`). Tested on a workaround phrase's clause, up to its end.
 */
export const OTHERS_SUBJECT = new RegExp(
  `^[\\s,]*(?:(?:les|mes|nos|ses|leurs|ces|tous les|toutes les|the|my|our|his|her|their|all the) (?:[a-z'-]+ )?(?:${PEOPLE_WORD.source})|ils|elles|they|the others|everyone else|tout le monde)`,
  'u',
);
/** The others do it for the writer: a workaround for her after all. */
export const FOR_THE_WRITER =
  /\b(?:pour moi|a ma place|for me|on my behalf|instead of me)\b|\bm'[a-z]|\bme\b/u;

/**
 * The writer's verb of telling (`je vous informe que`, `je vous signale que`, `je vous écris car`,
 * `I'm writing to let you know`, `I wanted to let you know`): like politeness, it carries a person
 * who says nothing about who is blocked. Removed before the person of a blocked sentence is read.
 */
export const TELLING =
  /\b(?:je (?:vous )?(?:informe|signale|previens)\w*|je vous (?:ecris|contacte|fais savoir)\w*|je me permets de vous (?:informer|signaler|ecrire|contacter|prevenir)|je tenais a vous (?:informer|signaler|prevenir)|je souhaite vous (?:informer|signaler)|i(?:'m| am) (?:writing|emailing|contacting you|reaching out)|i (?:wanted|want|would like) to (?:let you know|inform you|report|flag)|i(?:'m| am) (?:letting you know|informing you))\b/gu;
