/**
 * General readings added after issue 11's blind holdout12 and holdout13: Creole for "I can't" (`mi pé
 * pu ouvrir la caisse`), a fallback that fell too (`la 4G de secours est aussi tombée`), a denial
 * for the group (`none of us are blocked`), a tool working again or still working (`ça remarche`,
 * `still working ok for now`), nothing broken (`rather than anything that's broken`), a paper put
 * aside until the desk replies (`je mets la facture de côté en attendant votre retour`), nothing to
 * do meanwhile (`nothing we can do in the meantime`), nothing left to work with (`je n'ai plus rien
 * pour travailler`), a way of carrying on with its cost (`par téléphone en attendant mais c'est
 * long`), on paper (`the girls write the orders on the notebook`, `working from printouts`), on
 * another numbered station (`tout le monde passe par la caisse 2`, `on a déplacé les artistes dans
 * la cabine B`) or a colleague's (`il transmet depuis le poste de Jessica`), several stations
 * blocked (`les trois postes d'accueil ne peuvent plus`) and nobody at a place who can (`personne à
 * l'accueil peut faire les arrivées`).
 * Each family is stated with new sentences in test/unit/triage/priority-general-readings-10.test.ts.
 * Written against folded text (text-normalize.ts). docs/triage.md, "General readings (issue 11,
 * after the blind holdout12 and holdout13)".
 */
import { type Cue, cue, type WorkaroundCue } from './priority-vocabulary';
import { FALLBACK } from './priority-vocabulary-general-3';

/** A word of a phrase: no punctuation, so the reading stays in one clause. */
const WORD = '[^\\s.!?;,:()]+';

/**
 * Creole of La Réunion and the Antilles for "I / we can't": `mi pé pu ouvrir la caisse`, `mi pé pa
 * rentrer`, `mwen pa ka konekté`, `nou pa ka travay`. Read as a blocked statement of its speaker (`pa` may
 * arrive as `pas`: text-sms.ts spells out SMS French). Also people who no longer know what their work
 * needs (`les kinés ne savent pas quels patients arrivent`): `savent`, `sait`, not the writer's `je ne
 * sais pas` (a doubt), and not what happened (`we don't know what happened`).
 */
export const GENERAL_BLOCKED_CUES_10: readonly Cue[] = [
  cue('creole-cannot', '\\b(?:mi|moin|mwen|nou) (?:pe (?:pu|pas?|pi)|pas? (?:ka|pe|sa))\\b'),
  // `les kinés ne savent pas quels patients arrivent`, `the drivers don't know which rounds to do`:
  // people who can no longer know what their work needs, with or without `ne`.
  cue(
    'cannot-know-what',
    "\\b(?:ne |n')?(?:savent|savons|sait) (?:plus|pas) (?:quels?|quelles?|ou|quoi|lesquel\\w*)\\b|\\b(?:don'?t|do not|doesn'?t|does not|no longer) know (?:which|where|what) (?!(?:happened|is wrong|went wrong|caused)\\b)",
  ),
];

/**
 * A fallback said to have fallen too (`la 4G de secours est aussi tombée`, `the backup line is down
 * too`): the way of carrying on failed, like a fallback as the subject of a blocked verb.
 */
export const FALLBACK_FELL_CUES_10: readonly Cue[] = [
  cue(
    'fallback-fell-too',
    `\\b${FALLBACK}(?: ${WORD}){0,2}? (?:est|sont|a|ont|is|are|has|have|went) (?:aussi |egalement |lui aussi |elle aussi |also |too )?(?:tombee?s?|lache|coupee?s?|en panne|hs|hors service|down|dead|gone down|failed)\\b`,
  ),
];

/**
 * Not blocked:
 * - the group denied (`none of us are blocked here`, `personne n'est bloqué`): the negative
 *   quantifier before `blocked` says nobody is;
 * - working again said by the verb itself (`ça remarche ce matin`, `l'imprimante refonctionne`):
 *   round 3's works-again (priority-vocabulary-general-3.ts) wanted a time word after it
 *   (`maintenant`, `depuis 10h`); not under a condition or after `que` (`quand ça remarche`, `en
 *   attendant que ça remarche`);
 * - still working (`still working ok for now`, `ça marche encore`), not `encore moins`/`pas`, not
 *   in the past (`it was still working fine yesterday`);
 * - all running fine, or nothing broken (`everything's running nicely`, `rather than anything that's
 *   broken`).
 */
