/**
 * General readings added after issue 11's blind holdout6: a verb of the work with `plus rien`
 * (`on ne facture plus rien`, without `ne` too), a tool that shows empty work (`affiche une liste
 * vide`, `shows a blank rota`), `bloquer` a time slot (a booking, not a block), the fault spread
 * to every device (`maintenant c'est tous les postes`), people paying another way meanwhile
 * (`customers pay by cheque until it's fixed`), a change told with a past date (history, not a
 * way of carrying on), an English or French sentence whose subject is dropped (`cant print since
 * 8`: the writer), a frequency (`toutes les deux minutes`) that is no group, other places that
 * work (`les autres sites fonctionnent`) that say nothing about one user, and a stand-in while
 * the usual tool is repaired. Each family is stated with new sentences in
 * test/unit/triage/priority-general-readings-5.test.ts. Written against folded text
 * (text-normalize.ts). docs/triage.md, "General readings (issue 11, after the blind holdout6)".
 */
import { type Cue, cue, type WorkaroundCue } from './priority-vocabulary';
import { UNTIL_FIXED } from './priority-vocabulary-general-3';

/** A word of a phrase: no punctuation, so the reading stays in one clause. */
const WORD = '[^\\s.!?;,:()]+';

/** Verbs of the work itself (not of understanding or feeling): what a team does all day. */
const FR_WORK_VERB =
  '(?:encaiss|vend(?!redi)|factur|imprim|envoi|envoy|recoi|recev|livr|expedi|scann|enregistr|valid|sort|produi|fabriqu|saisi|telecharg|synchronis|delivr|transmet|transmett)\\w*';
/** What a machine puts out: `elle sort rien` is a fault even without `plus`. */
const FR_OUTPUT_VERB = '(?:sort|imprim|recoi|recev|enregistr|synchronis|telecharg)\\w*';
const EN_WORK_VERB =
  '(?:selling|printing|sending|receiving|shipping|scanning|processing|invoicing|billing|syncing|loading|dispatching|delivering|issuing|taking payments)';

/** What the work is read from: a list, a route, a rota, a record (not a list of errors). */
const WORK_DATA =
  '(?:listes?|lists?|tournees?|routes?|rotas?|plannings?|schedules?|agendas?|calendars?|calendriers?|pages?|ecrans?|screens?|dossiers?|folders?|fiches?|records?|manifests?|catalogues?|catalogs?|journees?|registres?|registers?|tableaux?|dashboards?|inbox(?:es)?|mailbox(?:es)?|boites? de reception|bases?|databases?|resultats?|results?|fenetres?|windows?|commandes?|orders?|bons?|ordonnances?|prescriptions?)';

/** Lists whose emptiness is good news or nothing: errors, alerts, the trash. */
const NOT_WORK =
  '(?:erreurs?|errors?|alertes?|alerts?|warnings?|anomalies?|incidents?|rejets?|corbeilles?|trash|bin|spam|indesirables|notifications?)';
const NOT_WORK_DATA = `(?!(?:d'|des? |of )?${NOT_WORK}\\b)`;
/** An empty plan for the future is not filled in yet (`un planning vide pour la semaine prochaine`). */
const FUTURE = '(?:next|prochaine?s?|a venir|upcoming|suivante?s?|coming|demain|tomorrow)';
const NOT_FUTURE = `(?!(?: ${WORD}){0,4}? ${FUTURE}\\b)`;
const NOT_FUTURE_WORD = `(?!${FUTURE}\\b)`;
/** After the list: `an empty list of notifications`, `une liste vide d'alertes`. */
const NOT_OF_WORK = `(?! (?:of (?:the |new )?|d'|de |des )${NOT_WORK}\\b)`;

