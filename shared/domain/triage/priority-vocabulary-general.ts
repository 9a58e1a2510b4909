/**
 * General readings added after issue 11's blind holdout2 (mail written by someone who never read
 * the rules). Each family states a kind of expression, not a phrase of one mail: the grammar that
 * carries the negation, the tool that "is gone", the pair of people as a subject, the retry that
 * failed. Written against folded text (text-normalize.ts). docs/triage.md, "General readings".
 */
import { type Cue, cue, type WorkaroundCue } from './priority-vocabulary';

/** Object pronouns between `ne` and the verb: `ne se connecte`, `n'y accède`, `ne l'ouvre`. */
const PRONOUNS = "(?:(?:me|te|se|nous|vous|le|la|les|lui|leur|y|en) |[mtsl]')*";
/** What a person can no longer do (the subject is a person or a group). */
const FR_CAN = '(?:peu\\w*|arriv\\w*|parvien\\w*|reussi\\w*|acced\\w*|a acces|ont acces|travaill\\w*)';
/** What a tool no longer does (the subject is a thing). */
const FR_WORKS =
  '(?:accept\\w*|fonctionn\\w*|march\\w*|demarr\\w*|allum\\w*|ouvr\\w*|imprim\\w*|connect\\w*|repond\\w*|sort\\w*|charg\\w*|lanc\\w*|affich\\w*|recoi\\w*|recev\\w*|synchro\\w*|enregistr\\w*|lit|lisent)';

/** The things people work with (for `without X`, `sans X`). */
const TOOL =
  '(?:internet|network|phones?|lines?|e-?mails?|mails?|computers?|pcs?|laptops?|printers?|systems?|software|servers?|access|power|electricity|connection|wi-?fi|tills?|terminals?|registers?|tools?|apps?|records|files|data|vpn|reseau|telephones?|lignes?|messagerie|ordinateurs?|ordis?|portables?|imprimantes?|systemes?|logiciels?|serveurs?|acces|courant|electricite|connexion|caisses?|terminaux|outils?|applis?|applications?|dossiers|fichiers|donnees|tpe)';
/** `next week`, `demain`: a planned absence of the tool, not a stop. */
const NOT_LATER =
  "(?!(?: \\S+){0,3} (?:next|tomorrow|from monday|on monday|la semaine prochaine|demain|prochaine?|while i'?m away|pendant mes conges|during my holiday))";

/** A person noun, for `my colleague and I` (a bare `the X and I` could be a thing: `the router and I`). */
const EN_PERSON =
  '(?:colleague|coworker|co-worker|partner|associate|assistant|boss|manager|wife|husband|secretary|receptionist|nurse|doctor|teammate|deputy|intern|trainee|apprentice|supervisor|director|owner|accountant|clerk|cashier|chef|cook|waiter|waitress|driver|porter|officer|adviser|advisor|agent|friend|brother|sister|son|daughter|dad|mum|mom|father|mother|technician|pharmacist|dentist|vet|physio|teacher|[a-z]+(?:ist|ian))s?';

