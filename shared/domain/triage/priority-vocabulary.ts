/**
 * The phrases that make the brochure's three facts (blocked? workaround? several users?), in
 * French and English, written against folded text (text-normalize.ts: lower case, no accents,
 * ' for every apostrophe). Each cue is a family of phrasings, not a sentence from one mail.
 * docs/triage.md summarises them; test/unit/triage/ has one example per family.
 */

export type Cue = {
  id: string;
  pattern: RegExp;
  /**
   * What a negation among the words just before does: `denies` turns the cue into its opposite
   * statement (`pas bloqué`, `not blocked` say the client is not blocked); `cancels` only drops it
   * (`ne plante plus` says nothing about the rest of the message).
   */
  negation?: 'denies' | 'cancels';
  /** Also says that someone is blocked (`personne ne peut`, `none of us can`). */
  blocking?: boolean;
  /** Names people even without a people word (`ma collègue et moi`, `the whole studio`). */
  people?: boolean;
  /** How a workaround cue says the client carries on: see WayAround. */
  wayAround?: WayAround;
};

/**
 * How a workaround cue tells that the client carries on another way (issue 11, "do not guess
 * silently"). `stated`: the client's words say it is a way around: a workaround noun
 * (`contournement`, `workaround`, `solution de secours`, `backup`), a time phrase that makes the
 * means a stand-in (`en attendant`, `for now`, `until it's fixed`), a manual-means adverbial (`à la
 * main`, `sur papier`, `manually`) or coping said in words (`on se débrouille`, `we're managing`).
 * `inferred`: the triage infers it from what people do (another channel `par téléphone`, `instead`,
 * one by one, another or one's own device, `we'll re-enter it later`): the workaround is then read
 * with medium confidence, and asked about when the level would be critique without it.
 */
export type WayAround = 'stated' | 'inferred';
/** A workaround cue always says which kind it is, so a new cue cannot skip the choice. */
export type WorkaroundCue = Cue & { wayAround: WayAround };

export function cue<const Options extends Omit<Cue, 'id' | 'pattern'>>(
  id: string,
  source: string,
  options: Options = {} as Options,
): Cue & Options {
  return { id, pattern: new RegExp(source, 'gu'), ...options };
}

export const alt = (words: readonly string[]) => `(?:${words.join('|')})`;

const FR_PEOPLE = alt([
  'utilisateur(?:s|rice|rices)?',
  'personnes',
  'collegues',
  'collaborat(?:eurs|rices)',
  'salarie(?:e)?s',
  'employe(?:e)?s',
  'agents',
  'praticien(?:ne)?s',
  'medecins',
  'infirmi(?:ers|eres)',
  'clercs',
  'commerciaux',
  'negociat(?:eurs|rices)',
  'vendeu(?:rs|ses)',
  'caissi(?:ers|eres)',
  'chauffeurs',
  'techniciens',
  'comptables',
  'secretaires',
  'serveu(?:rs|ses)',
  'operat(?:eurs|rices)',
  'conseill(?:ers|eres)',
  'enseignants',
  'eleves',
  'clients',
  'gens',
  'pharmaciens',
  'preparat(?:eurs|rices)',
  'receptionnistes',
  'standardistes',
  'guichetiers',
  'dessinateurs',
  'manipulateurs',
  'aides?-soignant(?:e)?s',
  'professeurs',
  'profs',
  'coachs',
  'adherents',
  'residents',
  'patients',
  'stagiaires',
  'equipes',
  'vendeuses',
  // More roles (issue 11, holdout2).
  'kines',
  'kinesitherapeutes',
  'dentistes',
  'assistant(?:e)?s',
  'radiologues',
  'mecaniciens',
  'livreurs',
  'magasiniers',
  'caristes',
  'cuisiniers',
  'hotesses',
  'avocats',
  'notaires',
  'juristes',
  'architectes',
  'ingenieurs',
  'developpeurs',
  'formateurs',
  'animat(?:eurs|rices)',
  'educat(?:eurs|rices)',
  'auxiliaires',
  'sages-femmes',
  'opticiens',
  'coiffeu(?:rs|ses)',
  'estheticiennes',
  'moniteurs',
  'instituteurs',
  'institutrices',
  'surveillants',
  'internes',
  'associes',
  'gerants',
  'responsables',
  'ouvriers',
  'manutentionnaires',
  'controleurs',
  'conducteurs',
  'ambulanciers',
  'brancardiers',
  'laborantins',
  'biologistes',
  'veterinaires',
  'commis',
  'chefs',
  'chirurgiens',
  'psychologues',
  'orthophonistes',
  'ergotherapeutes',
  'podologues',
  'osteopathes',
  'archivistes',
  'bibliothecaires',
  'comptables',
]);
const FR_DEVICES = alt([
  'postes',
  'ordinateurs',
  'ordis',
  'pcs?',
  'portables',
  'laptops',
  'tablettes',
  'caisses',
  'terminaux',
  'machines',
  'ecrans',
  'telephones',
  'smartphones',
  'imprimantes',
  'sessions',
  'comptes',
  'boites (?:mail|aux lettres)',
]);
const FR_ONE = alt([
  'utilisat(?:eur|rice)',
  'collegue',
  'collaborat(?:eur|rice)',
  'salarie',
  'employe',
  'agent',
  'chauffeur',
  'technicien',
  'client',
  'poste',
  'ordinateur',
  'pc',
  'portable',
  'tablette',
  'caisse',
  'terminal',
  'telephone',
  'ecran',
]);
const FR_PLACES = alt([
  'services',
  'sites',
  'bureaux',
  'agences',
  'magasins',
  'boutiques',
  'etages',
  'depots',
]);
const FR_NUMBER = alt([
  '[2-9]',
  '\\d{2,}',
  'deux',
  'trois',
  'quatre',
  'cinq',
  'six',
  'sept',
  'huit',
  'neuf',
  'dix',
  'onze',
  'douze',
  'quinze',
  'vingt',
  'trente',
]);
/**
 * A group noun before a thing names the thing (`the staff door`, `the team account`, `la salle du
 * personnel`): it says nothing about how many people are blocked (issue 11).
 */
const EN_NOT_MODIFIER =
  '(?! (?:doors?|rooms?|entrance|exit|area|car park|parking|kitchen|toilets?|canteen|badges?|accounts?|login|portal|wi-?fi|network|printer|computer|pc|laptop|phones?|e-?mail|mailbox|lounge|only|side|lift|elevator|corridor|office|desk|gate|cards?|page|intranet|app|list|calendar|drive|folder|(?:(?:change|duty|shift|training|contact|travel|leave|pay) )?(?:documents?|files?|forms?|rotas?|schedules?|papers?|reports?|records?|rosters?|manifests?))\\b)';
const FR_NOT_PLACE_OF =
  '(?<!\\b(?:porte|portes|entree|salle|sortie|vestiaire|vestiaires|parking|local|cuisine|toilettes|badge|badges|acces|compte|portail|espace|bureau|cantine|ascenseur|couloir) (?:du|des|de|de la) )';
