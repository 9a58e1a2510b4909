/**
 * General readings added after issue 11's blind holdout20 to holdout23: a thing said to be the only
 * one (`It's the only one that talks to the scan tools`) is no person alone, a way that gave out or
 * ran out (`avec le carnet mais il est fini`, `ne tient plus`), the writer back to having nothing
 * (`de nouveau sans internet`), a role none of whom can do their work (`no pharmacist can
 * dispense`), a terse `X down` followed by where (`POS down in all 6 tills`, `ERP down pour tt le
 * monde`), the other devices said fine (`The other phones in the agency are ok`) and a way kept so
 * that work goes on (`so the front office can keep working`). Each family is stated with new
 * sentences in test/unit/triage/priority-general-readings-14.test.ts. Written against folded text
 * (text-normalize.ts). docs/triage.md, "General readings (issue 11, after the blind holdout20 to
 * holdout23)".
 */
import { type Cue, cue, type WorkaroundCue } from './priority-vocabulary';
import { NOT_A_NOUN_DOWN } from './priority-vocabulary-general-3';

/**
 * A thing that is the only one to do a job (`It's the only one that talks to the scan tools`,
 * `this is the only one which has the licence`): `it` and `that`/`which` say a thing, so round 1's
 * `the only one that` is no person alone there (priority-facts.ts drops the one-user cue it
 * overlaps). A person stays one (`I'm the only one who`, `she's the only one that knows`).
 */
export const ONLY_THING_CUES_14: readonly Cue[] = [
  cue('only-thing-that', "\\b(?:it'?s|it is|this is|that'?s|that is|its) the only one (?:that|which)\\b"),
];

/**
 * A way that gave out or ran out, told after it (`on a fait les tickets à la main avec le carnet mais
 * il est fini`, `the hotspot we were using no longer holds`, `le partage de connexion ne tient plus`):
 * read like round 9's `we've run out of those` (priority-facts.ts: only after a way offered, in its
 * sentence or the next). A pronoun or a `tenir` that gives out, never a thing's subject alone (`le
 * rouleau est fini` may be the stopped tool's supply).
 */
export const WAY_GAVE_OUT_CUES_14: readonly Cue[] = [
  cue(
    'way-gave-out',
    "\\b(?:il|elle|ils|elles|it|they) (?:est|sont|is|are|'s|'re) (?:(?:deja|maintenant|now|already|completely|tout) )?(?:fini|finie|finis|finies|vide|vides|plein|pleine|pleins|pleines|empty|finished|full)\\b|\\b(?:ne |n')?(?:tient|tiennent) (?:plus|pu)\\b|\\b(?:no longer holds|(?:won'?t|doesn'?t|does not|will not) hold(?: up)?(?: any ?more)?|(?:has|have) given out|gave out)\\b",
  ),
];

/**
 * The writer back to having nothing (`so I'm back to having nothing to dispense on`, `Tous les
 * enseignants sont de nouveau sans internet`, `back to square one`): whatever served before is gone,
 * so there is no way of carrying on now. Said of who is without (`nous sommes de nouveau sans`, `we're
 * again without`), so `it crashed again without warning` is no statement about a way; not good news
 * (`de nouveau sans problème`, `again without errors`: a problem word after it).
 */
export const BACK_TO_NOTHING_CUES_14: readonly Cue[] = [
  cue(
    'back-to-nothing',
    "\\bback to (?:having )?(?:nothing|square one|no (?:way|means|internet|connection|phone|pc|computer|system))\\b|\\b(?:(?:sommes|suis|sont|est|etes|me retrouve|se retrouve|se retrouvent|nous retrouvons) (?:de nouveau|a nouveau|encore une fois)|(?:we'?re|we are|i'?m|i am|they'?re|they are|is|are) (?:once )?again) (?:sans|without)(?! (?:aucune? |any |a |une? )?(?:probleme|souci|erreur|bug|incident|coupure|interruption|prevenir|raison|problem|issue|error|glitch|fault|warning|reason)s?\\b)\\b|\\bretour a la case depart\\b",
  ),
];

