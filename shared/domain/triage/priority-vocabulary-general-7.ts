/**
 * General readings added after issue 11's blind holdout8: a service that is cut (`internet is cut
 * since last night`), an inability said as a noun or an adjective (`je suis dans l'impossibilité
 * de`, `incapable de`, `pas en mesure de`), the others who do not have the problem (`mes
 * collègues n'ont pas le problème`: one user), the work done through another channel in a mail
 * where something is blocked (`on envoie les factures par mail aux clients`), spoken French's
 * denial without `ne` (`ça bloque pas le travail`), and a time phrase that sets a request aside
 * (`forget the quota question for now`), which is no way of carrying on.
 * Each family is stated with new sentences in test/unit/triage/priority-general-readings-7.test.ts.
 * Written against folded text (text-normalize.ts). docs/triage.md, "General readings (issue 11,
 * after the blind holdout8)".
 */
import { type Cue, cue, type WorkaroundCue } from './priority-vocabulary';

/** A word of a phrase: no punctuation, so the reading stays in one clause. */
const WORD = '[^\\s.!?;,:()]+';

/** A supply or a connection that can be cut: what the work runs on, not a thing cut to size. */
const EN_SUPPLY =
  '(?:internet|network|connection|connectivity|wifi|wi-fi|broadband|fibre|fiber|line|lines|phone line|phone lines|phones?|telephone|power|electricity|email|e-mail|vpn|signal|service|access)';
/** After `cut`: a size, a cost or a length (`cut in half`, `cut short`, `cut by 10 %`), not an outage. */
const NOT_CUT_SIZE = '(?! (?:in half|in two|short|to |by |down|back|costs?|prices?|budget))';

/**
 * `Internet in our office is cut since yesterday`, `the phone lines have been cut off`, `our
 * connection keeps getting cut`, `we were cut off`, a subject `internet cut in office`: the supply
 * the work runs on is cut (French `coupé` is read in priority-vocabulary.ts). Not a thing cut to
 * size or a cost cut (`the budget for the network was cut by half`), nor an outage told as a noun
 * after a determiner (`after the power cut ended`: an event, over or not).
 */
export const GENERAL_BLOCKED_CUES_7: readonly Cue[] = [
  cue(
    'en:supply-is-cut',
    `\\b${EN_SUPPLY}(?: ${WORD}){0,4}? (?:is|are|was|were|has been|have been|had been|got|gets|keeps getting|kept getting|been|'s|s|is still|are still|still) (?:completely |totally |all |just |now )?cut(?: off| out)?\\b${NOT_CUT_SIZE}|\\b(?:we|i|they)(?:'ve| have)? (?:been|were|are|got|get|keep getting) cut off\\b(?! from (?:the |this )?(?:call|conversation))|(?<!\\b(?:a|an|the|after|before|during|since|of|no|any|short|brief|small)\\s)\\b(?:internet|wifi|wi-fi|network|broadband|fibre|fiber|phone line|phone lines|phones|email|vpn) cut(?: off| out)?\\b(?= (?:since|in|at|for|again|this|today|from|all|now|everywhere)\\b|\\s*$|[.,;:!])`,
    { negation: 'cancels' },
  ),
  // An inability said as a noun or an adjective: `je suis dans l'impossibilité de préparer les
  // actes`, `nous sommes incapables d'encaisser`, `je ne suis pas en mesure de travailler`, `hors
  // d'état de`, `we're in no position to`, `incapable of`. Not a message to the desk
  // (`pas en mesure de vous confirmer la date`: what the client cannot tell, not do).
  cue(
    'inability-noun',
    "\\b(?:dans l'impossibilite (?:totale |complete )?(?:de |d')|impossibilite (?:totale |complete )?(?:de |d')(?!vous |nous joindre)|incapables? (?:de |d')|hors d'etat (?:de |d')|pas en mesure (?:de |d')|plus en mesure (?:de |d')|in no position to |incapable of )(?!(?:vous |you )?(?:dire|confirmer|preciser|indiquer|repondre|donner|tell|confirm|say)\\b)",
    { negation: 'cancels' },
  ),
];

/**
 * Spoken French drops the `ne` of a denial: `ça bloque pas le travail`, `ce souci nous gêne pas`,
 * `ça m'empêche plus de travailler`. The negation stands after the verb, where the reading of a
 * blocked word does not look (it looks at the words before): a not-blocked cue, which cancels the
 * `bloque` it overlaps and denies being blocked. Not `ça bloque pas mal` (quite a lot), nor `plus
 * de`/`plus d'` (more than).
 */