export const GENERAL_BLOCKED_CUES: readonly Cue[] = [
  // A negative quantifier as subject carries the negation itself (no `pas`): `aucun ne peut se
  // connecter`, `aucune caisse ne s'allume`, `nul ne peut`, `pas un seul poste ne démarre`.
  cue(
    'fr:quantifier-ne',
    `\\b(?:aucune?|nul(?:le)?|pas une? seule?)(?: [^\\s.!?;,]+){0,5}? (?:ne |n')${PRONOUNS}(?:${FR_CAN}|${FR_WORKS})`,
  ),
  // `X stopped V-ing` / `a cessé de fonctionner` / `s'est arrêté`: a tool that stopped doing its
  // work (`the licence server stopped handing out licences`). A person who stopped doing something
  // chose to (`we stopped using it`): not a cue.
  cue(
    'stopped-doing',
    "(?<!\\b(?:i|we|you|they|he|she|i've|we've|i have|we have|i just|we just) )\\b(?:stopped|has stopped|have stopped|quit|ceased) [a-z]+ing\\b|\\bceased to (?:work|function|respond)\\b|\\b(?:a|ont|avait|avaient) (?:cesse|arrete) de (?:fonctionner|marcher|repondre|imprimer|synchroniser|envoyer|recevoir|charger|s'allumer|demarrer|se connecter|communiquer|lire|tourner)\\b|\\bs'est (?:arretee?|eteinte?|coupee?|deconnectee?|figee?|bloquee?|plante)\\b",
    { negation: 'cancels' },
  ),
  // A work tool that `is gone` / `a disparu`: `my files are gone`, `CAD licences gone`, `le
  // lecteur réseau a disparu`. What went away can also be the trouble itself (`the error is
  // gone`, `le message a disparu`): then it is good news, not a cue.
  cue(
    'gone',
    "(?<!\\b(?:problem|issue|error|bug|message|warning|noise|fault|popup|pop-up|virus|ads?|banner|glitch|lag|delay|spam|flicker|slowness|symptom|alert|sound|beep|notification)s? (?:\\S+ ){0,4})\\b(?:is |are |has |have |'s |all |completely |just )?gone(?: missing| dead| down| blank| dark| black| offline| again| overnight)?(?=\\s*(?:$|[,.;:!?)\\n]|since|from|this|today|after|again|overnight|missing|dead|down|blank|dark|black|offline|on (?:my|our|the|all|every)))|(?<!\\b(?:probleme|erreur|message|bug|souci|bruit|panne|defaut|alerte|pub|publicite|virus|lenteur|clignotement|blocage|notification)s? (?:\\S+ ){0,4})\\b(?:a|ont|est|sont) (?:completement |totalement |tout |toute |encore )?disparue?s?\\b",
    { negation: 'cancels' },
  ),
  // A tool that no longer perceives or reaches its peer: `my PC doesn't see the plotter`,
  // `the till won't read cards`, `le PC ne voit plus l'imprimante`. A person who "doesn't see"
  // (`I don't see why`) is not a cue.
  cue(
    'does-not-see',
    "(?<!\\b(?:i|we|you|they|i really|we really|i just|we just|i still|we still) )\\b(?:doesn'?t|does not|dont|don'?t|do not|won'?t|wont|will not|no longer|isn'?t|is not|aren'?t|are not) (?:even |seem to |seems to |appear to |want to )?(?:see|sees|find|finds|recogni[sz]e|detect|reach|pick up|talk to|communicate with|accept|read|show up|register|respond to|save|send|receive|scan|charge|power on|light up|boot up)\\b|\\b(?:ne |n')(?:\\S{1,20} )?(?:voit|voient|trouve|trouvent|detecte|detectent|reconnait|reconnaissent) (?:plus|pas|pu)\\b",
    { negation: 'cancels' },
  ),
  // The passive of the same: `the sensor isn't recognised anymore`, `cards aren't accepted`.
  cue(
    'not-recognised',
    "\\b(?:isn'?t|is not|aren'?t|are not|wasn'?t|was not|weren'?t|were not|isnt|arent|wasnt|no longer|not being|never gets?) (?:being |getting |even )?(?:recogni[sz]ed|detected|found|seen|accepted|picked up|connected|reachable|accessible|available|responding|loading|printing|syncing|sent|received|delivered|saved|working|starting|booting|opening|going through|coming through|showing(?: up)?|displayed|read|taking|accepting|processing|sending|receiving|charging|scanning|reading|updating|saving|running|answering|ringing|dialling|dialing|uploading|downloading|logging)\\b",
  ),
  // Lost a work resource: `everyone lost the S: drive`, `j'ai perdu la connexion au serveur`.
  cue(
    'lost-tool',
    "\\b(?:lost|losing|loses|perdu) (?:the |my |our |all |all the |all our |access to (?:the |my |our )?|connection to (?:the |my |our )?|l'|le |la |les |mon |ma |mes |nos |notre |tout |tous les |toutes les )?(?:\\S+ )?(?:drives?|shares?|network|connection|internet|wi-?fi|printers?|servers?|files|folders?|data|e-?mails?|mails?|mailbox|inbox|calendar|session|phone line|line|signal|vpn|licen[cs]es?|password|acces|connexion|reseau|lecteurs?|partages?|dossiers?|fichiers|donnees|messagerie|imprimantes?|serveurs?|ligne|boite mail|agenda|calendrier|mot de passe|tonalite|logiciel|software|apps?|application|appli|tools?|system|systeme|outils?|program|programme|portal|portail|site|platform|plateforme|crm|erp|database|base)\\b",
    { negation: 'cancels' },
  ),
  // Getting an error now is being stopped: `I get an error 500`, `j'ai un message d'erreur`, a
  // quoted error (`a "no licence available" message`). `no error` is negated.
  cue(
    'getting-error',
    '(?<!\\b(?:when|if|whenever|si|quand|lorsque|in case) (?:i |we |you |on |je |nous |vous )?)\\b(?:(?:get|gets|getting|keep getting|keeps getting|j\'ai|on a|nous avons|il y a|y a|ca (?:me )?(?:met|donne|affiche)) (?:an? |the |this |that |une |un |le |ce |cette |toujours |encore )?(?:\\S+ )?(?:error|erreur)|(?:erreur|error) (?:\\d{3,}|code)|(?:message|code) d\'erreur)\\b|["«“][^"»”\\n]{1,60}["»”] (?:message|error|erreur|popup|pop-up|warning)\\b',
    { negation: 'cancels' },
  ),
  // Without the tool: `the entire practice is without the records system`, `on est sans réseau`.
  cue(
    'without-tool',
    `\\b(?:is|are|am|i'm|im|we're|were|been|still|left) (?:completely |totally |still )?without (?:the |our |my |any |a |an |their )?(?:\\S+ )?${TOOL}\\b${NOT_LATER}|\\b(?:sommes|suis|sont|est|reste|restons|restent) (?:toujours |encore |completement |totalement )?sans (?:le |la |les |l'|notre |nos |mon |ma |mes |aucune? )?(?:\\S+ )?${TOOL}\\b${NOT_LATER}`,
    { negation: 'cancels' },
  ),
  // A fault that repeats: `the VPN keeps dropping`, `it keeps logging me out`, `ça n'arrête pas de
  // planter`, `se coupe sans arrêt`; and the past of freezing (`both tills froze`).
  cue(
    'keeps-failing',
    "\\b(?:keeps?|kept) (?:on )?(?:dropping|disconnecting|cutting out|crashing|failing|timing out|losing|hanging|freezing|rebooting|restarting|closing|shutting down|logging (?:me|us|them|him|her) (?:out|off)|kicking (?:me|us|them|him|her) (?:out|off)|throwing|erroring|asking for|rejecting|declining|going (?:off|down|offline|blank|black))\\b|\\b(?:froze|has frozen|have frozen|times out|timed out|timing out|drops? out|cuts? out)\\b|\\b(?:n'arrete|n'arretent|arrete|arretent) pas de (?:planter|couper|se couper|redemarrer|se deconnecter|deconnecter|bugger|beuguer|figer|se figer|freezer|s'eteindre|tomber)\\b|\\b(?:se )?(?:coupe|coupent|deconnecte|deconnectent|plante|plantent|fige|figent|eteint|eteignent|redemarre|redemarrent) (?:sans arret|tout le temps|toutes les \\S+ minutes|en permanence|a chaque fois|constamment)\\b",
    { negation: 'cancels' },
  ),
  // `won't restart`, `won't come back`, `won't power up` (the "start" family of en:refuses-to).
  cue(
    'wont-restart',
    "\\b(?:won'?t|wont|will not|would not|wouldn'?t|doesn'?t|does not|didn'?t|did not|refuses? to|fails? to) (?:re ?start|re ?boot|turn back on|come back(?: on| up)?|wake up|power (?:up|on)|boot up|go through|come through|pair|save|upload|download|unlock|log (?:me |us )?(?:in|on)|sign (?:me |us )?in|dial out|take payments?|take cards?|accept (?:cards?|payments?|my|our|the))\\b",
  ),
  // Broken beyond use: `the screen is cracked and shows nothing`, `my second screen died`, `mon
  // disque a lâché`, `nothing happens when I click`. `nothing unusual` is not a fault.
  cue(
    'dead-hardware',
    "\\b(?:cracked|smashed|shattered|fried|died|has died|is dying|burnt out|burned out|water damaged|kaput|busted|bricked|a rendu l'ame|a lache|ont lache|a claque|ont claque|a grille|ont grille|est morte?|sont morte?s)\\b|\\b(?:shows|displays|prints|does|scans|loads|comes up with) nothing\\b(?! (?:unusual|special|wrong|abnormal|strange|particular|else|new))|\\bnothing (?:happens|shows|shows up|appears|loads|prints|comes out|comes up)\\b|\\b(?:n'affiche|n'imprime|ne fait|ne charge|ne scanne|ne sort) (?:plus )?rien\\b|\\brien ne (?:se passe|s'affiche|sort|s'imprime|se lance|bouge)\\b",
    { negation: 'cancels' },
  ),
  // `no way to print`, `pas moyen de me connecter`: no way at all is blocked (and no workaround).
  cue(
    'no-way-to',
    "\\b(?:no way (?:to|of)|pas moyen d(?:e |'| )|aucun moyen d(?:e |'| ))(?!(?: \\S+)? ?(?:know|tell|savoir|dire|check|verifier|contact|joindre)\\b)",
  ),
  // Could not, was not able to, the other tenses of pouvoir: `I couldn't log in this morning`,
  // `je ne pouvais plus imprimer`, `on ne pourra pas facturer`.
  cue(
    'could-not',
    "\\b(?:wasn'?t|weren'?t|was not|were not|wasnt|werent) able to\\b|\\b(?:couldn'?t|couldnt|could not) (?:even )?(?:log|sign|connect|open|print|access|send|receive|start|boot|use|save|scan|get (?:in|into|on|through)|load|work|reach|pay|book|charge|install|see|read|call|take)\\b|\\b(?:ne |n')?(?:puis|puisse|puissent|puissions|pouvais|pouvait|pouvions|pouviez|pouvaient|pourrai|pourra|pourrons|pourront|pourrais|pourrait|pourraient)(?: toujours| meme| deja| absolument)? (?:plus|pas|rien|jamais|pu)\\b",
  ),
  // Jammed or corrupted: `the printer is jammed`, `bourrage papier`, `le fichier est corrompu`.
  cue(
    'jammed',
    "\\b(?:jammed|paper jam|jams|bourrage|corrupted|corrompue?s?|(?:won'?t|doesn'?t|does not|will not) feed)\\b",
    { negation: 'cancels' },
  ),
  // Slang for a tool that misbehaves: `le TPE déconne`, `l'appli bugue`, `it's on the blink`.
  cue(
    'misbehaves',
    "\\b(?:deconne|deconnent|bugue|buguent|beugue|beuguent|bug (?:a chaque|tout le temps|sans arret|en permanence)|fait des siennes|font des siennes|fait n'importe quoi|on the blink|bugging out|glitching)\\b",
    { negation: 'cancels' },
  ),
  // People who cannot work wait: `the whole studio is sitting idle`, `au chômage technique`.
  cue(
    'idle',
    '\\b(?:sitting (?:around|idle)|standing (?:around|idle)|twiddling|at a standstill|ground to a halt|grinding to a halt|les bras croises|au chomage technique|on (?:ne )?fait (?:plus )?rien)\\b',
  ),
];

