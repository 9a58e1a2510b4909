/**
 * General readings added after issue 11's blind holdout9 and holdout11: a way of carrying on that has
 * run out (`we were using paper labels but we've run out`), the workaround named as the subject of a
 * blocked verb (`le contournement que vous m'aviez donné … ne fonctionne plus`), the fallback that
 * fails said through a pronoun (`I took the spare one but its battery is dead`), the work carried on
 * from another device or place (`je travaille depuis la tablette`, `I go work from the coworking`),
 * over mobile data (`on se met en 4G`), or by radio (`on demande la position aux chauffeurs par
 * radio`), a way of carrying on under a wish (`I'd love to tell you what we're doing instead`), a cut
 * announced for a day to come (`EDF coupe le courant samedi`), a problem that bothers nobody (`ça ne
 * gêne personne`), a system that fell (`le serveur est tombé`) and print-outs that no longer come
 * out (`les bons ne sortent plus`).
 * Each family is stated with new sentences in test/unit/triage/priority-general-readings-9.test.ts.
 * Written against folded text (text-normalize.ts). docs/triage.md, "General readings (issue 11,
 * after the blind holdout9 and holdout11)".
 */
import { type Cue, cue, type WorkaroundCue } from './priority-vocabulary';

/** A word of a phrase: no punctuation, so the reading stays in one clause. */
const WORD = '[^\\s.!?;,:()]+';

/**
 * A supply that has run out: `we've run out of those now`, `we ran out`, `none left`, `on n'en a
 * plus`, `il n'en reste plus`, `le stock est épuisé`, `on est à court`. Said after a way of carrying
 * on (in its sentence or the next: priority-facts.ts), the way has run out: it failed; `épuisé` only
 * with a stock or a pronoun as its subject (`le rouleau de la caisse est épuisé` is a supply of the
 * stopped tool, not of the way). Alone (`we've
 * run out of toner, can you order some?`) it is a request, no fact. Not time (`we ran out of time`).
 */
export const RUN_OUT_CUES_9: readonly Cue[] = [
  cue(
    'way-has-run-out',
    "\\b(?:(?:have|has|'ve|'s|had|just) )?(?:run|ran|running) out\\b(?! of (?:time|patience|ideas)\\b)|\\b(?:used|using) (?:them |it |those |these |all )*up\\b|\\b(?:none|nothing|no more|not (?:one|any)(?: more)?) left\\b|\\b(?:n'en|en) (?:a|avons|ai|ont|reste) (?:plus|pu)\\b|\\b(?:y|il n'y) en a (?:plus|pu)\\b|\\b(?:le stock|les stocks|la reserve|les reserves|tout|ils|elles|ceux-ci|celles-ci) (?:est|sont) (?:(?:deja|maintenant|tous|toutes) )?epuisee?s?\\b|\\b(?:est|sommes|suis|etes) a court\\b",
  ),
];

/**
 * The workaround or the fix given, as a subject (`le contournement que vous m'aviez donné (passer
 * par le navigateur) ne fonctionne plus`, `the workaround you sent no longer works`): a blocked
 * statement after it, with only a relative clause or a parenthesis between, says it failed
 * (priority-facts.ts, like a fallback as the subject).
 */
export const WORKAROUND_SUBJECT_9 =
  /\b(?:(?:la |une |votre |ta )?(?:solution de )?contournement|(?:la |votre )?(?:solution|manip|manipulation|astuce|procedure) (?:provisoire|temporaire|de secours|de depannage)|(?:the |your |that |this )?(?:workaround|temporary fix|quick fix|temporary solution))\b/gu;

/**
 * After a fallback, a contrast and a pronoun that points back to it (`the spare one but its
 * battery is dead`, `le poste de secours mais il ne démarre pas`): the blocked statement is the
 * fallback's, not another subject's (priority-facts.ts).
 */