/**
 * The writer as the only one of her role at work (`I'm the only pharmacist on this afternoon`, `je
 * suis la seule secrétaire ce matin`): one user, like round 1's `I'm the only one`; the noun must be
 * followed by when or where, so `I'm the only user of…` stays round 1's and `the only way` is no person.
 */
export const ONLY_ONE_OF_ROLE_CUES_14: readonly Cue[] = [
  cue(
    'only-one-of-role-here',
    "\\b(?:i'?m|i am|im|je suis|j'suis) (?:the only|le seul|la seule) (?!(?:one|way|thing|solution|moyen|chose)\\b)[a-z-]+ (?:on (?:duty|shift|this|today|tonight|now)|in (?:today|this|the (?:office|shop|store))|here|today|tonight|working|present|ici|aujourd'hui|sur place|de garde|de service|ce (?:matin|soir|jour)|cet apres-midi|au (?:bureau|magasin|comptoir|cabinet))\\b",
  ),
];

/**
 * No one of a role who can do the role's work (`no pharmacist can dispense prescriptions`, `aucune
 * vendeuse ne peut vendre`): several people, blocked, like round 11's `no agent can log in` with the
 * verbs of a trade; the verb is a person's (`aucun fichier ne peut s'ouvrir` stays no person).
 */
export const NO_ONE_OF_ROLE_CUES_14: readonly Cue[] = [
  cue(
    'no-one-of-role-can-work',
    "\\bno (?!(?:one|way|other|file|files|page|document|printer|machine|device|computer|pc|till|terminal)\\b)[a-z-]+ (?:can|could) (?:dispense|sell|serve|invoice|bill|treat|teach|register|book|validate|sign|cash up|take (?:orders|payments|cards|bookings|calls)|check (?:[a-z]+ )?(?:in|out)|see (?:patients|clients|customers))\\b|\\baucune? (?!(?:de|moyen|autre|probleme|souci|fichier|document|page|poste|machine|imprimante|caisse)\\b)[a-z-]+ (?:ne |n')?peut (?:plus |pas )?(?:delivrer|vendre|servir|facturer|saisir|valider|signer|soigner|enregistrer|enseigner|dispenser|traiter)\\b",
    { blocking: true, people: true },
  ),
];

/**
 * A terse report followed by where or for whom (`POS down in all 6 tills`, `ERP down pour tt le
 * monde`, `serveur down depuis 13h`): round 3's `X down` read before a place or a time, in English or
 * French; not a phrasal verb nor a figure (round 3's list), nor a person's mood (`je suis down depuis`).
 */
export const NOUN_DOWN_WHERE_CUES_14: readonly Cue[] = [
  cue(
    'noun-down-where',
    `\\b(?!(?:${NOT_A_NOUN_DOWN}|est|suis|sommes|sont|etes|es|am|is|are|was|were|be|been|im) down)[a-z0-9]{2,} down (?=(?:in|on|at|across) (?:all|every|both|each|the whole)\\b|(?:pour|depuis|partout|everywhere|chez|sur (?:tous|toutes|les))\\b)`,
    { negation: 'cancels' },
  ),
];

/** Everyone in phone-typed French (`pour tt le monde`, `tlm`): several people, like `tout le monde`. */
export const SMS_EVERYONE_CUES_14: readonly Cue[] = [
  cue('sms-everyone', '\\b(?:tt le monde|tlm)\\b', { people: true }),
];

/**
 * The other devices said fine (`The other phones in the agency are ok`, `les autres postes ça va`,
 * `les autres PC marchent`): only the writer's is stopped, so one user, like round 1's `my
 * colleagues are fine`.
 */