/**
 * Several people, said by grammar rather than by a count: a coordinated pair with the speaker
 * (`ma collègue et moi`, `me and my colleague`, `Julie et moi n'avons plus…`), a negative
 * quantifier with no noun (`on est 7 et aucun ne peut`), the whole of an organisation
 * (`the whole studio`, `the entire practice`).
 */
export const GENERAL_SEVERAL_CUES: readonly Cue[] = [
  // `none of our doctors can open…`, `not one of the tills is working`: the quantifier is the
  // negation, so the phrase says both that several are concerned and that they are blocked.
  cue(
    'en:none-of-can',
    '\\b(?:none of (?:the|our|my|us|them|these|those|their)|not (?:a single|one)(?: of (?:the|our|my|us|them))?)(?: [^\\s.!?;,]+){0,3}? (?:can|could|is able|are able|has access|have access|gets?|receives?|manages?|succeeds?|is working|are working|works|starts?|connects?|loads?|prints?|opens?)\\b(?! (?:still|also))',
    { blocking: true },
  ),
  cue(
    'fr:x-et-moi',
    "(?<![a-z'-])[a-z]{2,} et moi(?: meme)?\\b(?!,? (?:je\\b|j'|non\\b|pas\\b|de mon cote|personnellement|ca va|tout va))|\\bmoi (?:et|ainsi que|comme) (?:ma|mon|mes|nos|notre|les|la|le|l'|un|une|\\S+ )\\S+|\\b(?:nous deux|tous les deux|toutes les deux|a nous deux|nous (?:sommes|etions) (?:deux|trois|quatre|cinq|\\d+))\\b",
    { people: true },
  ),
  cue(
    'en:x-and-i',
    `\\b(?:me|myself) and (?:my |our |a |the |one |another |his |her )?(?:\\S+ )?[a-z-]+|\\bi and (?:my|our|a|the|one|another) (?:\\S+ )?${EN_PERSON}\\b|\\b(?:my|our|a|the|one|another|his|her) (?:\\S+ )?${EN_PERSON} and (?:i|me|myself)\\b|\\b(?!(?:it|this|that|then|now|today|yesterday|again|here|there|so|and|but|or|already|twice|once|too|also|pc|computer|laptop|printer|router|machine|server|phone|screen|everything|nothing|up|down|in|out|off|on|back|anymore|anyway|either|well|fine|ok|okay|yet|work|home|office|week|weekend|morning|afternoon|evening|night|day|month|year|hour|moment|monday|tuesday|wednesday|thursday|friday|saturday|sunday|tonight|tomorrow)\\b)(?<=(?:^|[.,;:!?()\\n] ?|\\b(?:so|then|now|today|and|but|also|here|hi|hello|with) ))[a-z]{2,}(?<!ed|ing|ly) and i (?:both |all )?(?:can'?t|cannot|can not|couldn'?t|cant|are|were|both)\\b|\\b(?:both of us|the two of us|us two|we both|we two|the pair of us)\\b`,
    { people: true },
  ),
  cue(
    'fr:aucun-ne-peut',
    `\\b(?:aucune?|nul(?:le)?|pas une? seule?)(?: d'entre (?:nous|eux|elles)| de nous)? (?:ne |n')${PRONOUNS}${FR_CAN}`,
    { blocking: true, people: true },
  ),
  cue(
    'en:whole-org',
    '\\b(?:whole|entire) (?:\\S+ )?(?:team|office|company|department|site|floor|staff|building|branch|shop|store|hotel|restaurant|workshop|warehouse|fleet|studio|practice|clinic|agency|firm|school|lab|surgery|pharmacy|kitchen|crew|shift|ward|unit|reception|front desk|accounts|sales|class|council|town hall|garage|salon|bakery|cabinet|service|etude)\\b',
    { people: true },
  ),
];