const EN_PEOPLE_WORDS = alt([
  'users',
  'staff',
  'people',
  'employees',
  'colleagues',
  'co-?workers',
  'agents',
  'team members',
  'members',
  'workers',
  'technicians',
  'drivers',
  'nurses',
  'doctors',
  'clerks',
  'cashiers',
  'customers',
  'guests',
  'pharmacists',
  'paralegals',
  'lawyers',
  'skippers',
  'consultants',
  'coaches',
  'teachers',
  'waiters',
  'agents',
  'receptionists',
  'operators',
  'techs',
  'accountants',
  'secretaries',
  'members',
  'patients',
  'students',
  'managers',
  'guards',
  'porters',
  // More roles (issue 11, holdout2): the people a blind writer names.
  'reps',
  'representatives',
  'salespeople',
  'mechanics',
  'pickers',
  'packers',
  'carers',
  'caregivers',
  'cleaners',
  'chefs',
  'cooks',
  'vets',
  'dentists',
  'hygienists',
  'physios',
  'radiologists',
  'surgeons',
  'therapists',
  'tellers',
  'bookkeepers',
  'assistants',
  'advisers',
  'advisors',
  'brokers',
  'planners',
  'dispatchers',
  'couriers',
  'hairdressers',
  'stylists',
  'baristas',
  'bartenders',
  'instructors',
  'tutors',
  'trainers',
  'trainees',
  'interns',
  'apprentices',
  'architects',
  'engineers',
  'designers',
  'developers',
  'notaries',
  'solicitors',
  'partners',
  'associates',
  'officers',
  'inspectors',
  'supervisors',
  'admins',
  'administrators',
  'volunteers',
  'midwives',
  'paramedics',
  'housekeepers',
  'salespeople',
  'sellers',
  'vendors',
  'cashiers',
  'clerks',
  'pupils',
  'residents',
  'physicians',
  'radiographers',
  'opticians',
  'pharmacy staff',
]);
const EN_PEOPLE = `(?:${EN_PEOPLE_WORDS}${EN_NOT_MODIFIER})`;
const EN_DEVICES = alt([
  'computers',
  'pcs',
  'machines',
  'laptops',
  'workstations',
  'devices',
  'terminals',
  'tablets',
  'phones',
  'tills',
  'registers',
  'screens',
  'printers',
  'accounts',
  'mailboxes',
  'handhelds',
  'scanners',
  'kiosks',
  'counters',
  'desks',
  'branches',
  'offices',
  'shops',
  'stores',
]);
const EN_NUMBER = alt([
  '[2-9]',
  '\\d{2,}',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'twelve',
  'fifteen',
  'twenty',
]);

/** Verbs that, with `ne … plus/pas`, say that a thing stopped working (`ne s'affiche plus`). */
const FR_BROKEN_VERB = alt([
  'accept',
  'fonctionn',
  'marche',
  'repond',
  'ouvr',
  'affich',
  'demarr',
  'redemarr',
  'allum',
  'imprim',
  'synchro',
  'communiqu',
  'reconnai',
  'acced',
  'charg',
  'connect',
  'envoi',
  'envoy',
  'recoi',
  'recev',
  'arriv',
  'remont',
  'lanc',
  'detect',
  'scann',
  'numeris',
  'sort',
  'passe',
  'enregistr',
  'sauvegard',
  'telecharg',
  'sonn',
  'peu',
]);
const FR_OBJECT_PRONOUNS = "(?:(?:me|te|se|nous|vous|le|la|les|lui|leur|y|en) |[mtsl]')*";

