/**
 * General readings added after issue 11's blind holdout10 (round 8): ways of carrying on that were
 * not read (a means that keeps the work going, work keyed in later, working offline on copies, the
 * work moved to another room or line, the old device brought back, a lent stand-in that works, a
 * means gone through meanwhile by anyone), an attempt whose object ends where a new statement
 * starts (`j'ai essayé 3 fois je note…`), who is blocked (the writer who alone does the work,
 * everyone else back online, people the writer cannot reach), and nothing blocked now (people who
 * keep asking for something, a cut announced for a day ahead). Each family is stated with new
 * sentences in test/unit/triage/priority-general-readings-8.test.ts. Written against folded text
 * (text-normalize.ts). docs/triage.md, "General readings (issue 11, after the blind holdout10)".
 */
import { type Cue, cue, type WorkaroundCue } from './priority-vocabulary';

/** A word of a phrase: no punctuation, so the reading stays in one clause. */
const WORD = '[^\\s.!?;,:()]+';
const MEANWHILE =
  "(?:en attendant|pour l'instant|pour le moment|entre-temps|for now|in the meantime|meanwhile|for the time being)";

export const GENERAL_WORKAROUND_CUES_8: readonly WorkaroundCue[] = [
  // A means that keeps the work going: `restarting it every hour is keeping us going`, `cette
  // solution nous permet de tenir`, `ça nous permet de continuer`, `we're getting by with the old
  // router`. Not a new feature that `lets us work faster` (no `tenir`, `keep going`, `afloat`).
  cue(
    'keeps-us-going',
    "\\b(?:keep(?:s|ing)? (?:us|me|the (?:shop|office|team|site|station)) (?:going|afloat|running|ticking over)|let(?:s|ting)? (?:us|me) (?:carry on|keep going|get by|hold out)|allow(?:s|ing)? (?:us|me) to (?:carry on|keep going|get by|hold out)|(?:we'?re|we are|i'?m|i am) getting by (?:with|on|thanks to|using)|(?:nous|me|m'|leur|lui) permet(?:tent|tra)? de (?:tenir|continuer|nous depanner|depanner|faire tourner)|(?:on|nous) (?:tient|tenons) (?:avec|grace a|comme ca|comme cela)|(?:ca|cela|ceci) (?:nous |me )?(?:fait|permet de) tenir)\\b",
    { negation: 'cancels', wayAround: 'stated' },
  ),
  // Work done another way now and keyed in later, in the forms round 6's `re-enter-later`
  // (priority-vocabulary-general-6.ts) does not read: the passive (`les dossiers seront saisis a
  // posteriori`, `sera saisie après coup`) and uploading later (`we'll upload them once it's back`).
  // A later time is needed: `les bons sont saisis par l'accueil` is how the work is done.
  cue(
    'keyed-in-later',
    "\\b(?:(?:seront|sera) (?:re)?s?saisie?s?|(?:re)?s?saisi\\w* (?:a posteriori|apres coup|plus tard|au retour|une fois (?:le|la|l'))|(?:input|upload|sync|load|import|log)(?:ed|ing|s)? (?:them|it|everything|it all|them all|the \\w+) (?:in |into the \\w+ |up )?(?:later|afterwards|once (?:it'?s|it is|the \\w+ is) (?:back|fixed|up)|when (?:it'?s|it is|the \\w+ is) (?:back|fixed|up)))\\b",
    { negation: 'cancels', wayAround: 'inferred' },
  ),
  // Working offline or on copies: `on travaille en local sur des copies`, `we're working offline`,
  // `je saisis hors ligne`. Negated (`impossible de travailler en local non plus`) it is none.
  cue(
    'working-offline',
    `\\b(?:on|je|j'|nous|we|i|they|ils|elles|les ${WORD}|(?:we|i|they)'?(?:re|m| are| am))(?: ${WORD}){0,2}? (?:travaill\\w*|bosse\\w*|saisi\\w*|continu\\w*|fai[st]|faisons|work(?:s|ing)?|carry(?:ing)? on|keep(?:ing)? working|do(?:ing)?) (?:${WORD} ){0,3}?(?:en local|hors ligne|hors-ligne|offline|off-line|locally|en mode (?:deconnecte|hors ligne|local)|sur (?:des|une|les) copies?|on (?:local )?copies)\\b`,
    { negation: 'cancels', wayAround: 'inferred' },
  ),
  // The work moved to another room, line or station: `on a basculé les séances de la salle 3 sur
  // la salle 1`, `we've moved the calls to the shop line`, `j'ai transféré les rendez-vous sur le
  // poste de l'accueil`. The moved thing is work (sessions, calls, bookings…), not a device (`we
  // moved the printer to the other office` is a cause, not a way round).
  cue(
    'work-moved-elsewhere',
    `\\b(?:bascul\\w*|transfer\\w*|transfer\\w*|deplac\\w*|redirig\\w*|redirect\\w*|switch\\w*|mov(?:e|ed|es|ing)|shift\\w*|renvoy\\w*|renvoie\\w*) (?:(?:all |tous |toutes )?(?:les |la |le |l'|the |our |nos |ses |his |her )?)(?:seances?|projections?|shows?|screenings?|films?|appels?|calls?|rendez-vous|rdv|appointments?|cours|classes?|lessons?|reservations?|bookings?|commandes?|orders?|consultations?|impressions?|print jobs?|jobs?|lignes?|standard|tournees?|rounds?)\\b(?: ${WORD}){0,6}? (?:sur|vers|dans|en|to|onto|into|over to) (?:la |le |l'|the |our |notre |une |un |another |an? )?(?:${WORD} ){0,2}?(?:salle|room|screen|ecran|ligne|line|site|agence|branch|poste|pc|caisse|till|machine|serveur|server|bureau|office|studio|imprimante|printer|portable|mobile|cell|telephone|phone|standard)\\b`,
    { negation: 'cancels', wayAround: 'inferred' },
  ),
  // The old device brought back: `we are printing them on the old printer in the archive room`,
  // `on encaisse sur l'ancienne caisse`, `I've gone back to the old laptop`, `on a ressorti le
  // vieux TPE`. A verb of doing or using comes first: `the old printer stopped working`, `we
  // replaced the old printer` are no way round.
  cue(
    'old-device-in-use',
    `\\b(?:(?:print|scann|work|run|us|encod|encash|tak|process|book)\\w* (?:${WORD} ){0,4}?(?:on|with|via)|(?:imprim|scann|travaill|encaiss|saisi|pass|fai|fon|lan)\\w* (?:${WORD} ){0,4}?(?:sur|avec|via|par)|using|use|uses|utilis\\w*|ressorti\\w*|repris|reprend\\w*|(?:gone|went|going|are|'re|is|'s) back to|revenu\\w* (?:a|sur)) (?:the|our|an|l'|le|la|les|notre|nos|un|une|des)? ?(?:old|older|previous|former|ancien(?:ne)?s?|vieil(?:le)?s?|vieux) (?:${WORD} )?(?:printers?|imprimantes?|pcs?|computers?|ordis?|ordinateurs?|laptops?|portables?|scanners?|tills?|caisses?|phones?|telephones?|terminals?|terminaux|tpe|routers?|routeurs?|box|modems?|standard|fax|postes?|machines?|tablets?|tablettes?|versions?|systeme|system|logiciel|software)\\b`,
    { negation: 'cancels', wayAround: 'inferred' },
  ),
  // A stand-in lent or temporary that works: `the temporary 4G router you lent us works fine`, `la
  // box provisoire que vous nous avez prêtée marche bien`, `le portable de prêt fonctionne`. Said of
  // a device or a line; `doesn't work either` is a fallback that failed.
  cue(
    'lent-stand-in-works',
    `\\b(?:(?:temporary|loaner|loan|lent|provisoire|de pret|pretee?) (?:${WORD} ){0,3}?|(?:${WORD} ){0,3}?(?:router|routeur|box|modem|laptop|pc|ordi|portable|phone|telephone|printer|imprimante|terminal|tpe|line|ligne|dongle|hotspot|cle 4g|4g)(?: ${WORD}){0,2}? (?:you|vous) (?:lent|loaned|gave|sent|provided|installed|brought|set up|nous avez (?:prete|fourni|envoye|installe|apporte|laisse|mis)\\w*)(?: (?:us|me))? )(?:(?:${WORD} ){0,4}?)(?:works|is working|'s working|fonctionne|marche)(?: (?:fine|well|great|ok|bien|tres bien|nickel|parfaitement|impeccable))?\\b(?! (?:pas|plus|pu|not|non plus|either|neither))`,
    { negation: 'cancels', wayAround: 'stated' },
  ),
  // A means gone through meanwhile, whoever goes through it: `les gars du bureau de nuit passent
  // par le partage de co des tel en attendant`, `the drivers go through the hotspot for now`.
  cue(
    'through-a-means-meanwhile',
    `\\b(?:pass\\w* par|go(?:es|ing)? through|going via|go via) (?:${WORD} ){1,7}?${MEANWHILE}\\b`,
    { negation: 'cancels', wayAround: 'stated' },
  ),
];

