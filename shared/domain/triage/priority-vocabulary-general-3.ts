/**
 * General readings added after issue 11's blind holdout4: a negative quantifier without `ne`
 * (`aucune des 3 balances peut`, SMS `0 moniteur peut`), "no X possible", a fallback that is
 * itself blocked or was never installed, a way of carrying on told in the passive voice until the
 * repair, a success that speaks of the workaround, and the evidence of one user (an object pronoun
 * `me`, one personal device). Each family is a kind of expression, stated with new sentences in
 * test/unit/triage/priority-general-readings-3.test.ts. Written against folded text
 * (text-normalize.ts). docs/triage.md, "General readings (issue 11, after the blind holdout4)".
 */
import { type Cue, cue, type WorkaroundCue } from './priority-vocabulary';

/** Object pronouns between the subject and the verb. */
const PRONOUNS = "(?:(?:me|te|se|nous|vous|le|la|les|lui|leur|y|en) |[mtsl]')*";
/** What a person can no longer do, or a tool no longer does (present, 3rd person). */
const FR_CAN_OR_WORKS =
  '(?:peu\\w*|arriv\\w*|parvien\\w*|a acces|ont acces|acced\\w*|accept\\w*|fonctionn\\w*|march(?!andise)\\w*|demarr(?!age)\\w*|allum\\w*|ouvr(?!age)\\w*|imprim(?!ante)\\w*|connect(?!eur|ion)\\w*|repond\\w*|charg(?!eur|ement)\\w*|lanc(?!ement)\\w*|affich(?!age)\\w*|recoi\\w*|recev\\w*|synchro(?!nisation)\\w*|enregistr(?!ement)\\w*|envoi(?!s\\b)\\w+|communiqu\\w*|lit|lisent)';
/** Nouns after a quantifier that say nothing about who or what works (`aucun problème, tout marche`). */
const NOT_A_WORKER =
  '(?:probleme|souci|doute|rush|urgence|idee|risque|impact|inquietude|changement|message|erreur|bug|fois|jour|moment|instant|minute|seconde|retour|nouvelle)s?';

/**
 * A negative quantifier as subject without `ne` (informal French, SMS, English `no X can`): it
 * carries the negation, and names several people or devices blocked.
 */
export const GENERAL_SEVERAL_CUES_3: readonly Cue[] = [
  // `neither of the two tills will take cards`, `none of the orders from our 40 stores are coming
  // through`: the quantifier is the negation (several blocked), even far from its verb.
  cue(
    'en:neither-none-of',
    '\\b(?:neither|none) of (?:the|our|my|us|them|these|those|their)(?: [^\\s.!?;,]+){0,5}? (?:will|can|could|would|is working|are working|works?|takes?|accepts?|connects?|prints?|starts?|loads?|opens?|syncs?|(?:is|are) (?:coming|going|getting) through|(?:comes?|goes?|gets?) through|(?:is|are) (?:arriving|syncing|printing|loading|connecting|responding))\\b(?! (?:still|also|fine|normally))',
    { blocking: true },
  ),
  // `aucune des 3 balances peut envoyer`, `aucun poste démarre`, SMS `0 moniteur peut réserver`,
  // `zéro caisse marche`, `pas un seul vendeur arrive à se connecter`.
  cue(
    'fr:aucun-sans-ne',
    `(?<![\\p{L}\\p{N}.,'])(?:aucune?|0|zero|pas une? seule?)(?! (?:de |des |d')?${NOT_A_WORKER}\\b)(?: (?:des|de nos|de mes|de ces|d'entre nous|d'entre eux|de nous))?(?: [^\\s.!?;,]+){0,4}? ${PRONOUNS}${FR_CAN_OR_WORKS}`,
    { blocking: true },
  ),
  // English: `zero drivers can log in`, `no till works`, `not a single nurse can chart`.
  cue(
    'en:no-x-can',
    `\\b(?:zero|0|no|not a single) (?!(?:one|body|problem|issue|worries|matter|doubt|idea|way|need|rush|change|impact|it|this|that|i|we|they|he|she|you|there|but|and|longer|more|less|other|further|sooner|time|day|amount)s?\\b)[a-z-]+(?: [a-z-]+)? (?:can|could|is able|are able|works|is working|are working|starts?|boots?|connects?|prints?|loads?|opens?)\\b(?! (?:still|also|fine|normally))`,
    { blocking: true },
  ),
];