/**
 * Someone else does the work for the blocked person: `my colleague prints them for me`, `ma
 * collègue saisit les commandes à ma place`. The work goes on: a workaround.
 */
export const GENERAL_WORKAROUND_CUES: readonly WorkaroundCue[] = [
  // Time first, then what the client does: `Pour l'instant je scanne vers une clé USB`, `For now we
  // take cash only`. Not when the rest says blocked (`pour l'instant je ne peux rien faire`).
  cue(
    'meanwhile-then-doing',
    "\\b(?:pour l'instant|pour le moment|en attendant|for now|for the moment|for the time being|in the meantime|meanwhile|until then|d'ici la),? (?:je |j'|on |nous |i |we |i'm |we're |i am |we are |the \\S+ |les \\S+ |ils |elles )(?!(?:\\S+ )?(?:ne|n'\\S*|pas|peux|peut|can'?t|cannot|cant|not|no|nothing|rien|bloqu\\w*|stuck|blocked|wait\\w*|attend\\w*|suis|sommes|am|are)\\b)\\S+",
    { wayAround: 'stated' },
  ),
  // Calls or the line sent elsewhere: `j'ai renvoyé la ligne sur mon portable`, `calls diverted to
  // the mobile` (not a mail forwarded to the desk).
  cue(
    'calls-diverted',
    '\\b(?:renvo\\w*|transfer\\w*|redirig\\w*|devi\\w*|forward\\w*|divert\\w*|redirect\\w*|rout\\w*) (?:\\S+ )?(?:ligne|lignes|appels|standard|numero|fixe|calls|line|lines|phones?|number)\\b(?: \\S+){0,2}? (?:sur|vers|to|onto)\\b(?! (?:you|vous|votre|your)\\b)|\\b(?:appels|calls|ligne|line|standard|switchboard|phones?) (?:are |is |sont |est |have been |has been |ont ete |a ete )?(?:renvoye\\w*|transfere\\w*|redirige\\w*|devie\\w*|forwarded|diverted|redirected|routed) (?:sur|vers|to|onto)\\b(?! (?:you|vous|votre|your)\\b)',
    { wayAround: 'inferred' },
  ),
  cue(
    'done-for-me',
    '\\b(?:prints|printing|sends|sending|does|doing|scans|scanning|books|booking|enters|entering|handles|handling|types|typing|imprime|impriment|envoie|envoient|fait|font|scanne|scannent|saisit|saisissent|gere|gerent|tape|tapent|passe|passent)\\b(?: [^\\s.!?;]+){0,5}? (?:for me|for us|pour moi|pour nous|a ma place|a notre place|on my behalf|on our behalf)\\b',
    { wayAround: 'inferred' },
  ),
];