export const GENERAL_NOT_BLOCKED_CUES_7: readonly Cue[] = [
  cue(
    'fr:bloque-pas-sans-ne',
    "\\b(?:ca|cela|ce souci|ce probleme|ce bug|ce defaut|le souci|le probleme|le bug|le defaut)(?: (?:me|nous|les|leur|lui|vous)| m'| l')? ?(?:bloque|bloquent|gene|genent|empeche|empechent|derange|derangent)(?: (?:vraiment|toujours|encore|du tout|meme))? (?:pas|plus|jamais)\\b(?! (?:mal\\b|d'|de ))",
  ),
];

/** The others, as people: colleagues, the rest of the team (not other places: after holdout6). */
const OTHERS =
  '(?:(?:mes|les|nos) (?:autres )?(?:collegues|collaborat\\w+|associee?s|voisins de bureau)|les autres(?! (?:batiments?|sites?|agences?|etages?|services?|magasins?|boutiques?|bureaux|postes?|pcs?|ecoles?|cabinets?|salles?|locaux|imprimantes?|caisses?)\\b)|(?:my|our|the) (?:other )?(?:colleagues|coworkers|co-workers|teammates|others)|the others|everyone else|everybody else|the rest of (?:the |my |our )?(?:team|office|staff))';
const A_PROBLEM =
  "(?:(?:le|ce|cette|ces|les|de|d'|du|un|une|the|this|that|any|a|an|same|le meme|ce meme)(?: meme| same)? )?(?:probleme|souci|bug|erreur|panne|defaut|issue|problem|error|bug|fault)s?";

/**
 * The others do not have the problem: `mes collègues n'ont pas le problème`, `les autres ne
 * rencontrent pas ce souci`, `my colleagues don't have this issue`, `the others aren't getting
 * the error`, `it doesn't happen to my colleagues`. One user. Not the others who have it too
 * (`mes collègues ont le même problème`), nor `non plus` / `either` (the others are blocked too:
 * `mes collègues n'ont pas accès non plus`).
 */
export const GENERAL_ONE_USER_CUES_7: readonly Cue[] = [
  cue(
    'others-do-not-have-it',
    `\\b${OTHERS}\\b(?:,? (?:eux|elles|them|themselves))?,? (?:ne |n')?(?:l'|le |les )?(?:ont|a|rencontrent|constatent|voient|have|get|see|are having|are getting|are seeing|experience)(?: jamais)? (?:pas|aucun|aucune|not|no|never)(?: eu| had| got)? ${A_PROBLEM}\\b(?! (?:non plus|either|neither)\\b)|\\b${OTHERS}\\b,? (?:don'?t|do not|doesn'?t|does not|haven'?t|have not|aren'?t|are not|never) (?:have|get|see|experience|having|getting|seeing|had|got) ${A_PROBLEM}\\b(?! (?:either|too)\\b)|\\b(?:it|this|that|ca|cela)(?: ${WORD})? (?:doesn'?t|does not|isn'?t|is not|n'arrive pas|ne le fait pas|ne fait pas ca) (?:happen(?:ing)? )?(?:to|for|a|chez|pour) ${OTHERS}\\b`,
  ),
];

/** Channels the work can go through when its usual tool stopped. */
const CHANNEL =
  '(?:par (?:mail|e-?mail|mel|courriel|telephone|tel|fax|sms|courrier|la poste|whatsapp|teams|coursier|porteur)|by (?:e-?mail|mail|phone|telephone|fax|text|sms|post|courier|whatsapp)|over the phone|via (?:e-?mail|mail|whatsapp|teams|sms|text))';

/**
 * A word between the subject, the verb and the channel: not the desk as the one written to
 * (`vous`, `you`), not a wish or an ability (`je voudrais`, `we could`: not done), not a negation
 * (`je n'arrive plus à envoyer par mail` is blocked), not the problem itself (`nous avons transmis
 * le problème par mail`: a report, not the work).
 */
const DOING_WORD = `(?!(?:vous|you|te|nous|me|m'\\w*|us|ne|n'\\w*|pas|plus|jamais|rien|not|no|never|\\w+n't|cant|cannot|wont|dont|peu\\w*|pourr\\w*|pouv\\w*|can|could|veu\\w*|voudr\\w*|want\\w*|would|wish|probleme|problem|souci|panne|incident|issue|fault|ticket|demande|request|capture|screenshot|logs?|photos?)\\b)${WORD}`;
/**
 * `nous` is the subject only before a verb of the first person plural (`nous envoyons`, `nous
 * avons pris`, `nous les transmettons`); before another person's verb it is the object: `les
 * notaires nous envoient les pièces par mail` is a third party sending to us, not our way of
 * carrying on (after holdout9). The `nous` of `on nous envoie` is an object too (DOING_WORD).
 */
