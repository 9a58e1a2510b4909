/**
 * The cue lists readPriorityFacts (priority-facts.ts) reads for each fact: the vocabularies of
 * priority-vocabulary.ts and of each round's priority-vocabulary-general-N.ts, gathered per fact.
 * Only plain lists are here, every cue read the same way wherever it is; a cue read only under a
 * condition of its own (after a blocked statement, after a way offered, beside a named group) keeps
 * that condition in priority-facts.ts, with its list here when it has several.
 *
 * Order matters: findCues returns the finds cue by cue, in list order, and evidence is taken from
 * the first finds (and sorts keep ties in that order), so a new list goes where its finds should
 * stand, usually at the end. Lists split in two (WAY_CUES_BEFORE_CHANNELS and
 * WAY_CUES_AFTER_CHANNELS) are split only to keep that order around a conditional list.
 */
import {
  BLOCKED_CUES,
  type Cue,
  FAILED_CUES,
  MORE_SEVERAL_CUES,
  MORE_WORKAROUND_CUES,
  NO_WORKAROUND_CUES,
  NOT_BLOCKED_CUES,
  ONE_USER_CUES,
  SEVERAL_USERS_CUES,
  STILL_BROKEN_CUES,
  WORKAROUND_CUES,
  type WorkaroundCue,
} from './priority-vocabulary';
import {
  GENERAL_BLOCKED_CUES,
  GENERAL_FAILED_CUES,
  GENERAL_SEVERAL_CUES,
  GENERAL_WORKAROUND_CUES,
} from './priority-vocabulary-general';
import {
  GENERAL_NOT_BLOCKED_CUES,
  GENERAL_ONE_USER_CUES,
  GENERAL_SEVERAL_CUES_2,
  GENERAL_WORKAROUND_CUES_2,
} from './priority-vocabulary-general-2';
import {
  GENERAL_BLOCKED_CUES_3,
  GENERAL_FAILED_FALLBACK_CUES_3,
  GENERAL_NOT_BLOCKED_CUES_3,
  GENERAL_SEVERAL_CUES_3,
  GENERAL_WORKAROUND_CUES_3,
  NO_MORE_ERROR,
} from './priority-vocabulary-general-3';
import {
  GENERAL_NO_WORKAROUND_CUES_4,
  GENERAL_ONE_USER_CUES_4,
  GENERAL_SEVERAL_CUES_4,
  GENERAL_WORKAROUND_CUES_4,
  WHO_NEEDS_IT_CUES,
} from './priority-vocabulary-general-4';
import {
  GENERAL_BLOCKED_CUES_5,
  GENERAL_WORKAROUND_CUES_5,
  OTHER_SENSE_CUES_5,
  SPREAD_CUES_5,
} from './priority-vocabulary-general-5';
import {
  GENERAL_BLOCKED_CUES_6,
  GENERAL_NOT_BLOCKED_CUES_6,
  GENERAL_ONE_USER_CUES_6,
  GENERAL_SEVERAL_CUES_6,
  GENERAL_WORKAROUND_CUES_6,
} from './priority-vocabulary-general-6';
import {
  CHANNEL_WORKAROUND_CUES_7,
  GENERAL_BLOCKED_CUES_7,
  GENERAL_NOT_BLOCKED_CUES_7,
  GENERAL_ONE_USER_CUES_7,
  SET_ASIDE_CUES_7,
} from './priority-vocabulary-general-7';
import {
  GENERAL_ONE_USER_CUES_8,
  GENERAL_WORKAROUND_CUES_8,
  OTHER_SENSE_CUES_8,
} from './priority-vocabulary-general-8';
import {
  ELSEWHERE_WORKAROUND_CUES_9,
  GENERAL_BLOCKED_CUES_9,
  GENERAL_NOT_BLOCKED_CUES_9,
  PLANNED_CUT_CUES_9,
  RUN_OUT_CUES_9,
} from './priority-vocabulary-general-9';
import {
  AFTER_BLOCK_WORKAROUND_CUES_10,
  FALLBACK_FELL_CUES_10,
  FOUND_A_WAY_CUES_10,
  GENERAL_BLOCKED_CUES_10,
  GENERAL_NOT_BLOCKED_CUES_10,
  MEANWHILE_BUT_CUES_10,
  NO_WORKAROUND_CUES_10,
  NOBODY_AT_PLACE_CUES_10,
  ROLE_SUBJECT_CUES_10,
  SET_ASIDE_CUES_10,
} from './priority-vocabulary-general-10';
import {
  BORROWED_DEVICE_CUES_11,
  COUNTED_GROUP_STOPPED_CUES_11,
  FALLBACK_FAILS_CUES_11,
  NO_ONE_OF_GROUP_CUES_11,
  NOT_FOR_ME_CUES_11,
  NOTHING_TO_FALL_BACK_ON_CUES_11,
  SHARED_BY_ALL_CUES_11,
  STATED_WAY_CUES_11,
  STOLEN_CUES_11,
  WORKS_BUT_COSTS_CUES_11,
} from './priority-vocabulary-general-11';
import {
  COLLEAGUE_DEVICE_CUES_12,
  CONNECTIVE_BLOCKED_CUES_12,
  FALLBACK_SAME_CUES_12,
  JUST_WAITING_CUES_12,
  STATED_WAY_CUES_12,
  WAY_NOT_FEASIBLE_CUES_12,
} from './priority-vocabulary-general-12';
import {
  CAN_NO_LONGER_CUES_13,
  INSTEAD_CUES_13,
  KEEP_GOING_CUES_13,
  STILL_FINE_CUES_13,
  TAKEN_UP_UNTIL_FIXED_CUES_13,
  WORK_STOPPED_MEANTIME_CUES_13,
  WORKING_SINCE_CUES_13,
} from './priority-vocabulary-general-13';
import {
  BACK_TO_NOTHING_CUES_14,
  CASH_ONLY_CUES_14,
  FAILS_WHEN_I_TRY_CUES_14,
  KEEP_WORKING_CUES_14,
  LETS_ME_WORK_CUES_14,
  NO_ONE_OF_ROLE_CUES_14,
  NOTHING_INSTEAD_CUES_14,
  NOUN_DOWN_WHERE_CUES_14,
  ONLY_ONE_OF_ROLE_CUES_14,
  OTHER_DEVICES_FINE_CUES_14,
  ROOM_DEVICE_CUES_14,
  SHARED_ACCESS_CUES_14,
  SMS_EVERYONE_CUES_14,
  TEAMMATE_DEVICE_CUES_14,
  WAY_GAVE_OUT_CUES_14,
  WORK_GOES_ON_UNTIL_CUES_14,
} from './priority-vocabulary-general-14';
import {
  CAN_WORK_CUES_15,
  FALLBACK_NO_TAKEOVER_CUES_15,
  NONE_HINDERED_CUES_15,
  NONE_OF_THEM_CAN_CUES_15,
  NOTHING_LEFT_TO_WORK_ON_CUES_15,
  WAY_USED_THEN_STOPPED_CUES_15,
} from './priority-vocabulary-general-15';
import { USED_TO_GET_BY_CUES_16, WAY_GAVE_OUT_CUES_16 } from './priority-vocabulary-general-16';
import {
  MADE_UP_FOR_CUES_17,
  OTHERS_FREE_OF_IT_CUES_17,
  WAY_DIED_TOO_CUES_17,
} from './priority-vocabulary-general-17';