export const BLOCKED_CUES: readonly Cue[] = [
  cue(
    'fr:bloque',
    '\\b(?:bloke|blokes|blokee|bloker|bloque|bloquee|bloques|bloquees|bloquant|bloquante|bloquants|bloquantes|coince|coincee|coinces|coincees|verrouille|verrouillee|verrouilles|verrouillees)\\b',
    { negation: 'denies' },
  ),
  // A frequent slip: the infinitive for the participle (`je suis bloquer`).
  cue(
    'fr:bloquer-typo',
    '\\b(?:suis|es|est|sommes|etes|sont|etre|reste|restons|restent) (?:\\S+ )?bloquer\\b',
    {
      negation: 'denies',
    },
  ),
  cue('fr:impossible', '\\bimpossibles?\\b', { negation: 'cancels' }),
  cue(
    'fr:ne-peux-plus',
    "\\b(?:ne |n')?(?:peux|peut|pouvons|pouvez|peuvent)(?: absolument| toujours| meme)? (?:plus|pas|rien|pu|jamais)\\b(?! (?:mal|que|seulement))",
  ),
  cue(
    'fr:n-arrive-plus-a',
    "\\b(?:ne |n')?(?:arrive|arrivons|arrivent|parviens|parvient|parvenons|parviennent|reussis|reussit|reussissons)(?: toujours)? (?:plus|pas|pu) (?:a |au |aux |d'|de )",
  ),
  cue(
    'fr:ne-verbe-plus',
    `\\b(?:ne |n')${FR_OBJECT_PRONOUNS}${FR_BROKEN_VERB}\\w*(?: toujours| encore| jamais)? (?:plus|pas|rien|jamais|pu)\\b(?! (?:mal|que|vite|trop|besoin))`,
  ),
  // `aucun appel n'arrive`, `aucune page ne s'affiche`: the negation is `aucun`, not `pas`.
  cue('fr:aucun-ne-marche', `\\baucune? (?:\\S+ ){1,3}(?:ne |n')${FR_OBJECT_PRONOUNS}${FR_BROKEN_VERB}`),
  // Spoken French drops the `ne`: `ça marche plus`, `les mails arrivent plus`.
  cue(
    'fr:marche-plus',
    '\\b(?:fonctionne|fonctionnent|marche|marchent|repond|repondent|demarre|demarrent|allume|allument|ouvre|ouvrent|arrive|arrivent|imprime|impriment|recoit|recoivent|recois|synchronise|synchronisent|remonte|remontent)(?: toujours| encore| meme)? (?:plus|pas|pu)\\b(?! (?:mal|vite|rapidement|lentement|tard|tot|souvent|fort|de |que|trop|besoin|ou moins))',
  ),
  cue(
    'fr:en-panne',
    '\\b(?:en panne|hors service|hors[- ]ligne|en boucle|en rade|(?:ecran|page) (?:noir|noire|bleu|blanche|blanc)|inaccessibles?|indisponibles?|injoignables?|introuvables?|inutilisables?|inoperant\\w*|plantage|a plante|crash\\w*)\\b',
    { negation: 'cancels' },
  ),
  cue('fr:hs', "\\b(?:est|sont|completement|totalement|c'est|semble|ete|tout) hs\\b", {
    negation: 'cancels',
  }),
  cue('fr:plante', '(?<!\\b(?:une|la|les|des|ma|mes|cette|ces|verte|vertes) )\\bplante(?:nt)?\\b', {
    negation: 'cancels',
  }),
  cue(
    'fr:n-est-plus-accessible',
    "\\b(?:ne |n')?(?:est|sont|etait) (?:plus|pas|toujours pas) (?:accessible|disponible|joignable|reconnu|detecte|visible|fonctionnel|utilisable|operationnel)\\w*",
  ),
  cue('fr:plus-d-acces', "\\b(?:plus|pas|aucun|sans|pu)\\s?(?:d')?acces\\b"),
  cue(
    'fr:pour-travailler',
    '\\b(?:plus|pas|aucun|aucune|sans|rien)\\b(?: \\S+){0,3}? pour (?:travailler|bosser)\\b',
  ),
  cue('fr:empeche-de-travailler', '\\bempech\\w* (?!pas\\b)(?:\\S+ )?de (?:travailler|bosser)\\b', {
    negation: 'cancels',
  }),
  cue(
    'fr:a-l-arret',
    "\\b(?:a l'arret|paralyse\\w*|fige|figee|figes|figees|gele|gelee|dans l'incapacite de|(?:pas|plus) possible de|(?:est|sont|a|ont) (?:completement |totalement )?(?:mort|morte|morts|mortes|grille|grillee))\\b",
    { negation: 'cancels' },
  ),
  // `plus rien ne marche`: the `plus` belongs to the statement, it does not negate it.
  cue(
    'fr:rien-ne-marche',
    "\\brien (?:ne |n')(?:marche|fonctionne|passe|part|arrive|apparait|charge|s'affiche|s'ouvre|s'imprime|demarre|sort|repond)\\b",
  ),
  cue(
    'stays-black',
    "\\b(?:stays?|stayed|goes|went|turns?|turned|remains?|is stuck) (?:\\S+ )?(?:black|blank|frozen|dark)\\b|\\breste (?:sur |bloque sur )?(?:un |l')?(?:ecran )?(?:noir|fige|blanc|bleu)\\b|\\b(?:deconnecte|deconnectee|deconnectes|deconnectees|disconnected)\\b",
    { negation: 'cancels' },
  ),
  cue(
    'fr:plus-d-internet',
    "\\b(?:plus|pas|aucune?|pu) (?:d'|de )?(?:internet|reseau|connexion|wi-?fi|tonalite|signal|electricite|courant)\\b",
  ),
  cue(
    'fr:peux-verbe-aucun',
    "\\b(?:ne |n')?(?:peux|peut|pouvons|peuvent|arrive|arrivons|arrivent) (?:\\S+ ){1,2}?(?:aucune?|rien|personne)\\b",
  ),
  cue(
    'error-message',
    "\\b(?:renvoie|affiche|donne|met|retourne|returns?|shows?|gives?|throws?|says?) (?:me |moi )?(?:une |un |an |a |l')?(?:erreur|error|message d'erreur)\\b|\\b(?:no longer|not) (?:recogni[sz]es?|detects?|reads?|rings?|displays?|accepts?|sends?|receives?|syncs?|shows? up)\\b",
    { negation: 'cancels' },
  ),
  cue(
    'fr:refuse-participe',
    '\\b(?:est|sont|a ete|ont ete|is|was|gets?|got) (?:\\S+ )?(?:refusee?s?|refused|rejected|denied)\\b',
  ),
  cue(
    'ni-ni-ne',
    "\\bneither\\b[^.;!?]{1,60}?\\bnor\\b[^.;!?]{1,40}?\\b(?:gets?|works?|can|receives?|prints?|connects?|starts?|shows?|loads?)\\b|\\bni (?:le|la|les|l'|mon|ma) [^.;!?]{1,60}? ni [^.;!?]{1,40}? (?:ne |n')",
  ),
  cue('fr:pas-pu', "\\bn'(?:ai|avons|a|ont) (?:toujours |jamais )?pas pu\\b"),
  cue(
    'fr:refuse',
    "\\brefus(?:e|ent)\\b (?:de |d'|mon |ma |mes |notre |nos |le |la |les |l'|tout|toute|systematiquement|toujours)",
  ),
  // Cut off from a tool or a system (issue 11): `privé d'accès`, `coupé de`, `je n'ai plus la
  // main sur`, `perdu l'accès`, `accès refusé`, `compte suspendu`, `je ne rentre plus dans`.
  cue(
    'fr:prive-d-acces',
    "\\bprivee?s? (?:de |d')(?:tout |toute |tous )?(?:acces|connexion|internet|reseau|wi-?fi|messagerie|mails?|session|compte|logiciel|(?:mon|ma|mes|notre|nos|votre|vos|l'|la|le|les|son|sa|ses|leur|leurs) ?\\S+)|\\b(?:coupee?s?|exclue?s?|ejecte\\w*|deconnecte\\w*) (?:de |d'|du |des )(?:\\S+ )?(?:acces|reseau|internet|monde|serveur|systeme|logiciel|appli\\w*|session|compte|messagerie|outil\\w*|donnees|dossiers?|fichiers?)\\b|\\b(?:perdu|retire|supprime|coupe|revoque|suspendu|desactive|bloque) (?:l'|mon |mes |ma |tout |tous |les |nos |notre )?(?:acces|droits? d'acces|connexion|session)\\b|\\bacces (?:\\S+ )?(?:refuse|interdit|denied|revoque|coupe|suspendu|desactive|perdu|impossible)\\w*|\\b(?:compte|session|badge|identifiant|licence|acces|mot de passe) (?:\\S+ )?(?:est |a ete |sont |ont ete )?(?:suspendue?s?|desactivee?s?|revoquee?s?|expiree?s?(?! (?:le|la|les|bientot|dans|en|ce|cette|fin|demain|prochainement|quand|a la|next|soon|on|in|at|this|tomorrow|when|end)\\b| ?\\?)|supprimee?s?|verrouillee?s?)\\b|\\b(?:je|j'|on|nous) (?:ne |n')?(?:\\S+ )?(?:rentre|rentrons|entre|entrons|accede|accedons)\\w* (?:plus|pas|pu|jamais) (?:dans|sur|a|au|en)\\b",
    { negation: 'cancels' },
  ),
  // The negation belongs to the statement: `je n'ai plus la main sur`.
  cue('fr:plus-la-main', '\\b(?:plus|pas|pu|perdu) la main (?:sur|dans|a)\\b'),
  cue(
    'en:cut-off',
    "\\b(?:locked|shut|kept|kicked|thrown) (?:me |us |him |her |them )?out\\b|\\bcut off (?:from|of)\\b|\\b(?:deprived|barred|banned) (?:of|from)\\b|\\b(?:can'?t|cannot|can not|couldn'?t|could not|unable to) (?:get|log|sign|go) (?:in|into|on|onto)\\b|\\b(?:lost|no|without|denied|revoked|removed) (?:my |our |all |any )?(?:access|login|rights)\\b|\\baccess (?:\\S+ )?(?:denied|revoked|refused|removed|blocked|lost)\\b|\\b(?:account|login|badge|access|password|licen[cs]e|session) (?:\\S+ )?(?:is |was |has been |got |have been |were )?(?:suspended|deactivated|revoked|expired|disabled|locked|deleted)\\b|\\b(?:won'?t|will not|doesn'?t|does not|didn'?t|did not|isn'?t|is not|not) (?:let|letting|allow|allowing) (?:me|us|him|her|them) (?:in|log|sign|access|connect|get|open|through)\\b",
    { negation: 'cancels' },
  ),
  // `vouloir` with a negation says the thing cannot (issue 11): `mon ordi veut plus démarrer`,
  // `l'imprimante ne veut pas imprimer`, `it won't boot`, `refuses to start`.
  cue(
    'fr:veut-plus',
    `\\b(?:ne |n')?(?:veut|veulent|voulait|voulaient|voudra|voudront)(?: toujours| encore| meme| absolument| vraiment)? (?:plus|pas|pu|jamais)(?: rien)? (?:${FR_OBJECT_PRONOUNS}${FR_BROKEN_VERB}|savoir|partir|rien faire|bouger|booter|s'install|install|tourn)`,
  ),
  cue(
    'en:refuses-to',
    "\\b(?:refuses?|refused|refusing|keeps refusing|fails?|failed|failing) to (?:start|open|load|boot|work|turn on|power|connect|print|sync|launch|respond|log|sign|let|accept|read|save|send|install|run|come on|come up|mount|scan|charge|update|display|show)\\b|\\b(?:won'?t|wont|will not|would not|wouldn'?t) (?:start|open|load|boot|work|turn on|power|connect|print|sync|launch|respond|log|sign|let|accept|read|save|send|install|run|come on|come up|mount|scan|charge|display|show|go online|switch on)\\b",
  ),
  cue('en:blocked', '\\b(?:blocked|blocking|stuck|locked out|locked|frozen|freezes|freezing)\\b', {
    negation: 'denies',
  }),
  cue('en:cannot', "\\b(?:can'?t|cannot|can not|unable to|not able to|no longer able to)\\b"),
  cue(
    'en:not-working',
    "\\b(?:not working|doesn'?t work|does not work|don'?t work|do not work|isn'?t working|aren'?t working|won'?t (?:start|open|load|boot|work|turn on|connect|print|sync|launch)|stopped (?:working|loading|responding|arriving|syncing|printing|opening|connecting|booting)|no longer (?:works?|working|opens?|loads?|starts?|connects?|prints?|syncs?|arrives?|responds?)|not (?:loading|responding|starting|printing|syncing|connecting|opening|booting|arriving))\\b",
  ),
  cue(
    'en:no-internet',
    "\\b(?:no|lost|without) (?:internet|network|connection|connectivity|signal|dial tone|power|phone line)\\b|\\b(?:impossible to|quit working|hangs|hanging|hung|(?:is|are|'s) dead|outage|out of service|(?:doesn'?t|does not|don'?t|do not|won'?t|will not) (?:start|open|load|boot|turn on|connect|print|sync|launch|respond|show up|come up))\\b",
    { negation: 'cancels' },
  ),
  cue(
    'en:down',
    // `shut the server down`, `take the network down`: a phrasal verb acting on the thing, not the
    // thing down, asked or told (issue 11, round 13).
    '\\b(?:(?:is|are|was|went|goes|gone|been|still|completely|totally|all|(?<!\\b(?:shut|shuts|shutting|bring|brings|bringing|brought|take|takes|taking|took|turn|turns|turning|turned|power|powers|powering|powered) (?:the |our |my |a |this |that |your )?)(?:server|network|internet|site|portal|wifi|wi-fi|system|email)) down|(?<!work )(?<!working )offline|crash(?:es|ed|ing)?|broken|(?:no|lost|without) access|unreachable|unavailable|inaccessible|unusable|(?:blue|black|blank) screen|out of order|(?:is|was|were|are|been|got) disabled|(?:account|user|login) disabled|rejects?|rejected|(?:keeps?|kept) (?:crashing|rebooting|restarting|freezing)|boot ?loop)\\b',
    { negation: 'cancels' },
  ),
];

