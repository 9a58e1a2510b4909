/**
 * General readings added after issue 11's blind holdout5: a negative quantifier over a long noun
 * phrase (`aucun des 40 salariés de l'équipe du matin ne peut`), access refused to every
 * credential (`ne reconnaît plus aucun badge`), the devices of a whole organisation (`plus aucun
 * poste de l'étude`), "not only me" (`ce n'est plus seulement son poste`), a count of the people who
 * need the stopped tool (`nous sommes cinq à devoir signer`), a manual means that is no more (`we
 * have no paper registers any more`), everyone else working (`tout le monde peut travailler sauf
 * moi`), and three ways of carrying on (on another named station for now, a person on their own
 * device meanwhile, a paper stand-in in use). The SMS spellings (`jarrive pa`, `dautre`) are read in
 * text-sms.ts. Each family is stated with new sentences in
 * test/unit/triage/priority-general-readings-4.test.ts. Written against folded text
 * (text-normalize.ts). docs/triage.md, "General readings (issue 11, after the blind holdout5)".
 */
import { type Cue, cue, type WorkaroundCue } from './priority-vocabulary';

const PRONOUNS = "(?:(?:me|te|se|nous|vous|le|la|les|lui|leur|y|en) |[mtsl]')*";
/** What people can no longer do, or a tool no longer does (3rd person). */
const FR_CAN_OR_WORKS =
  '(?:peu\\w*|pourr\\w*|arriv\\w*|parvien\\w*|reussi\\w*|a acces|ont acces|acced\\w*|entr\\w*|travaill\\w*|accept\\w*|fonctionn\\w*|march(?!andise)\\w*|demarr(?!age)\\w*|ouvr(?!age)\\w*|imprim(?!ante)\\w*|connect(?!eur|ion)\\w*|recoi\\w*|recev\\w*|lit|lisent|pass(?:e|ent)\\b)';
/** A word of a noun phrase: no punctuation, so the quantifier and its verb stay in one clause. */
const WORD = '[^\\s.!?;,:()]+';

/** Credentials and stations that are each one person's: refusing every one refuses every person. */
const FR_CREDENTIALS =
  "(?:badges?|cartes? (?:d'acces|de (?:personnel|service|salarie)|professionnelles?)|comptes?|identifiants?|logins?|mots? de passe|codes? (?:d'acces|pin|personnels?)|sessions?|certificats?|cles? de signature|empreintes?)";
const EN_CREDENTIALS =
  '(?:badges?|key ?cards?|access cards?|staff cards?|id cards?|accounts?|logins?|passwords?|pins?|pin codes?|credentials|sessions?|certificates?|fingerprints?|fobs?|key fobs?)';
/** An organisation whose devices are its people's: `aucun poste de l'étude`, `every PC in the office`. */
const FR_ORGANISATION =
  "(?:de l'|du |de la |des |de notre |de nos )(?:etude|cabinet|agence|bureau|bureaux|magasin|magasins|boutique|societe|entreprise|ecole|college|lycee|site|service|clinique|pharmacie|officine|hotel|restaurant|usine|atelier|entrepot|mairie|secretariat|accueil|etablissement|administration|groupe|siege|succursales?|filiales?|equipe|personnel|salle des profs)\\b";
const EN_ORGANISATION =
  '(?:in|at|of|across|on|throughout) (?:the|our) (?:office|practice|firm|agency|shop|store|school|company|site|clinic|pharmacy|hotel|restaurant|plant|factory|workshop|warehouse|branch|building|department|surgery|studio|team|staff room|front office)\\b';
const FR_DEVICES =
  '(?:postes?|pcs?|ordis?|ordinateurs?|machines?|terminaux|terminal|tablettes?|portables?|caisses?|ecrans?|telephones?|imprimantes?)';
const EN_DEVICES =
  '(?:pcs?|computers?|workstations?|machines?|terminals?|tablets?|laptops?|tills?|screens?|phones?|printers?|desktops?)';

/**
 * The devices as the subject, not where one person tried (`je ne peux plus imprimer depuis tous les
 * postes du cabinet`, `I can't print from every PC in the office`: one user, several places).
 */
const NOT_AFTER_PREPOSITION =
  '(?<!\\b(?:depuis|sur|de|a partir de|via|avec|from|on|with|at|in|to|onto|sous|dans|pour|for) (?:plus )?)';