/** Blocked statements (`je ne peux plus me connecter`); denied ones (`je ne suis pas bloqué`) are read from them too. */
export const BLOCKED_FACT_CUES: readonly Cue[] = [
  ...BLOCKED_CUES,
  ...STILL_BROKEN_CUES,
  ...GENERAL_BLOCKED_CUES,
  ...GENERAL_BLOCKED_CUES_3,
  ...GENERAL_BLOCKED_CUES_5,
  ...GENERAL_BLOCKED_CUES_6,
  ...GENERAL_BLOCKED_CUES_7,
  ...GENERAL_BLOCKED_CUES_9,
  ...GENERAL_BLOCKED_CUES_10,
  // `my laptop was stolen from my car` (after holdout15).
  ...STOLEN_CUES_11,
  // `Les techniciens ne peuvent donc pas valider` (after holdout17).
  ...CONNECTIVE_BLOCKED_CUES_12,
  // `our declaration software can no longer transmit` (after holdout19).
  ...CAN_NO_LONGER_CUES_13,
  // `POS down in all 6 tills`, `ERP down pour tt le monde` (after holdout22).
  ...NOUN_DOWN_WHERE_CUES_14,
  // `The payroll software fails when I try to export` (after holdout23).
  ...FAILS_WHEN_I_TRY_CUES_14,
  // `the three of us now have nothing to invoice on`: who has nothing left is blocked (after holdout28).
  ...NOTHING_LEFT_TO_WORK_ON_CUES_15,
];