export const OTHER_DEVICES_FINE_CUES_14: readonly Cue[] = [
  cue(
    'other-devices-fine',
    "\\b(?:the other|les autres) (?:phones|pcs|computers|laptops|stations|workstations|machines|postes|pc|ordis|ordinateurs|telephones|portables)(?: (?:in|of|at|de|du|a) (?:the |our |l'|la |le )?[a-z-]+)? (?:are (?:ok|okay|fine|working)|work(?: fine)?|(?:ca|ça) va|vont bien|marchent|fonctionnent)\\b",
  ),
];

/**
 * A way kept so that work goes on (`We've moved everyone onto the 4G backup router so the front office
 * can keep working`, `on est passés sur le wifi invité pour que l'équipe puisse continuer`): the
 * purpose says the way serves; stated. Not under a negation (`so nobody can keep working`: the
 * subject of `can` is a person or a team, never `nobody`), nor the purpose of a request (`please fix
 * it so the team can keep working`, `merci d'intervenir pour que l'équipe puisse continuer`).
 */
export const KEEP_WORKING_CUES_14: readonly WorkaroundCue[] = [
  cue(
    'so-work-can-go-on',
    "(?<!\\b(?:please|pls|could you|can you|would you|fix|repair|sort|solve|restore|send|come|help)\\b[^.!?;]{0,60})\\bso (?:that )?(?!(?:nobody|no one|none)\\b)(?:[a-z'-]+ ){1,5}(?:can|could) (?:keep|carry on|continue)(?: working| going| to work| serving| selling)?\\b|(?<!\\b(?:merci|pouvez-vous|pourriez-vous|intervenir|reparer|venir|passer|envoyer)\\b[^.!?;]{0,60})\\bpour que (?!personne\\b)(?:[a-z'-]+ ){1,4}(?:puisse|puissent) continuer\\b",
    { wayAround: 'stated' },
  ),
];

/**
 * A way said not to last (`it works but it is not a solution for long`, `ce n'est pas une solution
 * durable`): round 2's `not a solution` followed by how long is a way in use with its limit, not a
 * way that failed (like round 12's `pas tenable longtemps`). Tested on the text right after the cue.
 */
export const FOR_A_WHILE_AFTER_14 =
  /^,? (?:for (?:long|ever|the long run|the long term)|forever|long[- ]term|in the long run|durable|perenne|definitive?|permanente?|a long terme|sur la duree|(?:bien )?longtemps)\b/u;

/**
 * Payments taken another way (`The cashier on lane 5 takes only cash`, `on prend que les espèces pr
 * l'instant`): a way of carrying on when the card terminal is down; inferred, and read only after a
 * blocked statement, outside its clause (priority-facts.ts), since alone it is a shop's custom.
 */
export const CASH_ONLY_CUES_14: readonly WorkaroundCue[] = [
  cue(
    'cash-only',
    "\\b(?:take|takes|taking|accept|accepts|accepting) (?:only cash|cash only|just cash|only cheques|cheques only)\\b|\\b(?:prend|prends|prenons|prennent|accepte|acceptons|acceptent|encaisse|encaissons|encaissent) (?:que|qu'|uniquement|seulement|juste) (?:les |le |en )?(?:especes|liquide|cash|cheques?)\\b",
    { wayAround: 'inferred' },
  ),
];

/**
 * A device of another room used instead (`jutilise celui de la salle de réunion pour faire mes
 * devis`, `I'm using the one in the meeting room`): like round 3's `celui de ma collègue`, a stand-in
 * from a place rather than a person; inferred; under a negation it is none (priority-facts.ts).
 */
export const ROOM_DEVICE_CUES_14: readonly WorkaroundCue[] = [
  cue(
    'device-of-another-room',
    "\\b(?:j'utilise|j'emprunte|je prends|je travaille sur|je suis sur|on utilise|on prend|on travaille sur|nous utilisons) (?:celui|celle|le pc|le poste|l'ordi|l'ordinateur|le portable) (?:de la|du|de l') ?(?:salle|bureau|accueil|reception|atelier|magasin|showroom|back-office|secretariat)\\b|\\b(?:i'?m using|i use|i borrow|we'?re using|we use|i'?m on|we'?re on) the (?:one|pc|computer|laptop) (?:in|from|of) the (?:meeting room|conference room|back office|front desk|office next door|staff room|reception|showroom|workshop)\\b",
    { wayAround: 'inferred' },
  ),
];