/**
 * A follow-up says that the thing is still broken: `toujours pas de caisse`, `still down`,
 * `toujours hs`, `toujours rien sur l'appli`, `still no network`.
 */
export const STILL_BROKEN_CUES: readonly Cue[] = [
  cue(
    'fr:toujours-pas',
    '\\b(?:toujours|encore) (?:pas|plus|rien|aucune?|hs|en panne|coupee?s?|bloquee?s?|ecran noir|inaccessibles?|sans)\\b',
  ),
  cue(
    'en:still-down',
    '\\b(?:still|again) (?:no|not|nothing|down|dead|blank|offline|broken|refusing|failing|frozen|without|unable|stuck|locked|unreachable|the same)\\b',
  ),
  cue('fr:hs-seul', '\\b(?:hs|ko|en rade|coupee?s?|mort|morte|dead|kaput)\\b', { negation: 'cancels' }),
  cue(
    'fr:marche-pas',
    "\\b(?:marche|marchent|fonctionne|fonctionnent|passe|passent|s'ouvre|s'ouvrent|s'allume|s'allument|s'affiche|s'affichent|affiche|affichent|lance|se lance|charge|repond|repondent|demarre|demarrent|imprime|impriment|recoit|recoivent|recois|sonne|sonnent|communique|communiquent|lit|lisent|detecte|reconnait|synchronise|envoie|envoient|capte|connecte|se connecte|encode|scanne|valide|ouvre|trouve) (?:toujours |encore |meme )?(?:pas|plus|pu|rien|aucune?)\\b(?! (?:mal|mieux|que|trop|si|vite|besoin|de souci|de probleme))",
  ),
  cue(
    'en:blocked-more',
    "\\b(?:wont|won't|doesnt|doesn't|does not|cant|can't|didnt|didn't) (?:boot|start|encode|read|ring|load|sync|print|connect|open|work|detect|show|take|get|turn on)\\b|\\b(?:gets?|got) rejected\\b|\\b(?:errors?|error \\d+)\\b(?= on every| every time)|\\b(?:lost|have no|has no|no) (?:access|connection|network|phone line|line|dial tone|wifi)\\b",
  ),
  cue(
    'fr:plus-de',
    "\\b(?:plus|pas|pu|y a plus|y a pas) (?:de |d'|aucune? )(?:caisse|tpe|reseau|wifi|internet|mails?|messagerie|tonalite|resa|reservation|logiciel|acces|connexion|telephone|ligne|imprimante|ecran|son|image|signal)s?\\b",
  ),
];

export const NOT_BLOCKED_CUES: readonly Cue[] = [
  cue(
    'fr:pas-bloque',
    "\\b(?:non[- ]bloquant\\w*|rien de bloquant|aucun blocage|pas de blocage|sans blocage|pas (?:tres |vraiment |trop )?genant\\w*|je (?:peux|peut) (?:quand meme|toujours|encore) travailler|(?:je|on|nous) (?:travaille|travaillons|continue|continuons|bosse|bossons) (?:sans|quand meme|normalement)|(?:ca|cela) (?:ne )?(?:m'|nous )?empeche pas de travailler)\\b",
  ),
  // The same with `personne` as the object, `ne` dropped as spoken French drops it: `ça bloque
  // personne`, `ça gêne personne` (after the blind holdout7: its metamorphic test found it).
  cue(
    'fr:bloque-personne',
    "\\b(?:ca|cela|(?:ce|le) (?:souci|probleme|bug|defaut)) (?:bloque|gene|derange|empeche) personne\\b(?! d'autre)",
  ),
  // Negative quantifiers of the other polarity: nobody complains, nobody noticed, nobody uses it.
  cue(
    'fr:personne-ne-s-en-plaint',
    "\\b(?:personne|aucune? (?:\\S+ )?(?:client|collegue|utilisateur|patient|usager)s?) (?:ne |n')?(?:s'en (?:est |sont )?|s'est |l'a |l'ont |a |y a |en a )?(?:plain\\w*|remarque\\w*|gen\\w*|derang\\w*|utilis\\w*|sert|se sert|vu|rien vu|est (?:gene|genee|bloque|bloquee|derange|impacte|concerne))\\b",
  ),
  cue(
    'fr:aucun-impact',
    "\\b(?:aucun impact|pas d'impact|sans impact|aucun souci|pas de souci pour travailler|pas de probleme pour travailler|tout (?:le reste )?fonctionne|tout marche|(?:ca|cela) (?:fonctionne|marche|imprime) mais|(?:elle|il) imprime|purement esthetique|rien de grave|pas gen\\w*|ne sont pas genes|pas bloquee?s?|ca peut attendre|on est pas bloques)\\b",
  ),
  cue(
    'en:nobody-bothered',
    "\\b(?:nobody|no one|no-one|none of (?:us|them|the \\S+)) (?:is |was |has |have |are )?(?:bothered|noticed|complained|complains|uses|using|minds|cares|waiting|affected|troubled|impacted|been affected)\\b|\\b(?:no impact|nothing(?:'s|s| s)? (?:is )?(?:affected|broken|blocked)|everything works|everyone is fine|not a big deal|it prints fine|it still (?:charges|works|prints)|no issue|not stopping us|doesnt stop me|doesn't stop me|not blocking)\\b",
  ),
  cue(
    'en:not-blocked',
    "\\b(?:non-?blocking|not (?:a )?blocker|no blocker|nothing blocking|(?:i|we) can still work|(?:i'm|we're|i am|we are) still able to work|(?:i'm|we're|i am|we are) (?:working|managing) without|doesn'?t stop (?:me|us)|not stopping (?:me|us))\\b",
  ),
];