export const GENERAL_SEVERAL_CUES_4: readonly Cue[] = [
  // `Aucun des 40 salariés de l'équipe du matin ne peut entrer`, `none of the 30 teachers in the
  // east building can log in`: the quantifier carries the negation over a long noun phrase. Only a
  // verb of working follows (`aucun des clients de la boutique ne s'en est plaint` stays out).
  cue(
    'fr:aucun-des-long',
    `\\b(?:aucune?|pas une? seule?) (?:des|de nos|de mes|de ces|d'entre (?:nous|eux|elles))(?: ${WORD}){1,9}? (?:ne |n')${PRONOUNS}${FR_CAN_OR_WORKS}`,
    { blocking: true },
  ),
  cue(
    'en:none-of-long',
    `\\b(?:none|not one|not a single one) of (?:the|our|my|us|them|these|those|their)(?: ${WORD}){1,9}? (?:can|could|is able|are able|has access|have access|gets? in|is working|are working|works|starts?|connects?|logs? in|signs? in|loads?|prints?|opens?)\\b(?! (?:still|also|fine|normally))`,
    { blocking: true },
  ),
  // Access refused to every credential or personal station: `le contrôle d'accès ne reconnaît plus
  // aucun badge`, `refuse tous les mots de passe`, `the reader rejects every badge`, `no login
  // works`. Each badge or account is a person's: every one refused is several people blocked.
  // Not a device of one person (`mon lecteur ne reconnaît plus aucune clé USB`).
  cue(
    'fr:refuse-every-credential',
    `\\b(?:(?:ne |n')?(?:reconnai\\w*|accept\\w*|li[st]|lisent|valid\\w*|authentifi\\w*|prend|prennent|laisse\\w* passer) (?:plus|pas|pu) (?:aucune?|un seul|une seule) ${FR_CREDENTIALS}|(?:refuse\\w*|rejett?e\\w*|bloque\\w*) (?:tous les|toutes les|chaque|n'importe quel(?:le)?) ${FR_CREDENTIALS}|(?:plus )?(?:aucune?|pas une? seule?|0|zero) ${FR_CREDENTIALS}(?: ${WORD}){0,3}? (?:ne |n')?(?:passe\\w*|fonctionne\\w*|marche\\w*|est (?:reconnue?|accepte)|sont (?:reconnue?s|acceptee?s)))\\b`,
    { blocking: true, people: true },
  ),
  cue(
    'en:refuse-every-credential',
    `\\b(?:(?:doesn'?t|does not|don'?t|do not|won'?t|will not|no longer|can'?t|cannot|isn'?t|is not) (?:recogni[sz]e|accept|read|take|validate|let (?:through|in)|recogni[sz]ing|accepting|reading|taking) (?:any|a single|a) ${EN_CREDENTIALS}(?! (?:of mine|from me))|(?:rejects?|refuses?|rejecting|refusing|declines?|declining|blocks?|blocking) (?:every|all|each|any) (?:of (?:the|our) )?${EN_CREDENTIALS}|\\b(?:no|not a single|none of the|zero) ${EN_CREDENTIALS} (?:works?|is working|are working|gets? (?:in|through)|is (?:recogni[sz]ed|accepted)|are (?:recogni[sz]ed|accepted)))\\b`,
    { blocking: true, people: true },
  ),
  // The devices of a whole organisation are its people's: `plus aucun poste de l'étude n'accède`,
  // `tous les ordinateurs du cabinet`, `every PC in the office`, `none of the computers at the
  // practice`. Counted like any several-users phrase (with a blocked statement in its sentence).
  // Not one's own desk (`tous les postes de mon bureau`: no article of the organisation), nor the
  // places one person tried (`je ne peux plus imprimer depuis tous les postes du cabinet`).
  cue(
    'fr:devices-of-the-organisation',
    `${NOT_AFTER_PREPOSITION}\\b(?:aucune?|tous les|toutes les|chaque|l'ensemble des|la totalite des|plus aucune?) ${FR_DEVICES} ${FR_ORGANISATION}`,
    { people: true },
  ),
  cue(
    'en:devices-of-the-organisation',
    `${NOT_AFTER_PREPOSITION}\\b(?:every|all (?:the |our )?|each|none of the|no|not a single|not one) ${EN_DEVICES} ${EN_ORGANISATION}`,
    { people: true },
  ),
  // "Not only me": `ce n'est plus seulement son poste`, `y a pas que moi`, `je ne suis pas la
  // seule`, `it's not just me`, `not only my PC anymore`: more than one person is concerned. Not the
  // idiom `ce n'est pas que je sois pressée` (no `seulement`, no `moi`).
  cue(
    'not-only-me',
    "\\b(?:(?:pas (?:seulement|uniquement|juste|que)|plus (?:seulement|uniquement|juste)) (?:moi|lui|elle|mon|ma|mes|son|sa|ses|sur (?:mon|ma|son|sa))|(?:ne |n')?(?:suis|est) (?:pas|plus) (?:le seul|la seule)|(?:not|no longer) (?:just|only) (?:me|mine|him|her|my|his|on my|on his|on her)|(?:i'?m|im|i am|she'?s|he'?s|she is|he is) not the only one|(?:isn'?t|is not|it'?s not|its not) (?:just|only) (?:me|mine|my|him|her|his))\\b",
    { people: true, blocking: false },
  ),
];