/**
 * Access given to a shared box or account, used meanwhile (`mon chef m'a donné accès à la boîte
 * partagée du service`, `they gave me access to the shared mailbox`): the writer works from it;
 * inferred.
 */
export const SHARED_ACCESS_CUES_14: readonly WorkaroundCue[] = [
  cue(
    'access-to-a-shared-box',
    "\\b(?:m'a|m'ont|nous a|nous ont) (?:donne|ouvert|cree|mis) (?:l')?acces a (?:la |le |l'|une? )?(?:boite|compte|adresse|session|messagerie|dossier)(?: mail)? (?:partagee?|generique|commune?|de secours)\\b|\\b(?:gave|given|set) (?:me|us) (?:up )?(?:with )?access to (?:the|a|our) (?:shared|generic|team|common|backup) (?:mailbox|inbox|account|drive|folder)\\b",
    { wayAround: 'inferred' },
  ),
];

/**
 * Work going on until the tool is back (`l'équipe travaille dessus en attendant que le serveur
 * revienne`, `we carry on from the copy until it's back`): a work verb before the wait for the fix
 * says the work goes on; stated. Under a negation (`personne ne peut travailler en attendant`, `we
 * can't work until it's fixed`) it is none (priority-facts.ts).
 */
export const WORK_GOES_ON_UNTIL_CUES_14: readonly WorkaroundCue[] = [
  cue(
    'work-goes-on-until-back',
    "\\b(?:travaille|travaillent|travaillons|bosse|bossent|continue|continuent|continuons) (?:dessus |la-dessus |comme ca |avec ca )?en attendant (?:que|le retour|la remise|la reparation)\\b|\\b(?:work|works|working|carry on|carries on|carrying on|keep going|keeps going) (?:from (?:it|that|there) |on (?:it|that|this one) )?until (?:the [a-z-]+|it)(?:'s| is| comes) (?:back|fixed|repaired|restored)\\b",
    { wayAround: 'stated' },
  ),
];

/**
 * Messages that stay in the outbox (`ils restent dans la boîte d'envoi`, `they sit in the outbox`):
 * the pronoun is the messages, not people; removed before the person of a blocked statement is read
 * (priority-facts.ts), like round 10's single thing.
 */