export const BACK_TO_FALLBACK =
  /\b(?:but|and|mais|et) (?:then |alors |du coup )?(?:its|it|it's|this one|that one|the battery|il|elle|sa|son|ses|lui|celui-ci|celle-ci|celui-la|celle-la|la batterie)\b/gu;

/** A device or a place the work can be carried on from, other than the usual workstation. */
const ELSEWHERE =
  "(?:(?:la |le |l'|ma |mon |une? |the |a |my |our |notre |nos |des |de la |du )?(?:tablette|ipad|portable|ordi portable|pc portable|telephone|tel|smartphone|mobile|laptop|tablet|phone|coworking|co-working|maison|domicile|home|agence de \\S+|autre agence|autre bureau|autre site|bibliotheque|mediatheque|cafe|hotel|library|other office|other branch|other site|hotspot))";
/** The writer's verbs of the work, French and English (`je bosse`, `I go work`, `we're working`). */
const WORK_VERB =
  "(?:travaille|travaillons|bosse|bossons|work|working|go work|go and work|am working|are working|'m working|'re working|do my work|do the work|fais mes \\S+|fait les \\S+|fais les \\S+)";
/** Mobile data as the connection: a way of carrying on when the wired one is down. */
const MOBILE_DATA =
  "(?:(?:en|par) (?:la |le )?(?:4g|5g|3g|partage de connexion|point d'acces|hotspot|reseau mobile)|sur (?:la |le )?(?:4g|5g|3g|partage de connexion|point d'acces|hotspot|reseau mobile|data)|(?:on|over|via|using|through) (?:the |our |my |their )?(?:4g|5g|3g|mobile data|hotspot|phone'?s? (?:data|hotspot|connection)|tethering)|(?:partage|partagent|partageons) (?:la |leur |sa |ma |notre )?connexion|(?:tether|tethering|hotspotting))";
/** Radio as the channel: the work done by talking to the people on the field. */
const BY_RADIO =
  '(?:par (?:la )?(?:radio|talkie(?:-walkie)?|vhf|cibi)|(?:a|sur) la (?:radio|vhf)|au talkie(?:-walkie)?|by (?:radio|walkie-talkie|walkie)|(?:over|on) the (?:radio|walkie-talkie|walkie|vhf))';

/** A word before the radio: not hearing news on it (`on a entendu à la radio`, `I heard on the radio`). */
const RADIO_WORD = `(?!(?:heard|hear|hears|entendu|entend\\w*|annonc\\w*|dit|said|says|listen\\w*|ecout\\w*)\\b)${WORD}`;

/**
 * The work carried on another way, read only after a blocked statement of the body (like the
 * channel of holdout8, priority-facts.ts: before any fault they describe how people work):
 * - from another device or place: `je travaille depuis la tablette`, `I go work from the coworking
 *   until it's fixed`, `je bosse depuis la maison`;
 * - over mobile data: `les animateurs se mettent en 4G sur leur tel`, `on passe par le partage de
 *   connexion`, `we're on the 4G hotspot`;
 * - by radio: `on demande la position aux chauffeurs par radio`, `we guide the drivers by radio`.
 * Not negated (`je ne peux pas travailler depuis la tablette`), not a time (`je travaille depuis ce
 * matin`: `depuis` before a time is "since"), not blocked too in its sentence (`on passe en 4G mais
 * ça ne passe pas non plus`).
 */
export const ELSEWHERE_WORKAROUND_CUES_9: readonly WorkaroundCue[] = [
  cue(
    'work-from-elsewhere',
    `(?:\\b(?:je|on|nous|i|we|i'?m|we'?re|i am|we are)|\\bj')(?: ${WORD}){0,2}? ${WORK_VERB}(?: ${WORD}){0,3}? (?:depuis|sur|from|on|at|au|a la|chez|a) ${ELSEWHERE}\\b`,
    { negation: 'cancels', wayAround: 'inferred' },
  ),
  cue(
    'mobile-data',
    `\\b(?:(?:se |me |nous |on )?(?:mettent|met|mets|mettons|passe|passent|passons|bascule|basculent|basculons|connecte|connectent|connectons|travaille|travaillent|travaillons|bosse|bossent|fait|font|using|use|uses|we'?re|i'?m|they'?re|are|am|is|working|work|switched|switch|connected|connect|went|go|going|tethered|tether)(?: ${WORD}){0,4}? ${MOBILE_DATA})`,
    { negation: 'cancels', wayAround: 'inferred' },
  ),
  cue(
    'work-by-radio',
    `(?:\\b(?:on|nous|je|we|i|we'?re|i'?m|we are|i am)|\\bj')(?: ${RADIO_WORD}){1,6}? ${BY_RADIO}`,
    { negation: 'cancels', wayAround: 'inferred' },
  ),
];

/**
 * A way of carrying on under a wish or a hypothesis is none in use: `I'd love to tell you what
 * we're doing instead`, `I wish we could use another PC`, `j'aimerais pouvoir travailler sur un
 * autre poste`, `si seulement on avait un autre poste`. Looked for before the workaround phrase in
 * its clause (priority-facts.ts). The wish in another clause (`I'd love a fix; we're writing the
 * orders by hand instead`) leaves the way stated.
 */
const WISH = String.raw`(?:\b(?:i'?d|i would|we'?d|we would|id|wed) (?:love|like|prefer|rather|be happy|be glad)|\bi wish|\bwe wish|\bif only|\bif (?:i|we) (?:could|had)|\bj'aimerais|\bj'aurais aime|\bje voudrais|\bnous aimerions|\bnous voudrions|\bon aimerait|\bon voudrait|\bsi seulement|\bsi (?:on|nous|je|j') (?:pouvait|pouvions|pouvais|avait|avions|avais))`;
export const WISH_BEFORE_9 = new RegExp(`${WISH}(?: [a-z'-]+){0,8}? ?$`, 'u');
/** The same wish opening the workaround phrase itself (`j'aimerais … à la place`). */
export const WISH_OPENS_9 = new RegExp(`^${WISH}`, 'u');

/**
 * A cut announced for a day or a time to come is no block now: `EDF coupe le courant samedi de 7h à
 * 12h`, `le réseau sera coupé demain`, `coupure de courant prévue lundi`, `the power will be cut on
 * Saturday`, `a planned outage next week`. It cancels the blocked word it overlaps (priority-facts.ts).
 * Not a cut that happened (`EDF a coupé le courant samedi`, `le courant est coupé depuis samedi`).
 */
const DAY_TO_COME =
  '(?:(?:ce |cette |le |la )?(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|week-end|weekend|nuit)(?! dernier| derniere| passe)|demain|apres-demain|la semaine prochaine|le mois prochain|(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche) prochain|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|(?:this|next|on) (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekend|week)|tomorrow|tonight|(?:le|du|on the) \\d{1,2}(?:er|st|nd|rd|th)?\\b)';
/** A word between the cut and its day: not `depuis`/`since`, which makes the day the cut's start. */
const CUT_WORD = `(?!(?:depuis|since|hier|yesterday|ce matin|this)\\b)${WORD}`;
export const PLANNED_CUT_CUES_9: readonly Cue[] = [
  cue(
    'cut-to-come',
    `(?<!\\b(?:a|ont|avait|avaient|est|sont|etait|etaient|ete|has|have|had|was|were|been|is|are) )\\b(?:coupe|coupent|coupera|couperont|va couper|vont couper|sera coupee?|seront coupee?s|will cut|will be cut|is cutting|are cutting|is going to cut|are going to cut|(?:coupure|interruption|outage|shutdown|cut|maintenance)s?(?: ${WORD}){0,3}? (?:prevue?s?|programmee?s?|planifiee?s?|annoncee?s?|planned|scheduled|announced)|(?:planned|scheduled) (?:power |network |internet )?(?:cut|outage|shutdown|maintenance)s?)(?: ${CUT_WORD}){0,6}? ${DAY_TO_COME}`,
  ),
];

/**
 * A problem that bothers nobody: `ça ne gêne personne pour s'entraîner`, `ce souci ne dérange
 * personne`, `it doesn't bother anyone`, `it doesn't stop anybody working`, `nobody is bothered by
 * it` (the form without `ne` is read in priority-vocabulary.ts). Not `personne d'autre` (one user
 * alone), not the others without the writer (`ça ne gêne personne sauf moi`).
 */
export const GENERAL_NOT_BLOCKED_CUES_9: readonly Cue[] = [
  cue(
    'bothers-nobody',
    "\\b(?:ca|cela|ce souci|ce probleme|ce bug|ce defaut|le souci|le probleme|le bug|le defaut|ce n'est|c'est) (?:ne |n')(?:bloque|gene|derange|empeche|impacte|affecte|penalise|handicape|embete)(?: (?:vraiment|du tout|en rien))? personne\\b(?! (?:d'autre|sauf|a part|excepte))|\\b(?:it|this|that|the problem|the issue)(?: really)? (?:doesn'?t|does not|won'?t|will not) (?:bother|affect|stop|block|disturb|hinder|impact) (?:anyone|anybody)\\b(?! (?:but|except|else))",
  ),
];

/**
 * A system that fell, spoken French's `tomber` for "go down": `le serveur est tombé`, `le réseau
 * est encore tombé`, `internet vient de tomber`, `la messagerie est tombée cette nuit`. Only a
 * system as the subject (not `je suis tombé sur un message`, `la facture tombe le 5`, `c'est tombé
 * en marche`); and print-outs that no longer come out, with or without `ne` (`les bons de
 * préparation ne sortent plus`, `les étiquettes sortent plus`).
 */
const SYSTEM =
  '(?:serveurs?|reseau|internet|connexion|site(?: web| internet)?|messagerie|systeme|liaison|ligne|box|wifi|vpn|logiciel|appli(?:cation)?|base(?: de donnees)?|standard|erp|intranet|extranet|portail|cloud|nas|fibre)';
export const GENERAL_BLOCKED_CUES_9: readonly Cue[] = [
  cue(
    'system-fell',
    // The system as the subject, not a complement (`la facture du serveur tombe le 5`).
    `(?<!\\b(?:du|des|au|aux|of|of the|de|de la|de l') |\\b(?:d'|de l'))\\b${SYSTEM}(?: (?:de|du|des|d'|de l')(?: ?${WORD}){1,2})?(?: (?:est|sont|a|ont|vient de|viennent de))?(?: (?:encore|de nouveau|a nouveau|completement|totalement))? (?:tombee?s?|tomber|tombe|tombent)\\b(?! (?:sur|d'accord|a pic|a l'eau|juste|bien|dans|en marche|malade)\\b)`,
    { negation: 'cancels' },
  ),
  // Spoken French drops the `ne` of `on ne voit plus où sont les taxis`: `on voit plus les
  // camions`, `le PC trouve plus l'imprimante` (the form with `ne` is read in
  // priority-vocabulary-general.ts). Not `on voit plus de clients` (more), `plus souvent`, `plus clair`.
  cue(
    'fr:sees-no-more-without-ne',
    "\\b(?:on|ils|elles|il|elle|(?:le|la|les|l'|mon|ma|notre) ?[^\\s.!?;,:()]+) (?:voit|voient|trouve|trouvent|detecte|detectent|reconnait|reconnaissent) (?:plus|pu)\\b(?! (?:de |d'|que|qu'|grand|mal|bien|trop|clair|loin|souvent|tard|tot|ou moins|rien a)\\b)",
    { negation: 'cancels' },
  ),
  cue(
    'print-outs-no-longer-come-out',
    "\\b(?:bons?|tickets?|etiquettes?|factures?|impressions?|documents?|commandes?|recus?|releves?|fiches?|rapports?|bordereaux|bulletins?|badges?|listings?|papiers?)(?: (?:de|du|des|d')(?: ?[^\\s.!?;,:()]+){1,2})? (?:ne |n')?(?:sort|sortent)(?: (?:toujours|encore|meme))? (?:plus|pas|pu)\\b(?! (?:que|de |d'|mal|vite|tot|tard|souvent)\\b)",
  ),
];