export const WORKAROUND_CUES: readonly WorkaroundCue[] = [
  cue('fr:contournement', '\\bcontourn\\w*', { wayAround: 'stated' }),
  // `en attendant` alone means "meanwhile"; followed by a noun it means "until" (`en attendant votre retour`).
  cue(
    'fr:en-attendant',
    "\\ben attendant(?=\\s*(?:$|[,.;:!?)\\n]|je |j'|on |nous |ils |elles |il |elle |ca |cela |c'))",
    { wayAround: 'stated' },
  ),
  cue(
    'fr:depannage',
    "\\b(?:entre[- ]temps|dans l'intervalle|pour depanner|ca (?:me |nous )?depanne|(?:on|je) (?:se|me) (?:debrouille|depanne)|nous nous (?:debrouillons|depannons)|solution (?:de secours|temporaire|provisoire|de fortune)|de secours|palliatif|a la main|manuellement|en manuel|en mode (?:manuel|degrade)|sur papier)\\b",
    { wayAround: 'stated' },
  ),
  // Taking turns, another device: what people do, from which the triage infers a way around.
  cue(
    'fr:autre-poste',
    "\\b(?:a tour de role|(?:on se|nous nous) relay\\w*|on se relaie|chacun son tour|(?:un|l') autre (?:poste|pc|ordinateur|portable|machine|imprimante|navigateur|compte|telephone|appareil|terminal))\\b",
    { wayAround: 'inferred' },
  ),
  cue(
    'fr:pour-l-instant-je',
    "\\b(?:pour (?:l'instant|le moment),? (?:j'utilise|je passe|je fais|je travaille|je me sers|on utilise|on passe|on fait|on travaille|on se sert|nous utilisons|nous passons|nous faisons|nous travaillons)|(?:on|je|nous) (?:fait|fais|faisons) sans|solution de repli|plan b)\\b",
    { wayAround: 'stated' },
  ),
  cue('fr:emprunte', "\\b(?:j'ai |on a |nous avons )emprunte\\w*\\b", { wayAround: 'inferred' }),
  cue('en:making-do', '\\b(?:managing with|making do with|get(?:ting)? by with)\\b', { wayAround: 'stated' }),
  cue(
    'en:managing',
    "\\b(?:(?:can|could) still use|still able to use|switched to|(?:a|my|our) colleague'?s (?:pc|computer|laptop|machine|account|phone))\\b",
    { wayAround: 'inferred' },
  ),
  cue(
    'en:workaround',
    '\\b(?:work-?arounds?|work around|in the meantime|meanwhile|for the time being|for now|as a stopgap|stopgap|temporary (?:fix|solution)|as a fallback|falling back|fall back|by hand|manually|on paper|(?:a|the) spare (?:pc|laptop|computer|machine|one))\\b',
    { wayAround: 'stated' },
  ),
  cue(
    'en:another-device',
    '\\b(?:taking turns|take turns|borrow(?:ed|ing)?|another (?:pc|computer|laptop|machine|device|account|browser|printer|phone)|still works)\\b',
    { wayAround: 'inferred' },
  ),
];

/** More ways of saying "we carry on otherwise" (issue 11's independent corpus). */
export const MORE_WORKAROUND_CUES: readonly WorkaroundCue[] = [
  cue(
    'fr:on-passe-par',
    "\\b(?:on|je|nous|ils|elles|les \\S+) (?:passe|passons|passent|travaille|travaillons|travaillent|encaisse|encaissons|note|notons|notent|saisit|saisis|saisissons|renvoie|renvoyons|consulte|scanne|scannons|imprime|imprimons|impriment|fait|fais|faisons|font|prend|prends|prenons|trace|tracent|vend|envoie|envoyons|regarde|ecrit|ecrivons|pese|delivre|delivrons|donne|donnons) (?:\\S+ ){0,6}?(?:par|sur|avec|dans|au|a la|via|depuis|en) (?:l'|le |la |les |un |une |celui|celle|mon |ma |nos |notre )?(?:\\S+ )?(?:papier|main|poste|pc|ordi|portable|tel|telephone|combine|webmail|site|excel|tpe|caisse|cahier|feuilles?|bons?|fiches?|sms|ancienne?|autre|bureau|accueil|cdi|salle|automate|cd|especes|cheques|mobile)\\b",
    { wayAround: 'inferred' },
  ),
  cue(
    'fr:renvoie-les-appels',
    "\\b(?:renvo\\w* (?:les appels|le standard|le numero)|on a renvoye|j'utilise (?:la session|le poste|le pc|l'ordi|le portable)|ressorti|fait signer sur papier|font signer|en mode degrade|peu(?:t|vent|vons) (?:quand meme|toujours|encore) (?:reserver|vendre|encaisser|travailler|acceder|imprimer))\\b",
    { wayAround: 'inferred' },
  ),
  // `I'm on my own laptop` is a device; `I'm on my own here` is the writer alone (after holdout11).
  cue(
    'en:using-meanwhile',
    "\\b(?:i'?m on my (?:personal|own|home|old) (?!(?:here|there|now|today|tonight|this|at|in|on|with|for|again|and|so|but|until|till|since|all|too|as|because|to|then|though|anyway|everyday|every)\\b)[a-z0-9-]+|personal (?:laptop|pc|phone|computer)|(?:i'?m|we'?re|we are|i am) (?:using|reading|writing|taking(?! on\\b)|borrowing|calling|filling|opening|walking) (?!(?:to|because|about|regarding|on behalf|in|as|from|again|back|following|with regard)\\b)\\S+|(?:we|i) (?:use|call|fill|write|open|forwarded|answer|print) (?:\\S+ ){0,6}?(?:meanwhile|for now|by hand|on paper|in the meantime|instead|for today)|(?:can|could) still (?:book|sell|work|pay|use|print|access|read)|customers can still|using hers|using his|retrieved the files|sign in on the paper|moved to|i'?ll come to the office|which is fine for)\\b",
    { wayAround: 'inferred' },
  ),
  cue(
    'fr:pour-l-instant',
    "\\b(?:je|j'|on|nous|i|we)\\b[^.!?\\n]{0,60}?\\b(?:pour l'instant|pour le moment|for now|for today|for the moment|for the time being|in the meantime|until then|en attendant|meanwhile)\\b",
    { wayAround: 'stated' },
  ),
];

/** A workaround that was tried and failed: `un redémarrage n'a rien changé`, `same error`, `doesn't connect either`. */
export const FAILED_CUES: readonly Cue[] = [
  cue(
    'fr:essaye-sans-succes',
    "\\b(?:n'a rien change|ne change rien|rien n'y fait|rien ne change|sans succes|sans effet|meme (?:probleme|erreur|chose|defaut|resultat|message|souci|ecran|bug)|(?:c'est )?pareil\\b|non plus|ne passe pas non plus|a le meme defaut|(?:est|sont) (?:hs|en panne|coupee?s?|bloquee?s?) aussi|aussi (?:hs|en panne)|ca ne change rien|ne fonctionne pas non plus|on a tout (?:essaye|debranche|redemarre)\\S*|reinstalle, pareil)\\b",
  ),
  cue(
    'en:tried-failed',
    "\\b(?:didn'?t help|did not help|did nothing|no change|same (?:error|thing|result|problem|message|issue|fault|screen)|(?:doesn'?t|does not|didn'?t|did not|won'?t) (?:\\S+ )?either|also (?:no connection|down|dead|broken|fails?|failed)|(?:is|are) (?:also )?(?:down|broken|dead) too|broken too|failed to take over|also fails|now also fails|nothing works|neither did|no longer works|doesnt work anymore|doesn'?t work anymore|(?:tried|rebooted|restarted)[^.!?\\n]{0,60}?(?:nothing|no change|same|didn'?t|did not|failed))\\b",
  ),
];