export const GENERAL_NOT_BLOCKED_CUES_10: readonly Cue[] = [
  cue(
    'nobody-blocked',
    "\\b(?:none of us|nobody|no one|no-one|personne|aucun d'entre nous)(?: here| ici)?(?: is| are| was| were|'s| 's| n'est| ne sont| n'a ete| n'etait) (?:actually |really |vraiment )?(?:blocked|stuck|affected|bloquee?s?|genee?s?)\\b",
  ),
  cue(
    're-verb-works-again',
    "(?<!\\b(?:si|quand|que|lorsque|if|when|once|until|till|as soon as) )(?<!\\bqu')\\b(?:ca|cela|tout|il|elle|(?:le|la|les) [a-z]+|l'[a-z]+) (?:remarche|remarchent|refonctionne|refonctionnent)\\b",
  ),
  cue(
    'still-working',
    '(?<!\\b(?:was|were) )\\bstill (?:working|works|running) (?:ok|okay|fine|normally)\\b|\\b(?:ca|cela|il|elle|tout) (?:marche|fonctionne|tourne) encore\\b(?! (?:moins|pas|mal)\\b)',
  ),
  cue(
    'nothing-broken',
    "\\b(?:everything|all|tout)(?:'s| is| est)? (?:running|working|marche|fonctionne|tourne) (?:nicely|smoothly|fine|well|bien|parfaitement)\\b|\\b(?:rather than|instead of|not) anything (?:that's |that is |which is )?(?:broken|wrong|down)\\b",
  ),
];

/**
 * A paper put aside until the desk replies (`je mets la facture de côté en attendant votre retour`,
 * `I'll put the invoice aside until you reply`): a request set aside, no way around a block.
 */
export const SET_ASIDE_CUES_10: readonly Cue[] = [
  cue(
    'put-aside-until-reply',
    `\\b(?:mets|met|mettons|mettre|laisse|laissons|garde|gardons)(?: ${WORD}){0,3}? de cote\\b|\\b(?:put|set|keep|hold)(?: ${WORD}){0,3}? (?:aside|on hold)\\b`,
  ),
];

/**
 * No way of carrying on, said outright:
 * - `nothing we can do in the meantime`, `nothing I can do until it's fixed`;
 * - nothing left to work with (`je n'ai plus rien pour travailler`, `nothing left to work with`):
 *   after a fallback, the last word that it is gone.
 */
export const NO_WORKAROUND_CUES_10: readonly Cue[] = [
  cue(
    'nothing-to-do-meanwhile',
    "\\bnothing (?:we|i|they|anyone|one|you) (?:can|could) do\\b(?:(?: [a-z']+){0,3}? (?:in the meantime|meanwhile|for now|for the moment))?",
  ),
  cue(
    'nothing-left-to-work-with',
    "\\b(?:je n'ai|j'ai|on n'a|on a|nous n'avons|n'ai|n'avons|jai) plus rien (?:pour|avec quoi) (?:travailler|bosser)\\b|\\bnothing (?:left )?to work (?:on|with)\\b",
  ),
];

/**
 * A way of carrying on said with its cost (`je commande par téléphone en attendant mais c'est
 * long`, `on passe par téléphone en attendant, mais on perd le suivi`): `en attendant` before a
 * `mais` is "meanwhile" (not "until", which takes a noun), so the way is in use; stated, like
 * every `en attendant` (priority-vocabulary.ts, WayAround).
 */
export const MEANWHILE_BUT_CUES_10: readonly WorkaroundCue[] = [
  cue('meanwhile-but', '\\ben attendant(?=,? (?:mais|but)\\b)', { wayAround: 'stated' }),
];

/** A station named by a number or a letter other than A: another one of the same kind. */
const NUMBERED_STATION =
  "(?:la |le |l'|the )?(?:caisse|poste|borne|cabine|salle|terminal|tpe|imprimante|till|register|station|booth|room|studio|pc|ordi|machine) (?:n° ?|no |numero |number )?(?:\\d{1,2}|[b-d])\\b";

/**
 * Read only after a blocked statement of the body, like the channels of holdout8 (priority-facts.ts):
 * - on paper: `the girls write the orders on the notebook`, `we note the bookings in a book`, `the
 *   therapists are working from printouts`;
 * - on another numbered station: `tout le monde passe par la caisse 2`, `on a déplacé les artistes
 *   dans la cabine B`, `we moved the sessions to room 3`;
 * - from a colleague's station: `il transmet ses déclarations depuis le poste de Jessica`, `she
 *   works from Paul's computer`.
 * All are inferred from what people do, not a workaround named.
 */
export const AFTER_BLOCK_WORKAROUND_CUES_10: readonly WorkaroundCue[] = [
  cue(
    'on-paper-instead',
    `\\b(?:write|writes|writing|wrote|note|notes|noting|jot|jots|jotting|take|takes|taking|log|logs|logging) (?:down )?(?:${WORD} ){0,3}?(?:on|in|into) (?:the |a |an |our |their )?(?:notebook|paper|pad|notepad|book|register|sheet|sheets|logbook|exercise book)\\b|\\b(?:working|work|works|serving|serve) (?:from|off) (?:the |some )?(?:printouts|print-outs|printed (?:copies|lists|sheets)|paper (?:copies|lists))\\b`,
    { wayAround: 'inferred' },
  ),
  cue(
    'another-numbered-station',
    `\\b(?:passe|passent|passons|on utilise|utilisent|utilisons|bascul\\w*|deplace\\w*(?: ${WORD}){0,3}?|go through|goes through|going through|use|uses|using|moved(?: ${WORD}){0,3}?|switched) (?:par |sur |dans |vers |to |on |into |onto )?${NUMBERED_STATION}`,
    { wayAround: 'inferred' },
  ),
  cue(
    'from-a-colleague-station',
    "\\bdepuis (?:le |l')(?:poste|pc|ordi|ordinateur) (?:de |d')(?!(?:travail|la|le|les|l|secours|rechange|bureau|accueil|caisse|direction)\\b)[a-z-]+\\b|\\bfrom [a-z]+'s (?:computer|pc|laptop|desk|workstation)\\b",
    { wayAround: 'inferred' },
  ),
];

