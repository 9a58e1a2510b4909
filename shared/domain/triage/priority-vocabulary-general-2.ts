/**
 * General readings added after issue 11's blind holdout3: what counts as a workaround (a fallback
 * that is refused, missing or impossible is none), a cosmetic defect is not being blocked, the
 * others "not concerned" say one user, `plus aucun X marche` without `ne`. Each family is a kind of
 * expression, stated with new sentences in test/unit/triage/priority-general-readings-2.test.ts.
 * Written against folded text (text-normalize.ts). docs/triage.md, "General readings".
 */
import { type Cue, cue, type WorkaroundCue } from './priority-vocabulary';

/** Object pronouns between `ne` and the verb. */
const PRONOUNS = "(?:(?:me|te|se|nous|vous|le|la|les|lui|leur|y|en) |[mtsl]')*";
const FR_WORKS =
  '(?:accept\\w*|fonctionn\\w*|march\\w*|demarr\\w*|allum\\w*|ouvr\\w*|imprim\\w*|connect\\w*|repond\\w*|sort\\w*|charg\\w*|lanc\\w*|affich\\w*|recoi\\w*|recev\\w*|synchro\\w*|enregistr\\w*|peu\\w*|arriv\\w*)';
/** A fallback: the backup, the spare, the manual way, paper. */
const FALLBACK =
  '(?:de secours|de rechange|de repli|backup|spare|fallback|plan b|mode (?:manuel|degrade)|manual (?:\\S+ )?(?:process|mode|procedure|override))';

/** A fallback that fails, is refused, is missing or is impossible is no workaround. */
export const GENERAL_FAILED_FALLBACK_CUES: readonly Cue[] = [
  cue(
    'fallback-unusable',
    `\\b${FALLBACK}(?: [^\\s.!?;]+){0,4}? (?:(?:est|sont|is|are|was|were|has been|have been|a ete|ont ete|reste|restent|remains|seems|semble)(?: \\S+)? )?(?:introuvables?|egaree?s?|perdue?s?|refusee?s?|rejetee?s?|missing|lost|nowhere to be found|refused|rejected|declined|impossible|out of order|hs|dead|flat|empty|vide|dechargee?s?)\\b|\\b${FALLBACK}(?: [^\\s.!?;]+){0,4}? (?:n'est|ne sont|n'etait|ne marche|ne fonctionne|(?:est|sont|etait|marche|fonctionne)(?= (?:pas|plus) )|isn'?t|aren'?t|is not|are not|wasn'?t|was not|doesn'?t|does not|won'?t) (?:pas |plus |not |either |even )?(?:accepte\\w*|accepted|valide\\w*|valid|autorise\\w*|allowed|possible|utilisable|usable|available|disponible|work\\w*|pris\\w*|taken)?\\b`,
  ),
  cue(
    'fallback-not-found',
    `\\b(?:can'?t|cannot|can not|couldn'?t|could not|unable to) (?:even )?find (?:the |our |my |a |any )?(?:\\S+ )?(?:backup|spare|fallback)\\b|\\b(?:ne |n')?(?:trouve|trouvons|trouvent|retrouve|retrouvons) (?:pas|plus) (?:la |le |les |l'|notre |nos |mon |ma )?\\S+ ${FALLBACK}`,
  ),
  // The manual way that is impossible: `on ne peut pas le faire à la main`, `can't do it by hand`.
  cue(
    'manual-impossible',
    "\\b(?:ne |n')?(?:peu\\w*|pouv\\w*|arriv\\w*) (?:pas|plus|meme pas)(?: [^\\s.!?;,]+){0,6}? (?:a la main|manuellement|sur papier|en manuel)\\b|\\bimpossible (?:de |d')?(?:[^\\s.!?;,]+ ){0,6}?(?:a la main|manuellement|sur papier|en manuel)\\b|\\b(?:can'?t|cannot|can not|cant|couldn'?t|could not|unable to)(?: [^\\s.!?;,]+){0,6}? (?:by hand|manually|on paper)\\b",
  ),
  cue(
    'not-a-solution',
    "\\b(?:(?:ce |c')?(?:n')?est (?:pas|plus)|(?:that|this|it) (?:is not|isn'?t|'s not)|not) (?:vraiment |really |even )?(?:une? |an? )?(?:solution|option|workaround|viable)\\b",
  ),
];