/**
 * The object of a verb of trying ends where a new statement begins: `j'ai essayé 3 fois je note
 * les rondes sur le cahier en attendant` (no punctuation, a phone), `tried 3 times, I'm writing
 * them by hand for now`. A subject pronoun (`je`, `on`, `I`, `we`) after the attempt, not inside
 * a relative or comparative (`comme on m'a dit`, `everything I could`), starts what the client
 * does now. Tested on the text from the attempt to the end of the workaround phrase.
 */
export const NEW_STATEMENT_AFTER_ATTEMPT =
  /(?<!\b(?:que|qu'|comme|si|quand|ou|dont|that|what|which|if|as|like|when|where|everything|anything|all|whatever|how|whether))(?:^|[\s,]) ?(?:je|j'(?!ai (?:essay|tent|test))[a-z]+|on|we|we'?re|we'?ve|i|i'?m|i'?ve) (?!(?:m'|me |l'|le |la |les |lui |leur |t'|vous )?(?:a |ai |avait |avais |aurait |had |was |said |told |could |can't |cant |cannot ))[a-z']+/u;

/** Work verbs a writer can be the only one to do: `I'm the one who does all the stock orders`. */
const EN_DOES =
  '(?:does|handles|manages|places|takes care of|runs|deals with|processes|orders|books|does all|sends|prints)';
const FR_DOES = "(?:fai[st]|gere|m'occupe|passe|traite|saisi[st]|commande|tien[st]|envoie|imprime|prepare)";

/**
 * One user: the writer is the one who does the blocked work (`I'm the one who does all the stock
 * orders`, `c'est moi qui passe les commandes`, `je suis celle qui gère la paie`); everyone else is
 * back or working (`Everyone else in building C is back online`, `tous les autres ont retrouvé le
 * réseau`). Other places working (`tous les autres sites fonctionnent`) say nothing about who.
 * Read in priority-facts.ts with a guard: a group named as blocked still wins.
 */
export const GENERAL_ONE_USER_CUES_8: readonly Cue[] = [
  cue(
    'sole-role',
    `\\b(?:(?:i'?m|im|i am) the (?:one|person|one person) (?:who|that) ${EN_DOES}|(?:c'est|c est|c) moi qui ${FR_DOES}|je suis (?:celui|celle|la personne) qui ${FR_DOES})\\b`,
  ),
  cue(
    'everyone-else-back',
    `\\b(?:everyone else|everybody else|all the others|the rest of (?:the |us|our )?(?:team|office|staff|floor|building|us)?|tous les autres(?! (?:sites?|batiments?|agences?|etages?|services?|magasins?|bureaux|entrepots?|postes?)\\b)|toutes les autres(?! (?:agences?|salles?|caisses?|machines?)\\b)|le reste de (?:l'equipe|l'etage|du service|du bureau|du personnel|l'agence))(?: ${WORD}){0,5}? (?:(?:is|are|'s|has|have|got|est|sont|a|ont) )?(?:(?:now|maintenant|de nouveau|again|deja|already) )?(?:back online|back up|back on|back to work|reconnect\\w*|working (?:again|fine|normally)|fine now|ok now|revenu\\w* en ligne|reconnecte\\w*|retrouve\\w* (?:le reseau|la connexion|l'acces|internet)|recupere\\w*|refonctionn\\w*|remarch\\w*|travaill\\w* (?:normalement|de nouveau|a nouveau))\\b`,
  ),
];

/**
 * People the writer cannot reach, call or serve are the object of her verb, not who is blocked:
 * `je peux plus rien faire, ni appeler les équipes`, `I can't reach the drivers`. Tested on the
 * text right before a several-users phrase (in its clause).
 */
export const REACHED_BEFORE =
  /\b(?:appeler|joindre|contacter|prevenir|informer|servir|accueillir|call(?:ing)?|reach(?:ing)?|contact(?:ing)?|phon(?:e|ing)|ring(?:ing)?|text(?:ing)?|e-?mail(?:ing)?|messag(?:e|ing)|notify(?:ing)?|serv(?:e|ing)) (?:a |to )?(?:tous |toutes |all |any of |aucun de |aucune de |mes |nos |my |our )?$/u;

/** Days and dates ahead: a cut announced for them is not a block now. */
const AHEAD =
  '(?:samedi|dimanche|lundi|mardi|mercredi|jeudi|vendredi|demain|ce week-end|ce weekend|la semaine prochaine|le \\d{1,2}(?: [a-z]+)?|tomorrow|this weekend|next week|(?:on )?(?:saturday|sunday|monday|tuesday|wednesday|thursday|friday)|on the \\d{1,2}(?:st|nd|rd|th)?)';
const WINDOW =
  "(?:de|from|between|entre) \\d{1,2} ?(?:h|am|pm|:\\d\\d)?\\d{0,2} ?(?:a|to|-|et|and|until|jusqu'a) \\d{1,2}";

/**
 * Nothing blocked now: people who keep asking for something make a request (`Sailors keep asking
 * for wifi on the pontoons`), not a tool that keeps asking for a password; a cut announced for a
 * day ahead (`EDF coupe le courant samedi de 7h à 13h`, `coupure prévue jeudi`, `the line will be
 * down on Sunday from 2 to 4am`). Each cancels the blocked reading it overlaps, nothing else.
 */
export const OTHER_SENSE_CUES_8: readonly Cue[] = [
  cue(
    'people-keep-asking',
    '(?<!\\b(?:it|this|that|the (?:app|software|system|computer|pc|laptop|phone|site|portal|printer|server|program|tool)|windows|outlook|teams|ca|il|elle)) (?:keep|kept) (?:on )?asking (?:me |us )?(?:for|about|if|whether|when|to)\\b(?! (?:me |us )?(?:for )?(?:my |our |the |a |your |their )?(?:password|passcode|login|log-?in|credentials|pin|code|licen[cs]e|activation|sign-?in|authentication|verification|mfa|2fa|token|key|restart|reboot|update)s?\\b)',
  ),
  cue(
    'planned-cut',
    `(?<!\\b(?:ete|been|was|were|depuis|since) )\\b(?:coupee?s?|coupera|couperont|couper|coupure|coupures|interruption|arret|maintenance|outage|power cut|shutdown|shut down|cut off|down|offline|indisponible|hors service)\\b(?: ${WORD}){0,8}? (?:(?<!\\b(?:depuis|since) )${AHEAD}\\b(?: ${WORD}){0,3}? ${WINDOW}|(?:prevue?s?|programmee?s?|planned|scheduled)\\b)`,
  ),
];