const FIRST_PLURAL = "(?:(?:le|la|les|en|y|leur|lui) |l')?\\w*(?:ons|sommes)\\b";
/** Verbs of the work itself that a channel can carry: sending, taking, confirming, booking… */
const CHANNEL_WORK_VERB =
  '(?:envo\\w*|transm\\w*|pren\\w*|prend\\w*|pris|confirm\\w*|recev\\w*|recoi\\w*|recu\\w*|trait\\w*|ger(?:e|ons|ent|er)|valid\\w*|factur\\w*|command\\w*|reserv\\w*|enregistr\\w*|pass(?:e|ons|ent)|fai(?:s|t|sons)|font|expedi\\w*|diffus\\w*|partag\\w*|echang\\w*|fax\\w*|send\\w*|sent|tak(?:e|es|ing)|took|handl\\w*|process\\w*|book\\w*|receiv\\w*|issu(?:e|es|ing)|do|does|doing|deal\\w*|shar(?:e|es|ing)|exchang\\w*|forward\\w*|dispatch\\w*|deliver\\w*|invoic\\w*|get|gets|getting)';
/**
 * The work done through another channel: `on envoie les factures par mail aux clients`, `nous
 * prenons les commandes par téléphone`, `we're sending the invoices by email`, `we take bookings
 * over the phone`. Read only after a blocked statement of the body (priority-facts.ts), since a
 * channel alone describes how people work. Only a verb of the work (not telling or asking: `on a
 * prévenu le fournisseur par mail`, `I called your hotline by phone`, `nous avons demandé un
 * technicien par mail` report the problem). Not a message to the desk (`je vous envoie la
 * capture par mail`, `I'm sending you the logs by email`), a habit (`d'habitude on envoie par
 * mail`, `normally we send…`), a negation (`on ne peut plus envoyer par mail`), nor a clause that
 * goes on to say it is blocked too (read in priority-facts.ts).
 */
export const CHANNEL_WORKAROUND_CUES_7: readonly WorkaroundCue[] = [
  cue(
    'work-through-another-channel',
    `(?<!(?:\\b(?:normalement|d'habitude|habituellement|usually|normally|always|toujours|generally|generalement|d'ordinaire|de|d'|a|pour)|\\b\\w+ez|[-']) )(?<![-'])(?:\\b(?:on|je|we|i|we'?re|i'?m|we are|i am) |\\bnous (?=${FIRST_PLURAL})|\\bj')(?:${DOING_WORD} ){0,2}?${CHANNEL_WORK_VERB}\\b(?: ${DOING_WORD}){0,5}? ${CHANNEL}\\b`,
    { negation: 'cancels', wayAround: 'inferred' },
  ),
];

/** What the desk is asked to set aside: the earlier question, the request, the quote… */
const SET_ASIDE =
  "(?:forget(?: about)?|ignore|disregard|never ?mind|drop|park|shelve|skip|put (?:aside|on hold)|set aside|hold off(?: on)?|leave(?: aside)?|oubliez|oublie|ignorez|laissez(?: tomber| de cote)?|mettez (?:de cote|en attente|en pause)|annulez|zappez|ne tenez pas compte (?:de|du|des|d')|laissons(?: tomber| de cote)?)";
const FOR_NOW =
  "(?:for now|for the time being|for the moment|for today|meanwhile|in the meantime|pour l'instant|pour le moment|pour aujourd'hui|en attendant|entre-temps)";

/**
 * A time phrase that sets a request aside: `forget the quota question for now`, `oubliez ma
 * demande de devis pour l'instant`, `pour le moment, laissez tomber le devis`, `never mind the
 * printer for now`. What the client asks the desk to drop is not a way of carrying on: it cancels
 * the workaround phrase it overlaps (priority-facts.ts). Said of the client's own work (`on laisse
 * le scanner de côté et on saisit à la main pour l'instant`), the way of carrying on is in another
 * clause and still counts.
 */
/** A word of what is set aside: not a conjunction, after which the client says what they do. */
const ASIDE_WORD = `(?!(?:et|and|mais|but|puis|then|so|donc|we|on|nous|i|je)\\b)${WORD}`;
export const SET_ASIDE_CUES_7: readonly Cue[] = [
  cue(
    'set-aside-for-now',
    `(?<!\\b(?:we|i|they|on|nous|je|j'|il|elle|ils|elles) )\\b${SET_ASIDE}(?: ${ASIDE_WORD}){0,6}? ${FOR_NOW}\\b|\\b${FOR_NOW},? (?:please |merci de |svp )?${SET_ASIDE}\\b`,
  ),
];