export const GENERAL_BLOCKED_CUES_5: readonly Cue[] = [
  // `on n'encaisse plus rien`, `on facture plus rien` (no `ne`), `elle sort rien`, `we're not
  // selling anything since noon`: nothing of the work gets done any more. A change (`plus`), or a
  // machine's output; not a description of the business (`nous ne vendons rien en ligne`, `we're
  // not selling anything online`), a restriction (`on n'encaisse plus rien en chèque`), nor `rien
  // d'autre`, `rien de spécial`.
  cue(
    'fr:work-verb-nothing',
    `\\b(?:ne |n')?(?:${FR_WORK_VERB} (?:plus|pu)(?: jamais)?|${FR_OUTPUT_VERB}(?: jamais)?) rien\\b(?! (?:d'|de |a signaler|que\\b|en |par |sans ))`,
  ),
  cue(
    'en:work-verb-nothing',
    `\\b(?:(?:(?:we|i|they|it)(?:'re|'m| are| am| is|'s) not|(?:we|i|they) (?:aren'?t|can'?t|cannot)|(?:it|that) isn'?t) ${EN_WORK_VERB} anything(?! (?:else|special|unusual|new|wrong)\\b)(?: ${WORD}){0,3}? (?:since|today|tonight|this morning|this afternoon|right now|at the moment|anymore|any more|at all)|(?:we|i|they|it) (?:are |is |am |'re |'s |'m )?no longer ${EN_WORK_VERB} anything)\\b`,
  ),
  // A tool that shows empty work: `les terminaux affichent une tournée vide`, `l'agenda affiche
  // des journées vierges`, `the app shows an empty list`, `displays a blank rota`. Not an empty
  // list of errors, alerts or pending items (`la file des erreurs est vide` is good news).
  cue(
    'shows-empty-work',
    `\\b(?:affich\\w*|montr\\w*|renvoi\\w*|show(?:s|ed|ing)?|display(?:s|ed|ing)?|return(?:s|ed|ing)?|load(?:s|ed|ing)?|comes? up with|came up with) (?:une |un |des |la |le |les |l'|an |a |the |only |just |que |plus qu'une? )?(?:(?:empty|blank|vides?|vierges?|blanches?) (?:${NOT_WORK_DATA}${WORD} )?${WORK_DATA}\\b${NOT_OF_WORK}|${WORK_DATA}(?: ${NOT_WORK_DATA}${WORD}){0,3}? (?:vides?|vierges?|blanches?|empty|blank)\\b${NOT_OF_WORK})${NOT_FUTURE}`,
  ),
  // The same, said as a state: `la liste des rendez-vous est vide sur tous les postes`, `the
  // delivery list is empty on every tablet`. Not a list of errors (`la liste des erreurs est
  // vide`), nor a plan for the future (`le planning de la semaine prochaine est vide`).
  cue(
    'work-is-empty',
    `\\b${WORK_DATA}(?: ${NOT_WORK_DATA}${NOT_FUTURE_WORD}${WORD}){0,4}? (?:est|sont|reste|restent|is|are|stays|remains|s'affiche|s'affichent|appara\\w+|comes up|come up) (?:completement |totalement |toujours |encore |still |completely |now |maintenant |desormais )?(?:vides?|vierges?|empty|blank)\\b${NOT_OF_WORK}${NOT_FUTURE}`,
  ),
];

/** Times and bookings that `bloquer` reserves: a slot, a day, a room. */
const FR_BOOKED =
  '(?:creneaux?|dates?|journees?|matinees?|apres-midi|soirees?|semaines?|plages?(?: horaires?)?|horaires?|rendez-vous|rdv|agendas?|salles?|chambres?|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)';
/** The times alone, for the passive (`le créneau de 14h est bloqué pour vous`). */
const FR_TIME = '(?:creneaux?|dates?|journees?|matinees?|apres-midi|soirees?|plages? horaires?)';
const EN_BOOKED =
  '(?:slots?|time ?slots?|times?|dates?|days?|mornings?|afternoons?|evenings?|weeks?|calendars?|diar(?:y|ies)|hours?|monday|tuesday|wednesday|thursday|friday|saturday|sunday)';

/**
 * `j'ai bloqué le créneau de jeudi`, `nous avons bloqué la matinée pour l'intervention`, `le
 * créneau de 14h est bloqué pour vous`, `I've blocked out Thursday afternoon`: a booking, not a
 * blocked client. It cancels the blocked reading it overlaps and denies nothing else in the mail
 * (read in priority-facts.ts with the good news about errors). A duration is the other sense
 * (`j'ai bloqué toute la journée sur ce bug`: stuck all day), so no `toute la`, no count of hours;
 * a person or a thing blocked (`je suis bloquée`, `mon compte est bloqué`) has no booked object.
 */