/**
 * Words before `down` that make a phrasal verb (`slow down`, `shut down`, `write it down`) or a figure
 * (`sales down`), not a terse report that a thing is down.
 */
export const NOT_A_NOUN_DOWN =
  '(?:slow|calm|shut|write|wrote|scroll|turn|back|upside|sit|lie|cool|narrow|wind|step|count|track|drill|hand|bring|put|set|cut|knock|let|look|go|come|get|mark|jot|note|settle|close|boil|water|tone|thumbs|price|prices|cost|costs|sales|numbers?|figures?|traffic|rate|rates|temperature|volume|it|this|that|them|him|her|me|us|you|upstairs|downstairs|way|run|ran|broke|break|pin|nail|tie|hold|keep|lay|lower|markdown|touch|count|pull|push|take|top|face)';

export const GENERAL_BLOCKED_CUES_3: readonly Cue[] = [
  // A work tool that vanished: `the shared drive vanished`, `our files disappeared`. Not the trouble
  // itself going away (`the error message disappeared`): that is good news.
  cue(
    'vanished',
    '(?<!\\b(?:problem|issue|error|bug|message|warning|popup|pop-up|alert|banner|notification|noise|glitch|lag|virus|ads?|delay|symptom)s? (?:\\S+ ){0,4})\\b(?:vanished|disappeared|went missing|has gone missing|have gone missing)\\b',
    { negation: 'cancels' },
  ),
  // A terse report: `EDI down:`, `wifi down since 8`, `server down again`; the team `idle`. Not a
  // phrasal verb (`slow down`, `shut down the PC`, `write it down`) nor a figure (`sales down`).
  cue(
    'noun-down',
    `\\b(?!${NOT_A_NOUN_DOWN} down)[a-z0-9]{2,} down(?=\\s*(?:[:,.!;]|-|$|since|again|for (?:the|an|\\d)|all|today|this))|\\b(?:is|are|sit|sits|sitting|stand|stands|standing|left|stays?|remains?) idle\\b|\\b(?:warehouse|team|staff|crew|shop|office|workshop|kitchen|everyone|drivers) idle\\b`,
    { negation: 'cancels' },
  ),

  // `0 connexion`, `aucun accès`, `zéro réseau`: none of the work's means (like `plus de réseau`).
  cue(
    'none-of-the-means',
    "(?<![\\p{L}\\p{N}.,'])(?:0|zero|aucune?) (?:connexion|acces|reseau|internet|wi-?fi|tonalite|signal|ligne|telephone|messagerie|mails?|imprimante|caisse|tpe|logiciel|appli|session)s?\\b(?! (?:n'a ete|n'ont ete|n'est|a signaler|to report))",
    { negation: 'cancels' },
  ),
  // A tool that shows an error: `l'imprimante de secours affiche aussi une erreur`, `the portal
  // throws an error`. Not a hypothesis (`si ça affiche une erreur`, `if it shows an error`).
  cue(
    'shows-error',
    "(?<!\\b(?:si|if|when|whenever|quand|lorsque|in case) (?:\\S+ ){0,3})\\b(?:affiche|affichent|indique|indiquent|met|mettent|donne|donnent|sort|sortent|shows|showing|displays|throws|throwing|gives|returns|pops up with|comes up with) (?:\\S+ ){0,2}?(?:une |un |an |the |a |des |this |cette |ce )?(?:message d'|code d'|message |code )?(?:erreur|error)s?\\b",
    { negation: 'cancels' },
  ),
  // Pushed out by the tool: `le portail me rejette`, `l'appli nous éjecte`, `le site me jette`.
  cue(
    'rejects-me',
    "\\b(?:me|m'|nous) ?(?:rejette|rejettent|jette|jettent|ejecte|ejectent|vire|virent|expulse|expulsent)\\b(?! (?:un|une) (?:oeil|coup d'oeil))",
    { negation: 'cancels' },
  ),
  // `aucun cours possible`, `plus de vente possible`, `no bookings possible`: nothing can be done.
  // Not `le plus de clients possible` (as many as possible) nor `pas d'autre solution possible`.
  cue(
    'nothing-possible',
    `(?<![\\p{L}])(?<!\\b(?:le|the|as) )(?:aucune?|pas de|pas d'|plus de|plus d'|plus aucune?|0|zero|no|not a single) (?!(?:${NOT_A_WORKER}|confusion|autres?|mistake|problem|issue|doubt|risk|delay|retard)\\b)[^\\s.!?;,]+(?: [^\\s.!?;,]+)? (?:n'est |n'etait |is |was )?(?:possibles?|faisables?|doable)\\b`,
  ),
];

