/**
 * General readings added after issue 11's blind holdout28 to holdout31: a way told in the past (`le
 * portable de secours qu'on utilisait`, `the loan laptop we were using`) then said to have stopped,
 * gone or failed, or counted among what fails (`même le comptoir 1 qu'on utilisait pour dépanner`);
 * a fallback that does not take over (`le routeur de secours ne prend pas le relais`); a way ruled
 * out before it is named (`the contract does not allow us to take calls on paper`, `on a pas de clé
 * pour l'ouvrir manuellement`); none of a group hindered (`Aucun de nos agents n'est gêné`); and
 * none of a group who can work, typed without `ne` (`aucune des filles peut faire les pointages`).
 * Each family is stated with new sentences in test/unit/triage/priority-general-readings-15.test.ts.
 * Written against folded text (text-normalize.ts). docs/triage.md, "General readings (issue 11,
 * after the blind holdout28 to holdout31)".
 */
import { type Cue, cue } from './priority-vocabulary';

/** A use told in the past: the relative clause says the way was used, not that it still is. */
const USED_IN_THE_PAST =
  "(?:qu['\\s]?on utilisait|que l['\\s]on utilisait|que nous utilisions|qu['\\s]?on prenait|que nous prenions|qui nous depannait|qui nous servait|we were using|we['\\s]?d been using|we had been using|we used to use|we were borrowing|that was helping us)";

/**
 * A way told in the past, then said in its sentence to have stopped, gone or failed (`Le portable de
 * secours qu'on utilisait vient de lâcher lui aussi`, `The loan laptop we were using for invoicing
 * went back to the hire company`), or counted with `même`/`even` among what no longer works (`plus
 * aucun poste n'imprime, même le comptoir 1 qu'on utilisait pour dépanner`): a way that ran out.
 * Read as failed (priority-facts.ts), so a way offered in the same sentence is no way in use. The
 * past use alone is no failure (`on utilisait le comptoir 1 et ça marche`: no stop word after it).
 */
export const WAY_USED_THEN_STOPPED_CUES_15: readonly Cue[] = [
  cue(
    'way-used-then-stopped',
    `\\b${USED_IN_THE_PAST}\\b[^.;!?\\n]{0,60}?\\b(?:vient de (?:lacher|tomber|rendre l'ame|planter|mourir)|a lache|a (?:ete )?rendue?|est (?:reparti|repartie|tombee?|mort|morte|hs)|(?:ne )?(?:marche|fonctionne|demarre|s'allume) plus|n['\\s]?(?:imprime|est) plus|(?:went|has gone|was sent|was taken) back|was returned|(?:has )?(?:died|broke|broken|stopped|gone|given up|gave up)|(?:doesn['\\s]?t|does not|won['\\s]?t|no longer) (?:work|start|boot|turn on))\\b`,
  ),
  // `the hand-written receipts we've been using are no longer an option - they won't accept them`,
  // `le papier n'est plus une solution`: a way that is no longer one.
  cue(
    'way-no-longer-an-option',
    "\\b(?:(?:is|are) no longer (?:an? )?(?:option|solution)s?|(?:n['\\s]?est|(?:ne )?sont) plus (?:une |des )?(?:option|solution)s?|(?:won['\\s]?t|will not|no longer|refuse to) accept (?:them|it|those|these)|(?:(?:ne )?les|(?:ne )?le|(?:ne )?la|n['\\s]?en) (?:acceptent|accepte|accepteront) plus)\\b",
  ),
  cue(
    'even-the-way-used',
    `\\b(?:meme|y compris|even|including) (?:[a-z0-9'-]+ ){1,5}?${USED_IN_THE_PAST}\\b`,
  ),
];

/**
 * A fallback that does not take over (`Le routeur de secours 4G ne prend pas le relais`, `n'a pas pris
 * le relais`, `the backup line didn't kick in`): the way that should carry on failed. A relay taken over is no failure (`la
 * 4G a pris le relais`: no negation).
 */