export const NO_WORKAROUND_CUES: readonly Cue[] = [
  cue(
    'fr:pas-de-contournement',
    '\\b(?:pas|plus|aucune?|sans|ni|rien|pu)\\b[^.!?;,\\n]{0,30}?\\b(?:contourn\\w*|alternatives?|palliatif|(?:solution|poste|pc|ordinateur|machine|imprimante|materiel|terminal|telephone) de (?:secours|rechange|remplacement)|solution (?:temporaire|provisoire)|autres? (?:moyen|solution|possibilite|option|choix|facon|maniere|poste|ordinateur|pc|machine|portable|imprimante|scanner|terminal|compte|acces|logiciel|appareil)s?)\\b',
  ),
  cue(
    'fr:contournement-ne-fonctionne-pas',
    "\\bcontourn\\w*(?: \\S+){0,4}? (?:ne |n')?(?:\\S+ )?(?:fonctionne|marche|suffit|passe|tient|aboutit)\\w* (?:pas|plus)\\b",
  ),
  cue('fr:contournement-impossible', '\\bcontourn\\w* (?:impossible|inefficace|inutile|inoperant\\w*|ko)\\b'),
  cue(
    'fr:pas-autrement',
    '\\b(?:(?:peux|peut|pouvons|peuvent|pouvez)(?: \\S+)?? (?:pas|plus|rien)|impossible|pas moyen|aucun moyen)(?: \\S+){0,5}? autrement\\b',
  ),
  cue('fr:pas-moyen', '\\b(?:pas|plus|aucun) moyen de (?:faire|travailler|contourner)\\b'),
  cue(
    'en:no-workaround',
    "\\b(?:no|not any|don'?t have (?:a|any)|do not have (?:a|any)|haven'?t (?:got |found )?(?:a|any)|without (?:a |any )?|there'?s no|there is no|none)\\b[^.!?;,\\n]{0,25}?\\b(?:work-?arounds?|work around|alternatives?|other (?:way|option|solution|pc|computer|machine|laptop|device|account|printer)s?|way (?:around|to)|fallback|backup (?:pc|computer|machine|laptop|solution|option)|spare \\S+|(?:local|shared|other|backup|spare|generic) (?:\\S+ )?(?:account|machine|pc|computer|laptop|device|login)s?)\\b",
  ),
  cue(
    'fr:pas-d-autre',
    "\\b(?:pas|plus|aucune?|sans|rien) (?:d'|de )?(?:autres?|\\S+ de (?:secours|rechange|remplacement)|\\S+ (?:de |d')?(?:secours|rechange)|plan b|solution|moyen|alternative|solution de (?:repli|secours))\\b|\\b(?:j'ai|on a|nous avons|il y a|y a) (?:pas|rien|aucune?) (?:d'autres?|de (?:\\S+ )?(?:secours|rechange)|d'autre|que (?:celui|celle)|autre)\\b|\\bj'ai que (?:celui|celle)\\b|\\bsans (?:l'|le |la )?\\S+ (?:impossible|pas possible)\\b",
  ),
  cue(
    'en:no-other',
    "\\b(?:no|not any|don'?t have (?:an?(?:y|other)? |any |another )?|dont have (?:an?(?:y|other)? |any |another )?|do not have (?:an?(?:y|other)? |any |another )?|have no|has no|nothing else|without (?:a |any )?|there is no|there'?s no|theres no)(?:other|another|spare|backup|fallback|offline|alternative|\\S+ (?:other|spare|backup))\\b|\\bno (?:spare|backup|fallback|offline mode|other way|way to)\\b|\\bno one (?:else )?(?:who|here|else) can\\b|\\bnobody (?:else )?(?:can do|to cover|here uses)\\b|\\b(?:nothing else|no other)\\b",
  ),
  cue(
    'en:workaround-fails',
    "\\bwork-?arounds?(?: \\S+){0,3}? (?:doesn'?t|does not|isn'?t|is not|didn'?t|did not|won'?t) (?:work|help)\\w*\\b|\\bwork-?arounds? (?:fails?|failed)\\b",
  ),
];