/** Several users, places or devices (`toute l'équipe`, `partout`), before priority-facts.ts drops frequencies and negations. */
export const SEVERAL_USERS_FACT_CUES: readonly Cue[] = [
  ...SEVERAL_USERS_CUES,
  ...MORE_SEVERAL_CUES,
  ...GENERAL_SEVERAL_CUES,
  ...GENERAL_SEVERAL_CUES_2,
  ...GENERAL_SEVERAL_CUES_3,
  ...GENERAL_SEVERAL_CUES_4,
  ...GENERAL_SEVERAL_CUES_6,
  ...NOBODY_AT_PLACE_CUES_10,
  // `les trois prothésistes sont à l'arrêt`: a counted group at a standstill (after holdout14).
  ...COUNTED_GROUP_STOPPED_CUES_11,
  // `Aucun bibliothécaire ne peut se connecter` (after holdout14).
  ...NO_ONE_OF_GROUP_CUES_11,
  // `no pharmacist can dispense prescriptions`, `pour tt le monde` (after holdout21/22).
  ...NO_ONE_OF_ROLE_CUES_14,
  // `aucune des filles peut faire les pointages`: the same, typed without `ne` (after holdout28).
  ...NONE_OF_THEM_CAN_CUES_15,
  ...SMS_EVERYONE_CUES_14,
];

/**
 * Several users read only when something is blocked (priority-facts.ts): `nous sommes cinq à devoir
 * signer`, who needs the tool (after holdout5); `maintenant c'est toutes les caisses`, the fault
 * spread to every device (after holdout6).
 */
export const SEVERAL_WHEN_BLOCKED_CUES: readonly Cue[] = [
  ...WHO_NEEDS_IT_CUES,
  ...SPREAD_CUES_5,
  ...SHARED_BY_ALL_CUES_11,
];

/** No way of carrying on (`aucune solution de contournement`), before priority-facts.ts drops questions and fears. */
export const NO_WORKAROUND_FACT_CUES: readonly Cue[] = [
  ...NO_WORKAROUND_CUES,
  ...GENERAL_NO_WORKAROUND_CUES_4,
  ...NO_WORKAROUND_CUES_10,
  // `we don't have a paper list to fall back on` (after holdout15).
  ...NOTHING_TO_FALL_BACK_ON_CUES_11,
  // `mes collègues ne peuvent pas les signer à ma place` (after holdout14; also read alone in
  // priority-facts.ts, where it keeps those others out of the several users).
  ...NOT_FOR_ME_CUES_11,
  // `La ressaisie manuelle n'est pas envisageable` (after holdout17).
  ...WAY_NOT_FEASIBLE_CUES_12,
  // `I'm just sitting at the desk for now` (after holdout17).
  ...JUST_WAITING_CUES_12,
  // `Je n'ai donc plus aucun poste pour travailler` (after holdout26/31).
  ...NOTHING_LEFT_TO_WORK_ON_CUES_15,
  // `Je ne peux rien faire de la journée en attendant`, `on a fermé les portes en attendant`:
  // the meantime is a stop, no way (after holdout18/19).
  ...WORK_STOPPED_MEANTIME_CUES_13,
  // `so I'm back to having nothing to dispense on`, `de nouveau sans internet` (after holdout21).
  ...BACK_TO_NOTHING_CUES_14,
  // `ON A RIEN POUR DIFFUSER A LA PLACE` (after holdout23).
  ...NOTHING_INSTEAD_CUES_14,
];

/** A request set aside (`forget the quota question for now`): no way around where it overlaps one (after holdout8). */
export const SET_ASIDE_FACT_CUES: readonly Cue[] = [...SET_ASIDE_CUES_7, ...SET_ASIDE_CUES_10];

/** Ways of carrying on read anywhere, the first of the workaround lists (before the channels). */
export const WAY_CUES_BEFORE_CHANNELS: readonly WorkaroundCue[] = [
  ...WORKAROUND_CUES,
  ...MORE_WORKAROUND_CUES,
  ...GENERAL_WORKAROUND_CUES,
  ...GENERAL_WORKAROUND_CUES_2,
  ...GENERAL_WORKAROUND_CUES_3,
  ...GENERAL_WORKAROUND_CUES_4,
  ...GENERAL_WORKAROUND_CUES_5,
  ...GENERAL_WORKAROUND_CUES_6,
];