export const OTHER_SENSE_CUES_5: readonly Cue[] = [
  cue(
    'booked-a-slot',
    `\\b(?:j'ai|on a|nous avons|j'avais|nous avions|je vais|on va|nous allons|pouvez-vous|pourriez-vous|merci de|je|nous|on) (?:deja |bien |aussi |donc )?bloque\\w* (?:le |la |les |l'|un |une |des |mon |ma |mes |notre |nos |votre |vos |ce |cet |cette )?${FR_BOOKED}\\b|\\b${FR_TIME}(?: ${WORD}){0,4}? (?:est|sont|a ete|ont ete|reste|restent) (?:bien |deja )?bloquee?s? (?=pour\\b|dans l'agenda|sur l'agenda|sur le planning|au planning)`,
  ),
  cue(
    'en:booked-a-slot',
    `\\b(?:i'?ve|i have|we'?ve|we have|i|we|i'?ll|we'?ll|i will|we will|please|can you|could you) (?:already |also )?block(?:ed)? (?:out |off )?(?:the |a |an |my |our |your |this |that |next |all of )?${EN_BOOKED}\\b`,
  ),
];

/** Devices each in a person's hands: a fault on every one of them is on every person's work. */
const FR_STATIONS =
  '(?:caisses?|postes?|pcs?|ordis?|ordinateurs?|terminaux|terminal|tablettes?|telephones?|imprimantes?|machines?|comptoirs?|guichets?|lecteurs?|scanners?|balances?|sessions?|comptes?)';
const EN_STATIONS =
  '(?:tills?|registers?|pcs?|computers?|terminals?|tablets?|phones?|printers?|machines?|workstations?|laptops?|counters?|desks?|scanners?|readers?|sessions?|accounts?)';

/**
 * The fault spread to every device: `maintenant c'est toutes les caisses`, `c'est pareil sur tous
 * les postes`, `now it's every till`, `same on all the PCs`. Read only in a mail where something
 * is blocked (priority-facts.ts), as several places; the person of the blocked statement still
 * decides when it names one (`je ne peux plus imprimer, c'est pareil sur tous les postes`).
 */
export const SPREAD_CUES_5: readonly Cue[] = [
  cue(
    'fault-spread-to-every-device',
    `\\b(?:c'est|c est|ca fait|ca le fait|pareil|idem|meme (?:chose|erreur|probleme|message)|it'?s|its|it is|same(?: thing| error| problem| issue)?)(?: (?:maintenant|desormais|now|aussi|also|too|pareil))?(?: (?:sur|on|avec|with|pour|for|a))? (?:tous les|toutes les|every|all (?:the |our |of the |of our )?|chaque|each) (?:${WORD} )?(?:${FR_STATIONS}|${EN_STATIONS})\\b`,
  ),
];

/** Means of payment a customer can use when the card terminal cannot take cards. */
const PAYMENT_MEANS =
  '(?:cash|cheques?|checks?|bank transfers?|transfers?|virements?|especes|en liquide|liquide|tickets? restaurant|qr ?codes?|paylib|lydia|wero|paypal|mobile money|payment links?|liens? de paiement)';
/** A time phrase that makes the payment means a stand-in: stated (WayAround). */
const MEANWHILE =
  "(?:for now|for the time being|meanwhile|in the meantime|en attendant|pour l'instant|pour le moment|entre-temps)";
/** `today` alone: the means is only inferred to stand in for the terminal. */
const TODAY = "(?:for today|today|aujourd'hui)";
const PAY_VERB =
  '(?:pay(?:s|ing|e|ent|er)?|paid|settl(?:e|es|ing)|regl\\w*|pai(?:e|ent|ement)|encaiss\\w*|accept\\w*|tak(?:e|es|ing)|prend\\w*)';
const PAY_VERB_AFTER_TIME =
  '(?:pay(?:s|ing|e|ent|er)?|paid|regl\\w*|pai(?:e|ent)|encaiss\\w*|accept\\w*|tak(?:e|es|ing)|prend\\w*)';
const BY = '(?:(?:in|by|en|par|with|avec|via) (?:a |an |the |le |la |les |un |une |des )?)?';
/** Paying by these means, with the time phrase after or before. */
const payingWhile = (time: string) =>
  `\\b${PAY_VERB}(?: ${WORD}){0,3}? ${BY}${PAYMENT_MEANS}\\b(?: ${WORD}){0,10}? ${time}|\\b${time},?(?: ${WORD}){0,4}? ${PAY_VERB_AFTER_TIME}(?: ${WORD}){0,3}? ${BY}${PAYMENT_MEANS}\\b`;