/** Carrying on another way: `we're emailing them instead`, `found a way around it`, `we're managing`. */
export const GENERAL_WORKAROUND_CUES_2: readonly WorkaroundCue[] = [
  cue(
    'way-around',
    '\\b(?:found|find|have|got|figured out) (?:a |an |another )?(?:way|solution) (?:around|round)\\b|\\b(?:trouve|trouver) (?:une |un )?(?:parade|astuce|solution de contournement|moyen de contourner)\\b',
    { wayAround: 'stated' },
  ),
  cue(
    'instead',
    "\\b(?:we'?re|i'?m|we are|i am|they are|they'?re) [a-z]+ing\\b(?: [^\\s.!?;]+){0,6}? instead\\b|\\b(?:on|je|j'|nous|ils|elles) ?[^\\s.!?;]+(?: [^\\s.!?;]+){0,6}? a la place\\b(?! d)",
    { wayAround: 'inferred' },
  ),
  cue(
    'managing',
    "\\b(?:we'?re|i'?m|we are|i am) (?:managing|coping|getting by)\\b(?! (?:without|to))|\\b(?:on s'en sort|je m'en sors|nous nous en sortons|on s'en sortons)\\b",
    { wayAround: 'stated' },
  ),
  cue(
    'using-until-fixed',
    "\\b(?:using|use|utilis\\w*|on passe par|we go through) (?:it|that|this one|ca|cela|celui-ci|celle-ci) (?:until|till|en attendant|jusqu'a)\\b",
    { wayAround: 'stated' },
  ),
];

/** A cosmetic defect (an image, a logo, a colour that does not show) is not being unable to work. */
export const GENERAL_NOT_BLOCKED_CUES: readonly Cue[] = [
  cue(
    'cosmetic',
    "\\b(?:image|logo|icone|icon|photo|picture|font|police|couleur|colou?r|avatar|banniere|banner|emoji|mise en forme|formatting|layout|fond d'ecran|wallpaper|theme|apercu|preview|miniature|thumbnail)s?\\b(?: [^\\s.!?;,]+){0,4}? (?:(?:ne )?s'affich\\w* (?:pas|plus|mal)|(?:n')?apparai\\w* (?:pas|plus)|s'affich\\w* mal|est (?:flou|floue|decalee?|pixelisee?|deformee?)|(?:doesn'?t|does not|don'?t|do not|isn'?t|is not|aren'?t|are not|won'?t) (?:show|display|appear|look right|render)\\w*|(?:is|are|looks?) (?:wrong|off|blurry|pixelated|distorted|misaligned|squashed|stretched))",
  ),
];

/**
 * The others are not concerned: one user (`mes collègues ne sont pas touchés`, `the rest of the team work normally`);
 * spoken French drops the `ne` (`Mes collaborateurs sont pas concernés`, after holdout30).
 */
export const GENERAL_ONE_USER_CUES: readonly Cue[] = [
  cue(
    'others-not-concerned',
    "\\b(?:mes|les|nos|my|the|our) (?:autres )?(?:collegues|collaborat\\w+|associes|associees|coworkers|co-workers|colleagues|teammates|others|rest of the (?:team|office|staff))\\b(?: [^\\s.!?;]+){0,3}? (?:(?:ne )?sont (?:pas|aucunement)|(?:n')?est pas|are not|aren'?t|were not|weren'?t|is not|isn'?t) (?:du tout |at all )?(?:concerne\\w*|touche\\w*|impacte\\w*|affecte\\w*|gene\\w*|affected|impacted|concerned|bothered)\\b|\\b(?:ils|elles|they|the others|les autres|everyone else|tout le monde sauf moi) (?:travaillent|bossent|work|are working|keep working|carry on) (?:normalement|sans (?:souci|probleme)|normally|fine|as usual)\\b",
  ),
];

/** `plus aucun poste fonctionne`: informal French drops `ne`; the quantifier still carries the negation. */
export const GENERAL_SEVERAL_CUES_2: readonly Cue[] = [
  cue(
    'fr:plus-aucun-sans-ne',
    `\\bplus (?:aucune?|un seul|une seule) (?!(?:probleme|souci|doute|rush|urgence)s?\\b)[^\\s.!?;,]+(?: [^\\s.!?;,]+){0,2}? (?:ne |n')?${PRONOUNS}${FR_WORKS}`,
    { blocking: true },
  ),
];