export const THINGS_IN_A_QUEUE_14 =
  /\b(?:ils|elles|they) (?:restent|sont|stay|sit|are|remain)(?: bloquee?s| coincee?s| stuck)? (?:dans|en|in) (?:la |le |les |l'|the |my |our |ma |mon )?(?:boite d'envoi|boite d envoi|outbox|out box|file d'attente|queue|brouillons|drafts)\b/gu;

/**
 * Nothing to carry on with instead (`ON A RIEN POUR DIFFUSER A LA PLACE`, `we have nothing to print
 * on instead`): round 1's `à la place`/`instead` is then no way but its absence.
 */
export const NOTHING_INSTEAD_CUES_14: readonly Cue[] = [
  cue(
    'nothing-instead',
    "\\b(?:rien|aucun moyen|aucune solution|nothing|no way|no means)(?: [a-z'-]+){0,3}? (?:a la place|instead)\\b",
  ),
];

/**
 * A tool that fails each time it is used (`The payroll software fails when I try to export`,
 * `l'export échoue dès que je lance`): blocked, like `plante dès que je clique`. Not a past event told
 * once (`it failed once when I tried`: `once` is no rule).
 */
export const FAILS_WHEN_I_TRY_CUES_14: readonly Cue[] = [
  cue(
    'fails-when-i-try',
    "\\b(?:fails|keeps failing|errors out|crashes|echoue|echouent|plantent) (?:each time|every time|whenever|when|des que|quand|chaque fois que|a chaque fois que|a chaque fois qu') ?(?:i|we|j'|je|on|nous)\\b",
    { negation: 'cancels' },
  ),
];

/**
 * A block avoided (`What's the right way to move the Authenticator over without getting locked
 * out?`, `sans se retrouver bloqué`): the block is what the writer wants to avoid, not one now.
 * Tested on the text right before the blocked cue (priority-facts.ts).
 */
export const AVOIDED_BEFORE_14 = /\b(?:without|sans) (?:getting |being |se faire |se retrouver |etre )?$/u;

/**
 * A way that lets the writer work (`je me suis branché en filaire, cela me permet de travailler`,
 * `which lets us keep working`), or kept to get on with the work (`on s'envoie les fichiers par
 * mail pour avancer`): stated; read only after a blocked statement, outside its clause
 * (priority-facts.ts), since `le nouveau PC me permet de travailler plus vite` is no way around.
 */
export const LETS_ME_WORK_CUES_14: readonly WorkaroundCue[] = [
  cue(
    'lets-me-work',
    "\\b(?:cela|ca|ce qui|which|this|that|it) (?:me |nous |lui |leur |m'|l')?(?:permet|permettent|a permis|lets?|allows?) (?:me |us |him |her |them )?(?:de |d'|to )?(?:travailler|continuer|avancer|work|keep (?:working|going)|carry on)\\b|\\bpour (?:pouvoir )?(?:avancer|continuer a travailler)\\b",
    { wayAround: 'stated' },
  ),
];

/**
 * A teammate's device used for the writer's own task (`jpointe avec le tel de ma binome`, `je
 * travaille depuis le poste de ma responsable`): like round 12's `le poste de ma collègue`, with
 * any verb of the task and the words for a teammate; inferred.
 */
export const TEAMMATE_DEVICE_CUES_14: readonly WorkaroundCue[] = [
  cue(
    'teammate-device',
    "\\b(?:j'|je |on |nous )[a-z]+ (?:avec|sur|depuis) (?:le|la|l') ?(?:tel|telephone|portable|pc|poste|ordi|ordinateur|tablette) (?:de|d') ?(?:ma|mon|notre) (?:collegue|binome|voisine?|associee?|assistante?|responsable|chef|cheffe|coequipiere?|equipiere?)\\b",
    { wayAround: 'inferred' },
  ),
];

/**
 * A document not received, asked again (`Could you send us again the invoice of November? Our
 * accounting did not receive it.`): one past delivery that missed, with a request to resend, is a
 * request, not a tool that no longer receives (round 1's `not receive`); priority-facts.ts reads it
 * only when the mail asks to send it again (RESEND_REQUEST_14). `I have not received any email since
 * Monday` (no thing named, no resend) stays a block.
 */
export const NOT_RECEIVED_IT_CUES_14: readonly Cue[] = [
  cue(
    'document-not-received',
    "\\b(?:did not|didn'?t|didnt|has not|have not|hasn'?t|haven'?t|never) (?:receive|received|get|got) (?:it|them|the (?:invoice|quote|document|copy|letter|statement|contract)s?|your (?:invoice|quote|letter|statement|contract)s?)\\b|\\bn'(?:a|ai|avons|ont) (?:jamais |pas )(?:recu|eu) (?:la|le|votre|vos) (?:facture|devis|document|copie|courrier|contrat|releve)s?\\b",
  ),
];

/** A request to send a thing again: `send us again`, `resend`, `nous renvoyer`, `une copie de la facture`. */
export const RESEND_REQUEST_14 =
  /\b(?:send (?:us |me )?(?:(?:it|them|the(?: [a-z]+){1,3}) )?again|re-?send|send (?:us |me )?a copy|(?:nous|me) (?:la |le |les )?renvoyer|renvoyer (?:la|le|les)|une copie d(?:e la|u|es)? ?(?:facture|devis|contrat))\b/u;