/** A fallback: the backup, the spare, the other machine, the manual way. */
export const FALLBACK =
  "(?:de secours|de rechange|de repli|de remplacement|de depannage|backup|spare|fallback|replacement|(?:l'|un |une |the |our |my |an )?autre (?:poste|pc|ordi|ordinateur|portable|machine|imprimante|caisse|terminal|tpe|telephone|tablette|appareil|routeur|box|lecteur|scanner)|another (?:pc|computer|laptop|machine|printer|till|terminal|phone|tablet|device|router|reader|scanner)|the other (?:pc|computer|laptop|machine|printer|till|terminal|phone|tablet|device|router|reader|scanner))";

/** A fallback never put in place: `la caisse de secours n'a jamais été installée`, `the spare was never set up`. */
export const GENERAL_FAILED_FALLBACK_CUES_3: readonly Cue[] = [
  cue(
    'fallback-never-installed',
    `\\b${FALLBACK}(?: [^\\s.!?;]+){0,6}? (?:n'a jamais ete|n'ont jamais ete|n'a toujours pas ete|n'ont toujours pas ete|n'a pas encore ete|n'ont pas encore ete|n'est (?:toujours |jamais )?pas (?:encore )?|ne sont (?:toujours |jamais )?pas (?:encore )?|n'est jamais|ne sont jamais|jamais|pas encore|toujours pas|was never|were never|has never been|have never been|is not yet|isn'?t yet|is still not|hasn'?t been|has not been|haven'?t been|have not been|never got|never been|not yet|still not)(?: ete| been)? (?:installee?s?|livree?s?|configuree?s?|parametree?s?|mise?s? en (?:place|service|route)|activee?s?|fournie?s?|branchee?s?|recue?s?|arrivee?s?|installed|delivered|configured|set ?up|activated|provided|connected|plugged in|arrived|received|shipped)\\b`,
  ),
  cue(
    'never-got-fallback',
    `\\b(?:on n'a (?:jamais|toujours pas|pas encore)|nous n'avons (?:jamais|toujours pas|pas encore)|je n'ai (?:jamais|toujours pas|pas encore)|on a (?:jamais|toujours pas)|j'ai (?:jamais|toujours pas)|we never|i never|we have never|we've never|i've never|we still haven'?t|we haven'?t yet) (?:recu|eu|installe|configure|got|received|had|installed|set up|been given)\\b(?: [^\\s.!?;]+){0,4}? ${FALLBACK}`,
  ),
];

/**
 * Carrying on another way until the repair, told in any voice: `les avis sont envoyés par fax en
 * attendant la réparation`, `orders are taken by phone until it's fixed`, `en attendant le
 * technicien, les commandes sont notées sur papier`. Not a clause that says blocked (read in
 * priority-facts.ts): `on ne peut rien faire en attendant la réparation`.
 */
const MEANS =
  "(?:par (?:fax|telephone|tel|mail|e-mail|courriel|sms|courrier|whatsapp|telecopie|coursier|la poste|radio)|via (?:\\S+)|a la main|manuellement|sur papier|sur (?:un |le )?cahier|au stylo|by (?:fax|phone|email|e-mail|mail|post|courier|hand|text|radio|whatsapp)|over the phone|on paper|manually|with pen and paper|sur (?:excel|un tableur|le tableur|le webmail|l'ancien \\S+|un autre \\S+|une autre \\S+)|au telephone|in excel|on a spreadsheet|in a spreadsheet)";