/**
 * A channel, device, place or connection used instead, a way of carrying on only after a blocked
 * statement of the body (priority-facts.ts): `La caisse est HS. On prend les commandes par
 * téléphone` (after holdout8).
 */
export const CHANNEL_WAY_CUES: readonly WorkaroundCue[] = [
  ...CHANNEL_WORKAROUND_CUES_7,
  // `je travaille depuis la tablette`, `on se met en 4G`, `par radio`: the same, from another device,
  // place or connection (after holdout9 and holdout11).
  ...ELSEWHERE_WORKAROUND_CUES_9,
];

/** Ways of carrying on read anywhere, after the channels. */
export const WAY_CUES_AFTER_CHANNELS: readonly WorkaroundCue[] = [
  ...GENERAL_WORKAROUND_CUES_8,
  ...MEANWHILE_BUT_CUES_10,
  ...FOUND_A_WAY_CUES_10,
  // `pour ne pas bloquer le chargement, on imprime…`, `nous utilisons provisoirement…`, `my
  // neighbour lent me his laptop` (after holdout15).
  ...STATED_WAY_CUES_11,
  ...BORROWED_DEVICE_CUES_11,
  // `which does the job for now`, `en attendant j'emprunte`, `the terminal of my colleague` (after holdout16).
  ...STATED_WAY_CUES_12,
  ...COLLEAGUE_DEVICE_CUES_12,
  // `We're hand-applying labels to keep going`, `which allows us to continue`, `ils ont repris
  // les carnets à souches en attendant le rétablissement` (after holdout19).
  ...KEEP_GOING_CUES_13,
  ...TAKEN_UP_UNTIL_FIXED_CUES_13,
  // `so the front office and restaurant can keep working` (after holdout20).
  ...KEEP_WORKING_CUES_14,
  // `jutilise celui de la salle de reunion`, `m'a donné accès à la boîte partagée`, `travaille dessus
  // en attendant que le serveur revienne` (after holdout20/22).
  ...ROOM_DEVICE_CUES_14,
  ...SHARED_ACCESS_CUES_14,
  // `Nous utilisons le catalogue papier pour continuer à conseiller`, `are using the front desk PC
  // to get by` (after holdout38).
  ...USED_TO_GET_BY_CUES_16,
  // `Nous avons ouvert deux caisses supplémentaires pour absorber les clients` (after holdout43).
  ...MADE_UP_FOR_CUES_17,
  ...WORK_GOES_ON_UNTIL_CUES_14,
  // `jpointe avec le tel de ma binome` (after holdout23).
  ...TEAMMATE_DEVICE_CUES_14,
];

/**
 * Ways of carrying on read only after a blocked statement, outside its clause (priority-facts.ts):
 * `the girls write the orders on the notebook`, `tout le monde passe par la caisse 2`, `depuis le
 * poste de Jessica` (after holdout12/13).
 */
export const AFTER_BLOCK_WAY_CUES: readonly WorkaroundCue[] = [
  ...AFTER_BLOCK_WORKAROUND_CUES_10,
  // `I print the scores before the lessons, it works but costs a lot of paper` (after holdout15).
  ...WORKS_BUT_COSTS_CUES_11,
  // `Customers pay at the main till instead` (after holdout19).
  ...INSTEAD_CUES_13,
  // `The cashier on lane 5 takes only cash` (after holdout21/22).
  ...CASH_ONLY_CUES_14,
  // `cela me permet de travailler`, `par mail pour avancer` (after holdout23).
  ...LETS_ME_WORK_CUES_14,
];

/** Statements that nothing is blocked (`je peux travailler`), read besides the denied blocked statements. */
export const NOT_BLOCKED_FACT_CUES: readonly Cue[] = [
  ...NOT_BLOCKED_CUES,
  ...GENERAL_NOT_BLOCKED_CUES,
  ...GENERAL_NOT_BLOCKED_CUES_3,
  ...GENERAL_NOT_BLOCKED_CUES_6,
  ...GENERAL_NOT_BLOCKED_CUES_7,
  ...GENERAL_NOT_BLOCKED_CUES_9,
  ...GENERAL_NOT_BLOCKED_CUES_10,
  // `Aucun de nos agents n'est gêné dans son travail` (after holdout29).
  ...NONE_HINDERED_CUES_15,
  // `Je la ferme et le poste fonctionne ensuite, je peux travailler sans souci` (after holdout28).
  ...CAN_WORK_CUES_15,
  // `it still click fine`, `Everything's been working fine since` (after holdout18).
  ...STILL_FINE_CUES_13,
  ...WORKING_SINCE_CUES_13,
];