/** A retry or another way that was tried (`tried another browser`, `j'ai essayé sur le poste de…`). */
export const ATTEMPT =
  /\b(?:tried|try|trying|attempted|tested|testing|essaye|essayer|tente|tenter|teste|tester|retried)\b/gu;

/** The attempt worked: then it is a workaround in use (`on a essayé le webmail, ça marche`). */
export const SUCCESS =
  /(?<!\b(?:not|never|n't|nt|hasn't|hasnt|didn't|didnt|no) )\b(?:it works|that works|this works|works fine|works well|worked|ca marche|ca fonctionne|cela fonctionne|ca passe|fonctionne (?:tres )?bien|marche (?:tres )?bien|ca a marche|ca a fonctionne)\b(?! (?:pas|plus|pu|toujours pas|non plus|either|neither))/u;

/**
 * More ways to say the try failed: `no luck`, `en vain`, `même plantage`, `same story`. Not
 * `toujours rien` / `still nothing`, which say the thing is still broken, not that a way failed.
 */
export const GENERAL_FAILED_CUES: readonly Cue[] = [
  cue(
    'failed-outcome',
    "\\b(?:no luck|no joy|without (?:any )?(?:success|luck)|to no avail|in vain|didn'?t work|did not work|didnt work|doesn'?t work either|made no difference|no difference|nothing happened|still the same|same story|same deal|same again|no better|en vain|sans resultat|(?:n'|\\b)(?:a|ont) rien donne|(?:ca|cela) (?:n'a |a )?rien donne|n'a pas (?:marche|fonctionne|suffi|aide)|toujours (?:pareil|le meme)|pas mieux|idem|meme (?:\\S+ )?(?:probleme|erreur|chose|defaut|resultat|message|souci|ecran|bug|plantage|panne|blocage|topo|symptome|comportement|histoire)|same (?:\\S+ )?(?:error|thing|result|problem|message|issue|fault|screen|crash|behaviou?r|outcome|story|symptom))\\b",
  ),
];