export const SEVERAL_USERS_CUES: readonly Cue[] = [
  cue('fr:plusieurs', `\\bplusieurs (?:\\S+ )?(?:${FR_PEOPLE}|${FR_DEVICES}|${FR_PLACES})\\b`),
  cue(
    'fr:tous-les',
    `\\b(?:tous|toutes) (?:les|nos|mes|ces) (?:\\S+ )?(?:${FR_PEOPLE}|${FR_DEVICES}|${FR_PLACES})\\b`,
  ),
  cue(
    'fr:tout-le',
    '\\btout le (?:monde|personnel|service|bureau|site|cabinet|magasin|batiment|etage|groupe|siege|depot|laboratoire|labo|secretariat|restaurant|hotel|atelier|entrepot|staff|plateau)\\b',
  ),
  cue(
    'fr:toute-l-equipe',
    "\\btoute (?:l'(?:equipe|entreprise|agence|etude|ecole|administration|usine|officine)|la (?:flotte|societe|boite|structure|compta|comptabilite|direction|equipe|clinique|pharmacie|mairie|cuisine|salle|boutique|filiale|production|logistique|agence))\\b",
  ),
  cue(
    'fr:l-ensemble',
    "\\b(?:l'ensemble|la totalite|la majorite|la plupart) (?:du|de la|des|de l'|de nos|de mes)\\b",
  ),
  cue(
    'fr:nous-tous',
    '\\b(?:(?:nous|on) (?:sommes|est|etions|etait) (?:tous|toutes)|(?:tous|toutes) (?:bloques|bloquees|concernes|concernees|impactes|impactees|touches|touchees|coinces|coincees|en panne))\\b',
  ),
  cue(
    'fr:sont-bloques',
    '\\b(?:sont|sommes|etes|restent|restons) (?:tous |toutes )?(?:bloques|bloquees|bloquer|coinces|coincees)\\b',
    { negation: 'denies', blocking: true },
  ),
  cue('fr:ne-peuvent-plus', "\\b(?:ne |n')?(?:peuvent|pouvons)(?: toujours| meme)? (?:plus|pas|rien|pu)\\b", {
    blocking: true,
  }),
  cue(
    'fr:personne-ne-peut',
    "(?:\\b(?:plus|pu) personne\\b(?! d'autre)|(?<!\\b(?:une|la|cette|chaque|seule|quelle|autre) )\\bpersonne(?! d'autre| autre)(?: (?!(?:je|j'|tu|il|elle|on|nous|vous|ils|elles|ne)\\b|n')\\S+){0,5}? (?:ne |n')(?:\\S+ )?(?:peu\\w*|arriv\\w*|acced\\w*|a (?:plus )?acces|recoi\\w*|travaill\\w*|connect\\w*|imprim\\w*|voi\\w*|parvien\\w*|reussi\\w*|fonctionn\\w*|march\\w*|ouvr\\w*))",
    { blocking: true },
  ),
  // (Above: the words between `personne` and its verb hold no verb of their own, `n'a`, nor another
  // subject: `personne n'a de double et je ne peux pas` is one user with no spare, after holdout24.)
  // Spoken French drops the `ne`: `personne au magasin peut encaisser`.
  cue(
    'fr:personne-peut',
    "(?<!\\b(?:une|la|cette|chaque|seule|quelle|autre|d'une|la) )\\bpersonne(?! d'autre) (?:(?:au|a la|du|de la|dans|a l'|chez) (?:\\S+ ){0,2}?)?(?:peut|arrive|a acces|accede|recoit)\\b",
    { blocking: true },
  ),
  cue(
    'fr:aucun-des',
    `\\baucune? (?:(?:des |de nos |de mes |de ces )?(?:${FR_ONE}|${FR_PEOPLE}|${FR_DEVICES})|d'entre nous|de nous)\\b(?: [^\\s.!?;]+){0,5}? (?:ne |n')(?!(?:s'en (?:est |sont )?|s'est |l'a )?(?:plain|remarqu|gen|derang|utilis|sert|vu|(?:me |nous |leur )?pos\\w* (?:de |d'|aucun )?(?:probleme|souci)|(?:a|ont) (?:encore|besoin|pas encore)))`,
    { blocking: true },
  ),
  // The problem is the same in several places: `ni à l'accueil ni dans les bureaux`, `partout`.
  cue(
    'fr:partout',
    '\\b(?:partout|nulle part|ni (?:a|au|aux|dans|pour|chez|sur|en) [^.;!?]{1,40}? ni (?:a|au|aux|dans|pour|chez|sur|en)|(?:dans|sur) (?:les|nos|tous les|toutes les) (?:bureaux|services|sites|agences|magasins|etages|salles|postes))\\b',
  ),
  cue(
    'fr:collegues-aussi',
    '\\b(?:(?:mes|nos|les) (?:collegues|collaborat\\w+)(?: \\S+){0,2}? (?:aussi|egalement|non plus|pareil|sont (?:aussi |egalement )?(?:bloques|bloquees|concernes|touches|impactes))|(?:moi et|ainsi que) (?:mes|nos) (?:collegues|collaborat\\w+))\\b',
  ),
  cue('fr:nombre', `\\b${FR_NUMBER} (?:\\S+ )?(?:${FR_PEOPLE}|${FR_DEVICES})\\b`),
  cue(
    'en:everyone',
    '\\b(?:everyone|everybody|every (?:user|one|single one|computer|pc|machine|workstation|laptop|device|terminal|tablet|till|register|site|office))\\b',
  ),
  cue(
    'en:all-users',
    `\\ball (?:of )?(?:the |our |my |these |those )?(?:${EN_NUMBER} )?(?:\\S+ )?(?:${EN_PEOPLE}|${EN_DEVICES}|sites|offices|branches|shops|stores)\\b`,
  ),
  cue('en:all-of-us', "\\b(?:all of us|we all|we're all|we are all|us all)\\b"),
  cue(
    'en:whole-team',
    '\\b(?:whole|entire) (?:\\S+ )?(?:team|office|company|department|site|floor|staff|building|branch|shop|store|hotel|restaurant|workshop|warehouse|fleet)\\b',
  ),
  cue(
    'en:none-of-us',
    `\\b(?:none of us|none of the (?:\\S+ )?(?:${EN_PEOPLE}|${EN_DEVICES})|nobody|no one|no-one)(?! else)(?: [^\\s,.;!?]+){0,3}? (?:can|could|is able|are able|has access|have access|gets?|receives?|sees?|works?|is getting|are getting)\\b`,
    { blocking: true },
  ),
  cue(
    'en:several',
    `\\b(?:several|multiple|many|various|numerous) (?:\\S+ )?(?:${EN_PEOPLE}|${EN_DEVICES}|sites|offices)\\b`,
  ),
  cue(
    'en:everywhere',
    '\\b(?:everywhere|nowhere|neither (?:at|in|on|for) [^.;!?]{1,40}? nor (?:at|in|on|for)|(?:in|on|at) (?:all|every) (?:the )?(?:offices|sites|branches|floors|rooms|shops|stores|departments))\\b',
  ),
  cue(
    'en:colleagues-too',
    '\\b(?:(?:my|our) (?:colleagues|coworkers|co-workers|team|teammates)(?: \\S+){0,2}? (?:too|as well|also)|same (?:for|with) (?:my|our|the) (?:colleagues|coworkers|team|whole)|(?:i|me) and (?:my|our) (?:colleagues|coworkers|team))\\b',
  ),
  cue('en:n-of-us', `\\b${EN_NUMBER} of us\\b`),
  cue('en:number', `\\b${EN_NUMBER} (?:\\S+ )?(?:${EN_PEOPLE}|${EN_DEVICES})\\b`),
  cue(
    'en:team-cannot',
    `\\b(?:team|staff|department)${EN_NOT_MODIFIER}(?: \\S+){0,2}? (?:can'?t|cannot|can not|is blocked|are blocked|is unable|are unable|has no access|have no access|is locked|are locked)\\b`,
    { blocking: true },
  ),
];

/** More groups and counts (issue 11): shifts, teams, both/neither, `on est 6`, plural subjects. */
export const MORE_SEVERAL_CUES: readonly Cue[] = [
  cue(
    'fr:equipe',
    `${FR_NOT_PLACE_OF}\\b(?:l'equipe|les equipes|equipe de (?:nuit|jour|matin|soir)|le secretariat|tout le secretariat|le personnel|les (?:deux |\\d+ )?services)\\b`,
  ),
  cue(
    'en:shift',
    `\\b(?:(?:night|day|morning|evening|late|early) shift|the (?:\\S+ )?(?:team|staff|department|crew))\\b${EN_NOT_MODIFIER}`,
  ),
  cue(
    'both',
    `\\b(?:both|les deux|the two|nos deux|our two|the 2|les 2|all (?:two|three|four|five|six|\\d+)|(?:trois|deux|quatre) (?:\\S+ )?sur (?:trois|deux|quatre)|aucun des (?:deux|trois|quatre))\\b`,
  ),
  cue(
    'ni-ni',
    "\\bni (?:le|la|les|l'|mon|ma|nos|notre) [^.;!?]{1,40}? ni (?:le|la|les|l'|mon|ma|nos|notre)\\b|\\bneither (?:the |our |my )?[^.;!?]{1,40}? nor\\b",
  ),
  cue('on-est-n', `\\b(?:on est|nous sommes|we are|were|on etait|we're) (?:${FR_NUMBER}|${EN_NUMBER})\\b`),
  cue(
    'every',
    '\\bevery (?:single )?(?:branch|agent|counter|shop|store|desk|member|employee|office|department|floor|room|nurse|driver|cashier)\\b',
  ),
  cue(
    'none-of-the',
    '\\bnone of (?:the|our|my|them) (?:\\S+ ){0,2}?(?:can|could|is|are|has|have|gets?|receives?|sees?|works?|connects?|starts?|shows?)\\b(?! (?:noticed|complained|bothered|affected))',
  ),
  cue(
    'plural-subject',
    `\\b(?:les|nos|mes|ces|our|the|my|all) (?:${FR_NUMBER} |${EN_NUMBER} )?(?:\\S+ )?(?:${FR_PEOPLE}|${EN_PEOPLE}|${FR_PLACES}|agences|branches|offices|shops|chambres|rooms)\\b(?: \\S+){0,6}? (?:(?:ne |n')?(?:peuvent|sont|ont|recoivent|voient|arrivent|accedent)|can'?t|cannot|are|have|lost|get|don'?t|do not|dont|is)\\b`,
  ),
  cue(
    'aucune-de-nos',
    `\\baucune? (?:de nos |des |de ces )?(?:${FR_PLACES}|agences|chambres|caisses|infirmieres?|professeurs?|adherents?|vendeu(?:r|se)s?)\\b(?: \\S+){0,5}? (?:ne |n')(?!(?:s'en (?:est |sont )?|s'est |l'a )?(?:plain|remarqu|gen|derang|utilis|sert|vu|(?:me |nous |leur )?pos\\w* (?:de |d'|aucun )?(?:probleme|souci)|(?:a|ont) (?:encore|besoin|pas encore)))`,
    { blocking: true },
  ),
];