/** The work done another way, told in the passive voice: `les bulletins sont faits sur Excel`. */
const PASSIVE_DONE =
  '(?:sont|est|seront|sera) (?:\\S+ )?(?:faite?s?|prise?s?|envoyee?s?|notee?s?|saisie?s?|traitee?s?|geree?s?|enregistree?s?|imprimee?s?|tapee?s?|remplie?s?|redigee?s?|transmise?s?|faxee?s?|ecrite?s?|delivree?s?|realisee?s?|effectuee?s?|passee?s?|renvoyee?s?|redirigee?s?|encaissee?s?|distribuee?s?)|(?:are|is) (?:being |now )?(?:done|taken|sent|written|handled|processed|entered|printed|logged|booked|recorded|issued|faxed|emailed|phoned in|paid)';
export const UNTIL_FIXED =
  "(?:en attendant (?:la |le |l'|les |que |une |un |leur |son |sa |notre )?(?:\\S+ )?(?:reparation|depannage|intervention|passage|technicien|resolution|correctif|remise en (?:service|etat|route)|retablissement|retour|remplacement|solution|nouvel(?:le)?|ca (?:remarche|refonctionne|revienne)|(?:ca|cela|il|elle) (?:soit|soient|revienne|remarche|refonctionne))|jusqu'a (?:la |le |l')?(?:reparation|depannage|intervention|retablissement|remise en service)|d'ici (?:la|a la reparation)|until (?:it'?s|it is|they'?re|they are|the \\S+ (?:is|are)|we get (?:it|them)) (?:\\S+ )?(?:fixed|repaired|back|sorted|resolved|replaced|working)|until (?:the |a )?(?:fix|repair|engineer|technician|replacement)|pending (?:the |a )?(?:repair|fix|replacement)|le temps (?:que|de la reparation|du depannage|de l'intervention)|pendant (?:la panne|la coupure|ce temps)|tant que (?:\\S+ ){0,4}?(?:ne (?:marche|fonctionne|repond)|est (?:en panne|hs|coupee?|down))|while (?:it'?s|it is|the \\S+ (?:is|are)|they'?re|they are) (?:\\S+ )?(?:down|out|broken|offline|being (?:fixed|repaired)))";
export const GENERAL_WORKAROUND_CUES_3: readonly WorkaroundCue[] = [
  // Working on someone else's device: `j'utilise celui de ma collègue`, `je travaille sur le PC de
  // mon voisin`, `on passe par l'ordi de la secrétaire` (the English `a colleague's PC` is in
  // priority-vocabulary.ts). Not `le PC de ma collègue ne marche plus` (no verb of using).
  cue(
    'someone-elses-device',
    "\\b(?:j'utilise|j'emprunte|je travaille sur|je suis sur|je passe par|je me sers (?:de|du)|je prends|on utilise|on emprunte|on travaille sur|on passe par|on se sert (?:de|du)|nous utilisons|nous travaillons sur) (?:celui|celle|le (?:pc|poste|portable|ordi|ordinateur|telephone|compte|bureau)|la session|l'ordi|l'ordinateur|le mac)s? (?:de|d'|du) (?:ma |mon |mes |notre |nos |une? |la |le |l')?(?:\\S+ )?(?:collegue|voisine?|associee?|assistante?|secretaire|stagiaire|femme|mari|fils|fille|responsable|directeur|directrice|patronne?|chef|comptable|accueil|reception)s?\\b",
    { wayAround: 'inferred' },
  ),
  // Working on the fallback: `we're on the backup laptop`, `using the spare till`, `switched to the
  // backup line` (`no backup laptop` is a no-workaround phrase; `the backup laptop keeps crashing`
  // is a failed fallback, read in priority-facts.ts).
  cue(
    'on-the-fallback',
    '\\b(?:on|using|use|uses|used|with|from|switched to|moved to|onto|working off) (?:the |our |my |a |an |his |her )?(?:backup|spare|fallback|replacement|standby) [a-z]+',
    { wayAround: 'stated' },
  ),
  cue(
    'means-until-fixed',
    `(?<!\\b(?:meme|even|ni|nor|not|pas|plus) )\\b(?:${MEANS}|${PASSIVE_DONE})\\b(?: [^\\s.!?;]+){0,8}? ${UNTIL_FIXED}|\\b${UNTIL_FIXED}\\b(?: [^\\s.!?;]+){0,10}? (?<!\\b(?:meme|even|ni|nor|not|pas|plus) )${MEANS}\\b`,
    { wayAround: 'stated' },
  ),
];