/**
 * Several people, when something is blocked in the clause:
 * - several stations named with their number (`les trois postes d'accueil ne peuvent plus
 *   enregistrer`, `both tills are frozen`): a team's stations;
 * - nobody at a place who can (`personne à l'accueil peut faire les arrivées`, `personne au bureau
 *   n'arrive à se connecter`), with or without the `ne` that phone-typed French drops.
 */
export const SEVERAL_STATIONS_CUES_10: readonly Cue[] = [
  cue(
    'several-stations',
    '(?<!\\b(?:mes|my|ses|his|her|son|sa) )\\b(?:deux|trois|quatre|cinq|six|sept|huit|dix|both|two|three|four|five|six) (?:postes|caisses|pc|ordinateurs|ordis|terminaux|tablettes|bornes|tills|registers|stations|computers|workstations|pcs)\\b',
    { people: true },
  ),
];
export const NOBODY_AT_PLACE_CUES_10: readonly Cue[] = [
  cue(
    'nobody-at-place-can',
    "\\bpersonne (?:a|au|aux|de|dans|sur) (?:l'|la |le |les )?[a-z-]+ (?:ne |n')?(?:peut|peuvent|arrive|sait|a acces)\\b",
    { blocking: true, people: true },
  ),
];

/**
 * A way found (`we found we can see the bookings in the front desk PMS`, `on a trouvé un moyen de…`,
 * `j'ai trouvé une astuce`): the client says outright (stated) that they found a way of carrying on; not
 * what they found they cannot do (`we found we can't log in`).
 */
export const FOUND_A_WAY_CUES_10: readonly WorkaroundCue[] = [
  cue(
    'found-a-way',
    "\\b(?:we|i) (?:found|have found|'ve found|discovered) (?:out )?(?:that )?(?:we|i) (?:can|could)\\b(?!'t| not\\b| no longer\\b)|\\b(?:found|have found|'ve found) a way\\b|\\b(?:on a|j'ai|nous avons) trouve (?:un moyen|une (?:solution|astuce|parade)|qu'on (?:peut|pouvait)|que (?:je|nous) (?:peux|pouvons|pouvions))\\b",
    { wayAround: 'stated' },
  ),
];

/** A people word in the singular, for a role named as the subject (`notre comptable`). */
const ROLE =
  '(?:comptable|secretaire|gerante?|directeur|directrice|patron|patronne|assistante?|stagiaire|collegue|caissiere?|chauffeur|technicien|technicienne|infirmiere?|medecin|accountant|secretary|manager|assistant|colleague|receptionist|boss|bookkeeper)';

/**
 * One role named as the subject of the blocked verb (`notre comptable ne peut plus ouvrir le logiciel
 * de paie`, `our bookkeeper can't log in`): one person, like `ma collègue`; a group of people named
 * as blocked apart from them wins (priority-facts.ts, as for the round-8 one-user readings).
 */
export const ROLE_SUBJECT_CUES_10: readonly Cue[] = [
  cue(
    'one-role-blocked',
    `(?<!\\b(?:and|et|or|ou|with|avec|,) )\\b(?:notre|mon|ma|le|la|l'|our|my|the) ${ROLE} (?:(?:ne |n')?(?:peut|parvient|arrive) (?:plus|pas)|est bloquee?|can't|cannot|can no longer|is locked out|is stuck)\\b`,
  ),
];

/**
 * `c'est le seul poste où sont les fiches`, `the only PC with the licence`: "seul" said of a thing
 * is no person alone; removed before the person of a blocked statement is read (priority-facts.ts).
 */
export const SINGLE_THING_10 =
  /\b(?:le|la|l'|the) (?:seule?|only) (?:poste|pc|ordi|ordinateur|caisse|imprimante|machine|appareil|ecran|endroit|logiciel|fichier|terminal|tablette|telephone|serveur|acces|computer|printer|device|place|till|tablet|phone|server|copy|copie)\b/gu;

/**
 * A request that opens a question (`vous pouvez passer ?`, `can you look?`): in a run-on sentence
 * (phone-typed, no full stop), what comes before it is stated, not asked (priority-facts.ts).
 */
export const QUESTION_OPENS_10 =
  /\b(?:vous pouvez|tu peux|pouvez-vous|pourriez-vous|vous pourriez|est-ce que|est ce que|can you|could you|would you|is it possible|c'est possible)\b/u;