/**
 * A count of the people who need the stopped tool: `nous sommes cinq à devoir signer`, `on est 4 à
 * s'en servir`, `there are six of us who need it today`. It names who is blocked when the mail says
 * something is (read in priority-facts.ts), not on its own.
 */
export const WHO_NEEDS_IT_CUES: readonly Cue[] = [
  cue(
    'count-who-need-it',
    "\\b(?:(?:nous|on) (?:sommes|est|serons|etions|etait) (?:\\d+|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|douze|quinze|vingt|plusieurs|nombreux|nombreuses|beaucoup) a (?:devoir|en avoir besoin|avoir besoin|l'utiliser|l'utiliser|nous en servir|s'en servir|travailler (?:dessus|avec)|l'attendre|dependre)|(?:we are|we're|there are) (?:\\d+|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|several|many)(?: of us)? (?:who|that) (?:need|have to|must|use|rely on|depend on|work on))\\b",
    { people: true },
  ),
];

/**
 * A manual means that is no more: `we have no paper registers any more`, `le gardien n'a pas de
 * liste papier`, `on n'a plus de bons manuels`, `there are no printed forms left`. No workaround
 * (and a workaround word inside it, `paper`, is not one). Not being out of paper (`plus de papier
 * dans l'imprimante`: no noun made of paper) nor `pas besoin de papier`.
 */
export const GENERAL_NO_WORKAROUND_CUES_4: readonly Cue[] = [
  cue(
    'no-manual-means',
    "\\b(?:(?:no|not any|no longer (?:have|keep|use)(?: any)?|don'?t have any|do not have any|haven'?t (?:got )?any) (?:more )?(?:[a-z-]+ )?(?:paper|manual|handwritten|hand-written|printed|hard-?copy|offline|carbon) (?!(?:jam|jams|stuck|jammed|caught|inside|tray|trays|size|quality|cut|cuts|problem|issue|in|on|at|left|for|and|or|to|the|anymore|any)\\b)[a-z-]+|(?:pas|plus|aucune?|sans) (?:de |d')?(?!besoin|souci|probleme|papier\\b|de\\b|d')[a-z-]+(?: (?:de|d'|a) [a-z-]+)? (?:papier|papiers|manuel(?:le)?s?|imprimee?s?|ecrite?s? a la main|a souche|a souches|carbone))\\b",
  ),
];

/**
 * Everyone else can work, not me: `tout le monde au cabinet peut travailler sauf moi`, `everyone
 * can log in except me`, `à part moi tout le monde a accès`, `c'est que mon poste`. One user. Not a
 * group blocked but me (`tout le monde est bloqué sauf moi`: several users).
 */
const NOT_NEG = "(?!(?:ne|pas|plus|rien|jamais|not|no|never|nobody)\\b|n')";
const GROUP =
  '(?:tout le monde|tous|toutes|tous les autres|les autres|everyone|everybody|all the others|the others|the rest)';
const WORKS =
  '(?:peu\\w*|arriv\\w* a|a acces|ont acces|acced\\w*|travaill\\w*|march\\w*|fonctionn\\w*|se connect\\w*|imprim\\w*|va bien|vont bien|ca va|can|could|is working|are working|works|work|has access|have access|is fine|are fine|is ok|are ok|logs? in|gets? in)';
export const GENERAL_ONE_USER_CUES_4: readonly Cue[] = [
  cue(
    'everyone-but-me',
    `\\b${GROUP}(?: ${NOT_NEG}${WORD}){0,4}? ${WORKS}(?: ${NOT_NEG}${WORD}){0,4}?,? (?:sauf|a part|excepte|hormis|mis a part|except|but|apart from|other than|besides) (?:moi|me|mon poste|ma session|mon compte|my (?:pc|computer|laptop|account|machine|session))\\b|\\b(?:sauf|a part|excepte|hormis|except|apart from|other than) (?:moi|me)\\b,? ${GROUP}(?: ${WORD}){0,4}? ${WORKS}\\b|\\b(?:c'est|c|c est|ce n'est|il n'y a|y a) (?:que|juste|seulement) (?:mon poste|mon pc|mon ordi|mon ordinateur|ma session|mon compte|mon imprimante|mon telephone|ma tablette)\\b`,
  ),
];