/**
 * A success said of the workaround (`on envoie les contrats par mail en attendant, ça marche mais
 * c'est long`, `we use the webmail for now, it works`): the way around works, the tool is still
 * stopped. Not a denial of being blocked.
 */
export const WORKAROUND_SUCCESS =
  /^(?:(?:et |and )?(?:ca|cela|ce|c'|it|that|this)(?: \S+)? (?:marche|fonctionne|passe|tient|works?|worked|does the job|is fine|is ok)|(?:ca|cela) (?:nous |me )?depanne|works fine|works for now)\b/u;

/**
 * Before a blocked statement in its sentence, a fallback as its subject (`le portable de secours
 * … lui aussi refuse de se connecter`, `the backup router doesn't connect either`): the fallback
 * failed. These words between them start another subject or cause (`on utilise le poste de
 * secours car le principal ne démarre plus`): the blocked statement is not the fallback's.
 */
export const FALLBACK_SUBJECT = new RegExp(`\\b${FALLBACK}\\b`, 'gu');
export const ANOTHER_SUBJECT =
  /\b(?:car|parce|puisque|comme|mais|cependant|pourtant|pendant que|tandis que|alors que|depuis que|because|since|as|but|however|while|whereas|le principal|la principale|l'ancien|l'ancienne|le mien|la mienne|le habituel|the main|the old|the usual|my own|mon|ma|my)\b/u;

/**
 * One person named as the object of the blocked verb: `le portail me déconnecte`, `ça m'affiche
 * une erreur`, `it keeps logging me out`, `won't let me in`. Read only in the blocked clause.
 */
export const SINGULAR_OBJECT = /(?:\bme\b(?!,? (?:and|et|ainsi que|avec|too|aussi|comme)\b)|\bm'(?=[a-z]))/gu;

/**
 * One personal device as the subject of the blocked statement, nobody named: `la tablette du
 * corbillard ne trouve plus les adresses`, `l'ordi du bureau s'allume plus`, `my laptop won't
 * boot`. One device is one person's work; a shared infrastructure (`le serveur`, `the network`,
 * `la caisse`) still leaves several users open.
 */
export const ONE_PERSONAL_DEVICE =
  /(?:\b(?:ma|mon|la|le|sa|son|cette|ce|my|the|his|her|this) |(?<![a-z])l')(?:\S+ )?(?:tablette|tablet|ipad|portable|laptop|macbook|ordi|ordinateur|pc|poste(?! de (?:caisse|travail partage))|smartphone|telephone portable|mobile|iphone|badge|casque|headset|douchette|computer|notebook)\b(?! (?:de |d')?(?:secours|rechange|tout le monde|chacun|tous|partage)\b)/u;
/**
 * A station shared by a team, named after the device: `le PC de la caisse`, `l'ordinateur de
 * l'accueil`, `the reception PC`, `le PC qui pilote les machines`. Not one person's device.
 */
export const SHARED_STATION =
  /\b(?:caisse|caisses|accueil|reception|guichet|comptoir|standard|magasin|boutique|atelier|salle|labo|laboratoire|pilot\w*|production|entrepot|quai|pesee|borne|secretariat|till|front desk|counter|shop|store|workshop|warehouse|lab|kiosk|shared|commun|partage|dispatch|ward|nurses'? station|office manager)\b/u;

/**
 * Several devices or people in the blocked sentences: not one device (`le pc diag et celui de la
 * caisse sont morts`, `nos tablettes`, `les 3 gars de l'atelier peuvent plus rien faire`).
 */
export const NOT_ONE_DEVICE =
  /\b(?:(?:les|nos|des|mes|ces|tous|toutes|chaque|aucune?|plusieurs|our|all|every|each|several|both|the two|no|\d+) (?:\S+ )?(?:tablettes|tablets|ipads|portables|laptops|ordis|ordinateurs|pcs|postes|smartphones|telephones|mobiles|badges|computers|tablette|tablet|poste|pc|ordi|ordinateur|computer|laptop)|et (?:celui|celle|ceux|celles)|ainsi que|as well as|and the one|les deux|both|peuvent|arrivent|sont|ont|font|doivent|marchent|fonctionnent|travaillent|attendent|restent|recoivent|voient|accedent|demarrent|plantent|repondent|are|were|have|they)\b/u;

/**
 * People the writer has or serves, not users: `j'ai 8 élèves à 14h`, `I have 12 patients this
 * morning`, `we've got 40 guests arriving`. The text before a count says so.
 */
export const SERVED_BEFORE =
  /(?:\b(?:j'ai|jai|on a|nous avons|i have|i've got|ive got|i got|we have|we've got|weve got|we got|avec) (?:encore |deja |still |already |about |around |environ |pres de )?|\b(?:attend(?:ent)?|expecting|waiting for|accueill\w*) (?:\S+ )?)$/u;
/** The people a business serves (pupils, patients, guests…), never its staff. */
export const SERVED_PEOPLE =
  /\b(?:eleves|patients?|clients?|clientes?|customers?|guests?|passagers|passengers|students?|etudiants|visiteurs|visitors|residents?|convives|invites|participants|enfants|kids|children|pupils|couverts|rendez-vous|rdv|appointments?|diners|voyageurs|travell?ers|adherents|spectateurs|familles|families|candidats|candidates|apprenants|learners|stagiaires|trainees|lecons|cours|classes)\b/u;
/** …unless they are said to be blocked: `nous avons 5 clients qui ne peuvent plus payer`. */
export const WHO_AFTER =
  /^\S*(?: \S+){0,2}? (?:qui|who|that|which) (?!attend|wait|arriv|sont la|are here|are due)/u;

/**
 * A fault that is over: `l'imprimante était en panne hier mais ça marche maintenant`, `it's working
 * again`, `c'est reparti`, `problème résolu`. A denial of being blocked now (it wins over the
 * breakage told in the past, like any explicit denial).
 */
export const GENERAL_NOT_BLOCKED_CUES_3: readonly Cue[] = [
  cue(
    'works-again',
    "(?<!\\b(?:until|till|once|when|if|unless|before|as soon as|quand|si|lorsque|des que|une fois que|avant que|jusqu'a ce que|en attendant que|pour que|so that) )(?:\\b(?:ca|cela|tout|it|everything|all|(?:the|le|la|les) [a-z]+|l'[a-z]+) (?:re)?(?:marche|marchent|fonctionne|fonctionnent|remarche|refonctionne|works|work|is working|are working|started working|runs|is running)(?: (?!(?:pas|plus|pu|not|no|toujours|still|mal|only|que)\\b)[a-z']+)? (?:maintenant|a nouveau|de nouveau|depuis|again|now)\\b|\\b(?:c'est|it'?s|its) (?:reparti|regle|resolu|revenu|back up|fixed|sorted|working again|all good now)\\b|\\b(?:probleme|souci|issue|problem)s? (?:est |sont |is |are |has been |a ete )?(?:resolue?s?|reglee?s?|fixed|solved|sorted)\\b|\\bfixed itself\\b|\\bs'est (?:reglee?|resolue?|debloquee?) (?:tout seul|toute seule|de lui-meme|d'elle-meme)\\b)",
  ),
];

/**
 * Good news about an error: `le logiciel n'affiche plus d'erreur`, `no more errors since the
 * update`, `plus aucun plantage`. It cancels the blocked reading it overlaps (`n'affiche plus`),
 * without denying anything else in the mail.
 */
export const NO_MORE_ERROR: readonly Cue[] = [
  cue(
    'no-more-error',
    "\\b(?:n'affiche|n'affichent|ne (?:met|mettent|donne|donnent|renvoie|renvoient|fait|font)|no longer (?:shows?|gives?|throws?|displays?)|(?:doesn'?t|does not|don'?t|do not) (?:show|give|throw|display) (?:any )?(?:more|longer)?) (?:plus |pas |jamais )?(?:d'|de |aucune? |any |the |an? )?(?:message d'|messages d')?(?:erreurs?|errors?|bugs?|plantages?|crash(?:es)?|messages? d'alerte|warnings?)\\b|\\b(?:plus (?:d'|aucune? )|no more |no further )(?:erreurs?|errors?|bugs?|plantages?|crash(?:es)?|message d'erreur)\\b",
  ),
];

/** A blocked statement asked as a hypothesis: `que faire si le logiciel affiche une erreur ?`. */
export const CONDITIONAL_BEFORE = /\b(?:si|s'il|s'ils|if|au cas ou|in case|should the|whenever|lorsque)\b/u;