/**
 * People paying another way meanwhile: `customers are paying cash until it's fixed`, `les clients
 * règlent par chèque en attendant la réparation`, `on prend les espèces pour l'instant`. The
 * shop's work (being paid) goes on: a workaround. Negated (`customers can't pay cash until…`), it
 * is none. With `today` only (`we're taking cash today`), the stand-in is inferred.
 */
export const GENERAL_WORKAROUND_CUES_5: readonly WorkaroundCue[] = [
  cue('paying-another-way', payingWhile(`(?:${UNTIL_FIXED}|${MEANWHILE}\\b)`), {
    negation: 'cancels',
    wayAround: 'stated',
  }),
  cue('paying-another-way-today', payingWhile(`${TODAY}\\b`), { negation: 'cancels', wayAround: 'inferred' }),
];

/**
 * A change made long ago, told with its date (`everything was moved to the app in September`,
 * `on est passés au logiciel l'an dernier`, `two years ago`): history, not a way of carrying on
 * now. A month or a year alone may be ahead (`en attendant la réparation prévue en janvier`), so it
 * counts only after a verb of the past (`was moved`, `we switched`, `on a basculé`). Not a date the
 * way around started from (`since September we…`, `depuis l'an dernier`): the workaround is then
 * still in use. Tested on the clause of a workaround phrase.
 */
const PAST_VERB =
  '(?:was|were|been|had|did|moved|switched|migrated|changed|went|removed|stopped|replaced|dropped|scrapped|got rid|a ete|ont ete|avons|avez|ont|sommes|etions|etait|etaient|passee?s?|basculee?s?|migree?s?|supprimee?s?|retiree?s?|arretee?s?|changee?s?|remplacee?s?|abandonnee?s?)';
export const PAST_DATE = new RegExp(
  `(?<!\\b(?:since|depuis|from|des|starting) (?:the |le |la |l')?)\\b(?:${PAST_VERB}\\b(?: ${WORD}){0,8}? (?:in|en|back in|au mois de|au mois d') (?:january|february|march|april|may|june|july|august|september|october|november|december|janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre|19\\d\\d|20\\d\\d)|last (?:year|month|spring|summer|autumn|fall|winter|term)|(?:l'an|l'annee|le mois|l'ete|l'hiver|le printemps|l'automne|le trimestre) (?:dernier|derniere|passee?)|(?:\\d+|a|one|two|three|four|five|six|several|a few) (?:years?|months?) ago|il y a (?:\\d+ |un |une |deux |trois |quelques |plusieurs )?(?:ans?|annees?|mois))\\b(?!'s)`,
  'u',
);

/**
 * A sentence that opens on its verb, subject dropped (`cant log in since 7`, `tried again, same`,
 * `peux plus imprimer`): the telegraphic first person, the writer alone. Tested at the start of a
 * blocked sentence outside the subject line (a subject is a title, not a sentence).
 */
export const DROPPED_FIRST_PERSON =
  /^[\s,]*(?:cant|can't|cannot|can not|couldnt|couldn't|could not|unable to|not able to|locked out|tried|trying|need|needed|(?:ne |n')?peux|(?:ne |n')?suis|(?:n')?ai (?:pas|plus|pu|aucune?|toujours pas)|(?:n')?arrive (?:pas|plus|pu))\b/u;

/**
 * `toutes les deux minutes`, `tous les 3 jours`, `every two hours`: a frequency after a count or
 * a pair is no group of people. Tested on the text right after a several-users phrase.
 */
export const FREQUENCY_AFTER =
  /^ (?:\d+ |deux |trois |quatre |cinq |six |dix |quinze |vingt |trente |two |three |four |five |ten |fifteen |twenty |thirty )?(?:minutes?|mins?|mn|secondes?|seconds?|secs?|heures?|hours?|h|jours?|days?|semaines?|weeks?|mois|months?|ans|annees?|years?)\b/u;

/**
 * The usual tool is being repaired or stood in for (`une imprimante provisoire en attendant la
 * réparation de la nôtre`, `a loaner until ours is repaired`): a workaround in use then says the
 * usual way of working stopped, like the problem words of priority-vocabulary.ts.
 */
export const REPAIR_WORDS =
  /\b(?:repar\w*|repair\w*|depann\w*|provisoire\w*|temporaire\w*|temporary|de pret|loaner|loan unit|en sav|au sav)\b/u;