/**
 * Words of a blocked statement that say nothing blocked now: a blocked statement they overlap is
 * none (priority-facts.ts, which adds the conditional resend request).
 */
export const NOTHING_BLOCKED_NOW_CUES: readonly Cue[] = [
  // Good news about an error (`n'affiche plus d'erreur`) and a hypothesis asked (`que faire si
  // le logiciel affiche une erreur ?`) say nothing blocked (issue 11, after holdout4).
  ...NO_MORE_ERROR,
  // `j'ai bloqué le créneau de jeudi`: `bloquer` a time is a booking (after holdout6).
  ...OTHER_SENSE_CUES_5,
  // `Sailors keep asking for wifi`, `EDF coupe le courant samedi de 7h à 13h`: a request, a cut
  // announced ahead: nothing blocked now (after holdout10); `le réseau sera coupé demain`, `the
  // power will be cut on Saturday`: the same, read after holdout9 too.
  ...OTHER_SENSE_CUES_8,
  ...PLANNED_CUT_CUES_9,
];

/** A way of carrying on that failed (`j'ai essayé sur un autre poste, même problème`), before the fallbacks. */
export const FAILED_FACT_CUES: readonly Cue[] = [...FAILED_CUES, ...GENERAL_FAILED_CUES];

/** A fallback that failed, after round 2's (which priority-facts.ts reads with its own limit). */
export const FAILED_FALLBACK_FACT_CUES: readonly Cue[] = [
  ...GENERAL_FAILED_FALLBACK_CUES_3,
  // `la 4G de secours est aussi tombée`: a fallback fallen too (after holdout13).
  ...FALLBACK_FELL_CUES_10,
  // `la liaison de secours par 4G échoue aussi`: a fallback that fails (after holdout15).
  ...FALLBACK_FAILS_CUES_11,
  // `We switched to the backup station but it's showing the same` (after holdout17).
  ...FALLBACK_SAME_CUES_12,
  // `Le portable de secours qu'on utilisait vient de lâcher`, `même le comptoir 1 qu'on utilisait
  // pour dépanner`, `le routeur de secours ne prend pas le relais` (after holdout28–31).
  ...WAY_USED_THEN_STOPPED_CUES_15,
  ...FALLBACK_NO_TAKEOVER_CUES_15,
];

/**
 * A way that ran out or gave out, read only after a way offered, in its sentence or the next
 * (priority-facts.ts): `We were using paper labels but we've run out of those now` (after holdout9);
 * `avec le carnet mais il est fini`, `ne tient plus` (after holdout20/21); `I've burnt through my
 * data and it's stopped` (after holdout40); `The laptop you lent me has now died too` (after holdout42).
 */
export const WAY_RAN_OUT_CUES: readonly Cue[] = [
  ...RUN_OUT_CUES_9,
  ...WAY_GAVE_OUT_CUES_14,
  ...WAY_GAVE_OUT_CUES_16,
  ...WAY_DIED_TOO_CUES_17,
];

/** One user (`je suis la seule`, `my colleagues are fine`), before priority-facts.ts drops questions and things alone. */
export const ONE_USER_FACT_CUES: readonly Cue[] = [
  ...ONE_USER_CUES,
  ...GENERAL_ONE_USER_CUES,
  ...GENERAL_ONE_USER_CUES_4,
  ...GENERAL_ONE_USER_CUES_6,
  ...GENERAL_ONE_USER_CUES_7,
  // `I'm the only pharmacist on this afternoon`, `The other phones in the agency are ok` (after holdout21/22).
  ...ONLY_ONE_OF_ROLE_CUES_14,
  ...OTHER_DEVICES_FINE_CUES_14,
  // `les autres infirmières n'ont pas le problème`, `Other desks are fine` (after holdout42).
  ...OTHERS_FREE_OF_IT_CUES_17,
];

/**
 * One user unless a group of people is named as blocked apart from the writer (priority-facts.ts):
 * `I'm the one who does the orders`, `everyone else is back online` (after holdout10).
 */
export const ONE_USER_BESIDE_NO_GROUP_CUES: readonly Cue[] = [
  ...GENERAL_ONE_USER_CUES_8,
  ...ROLE_SUBJECT_CUES_10,
];