/** First person plural or singular in the sentence that says someone is blocked. */
export const PLURAL_SUBJECT =
  /\b(?:nous|on (?:ne|n'|a|est|peut|peux|arrive|sait|voit|doit|travaille|fait|reste|recoit|y)|we|we're|us|ont|ils|elles|they|they're)\b/gu;
export const SINGULAR_SUBJECT =
  /\b(?:je|j'\w*|jai|j(?= [a-z])|i|i'm|im|i've|ive|my|mon|ma|mes|moi|son|sa|his|her|elle|she|he|l'operat\w*|la directrice|le directeur|la secretaire|l'operateur|le chauffeur|la seule|le seul|seul|seule|alone)\b/gu;

/** Something is wrong: a workaround or a failed attempt then says the client was stopped. */
export const PROBLEM_WORDS =
  /\b(?:panne|hs|bug\w*|deconn\w*|acting up|playing up|glitch\w*|marche|fonctionn\w*|plant\w*|erreur|error|down|bloqu\w*|stuck|broken|dead|toujours|still|wont|won't|doesnt|doesn't|can't|cant|cannot|ne|n'\w*|pas|plus|not|no|failed|crash\w*|frozen|offline|blank|problemes?|problems?|soucis?)\b/u;

/** Politeness that carries a person but says nothing about who is blocked. */
export const POLITENESS =
  /\b(?:je vous (?:remercie|prie)\w*|je me permets|j'espere|i would be grateful|i look forward|i hope)\b/gu;

/**
 * A several-users phrase with one of these words names people; without, it names places or
 * devices (`partout`, `neither at home nor at the office`, `sur tous les postes`), which one person
 * can meet (issue 11).
 */
export const PEOPLE_WORD = new RegExp(
  `\\b(?:${FR_PEOPLE}|${EN_PEOPLE_WORDS}|utilisat(?:eur|rice)|collegue|collaborat(?:eur|rice)|salariee?|employee?|agent|chauffeur|technicien|client|patient|eleve|vendeu(?:r|se)|infirmiere?|professeure?|prof|enseignante?|institut(?:eur|rice)|format(?:eur|rice)|educat(?:eur|rice)|user|member|customer|employee|agent|driver|nurse|guest|one|single one|monde|personnel|equipes?|teams?|crew|shift|secretariat|nous|on|we|us|personne|nobody|no one|everyone|everybody|dr|docteur|doctor|mme|madame|monsieur|collegues?|of us|d'entre nous)\\b`,
  'u',
);

/** Words that make a several-users phrase count without a blocked phrase in its sentence. */
export const AFFECTED = /\b(?:concerne|touche|impacte|affecte|affected|impacted|concerned)\w*/u;

export const ONE_USER_CUES: readonly Cue[] = [
  // Nobody else (issue 11): a negative quantifier about the OTHER users says one user.
  cue(
    'one:nobody-else',
    "\\b(?:(?:personne d'autre|aucune? autre (?:personne|utilisat\\w+|collegue|collaborat\\w+)) (?:que moi )?(?:ne |n')(?:l'|y |s'en |en |se )?(?:utilis\\w*|sert|a acces|accede|travaille|a (?:le|ce) (?:probleme|souci)|est (?:concernee?|touchee?|bloquee?|impactee?))|(?:(?:no one|no-one|nobody) else|none of the others|no other (?:user|person|colleague|one)s?) (?:\\S+ )?(?:uses?|using|has (?:access|the (?:problem|issue))|is (?:affected|using|blocked|concerned)|logs? (?:in|on)|works? on)|(?:je suis|j'suis|i'?m|i am) (?:le seul|la seule|the only one|the only person|the only user)|(?:le seul|la seule|the only one|the only person) (?:a |qui |to |who |using |that )|only (?:i|me) (?:use|uses|using|have|has|work|log)|(?:il n'y a|n'y a|y a) que moi)\\b",
  ),
  cue(
    'fr:juste-moi',
    "\\b(?:(?:je suis|i'?m|im|i am) (?:tout |toute )?(?:seule?|alone)|seule? (?:mon|ma) |(?:juste|seulement|uniquement) (?:moi|mon poste|mon ordinateur|mon pc|sur mon poste|pour moi|mon compte|ma session)|(?:sur )?(?:mon poste|mon ordinateur|mon pc|mon compte|ma session) (?:uniquement|seulement)|(?:il n'y a|n'y a|y a) que moi|je suis (?:le seul|la seule))\\b",
  ),
  cue(
    'fr:les-autres-ont-acces',
    // Not other places (`les autres bâtiments fonctionnent`: says where, not how many; after holdout6).
    "\\b(?:mes|les|nos) (?:collegues|collaborateurs|collaboratrices|autres)\\b(?! (?:batiments?|sites?|agences?|etages?|services?|magasins?|boutiques?|succursales?|antennes?|bureaux|ecoles?|etablissements?|cabinets?|villes?|communes?|entrepots?|depots?|filiales?|salles?|locaux|pharmacies?|hotels?|restaurants?|points de vente|implantations?)\\b)[^.;!?]{0,25}?\\b(?:y )?(?:ont acces|accedent|arrivent|fonctionnent|marchent|(?:n')?ont (?:pas|aucun) (?:de )?(?:probleme|souci))",
  ),
  cue(
    'en:only-me',
    "\\b(?:only me|just me|only my (?:pc|computer|laptop|account|machine|workstation|mailbox)|i'm the only one|i am the only one|only affects me|only affecting me|(?:my )?(?:colleagues|coworkers|co-workers|others|everyone else) (?:are|is) (?:fine|ok|okay|not affected|working))\\b",
  ),
];

/** Words that negate a cue when they stand among the three words before it. */
export const NEGATORS = new Set([
  'pas',
  'plus',
  'pu',
  'jamais',
  'non',
  'not',
  'never',
  'nullement',
  'aucunement',
  'rien',
  'no',
  'nothing',
  'nobody',
  'none',
  // English negations typed without their apostrophe (`I cant borrow one`, `we dont have a
  // spare`): negations like `can't` (issue 11, after holdout7).
  'cant',
  'cannot',
  'dont',
  'doesnt',
  'didnt',
  'isnt',
  'arent',
  'wasnt',
  'werent',
  'wont',
  'couldnt',
  'wouldnt',
  'shouldnt',
  'havent',
  'hasnt',
  'hadnt',
]);
/** A negation does not reach over these: `je ne peux pas me connecter donc bloqué`. */
export const NEGATION_STOPS = new Set([
  'et',
  'and',
  'donc',
  'so',
  'car',
  'because',
  'puis',
  'then',
  'mais',
  'but',
]);