const TIME_NOW =
  "(?:for tonight|for today|for now|for the day|for the time being|tonight|today|this morning|this afternoon|meanwhile|in the meantime|instead|en attendant|pour l'instant|pour le moment|pour ce soir|pour aujourd'hui|ce soir|aujourd'hui|ce matin|cet apres-midi|a la place|entre-temps)";
const STATION =
  '(?:pc|poste|computer|laptop|machine|ordi|ordinateur|portable|terminal|tablet|tablette|mac|caisse|till)';
export const GENERAL_WORKAROUND_CUES_4: readonly WorkaroundCue[] = [
  // On another named station for now: `I'm running it on the back office PC for tonight`, `je la
  // lance sur le poste de l'accueil en attendant`, `on encaisse sur la caisse 2 aujourd'hui`. The
  // station is named by its place or owner (not `my PC`, the one that broke).
  cue(
    'on-another-station-for-now',
    `\\b(?:i'?m|im|i am|we'?re|we are|je|j'|on|nous|i|we)(?: ${WORD}){0,2}? (?:running|doing|using|printing|working|logging|lance|lancons|fais|faisons|fait|imprime|imprimons|travaille|travaillons|encaisse|encaissons|passe|passons|run|do|use|print|work|log) (?:${WORD} ){0,3}?(?:on|sur|from|depuis|via) (?:the|le|la|l') ?(?:(?!my\\b|mon\\b|ma\\b)${WORD} ){0,3}?${STATION}(?: ${WORD}){0,3}? ${TIME_NOW}\\b`,
    { wayAround: 'inferred' },
  ),
  // A person on their own device meanwhile: `le chauffeur se sert de son tel en attendant`, `elle
  // utilise son portable perso pour l'instant`, `he's using his own phone for now`.
  cue(
    'own-device-meanwhile',
    `\\b(?:se sert (?:de|du)|se servent (?:de|du)|utilise|utilisent|prend|prennent|passe par|passent par|using|uses|use) (?:son|sa|ses|leur|leurs|mon|ma|mes|his|her|their|my|our) (?:propre |own |personal |perso |private )?(?:tel|telephone|portable|smartphone|mobile|phone|cell|ordi|pc|laptop|tablette|tablet|ipad|gps)\\b(?: (?:perso|personnel(?:le)?))?(?: ${WORD}){0,6}? ${TIME_NOW}\\b|\\b(?:en attendant|for now|meanwhile|in the meantime|pour l'instant|pour le moment)(?: ${WORD}){0,4}? (?:se sert (?:de|du)|utilise|using|uses) (?:son|sa|ses|leur|his|her|their) (?:propre |own |personal |perso )?(?:tel|telephone|portable|smartphone|mobile|phone|cell|ordi|pc|laptop|tablette|tablet)\\b`,
    { wayAround: 'inferred' },
  ),
  // A paper stand-in in use: `using a paper run sheet from the office today`, `on utilise des bons
  // papier`, `j'ai pris une feuille de route papier`. Negated (`we can't use paper forms`) it is no
  // workaround.
  cue(
    'paper-stand-in',
    "\\b(?:using|use|uses|used|with|working from|working off|filling in|filling out|writing on|utilis\\w*|pris|prend\\w*|remplis\\w*|rempli\\w*|ecri\\w* sur|note\\w* sur) (?:a|an|the|some|des|une?|les|la|le|de) ?(?:(?:paper|printed|handwritten|manual) [a-z-]+|[a-z-]+(?: (?:de|d'|a) [a-z-]+)? (?:papier|papiers|manuel(?:le)?s?|imprimee?s?))\\b",
    { negation: 'cancels', wayAround: 'inferred' },
  ),
];

/**
 * A change made in the past, told after `since` (`we have no paper registers any more since we
 * moved to the system`, `depuis qu'on est passés au logiciel`): history that explains why there is no
 * fallback, not a way of carrying on now. The text right before a workaround phrase.
 */
export const SINCE_SUBJECT_BEFORE =
  /\b(?:ever since|since|depuis que|depuis qu')\s?(?:we|i|they|on|nous|je|j'|ils|elles|the \S+|l'\S+|le \S+|la \S+)(?: (?:have|had|'ve|sommes|est|a|avons|ont|s'est|etions|etait))? $/u;