export const FALLBACK_NO_TAKEOVER_CUES_15: readonly Cue[] = [
  cue(
    'fallback-no-takeover',
    "\\b(?:(?:ne |n['\\s]?)?(?:prend|prennent|prenait) (?:pas|plus|jamais)|(?:n['\\s]?)?(?:a|ont|avait) (?:pas|jamais) pris) le relais\\b|\\b(?:doesn['\\s]?t|does not|didn['\\s]?t|did not|won['\\s]?t|will not|never) (?:kick in|take over|fail ?over|switch over)\\b",
  ),
];

/**
 * A way ruled out just before it is named, in its clause (`our client's contract does not allow us to
 * take calls on paper`, `on n'a pas le droit de faire les factures à la main`, `on a pas de clé pour
 * l'ouvrir manuellement`, `we have no key to open it by hand`), or no longer had (`We don't have the
 * planning on paper anymore`, `on n'a plus le planning sur papier`): the way is not in use, so no
 * workaround (priority-facts.ts reads it as none). A way allowed (`we are allowed to take calls on
 * paper`) stays in use, and a joining word ends the reach (`we don't have internet so we take orders on
 * paper`: the paper is in use).
 */
export const WAY_RULED_OUT_BEFORE_15 =
  /\b(?:(?:(?:does not|doesn['\s]?t|do not|don['\s]?t|won['\s]?t|will not) (?:allow|let|permit) (?:us|me|them)(?: to)?|(?:are|am|is|'re|'m) not (?:allowed|permitted) to|(?:n['\s]?a|n['\s]?avons|n['\s]?ont|a|avons|ont) pas le droit de|(?:n['\s]?)?est pas (?:autorise|permis) de|interdit de|(?:on (?:n['\s]?)?a pas|nous (?:n['\s]?)?avons pas|j['\s]?ai pas|je n['\s]?ai pas|il (?:n['\s]?)?y a pas|y a pas) (?:de |d['\s]?)[a-z'-]+ pour|(?:we have no|we don['\s]?t have (?:a|any)|there['\s]?s no|there is no) [a-z'-]+ (?:to|for))(?: (?!(?:so|donc|alors|and|et|mais|but|then|puis)\b)[a-z'-]+){0,4}|(?:we|i|they) (?:don['\s]?t|do not|no longer) have (?:the |our |any |a |their |my )?[a-z'-]+|(?:on (?:n['\s]?)?a|nous (?:n['\s]?)?avons|je n['\s]?ai|j['\s]?ai) plus (?:le |la |les |l['\s]|de |d['\s])?[a-z'-]+) ?$/u;

/**
 * None of a group said to be hindered (`Aucun de nos agents n'est gêné dans son travail`, `none of
 * our staff is affected`): the issue's own example of polarity, no one blocked. A group that is
 * (`tous nos agents sont gênés`) has no negation and stays blocked.
 */
export const NONE_HINDERED_CUES_15: readonly Cue[] = [
  cue(
    'none-of-us-hindered',
    "\\b(?:aucune? (?:de (?:nos|mes|vos|ses|leurs|ces) [a-z-]+|d'entre (?:nous|eux|elles)|des [a-z-]+)|none of (?:us|them|our [a-z-]+|the [a-z-]+)) (?:(?:n['\\s]?)?est|(?:n['\\s]?)?a ete|(?:n['\\s]?)?etait|is|was|has been|are|were|have been) (?:gene|genee|bloque|bloquee|impacte|impactee|affecte|affectee|empeche|empechee|affected|blocked|impacted|hindered|bothered|stuck|held up)\\b",
  ),
];

/**
 * None of a group who can do their work, typed without `ne` (`aucune des filles peut faire les
 * pointages`, `aucun de nos gars peut badger`): several people blocked, like round 4's `aucun des …
 * ne peut` (the dropped `ne` is spoken French). Things stay things (`aucune des caisses peut`: a
 * device, no person).
 */
export const NONE_OF_THEM_CAN_CUES_15: readonly Cue[] = [
  cue(
    'fr:aucun-des-peut-sans-ne',
    '\\baucune? (?:des|de nos|de mes|de ces) (?!(?:postes?|caisses?|machines?|imprimantes?|ordinateurs?|pc|ecrans?|fichiers?|documents?|pages?|terminaux|terminal|badges?|cartes?|comptoirs?|telephones?|tablettes?)\\b)[a-z-]+ (?:peut|peuvent|arrive a|arrivent a|a pu|ont pu) (?!pas\\b|plus\\b)',
    { blocking: true, people: true },
  ),
];

/**
 * The writer saying she can work (`je peux travailler sans souci`, `I can still work normally`): not
 * blocked, whatever the subject's error says. Said of the writer's work, not of a device (`le poste
 * fonctionne normalement` may sit beside a block elsewhere), and not with an exception after it (`je
 * peux travailler normalement sauf pour imprimer` stays blocked).
 */
export const CAN_WORK_CUES_15: readonly Cue[] = [
  cue(
    'writer-can-work',
    "\\b(?:je peux|j'arrive a|on peut|nous pouvons|i can|we can|i['\\s]?m able to|we['\\s]?re able to) (?:quand meme |tout de meme |toujours |still |)(?:travailler|bosser|work) (?:sans (?:aucun )?(?:souci|probleme|difficulte)|normalement|tres bien|normally|fine|without (?:any )?(?:problem|issue|trouble)s?)\\b(?![^.;!?\\n]{0,30}\\b(?:sauf|except|excepte|mais|but|apart|hormis)\\b)",
  ),
];

/**
 * A how-to question (`How do I set up an out-of-office reply?`, `Comment puis-je ajouter ma
 * signature ?`, `Pouvez-vous m'expliquer comment l'ajouter ?`) around the writer's not finding or not
 * managing it (`I looked in the settings but can't find it`, `Je n'y arrive pas dans les paramètres`,
 * `je ne le trouve pas dans ma messagerie`): a request to learn how, no block. Only
 * the not-finding of the thing asked (`it`, `y`, `le`/`la`), so `Comment faire ? Je n'arrive pas à me
 * connecter` stays blocked.
 */
export const HOW_TO_AROUND_15 =
  /\b(?:how (?:do|can|could|should) (?:i|we)|how to|(?:show|tell|explain to) (?:me|us) how|comment (?:puis-je|peut-on|on fait|faire|je fais|faut-il|dois-je|est-ce qu'on|est-ce que je)|(?:expliquer|dire|montrer|indiquer) comment)\b[^?]{0,120}\?/u;
export const CANT_FIND_IT_15 =
  /\b(?:(?:can['\s]?t|cannot|couldn['\s]?t|could not|don['\s]?t|didn['\s]?t) (?:find|see|manage) (?:it|them|where|how)|(?:je n['\s]?y|j['\s]?y|on n['\s]?y|on y) (?:arrive|suis arrivee?|parviens) pas|je (?:ne )?(?:le|la|les) trouve pas|je (?:ne )?trouve pas (?:ou|comment))\b/u;

/**
 * Managing well for the rest (`je me débrouille très bien pour le reste`, `I manage fine otherwise`):
 * everything else goes well, no way around a block (priority-facts.ts drops the way just before it).
 * A way for the blocked task (`je me débrouille avec le papier`) has no such words after it.
 */
export const FOR_THE_REST_AFTER_15 =
  /^[^.;!?\n]{0,25}\b(?:pour (?:tout )?le reste|pour tout le reste|sinon|for (?:the rest|everything else)|otherwise|with everything else)\b/u;

/**
 * No device or means left to work on (`Je n'ai donc plus aucun poste pour travailler`, `we now have
 * nothing to invoice on`): whatever served before is gone, so no way of carrying on now; told after a
 * way (`je travaillais sur le PC de ma collègue en attendant`), it is the last word on it.
 */
export const NOTHING_LEFT_TO_WORK_ON_CUES_15: readonly Cue[] = [
  cue(
    'nothing-left-to-work-on',
    "\\b(?:(?:(?:n['\\s]?|j['\\s]?)(?:ai|a|avons|ont)|on a|nous avons|ils ont|elles ont) (?:donc |maintenant |vraiment )?plus (?:aucun|aucune|rien|de|d')|(?:have|has) (?:now |then )?(?:nothing|no (?:pc|computer|laptop|device|machine|station|till|way))(?: left)?) ?[a-z'-]* (?:pour|to) (?:travailler|facturer|bosser|encaisser|imprimer|work|invoice|bill|print|sell)\\b",
  ),
];
