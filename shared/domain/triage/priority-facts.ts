import type { PriorityLevel } from '../desk/service-desk-config';
import {
  AFTER_BLOCK_WAY_CUES,
  BLOCKED_FACT_CUES,
  CHANNEL_WAY_CUES,
  FAILED_FACT_CUES,
  FAILED_FALLBACK_FACT_CUES,
  NO_WORKAROUND_FACT_CUES,
  NOT_BLOCKED_FACT_CUES,
  NOTHING_BLOCKED_NOW_CUES,
  ONE_USER_BESIDE_NO_GROUP_CUES,
  ONE_USER_FACT_CUES,
  SET_ASIDE_FACT_CUES,
  SEVERAL_USERS_FACT_CUES,
  SEVERAL_WHEN_BLOCKED_CUES,
  WAY_CUES_AFTER_CHANNELS,
  WAY_CUES_BEFORE_CHANNELS,
  WAY_RAN_OUT_CUES,
} from './priority-fact-cues';
import {
  AFFECTED,
  type Cue,
  NEGATION_STOPS,
  NEGATORS,
  PEOPLE_WORD,
  PLURAL_SUBJECT,
  POLITENESS,
  PROBLEM_WORDS,
  SINGULAR_SUBJECT,
  type WorkaroundCue,
} from './priority-vocabulary';
import { ATTEMPT, SUCCESS } from './priority-vocabulary-general';
import { GENERAL_FAILED_FALLBACK_CUES } from './priority-vocabulary-general-2';
import {
  ANOTHER_SUBJECT,
  CONDITIONAL_BEFORE,
  FALLBACK_SUBJECT,
  NOT_ONE_DEVICE,
  ONE_PERSONAL_DEVICE,
  SERVED_BEFORE,
  SERVED_PEOPLE,
  SHARED_STATION,
  SINGULAR_OBJECT,
  WHO_AFTER,
  WORKAROUND_SUCCESS,
} from './priority-vocabulary-general-3';
import { GENERAL_WORKAROUND_CUES_4, SINCE_SUBJECT_BEFORE } from './priority-vocabulary-general-4';
import {
  DROPPED_FIRST_PERSON,
  FREQUENCY_AFTER,
  PAST_DATE,
  REPAIR_WORDS,
} from './priority-vocabulary-general-5';
import {
  FEARED_BEFORE,
  FOR_THE_WRITER,
  OTHERS_SCOPE,
  OTHERS_SUBJECT,
  TELLING,
  WRITER_IN_SCOPE,
} from './priority-vocabulary-general-6';
import { CHANNEL_WORKAROUND_CUES_7 } from './priority-vocabulary-general-7';
import { NEW_STATEMENT_AFTER_ATTEMPT, REACHED_BEFORE } from './priority-vocabulary-general-8';
import {
  BACK_TO_FALLBACK,
  ELSEWHERE_WORKAROUND_CUES_9,
  WISH_BEFORE_9,
  WISH_OPENS_9,
  WORKAROUND_SUBJECT_9,
} from './priority-vocabulary-general-9';
import {
  AFTER_BLOCK_WORKAROUND_CUES_10,
  QUESTION_OPENS_10,
  SEVERAL_STATIONS_CUES_10,
  SINGLE_THING_10,
} from './priority-vocabulary-general-10';
import { CHANNEL_FAMILIES_11, LEAD_IN_LABEL_11, NOT_FOR_ME_CUES_11 } from './priority-vocabulary-general-11';
import { CONCESSION_OPENING_12, CONSEQUENCE_OPENING_12 } from './priority-vocabulary-general-12';
import { THING_IS_BEFORE_13, THING_NOT_STUCK_BEFORE_13 } from './priority-vocabulary-general-13';
import {
  AVOIDED_BEFORE_14,
  FOR_A_WHILE_AFTER_14,
  NOT_RECEIVED_IT_CUES_14,
  ONLY_THING_CUES_14,
  RESEND_REQUEST_14,
  THINGS_IN_A_QUEUE_14,
} from './priority-vocabulary-general-14';
import {
  CANT_FIND_IT_15,
  FOR_THE_REST_AFTER_15,
  HOW_TO_AROUND_15,
  WAY_RULED_OUT_BEFORE_15,
} from './priority-vocabulary-general-15';
import { IF_AFTER_16, ONLY_MINE_WORKS_CUES_16 } from './priority-vocabulary-general-16';
import { PRINTS_NOTHING_AFTER_17, WAY_THING_USED_UP_CUES_17 } from './priority-vocabulary-general-17';
import {
  clauses,
  type FoldedText,
  foldText,
  originalSpan,
  type Span,
  sentences,
  spanAt,
} from './text-normalize';

/** Longer bodies are log dumps or pasted documents: the client's statement is at the top. */
export const MAX_ANALYSED_CHARS = 20_000;
const MAX_PHRASE_CHARS = 160;

/** How sure the reading of one fact is: `low` means the triage should ask the client. */
export type Confidence = 'high' | 'medium' | 'low';
export type FactReading<State extends string> = {
  state: State;
  confidence: Confidence;
  /** The client's phrases that established the state (empty when nothing was said). */
  evidence: string[];
};
/** The brochure's three facts as read, each with its evidence and confidence. */
export type FactReadings = {
  /** `unknown`: blocked and not-blocked statements contradict each other. */
  blocked: FactReading<'yes' | 'no' | 'unknown'>;
  /** `failed`: a workaround was tried and did not work; `not-mentioned` counts as none (triage.md). */
  workaround: FactReading<'exists' | 'none' | 'failed' | 'not-mentioned'>;
  /** `unknown`: someone is blocked but nothing says whether it is one person or several. */
  severalUsers: FactReading<'yes' | 'no' | 'unknown'>;
};

/** The brochure's three facts, each with the client's own phrases that established it. */
export type PriorityFacts = {
  blocked: boolean;
  workaround: boolean;
  severalUsers: boolean;
  readings: FactReadings;
  phrases: {
    blocked: string[];
    notBlocked: string[];
    workaround: string[];
    noWorkaround: string[];
    severalUsers: string[];
    oneUser: string[];
  };
};

type Found = {
  cue: Cue;
  start: number;
  end: number;
  sentence: Span;
  /** From the clause where the cue starts to the clause where it ends: the client's phrase. */
  phrase: Span;
  clause: Span;
  negated: boolean;
  question: boolean;
};

/**
 * Reads the facts from a text (the subject when it is the client's, then the new text). `subjectLength`
 * is the length of the leading subject part: a several-users phrase there counts on its own.
 * `problemContext` (a forwarded message) never gives a fact; it only tells that a workaround the
 * client says they use (`on imprime au back-office en attendant`) stands for a stopped tool.
 */
// Stryker disable next-line StringLiteral: a default context without a problem word (`Stryker was here!`) implies nothing, as '' does
export function readPriorityFacts(text: string, subjectLength = 0, problemContext = ''): PriorityFacts {
  const folded = foldText(text.slice(0, MAX_ANALYSED_CHARS));
  const subjectEnd = subjectLength > 0 ? foldText(text.slice(0, subjectLength)).text.length : 0;
  const sentenceSpans = sentences(folded.text);
  const index: SpanIndex = { sentences: sentenceSpans, clauses: new Map() };
  const find = (cues: readonly Cue[]) => findCues(folded, index, cues);
  // Every way of carrying on says whether it is stated or inferred (WayAround): the type makes a
  // new list of workaround cues choose.
  const findWays = (cues: readonly WorkaroundCue[]) => find(cues);

  const blockedFound = find(BLOCKED_FACT_CUES);

  const severalFound = find(SEVERAL_USERS_FACT_CUES).filter(
    // `toutes les deux minutes`: a frequency, not a pair of people (after holdout6).
    (f) =>
      !f.negated && !notAll(folded.text, f) && !FREQUENCY_AFTER.test(folded.text.slice(f.end, f.end + 20)),
  );
  const blockingSeveral = severalFound.filter((f) => f.cue.blocking);
  // `mes collègues ne peuvent pas les signer à ma place`: no workaround, and others who cannot do it
  // for the writer are not blocked users (after holdout14).
  // Read once, among the no-workaround cues (NO_WORKAROUND_FACT_CUES holds them), before their filters.
  const noWorkaroundFound = find(NO_WORKAROUND_FACT_CUES);
  const notForMe = noWorkaroundFound.filter((f) => NOT_FOR_ME_CUES_11.includes(f.cue));
  // A workaround that is asked about is not a workaround that exists; one that was tried and
  // failed (`J'ai essayé sur un autre poste, même problème`) is none; the last statement wins.
  const noWorkaround = noWorkaroundFound
    .filter((f) => !f.question)
    // `on n'en a plus d'autre si une deuxième lâche`: a lack feared, none now (after holdout39).
    .filter((f) => !IF_AFTER_16.test(folded.text.slice(f.end, f.end + 40)));
  const setAside = find(SET_ASIDE_FACT_CUES);
  const offered = [
    ...findWays(WAY_CUES_BEFORE_CHANNELS),
    // `La caisse est HS. On prend les commandes par téléphone`: a channel is a way of carrying on
    // only after a blocked statement of the body (after holdout8).
    // `je travaille depuis la tablette`, `on se met en 4G`, `par radio`: the same, from another device,
    // place or connection (after holdout9 and holdout11).
    ...findWays(CHANNEL_WAY_CUES).filter(
      (c) =>
        [...blockedFound.filter((b) => !b.negated), ...blockingSeveral].some(
          (b) => b.start >= subjectEnd && b.end <= c.start,
        ) &&
        // `My email does not send… all the orders I confirm by email`: the channel that is broken
        // is the usual way of working, not a way around it (after holdout14).
        !CHANNEL_FAMILIES_11.some(
          (family) =>
            family.test(folded.text.slice(c.start, c.end)) &&
            blockedFound.some(
              (b) =>
                !b.negated && family.test(folded.text.slice(b.clause.start, Math.max(b.clause.end, b.end))),
            ),
        ),
    ),
    ...findWays(WAY_CUES_AFTER_CHANNELS),
    // `the girls write the orders on the notebook`, `tout le monde passe par la caisse 2`, `depuis le
    // poste de Jessica`: read after a blocked statement, outside its clause (after holdout12/13), and
    // so are the later ones of the list (after holdout15 to holdout23).
    ...findWays(AFTER_BLOCK_WAY_CUES).filter((c) =>
      blockedFound.some(
        (b) => !b.negated && b.start >= subjectEnd && b.end <= c.start && b.clause.start !== c.clause.start,
      ),
    ),
  ].filter(
    (f) =>
      // `on encaisse a la main en attendant vous pouvez passer ?`: in a run-on sentence the question
      // opens after the way, at its request (after holdout13).
      !(f.question && !QUESTION_OPENS_10.test(folded.text.slice(f.end, f.sentence.end))) &&
      // `I'd love to tell you what we're doing instead`: a way under a wish is none in use (after holdout11).
      !WISH_BEFORE_9.test(folded.text.slice(Math.max(f.clause.start, f.start - 80), f.start)) &&
      !WISH_OPENS_9.test(folded.text.slice(f.start, f.end)) &&
      // `forget the quota question for now`: a request set aside is no way around (after holdout8).
      !setAside.some((n) => overlaps(n, f)) &&
      !f.negated &&
      // `I cant borrow one`, `je ne peux pas en emprunter`: a way of carrying on under a negation
      // is none, whatever its cue (issue 11, after holdout7).
      !isNegated(folded.text, f.clause.start, f.start, 3) &&
      !noWorkaround.some((n) => overlaps(n, f)) &&
      !SINCE_SUBJECT_BEFORE.test(folded.text.slice(Math.max(f.clause.start, f.start - 40), f.start)) &&
      // `everything was moved to the app in September`: a change with its date is history (after holdout6);
      // a use in the present for carrying on is none (`Nous utilisons le catalogue de l'an dernier pour
      // continuer`: the date is the catalogue's, after holdout38).
      (f.cue.id === 'used-to-get-by' || !PAST_DATE.test(folded.text.slice(f.clause.start, f.clause.end))),
  );
  const notBlocked = [
    ...blockedFound.filter(
      (f) =>
        f.negated &&
        f.cue.negation === 'denies' &&
        !existentialObject(folded.text, f) &&
        // `paper jam error but no paper stuck`: a thing not stuck, no denial (after holdout18).
        !THING_NOT_STUCK_BEFORE_13.test(folded.text.slice(Math.max(f.clause.start, f.start - 40), f.start)),
    ),
    ...find(NOT_BLOCKED_FACT_CUES),
  ]
    .filter((n) => !saysWorkaroundWorks(folded.text, sentenceSpans, n, offered))
    // `Meanwhile I keep my notes in a spreadsheet, so I'm not stuck`: not stuck thanks to the way,
    // a consequence of it rather than a denial of the block (after holdout17).
    .filter(
      (n) =>
        !(
          offered.some((w) => !w.negated && w.end <= n.start) &&
          CONSEQUENCE_OPENING_12.test(folded.text.slice(n.clause.start, n.start))
        ),
    )
    // `mes collègues n'ont aucun souci`, `c'est revenu pour mes collègues`: the others' news is
    // theirs, not a denial that the writer is blocked (after holdout7).
    .filter((n) => !othersNews(folded.text, n))
    // `elle imprime des pages blanches`: printing nothing is no `it prints` (after holdout42).
    .filter(
      (n) =>
        !(
          folded.text.slice(n.end - 7, n.end) === 'imprime' &&
          PRINTS_NOTHING_AFTER_17.test(folded.text.slice(n.end, n.end + 40))
        ),
    )
    .sort(byStart);
  // A statement of the other polarity (`personne ne s'en plaint`) is not a blocked one; nor is one
  // that says nothing blocked now (good news about an error, a booking, a request, a cut announced).
  const noMoreError = [
    ...find(NOTHING_BLOCKED_NOW_CUES),
    // `Could you send us again the invoice? Our accounting did not receive it.` (after holdout22), `can
    // you send again the invoice, our accountant did not receive it` (holdout18: round 13 had its own
    // reading of it, the same behaviour; this one serves both).
    ...(RESEND_REQUEST_14.test(folded.text) ? find(NOT_RECEIVED_IT_CUES_14) : []),
  ];
  const blocked = [...blockedFound.filter((f) => !f.negated), ...blockingSeveral]
    .filter((f) => !notBlocked.some((n) => overlaps(n, f)) && !noMoreError.some((n) => overlaps(n, f)))
    .filter((f) => !(f.question && CONDITIONAL_BEFORE.test(folded.text.slice(f.clause.start, f.start))))
    // `I don't want to be locked out next week`: a block feared is not a block now (after holdout7).
    .filter((f) => !FEARED_BEFORE.test(folded.text.slice(Math.max(f.clause.start, f.start - 60), f.start)))
    // `without getting locked out`: a block avoided is not a block now (after holdout23).
    .filter(
      (f) => !AVOIDED_BEFORE_14.test(folded.text.slice(Math.max(f.clause.start, f.start - 30), f.start)),
    )
    // `How do I set up an out-of-office reply? I looked in the settings but can't find it`: a how-to,
    // not a block (after holdout29/30).
    .filter(
      (f) =>
        !(
          CANT_FIND_IT_15.test(folded.text.slice(f.clause.start, Math.max(f.clause.end, f.end))) &&
          HOW_TO_AROUND_15.test(
            folded.text.slice(Math.max(0, f.clause.start - 200), Math.max(f.clause.end, f.end) + 150),
          )
        ),
    )
    .sort(byStart);

  const blockedClauses = new Set(blocked.map((f) => f.clause.start));
  // A retry is not a workaround (issue 11, holdout2): another way that was only tried (`Tried
  // another browser and private mode`) failed unless the client says it worked.
  const tried = offered.filter(
    (f) =>
      isAttempt(folded.text, f) &&
      !SUCCESS.test(folded.text.slice(f.sentence.start, nextSentenceEnd(sentenceSpans, f))),
  );
  const failed = [
    ...find(FAILED_FACT_CUES),
    // `it works but it is not a solution for long`: a way with its limit, no failure (after holdout22).
    ...find(GENERAL_FAILED_FALLBACK_CUES).filter(
      (f) => !FOR_A_WHILE_AFTER_14.test(folded.text.slice(f.end, f.end + 30)),
    ),
    ...find(FAILED_FALLBACK_FACT_CUES),
  ]
    .filter((f) => !f.question)
    .concat(
      tried,
      // `though it's slow and jams now and then`: a flaw conceded is a cost, no failure (after holdout16).
      blocked.filter(
        (b) =>
          fallbackIsSubject(folded.text, b) &&
          !CONCESSION_OPENING_12.test(folded.text.slice(b.clause.start, b.start)),
      ),
      // `We were using paper labels but we've run out of those now`: a way that has run out, told
      // after it in its sentence or the next (after holdout9).
      // `avec le carnet mais il est fini`, `ne tient plus`: a way that gave out (after holdout20/21).
      // `I've burnt through my data and it's stopped` (after holdout40); `The laptop you lent me has
      // now died too`, `mais le carnet est fini`: the way's own thing (after holdout42/43).
      [
        ...find(WAY_RAN_OUT_CUES),
        ...find(WAY_THING_USED_UP_CUES_17).filter((r) =>
          offered.some((w) => w.end <= r.start && wayNamesThing(folded.text, w, r)),
        ),
      ].filter(
        (r) =>
          !r.question &&
          !IF_AFTER_16.test(folded.text.slice(r.end, r.end + 40)) &&
          offered.some(
            (w) =>
              w.end <= r.start &&
              (w.sentence.start === r.sentence.start ||
                nextSentenceStart(sentenceSpans, w) === r.sentence.start),
          ),
      ),
    );
  // `ce n'est plus seulement son poste`: a negated "only" is not one user (after holdout5).
  const notOnly = severalFound.filter((f) => f.cue.id === 'not-only-me');
  const onlyThing = find(ONLY_THING_CUES_14);
  const onlyMineWorks = find(ONLY_MINE_WORKS_CUES_16);
  // `I'm the one who does the orders`, `everyone else is back online` (after holdout10) give way to
  // a group of people named as blocked apart from them.
  const namedGroups = severalFound.filter(
    (f) =>
      (f.cue.people || PEOPLE_WORD.test(folded.text.slice(f.start, f.end))) &&
      (f.cue.blocking || blocked.some((b) => b.sentence.start === f.sentence.start)),
  );
  const oneUser = [
    ...find(ONE_USER_FACT_CUES),
    ...find(ONE_USER_BESIDE_NO_GROUP_CUES).filter((f) => !namedGroups.some((g) => !overlaps(g, f))),
  ]
    .filter((f) => !f.question && !f.negated && !notOnly.some((n) => overlaps(n, f)))
    // `le module est le seul à être agréé`: a thing alone of its kind, no person (after holdout18).
    .filter((f) => !THING_IS_BEFORE_13.test(folded.text.slice(Math.max(0, f.start - 40), f.start)))
    // `It's the only one that talks to the scan tools`: a thing alone, not a person (after holdout20).
    .filter((f) => !onlyThing.some((n) => overlaps(n, f)))
    // `We have only my account working`: the one thing that works, everyone else's stopped (after holdout40).
    .filter((f) => !onlyMineWorks.some((n) => overlaps(n, f)));
  // `our client's contract does not allow us to take calls on paper`, `on a pas de clé pour l'ouvrir
  // manuellement`: a way ruled out before it is named is no way in use (after holdout29/30).
  const ruledOut = offered.filter((f) =>
    WAY_RULED_OUT_BEFORE_15.test(folded.text.slice(Math.max(f.clause.start, f.start - 60), f.start)),
  );
  const workaround = offered.filter(
    (f) =>
      !ruledOut.includes(f) &&
      // `je me débrouille très bien pour le reste`: the rest goes well, no way around (after holdout31).
      !FOR_THE_REST_AFTER_15.test(folded.text.slice(f.end, f.end + 50)) &&
      !tried.includes(f) &&
      !othersOwnWay(folded.text, f, oneUser) &&
      !timeThenBlocked(folded.text, f, blocked) &&
      !blockedThenTime(folded.text, f, blocked) &&
      !failed.some((x) => x.start >= f.sentence.start && x.start <= nextSentenceEnd(sentenceSpans, f)) &&
      !(
        (f.cue.id === 'fr:pour-l-instant' ||
          f.cue.id === 'meanwhile-then-doing' ||
          f.cue.id === 'means-until-fixed') &&
        blockedClauses.has(f.clause.start)
      ) &&
      !(VOID_IF_BLOCKED_AFTER.has(f.cue) && blockedAfter(f, blocked)) &&
      // `by email all day, so we're dead in the water until it's back`: a block told before the
      // `until` is waiting for the fix, not a means used until then (after holdout22).
      !(f.cue.id === 'means-until-fixed' && blocked.some((b) => b.start > f.start && b.end < f.end)),
  );
  const statements = [...noWorkaround, ...ruledOut, ...failed, ...workaround].sort(byStart);
  const lastStatement = statements.at(-1);

  const blockedSentences = new Set(blocked.map((f) => f.sentence.start));
  const several = severalFound
    .filter(
      (f) =>
        !notForMe.some((n) => n.clause.start === f.clause.start) &&
        !objectOfOneUser(folded.text, f, blocked) &&
        !servedPeople(folded.text, f, blocked) &&
        // `ni appeler les équipes`: people the writer cannot reach are an object (after holdout10).
        !(
          !f.cue.blocking &&
          REACHED_BEFORE.test(folded.text.slice(Math.max(f.clause.start, f.start - 40), f.start))
        ) &&
        (f.cue.blocking ||
          f.start < subjectEnd ||
          blockedSentences.has(f.sentence.start) ||
          AFFECTED.test(folded.text.slice(f.sentence.start, f.sentence.end))),
    )
    // `nous sommes cinq à devoir signer`: who needs the tool, when something is blocked (after holdout5).
    // `maintenant c'est toutes les caisses`: the fault spread to every device (after holdout6).
    .concat(
      blocked.length > 0
        ? find(SEVERAL_WHEN_BLOCKED_CUES)
            .filter((f) => !f.negated && !f.question)
            // `les trois postes d'accueil ne peuvent plus`: several stations, in a blocked clause (after holdout13).
            .concat(find(SEVERAL_STATIONS_CUES_10).filter((f) => blockedClauses.has(f.clause.start)))
        : [],
    )
    .sort(byStart);

  const phrase = (list: readonly Found[]) => unique(list.map((f) => phraseOf(folded, f)));
  const isBlocked = blocked.length > 0 && notBlocked.length === 0;
  // One statement read by several cues (`none of my sellers can`) is one statement: the
  // contradiction is weighed by clauses, not by cues (issue 11, after holdout7).
  const blockedStatements = new Set(blocked.map((f) => f.clause.start)).size;
  // A workaround in use says that something stopped the usual way of working.
  const impliedBlock =
    !isBlocked &&
    notBlocked.length === 0 &&
    (workaround.length > 0 || failed.length > 0) &&
    (PROBLEM_WORDS.test(folded.text) ||
      REPAIR_WORDS.test(folded.text) ||
      PROBLEM_WORDS.test(foldText(problemContext.slice(0, MAX_ANALYSED_CHARS)).text));
  const blockedReading: FactReadings['blocked'] = isBlocked
    ? { state: 'yes', confidence: 'high', evidence: phrase(blocked.slice(0, 2)) }
    : impliedBlock
      ? { state: 'yes', confidence: 'medium', evidence: phrase([...workaround, ...failed].slice(0, 1)) }
      : notBlocked.length > 0
        ? {
            state: blockedStatements > notBlocked.length + 1 ? 'unknown' : 'no',
            confidence: blockedStatements > notBlocked.length + 1 ? 'low' : 'high',
            evidence: phrase(notBlocked.slice(0, 2)),
          }
        : { state: 'no', confidence: 'medium', evidence: [] };

  const workaroundState: FactReadings['workaround']['state'] = !lastStatement
    ? 'not-mentioned'
    : workaround.includes(lastStatement)
      ? 'exists'
      : failed.includes(lastStatement)
        ? 'failed'
        : 'none';
  // A workaround in use is as sure as its words: stated (`en attendant on note à la main`) is high,
  // only inferred from what people do (`on prend les commandes par téléphone`, `instead`) is medium.
  // The phrases since the last statement of no workaround or of a failed one are those in use.
  const inUse = statements.slice(statements.findLastIndex((f) => !workaround.includes(f)) + 1);
  const stated = inUse.some((f) => f.cue.wayAround === 'stated');
  const workaroundReading: FactReadings['workaround'] = {
    state: workaroundState,
    confidence:
      workaroundState === 'not-mentioned' || (workaroundState === 'exists' && !stated) ? 'medium' : 'high',
    evidence: lastStatement ? phrase([lastStatement]) : [],
  };

  // `cant log in since 7`: a blocked sentence that opens on its verb, outside the subject line, is
  // the writer's own (telegraphic first person, after holdout6).
  const droppedSubject = blocked.some(
    (f) =>
      f.sentence.start >= subjectEnd &&
      // `Booth 2, can't record anything`: after a short label, the clause opens on the verb (after holdout15).
      f.clause.start <=
        f.sentence.start +
          (LEAD_IN_LABEL_11.exec(folded.text.slice(f.sentence.start, f.start))?.[0].length ?? 0) &&
      !f.question &&
      (DROPPED_FIRST_PERSON.test(folded.text.slice(f.sentence.start, f.sentence.end)) ||
        DROPPED_FIRST_PERSON.test(
          folded.text.slice(f.sentence.start, f.sentence.end).replace(LEAD_IN_LABEL_11, ''),
        )),
  );
  const severalReading = readSeveralUsers(folded.text, several, oneUser, blocked, phrase, droppedSubject);
  const readings: FactReadings = {
    blocked: blockedReading,
    workaround: workaroundReading,
    severalUsers: severalReading,
  };
  return {
    blocked: blockedReading.state === 'yes',
    workaround: workaroundState === 'exists',
    severalUsers: severalReading.state === 'yes',
    readings,
    phrases: {
      blocked: blockedReading.state === 'yes' ? blockedReading.evidence : phrase(blocked),
      notBlocked: phrase(notBlocked),
      workaround: workaroundState === 'exists' ? workaroundReading.evidence : [],
      noWorkaround:
        workaroundState === 'none' || workaroundState === 'failed' ? workaroundReading.evidence : [],
      severalUsers: phrase(several),
      oneUser: phrase(oneUser),
    },
  };
}

/**
 * A not-blocked phrase whose clause is about other people (`mes collègues n'ont aucun souci de leur
 * côté`, `c'est revenu pour mes collègues vers 11h`, `it's working again for the others`) says
 * nothing about the writer, who may still be blocked; with the writer in it (`mes collègues et moi
 * n'avons aucun souci`) it is a denial as before (issue 11, after holdout7).
 */
function othersNews(text: string, n: Found): boolean {
  const clause = text.slice(n.clause.start, Math.max(n.clause.end, n.end));
  return OTHERS_SCOPE.test(clause) && !WRITER_IN_SCOPE.test(clause);
}

/**
 * Other people's own way of working (`les architectes travaillent sur un autre logiciel`) is no
 * workaround when the writer said she is the only one blocked, unless they do it for her (`ma
 * collègue imprime les bons pour moi`). Issue 11, after holdout7.
 */
function othersOwnWay(text: string, f: Found, oneUser: readonly Found[]): boolean {
  if (oneUser.length === 0) return false;
  const clause = text.slice(f.clause.start, Math.max(f.clause.end, f.end));
  return OTHERS_SUBJECT.test(clause) && !FOR_THE_WRITER.test(clause);
}

/**
 * `there is no paper stuck`, `il n'y a pas de feuille coincée`: the negation says an object is not
 * there (a cause ruled out), not that the client can work (issue 11, after holdout3).
 */
const EXISTENTIAL_OBJECT =
  /\b(?:there(?: is| are| was| were|'s|s) no|il n'y a (?:pas|plus|aucune?)(?: de| d')?|y a (?:pas|plus|aucune?)(?: de| d')?|il n'y avait (?:pas|aucune?)(?: de| d')?) ?[a-z'-]+(?: [a-z'-]+)? $/u;
function existentialObject(text: string, found: Found): boolean {
  return EXISTENTIAL_OBJECT.test(text.slice(Math.max(0, found.start - 40), found.start));
}

/**
 * `on envoie les contrats par mail en attendant, ça marche mais c'est long`: a success told right
 * after a workaround (in its sentence, or opening the next one) is said of the workaround, not a
 * denial that the tool is stopped (issue 11, after holdout4).
 */
function saysWorkaroundWorks(
  text: string,
  spans: readonly Span[],
  n: Found,
  offered: readonly Found[],
): boolean {
  if (!WORKAROUND_SUCCESS.test(text.slice(n.clause.start, n.end + 40).trimStart())) return false;
  return offered.some(
    (w) =>
      w.end <= n.start &&
      (w.sentence.start === n.sentence.start ||
        (nextSentenceStart(spans, w) === n.sentence.start && n.clause.start === n.sentence.start)),
  );
}

function nextSentenceStart(spans: readonly Span[], f: Found): number {
  const i = spans.findIndex((s) => s.start === f.sentence.start);
  return spans[i + 1]?.start ?? -1;
}

/** At most this many words between the pronoun pointing back to a fallback and its blocked verb (`its battery is dead`). */
const BACK_TO_VERB_WORDS = 4;
/** How far before a blocked statement its fallback subject may stand (`le portable de secours qu'on avait configuré l'an dernier lui aussi refuse`). */
const FALLBACK_TO_BLOCKED_CHARS = 100;

/**
 * A fallback as the subject of a blocked statement (`le portable de secours … refuse de se
 * connecter`, `the backup router can't connect either`): the fallback failed. Not when a cause,
 * a contrast or the usual device comes between (`on utilise le poste de secours car le principal
 * ne démarre plus`): the blocked statement is then about something else.
 */
function fallbackIsSubject(text: string, b: Found): boolean {
  const from = Math.max(b.sentence.start, b.start - FALLBACK_TO_BLOCKED_CHARS);
  const before = text.slice(from, b.start);
  let last = -1;
  for (const m of before.matchAll(FALLBACK_SUBJECT)) last = m.index + m[0].length;
  // `I took the spare one but its battery is dead`: a pronoun after the contrast points back to the
  // fallback, so the blocked statement is still its own (after holdout11).
  if (last >= 0 && !ANOTHER_SUBJECT.test(before.slice(last).replace(BACK_TO_FALLBACK, ' '))) {
    // …as the subject of the blocked verb itself: `but it crackles and customers can't hear me` is
    // the customers' statement, and a crackle is no failure.
    let back = -1;
    for (const m of before.slice(last).matchAll(BACK_TO_FALLBACK)) back = last + m.index + m[0].length;
    if (back < 0) return true;
    const toVerb = before.slice(back);
    if (!NEW_SUBJECT.test(toVerb) && toVerb.split(' ').length <= BACK_TO_VERB_WORDS) return true;
  }
  // `le contournement que vous m'aviez donné (passer par le navigateur) ne fonctionne plus`: the
  // workaround as the subject, with only a relative clause or a parenthesis before its verb
  // (after holdout9).
  let named = -1;
  for (const m of before.matchAll(WORKAROUND_SUBJECT_9)) named = m.index + m[0].length;
  if (named < 0) return false;
  const between = before.slice(named).replace(/\([^()]*\)/gu, ' ');
  return !/[,;:]/u.test(between) && !ANOTHER_SUBJECT.test(between);
}

/**
 * `j'ai 8 élèves à 14h`, `we've got 40 guests arriving`: people the writer has or serves are not
 * the users who are blocked, unless their own words say they are (`nous avons 5 secrétaires
 * bloquées`) or a relative clause follows (`… qui ne peuvent plus`). A blocked statement before
 * them (`je ne peux plus ouvrir l'agenda et j'ai 12 patients`) is the writer's.
 */
/** A blocked statement right after a count, in its clause (`5 secrétaires bloquées`), is said of it. */
function saidOf(text: string, f: Found, b: Found): boolean {
  if (b.clause.start !== f.clause.start || b.end <= f.start) return false;
  if (b.start <= f.end) return true;
  return b.start - f.end <= SAID_OF_CHARS && !NEW_SUBJECT.test(text.slice(f.end, b.start));
}
const SAID_OF_CHARS = 30;
const NEW_SUBJECT = /\b(?:et|and|mais|but|puis|then|donc|so)\b/u;

function servedPeople(text: string, f: Found, blocked: readonly Found[]): boolean {
  if (f.cue.blocking || blocked.some((b) => saidOf(text, f, b))) return false;
  const before = text.slice(Math.max(f.clause.start, f.start - 40), f.start);
  return (
    SERVED_BEFORE.test(before) &&
    SERVED_PEOPLE.test(text.slice(f.start, f.end)) &&
    !WHO_AFTER.test(text.slice(f.start, f.end + 40))
  );
}

/**
 * Several users: a count, a group or a quantifier says so (high); `only me`, `mes collègues y ont
 * accès` says one (high); else the person of the blocked sentences decides (`je ne peux plus`: one,
 * `nous ne pouvons plus`: several, medium); with neither, it is unknown (low): the client is asked.
 */
function readSeveralUsers(
  text: string,
  several: readonly Found[],
  oneUser: readonly Found[],
  blocked: readonly Found[],
  phrase: (list: readonly Found[]) => string[],
  droppedSubject = false,
): FactReadings['severalUsers'] {
  if (oneUser.length > 0) return { state: 'no', confidence: 'high', evidence: phrase(oneUser.slice(0, 1)) };
  const people = several.filter((f) => f.cue.people || PEOPLE_WORD.test(withPartitiveNoun(text, f)));
  if (people.length > 0) return { state: 'yes', confidence: 'high', evidence: phrase(people.slice(0, 2)) };
  if (blocked.length === 0)
    return several.length > 0
      ? { state: 'yes', confidence: 'high', evidence: phrase(several.slice(0, 2)) }
      : { state: 'no', confidence: 'medium', evidence: [] };
  // Only places or devices (`partout`, `at the door and at the office`): one person can meet the
  // problem in several places; the person of the blocked statement decides (issue 11).
  if (several.length > 0) {
    // A dropped subject is weak: it never outweighs named devices or places (`cant sell, none of
    // the tills work`).
    const person = personOf(text, blocked, phrase);
    return person.state === 'no' && person.confidence === 'high'
      ? { ...person, confidence: 'medium' }
      : { state: 'yes', confidence: 'high', evidence: phrase(several.slice(0, 2)) };
  }
  return personOf(text, blocked, phrase, droppedSubject);
}

/**
 * A quantifier names who from the noun after it: `l'ensemble des enseignants`, `la plupart de nos
 * vendeurs`, `all of our drivers` (issue 11, after holdout7). The phrase, plus that noun when the
 * phrase ends on a partitive.
 */
function withPartitiveNoun(text: string, f: Found): string {
  const phrase = text.slice(f.start, f.end);
  if (!PARTITIVE_END.test(phrase)) return phrase;
  return phrase + (PARTITIVE_NOUN.exec(text.slice(f.end, f.end + 40))?.[0] ?? '');
}
const PARTITIVE_END = /(?:\b(?:du|des|de la|de nos|de mes|de ses|de leurs|of the|of our|of my|of)|\bde l')$/u;
const PARTITIVE_NOUN = /^ ?[a-z'-]+(?: [a-z'-]+)?/u;

/** Who is blocked, from the person of the blocked statements (`je ne peux plus`, `we cannot`). */
function personOf(
  text: string,
  blocked: readonly Found[],
  phrase: (list: readonly Found[]) => string[],
  droppedSubject = false,
): FactReadings['severalUsers'] {
  const evidence = phrase(blocked.slice(0, 1));
  // Who is blocked: the person of the blocked clauses, else of their sentences, else of the whole
  // mail (`je n'ai pas d'autre poste`); both persons at one level leave it open.
  const spansOf = (pick: (f: Found) => Span) => [
    ...new Map(blocked.map((f) => [pick(f).start, pick(f)])).values(),
  ];
  const clauseTexts = spansOf((f) => f.clause).map((c) => text.slice(c.start, c.end));
  const sentenceTexts = spansOf((f) => f.sentence).map((c) => text.slice(c.start, c.end));
  for (const [level, parts] of [
    ['clause', clauseTexts],
    ['sentence', sentenceTexts],
    ['mail', [text]],
  ] as const) {
    const part = parts
      .join('\n')
      // `impossible de sortir un seul véhicule`: a single thing is no single person (after holdout11).
      .replace(/\b(?:mes|nos|les) coll\w+|\bpas une? seule?\b|\bune? seule?\b/gu, '')
      // `c'est le seul poste où…`: a single thing, not a person alone (after holdout12).
      .replace(SINGLE_THING_10, '')
      // `ils restent dans la boîte d'envoi`: the messages, not people (after holdout20/22).
      .replace(THINGS_IN_A_QUEUE_14, '')
      .replace(POLITENESS, '')
      // `je vous informe que…`: the writer's verb of telling is not who is blocked (after holdout7).
      .replace(TELLING, '');
    // `le portail me déconnecte`, `it keeps logging me out`: the writer as the object of the
    // blocked verb is one user too; read only near the blocked statement (`merci de me rappeler`
    // elsewhere says nothing about who is blocked). Issue 11, after holdout4.
    const singular =
      countMatches(part, SINGULAR_SUBJECT) +
      (level === 'mail' ? 0 : countMatches(part, SINGULAR_OBJECT) + (droppedSubject ? 1 : 0));
    const plural = countMatches(part, PLURAL_SUBJECT);
    if (singular > 0 && plural > 0) return { state: 'unknown', confidence: 'low', evidence };
    if (singular > 0) return { state: 'no', confidence: level === 'mail' ? 'medium' : 'high', evidence };
    if (plural > 0) return { state: 'yes', confidence: 'medium', evidence };
    // No person in the blocked sentences, but one personal device as what stopped (`la tablette
    // du corbillard ne trouve plus les adresses`): one person's work (medium). A shared thing
    // (`le serveur`, `la caisse`) or several devices leave it open.
    if (level === 'sentence' && oneDeviceOnly(clauseTexts, sentenceTexts)) {
      return { state: 'no', confidence: 'medium', evidence };
    }
  }
  return { state: 'unknown', confidence: 'low', evidence };
}

function oneDeviceOnly(clauseTexts: readonly string[], sentenceTexts: readonly string[]): boolean {
  return (
    clauseTexts.some((c) => {
      const m = ONE_PERSONAL_DEVICE.exec(c);
      // `le PC de la caisse`, `the reception PC`: a station a team shares.
      return (
        m !== null && !SHARED_STATION.test(c.slice(Math.max(0, m.index - 1), m.index + m[0].length + 30))
      );
    }) && !sentenceTexts.some((c) => NOT_ONE_DEVICE.test(c))
  );
}

function countMatches(text: string, pattern: RegExp): number {
  let n = 0;
  for (const _ of text.matchAll(pattern)) n += 1;
  return n;
}

/**
 * A way that was only tried: a verb of trying (`tried`, `essayé`, `testé`) before the workaround
 * phrase in its clause or the clause before (`Tried another browser`, `J'ai essayé sur un autre
 * poste`).
 */
function isAttempt(text: string, f: Found): boolean {
  const before = text.slice(Math.max(f.sentence.start, f.start - LOOKBEHIND_CHARS), f.end);
  let last = -1;
  for (const m of before.matchAll(ATTEMPT)) last = m.index + m[0].length;
  if (last < 0) return false;
  // `j'ai essayé 3 fois je note sur le cahier en attendant`: a new statement after the attempt (after holdout10).
  if (NEW_STATEMENT_AFTER_ATTEMPT.test(before.slice(last))) return false;
  const between = before.slice(last, before.length - (f.end - f.start));
  return (between.match(/[,()]/gu) ?? []).length <= 1;
}

/**
 * A time phrase alone (`for now`, `en attendant`, `meanwhile`) followed at once by a blocked
 * statement is no workaround: `For now I'm stuck`, `en attendant personne ne peut travailler`.
 */
function timeThenBlocked(text: string, f: Found, blocked: readonly Found[]): boolean {
  if (!TIME_ONLY.test(text.slice(f.start, f.end))) return false;
  return blocked.some(
    (b) =>
      b.sentence.start === f.sentence.start && b.start >= f.end && b.start - f.end <= TIME_TO_BLOCKED_CHARS,
  );
}
/**
 * A blocked statement then a time phrase, with no new subject between them, is no workaround: `je
 * ne peux rien faire en attendant`, `I can't do anything in the meantime` (after holdout9). With a
 * new subject or a link between (`je ne peux plus imprimer donc j'utilise le poste d'à côté pour
 * l'instant`), the time phrase is the way's.
 */
function blockedThenTime(text: string, f: Found, blocked: readonly Found[]): boolean {
  const time = TIME_AT_END.exec(text.slice(f.start, f.end));
  if (!time) return false;
  const timeStart = f.start + time.index;
  return blocked.some(
    (b) =>
      b.start >= f.start &&
      b.end <= timeStart &&
      b.sentence.start === f.sentence.start &&
      !NEW_SUBJECT_OR_LINK.test(text.slice(b.end, timeStart)),
  );
}
const TIME_AT_END =
  /\b(?:for now|meanwhile|in the meantime|for the time being|for the moment|en attendant|pour l'instant|pour le moment|entre-temps|entre temps)$/u;
const NEW_SUBJECT_OR_LINK =
  /\b(?:je|j'|on|nous|i|we|il|elle|ils|elles|they|donc|so|mais|but|alors|then|et|and|puis|du coup)\b|[,;:]/u;

const TIME_ONLY =
  /^(?:for now|meanwhile|in the meantime|for the time being|en attendant|pour l'instant|pour le moment|entre-temps|entre temps)$/u;
const TIME_TO_BLOCKED_CHARS = 20;

/**
 * `I can't get into the staff rota app`: a group named after a singular subject's blocked verb is
 * the object, not who is blocked ("I" + blocked = one user, even when the object is plural).
 * A conjunction between them (`I can't print and neither can the team`) starts a new subject.
 */
function objectOfOneUser(text: string, f: Found, blocked: readonly Found[]): boolean {
  if (f.cue.blocking || f.cue.people) return false;
  return blocked.some(
    (b) =>
      b.clause.start === f.clause.start &&
      b.end <= f.start &&
      !b.cue.blocking &&
      // `je vous informe que l'ENT est inaccessible pour l'ensemble des enseignants`: the verb of
      // telling is not the subject of the blocked verb (after holdout7).
      ONE_SPEAKER.test(text.slice(f.clause.start, b.start).replace(TELLING, '')) &&
      !/\b(?:and|et|nor|ni|neither|so|too|aussi|either|nous|we|on)\b/u.test(text.slice(b.end, f.start)),
  );
}
/** The speaker alone as subject: `I`, `je`, `j'`. */
const ONE_SPEAKER = /(?:^|[\s,])(?:i|i'm|im|i've|ive|je|j'\w*|jai|j(?= [a-z]))\b/u;

/**
 * A way of carrying on read after holdout5 (`I'm running it on the back office PC for tonight`) is
 * void when its sentence goes on to say that it is blocked too (`…, it crashes there as well`);
 * so are the channels, places and stations read after holdout8, 9 and 12/13.
 */
const VOID_IF_BLOCKED_AFTER: ReadonlySet<Cue> = new Set<Cue>([
  ...GENERAL_WORKAROUND_CUES_4,
  ...CHANNEL_WORKAROUND_CUES_7,
  ...ELSEWHERE_WORKAROUND_CUES_9,
  ...AFTER_BLOCK_WORKAROUND_CUES_10,
]);

function blockedAfter(f: Found, blocked: readonly Found[]): boolean {
  return blocked.some((b) => b.sentence.start === f.sentence.start && b.start >= f.start);
}

/** The used-up cue without its global flag, compiled once: its first group is the thing's noun. */
const WAY_THING_NOUN = new RegExp(WAY_THING_USED_UP_CUES_17[0]!.pattern.source, 'u');

/**
 * The thing said used up (`le carnet est fini`) is the way's own (`jnotais sur un carnet en attendant`):
 * its noun is in the way's clause (after holdout43).
 */
function wayNamesThing(text: string, way: Found, usedUp: Found): boolean {
  const noun = WAY_THING_NOUN.exec(text.slice(usedUp.start, usedUp.end))?.[1];
  if (noun === undefined) return false;
  const wayText = text.slice(Math.min(way.start, way.phrase.start), Math.max(way.end, way.phrase.end));
  return new RegExp(`\\b${noun}\\b`, 'u').test(wayText);
}

/** End of the sentence after the one holding `f`: a failure told right after the attempt. */
function nextSentenceEnd(spans: readonly Span[], f: Found): number {
  const i = spans.findIndex((s) => s.start === f.sentence.start);
  return (spans[i + 1] ?? f.sentence).end;
}

/**
 * triage.md: not blocked → normale; blocked with a workaround → moyenne (even for several users);
 * blocked, no workaround, one user → haute; several users → critique.
 */
export function levelFromFacts(facts: Pick<PriorityFacts, 'readings'>): PriorityLevel {
  const open = openLevels(facts);
  // Between levels the evidence leaves open, critique wins when it is one of them: an
  // over-served ticket costs minutes, a missed one costs the contract (issue 11).
  return open.includes('critique') ? 'critique' : open[0]!;
}

/** The levels the facts leave open: one when every fact is settled, two when one is unknown. */
export function openLevels(facts: Pick<PriorityFacts, 'readings'>): PriorityLevel[] {
  const { blocked, workaround, severalUsers } = facts.readings;
  const blockedOptions = blocked.state === 'unknown' ? [false, true] : [blocked.state === 'yes'];
  const workaroundOptions = [workaround.state === 'exists'];
  const severalOptions = severalUsers.state === 'unknown' ? [false, true] : [severalUsers.state === 'yes'];
  const levels = new Set<PriorityLevel>();
  for (const b of blockedOptions)
    for (const w of workaroundOptions)
      for (const s of severalOptions) levels.add(!b ? 'normale' : w ? 'moyenne' : s ? 'critique' : 'haute');
  return [...levels];
}

/** The phrases that decided the level, most telling first, each once. */
export function evidenceFor(facts: PriorityFacts): string[] {
  const p = facts.phrases;
  const level = levelFromFacts(facts);
  const parts: string[][] =
    level === 'normale'
      ? [p.notBlocked.slice(0, 2)]
      : level === 'moyenne'
        ? [p.blocked.slice(0, 2), p.workaround]
        : level === 'haute'
          ? [p.blocked.slice(0, 2), p.noWorkaround, p.oneUser.slice(0, 1)]
          : [p.severalUsers.slice(0, 2), p.blocked.slice(0, 2), p.noWorkaround];
  return unique(parts.flat());
}

/**
 * A cue said this many times has been heard: later repeats change no fact, and capping them keeps
 * the pairwise comparisons below linear in the text (issue 13).
 */
const MAX_FINDS_PER_CUE = 32;
/** A negation or quantifier is looked for among the few words before a cue, never further. */
const LOOKBEHIND_CHARS = 120;

type SpanIndex = { sentences: readonly Span[]; clauses: Map<number, Span[]> };

function findCues(folded: FoldedText, index: SpanIndex, cues: readonly Cue[]): Found[] {
  const found: Found[] = [];
  for (const cue of cues) {
    const pattern = new RegExp(cue.pattern.source, cue.pattern.flags);
    let count = 0;
    for (const m of folded.text.matchAll(pattern)) {
      const start = m.index;
      const end = start + m[0].length;
      if (end === start) continue;
      if (++count > MAX_FINDS_PER_CUE) break;
      const sentence = spanAt(index.sentences, start);
      // Clauses are split once per sentence, not once per cue found in it.
      let clauseSpans = index.clauses.get(sentence.start);
      if (!clauseSpans) {
        clauseSpans = clauses(folded.text, sentence);
        // Stryker disable next-line CallExpression: a cache; without it the clauses are only split again
        index.clauses.set(sentence.start, clauseSpans);
      }
      const clause = spanAt(clauseSpans, start);
      found.push({
        cue,
        start,
        end,
        sentence,
        clause,
        phrase: { start: clause.start, end: Math.max(clause.end, spanAt(clauseSpans, end - 1).end) },
        negated: cue.negation !== undefined && isNegated(folded.text, clause.start, start, 3),
        question: folded.text.slice(sentence.end, sentence.end + 3).includes('?'),
      });
    }
  }
  return found;
}

/** `pas tout le monde`, `not everyone`, `not all users`: fewer than all, so maybe only one. */
function notAll(text: string, f: Found): boolean {
  const before = text
    .slice(Math.max(f.clause.start, f.start - LOOKBEHIND_CHARS), f.start)
    .split(/\s+/u)
    .slice(-3);
  return before.some((w) => w === 'pas' || w === 'not' || w === 'non' || w.endsWith("n't"));
}

/**
 * `je ne suis pas bloqué`, `not blocking`, `rien de bloquant`, `sans être bloqué`: a negation among
 * the few words before the cue, in the same clause and not beyond `et`/`donc`/`and`/`so`.
 * `plus` negates only as `ne … plus` or right before the cue (`en plus, je suis bloqué` does not).
 */
function isNegated(text: string, clauseStart: number, at: number, windowWords: number): boolean {
  let words = text
    .slice(Math.max(clauseStart, at - LOOKBEHIND_CHARS), at)
    .split(/[\s-]+/u)
    .filter((w) => w !== '');
  const stop = words.findLastIndex((w) => NEGATION_STOPS.has(w));
  if (stop >= 0) words = words.slice(stop + 1);
  const window = words.slice(-windowWords);
  const last = window.at(-1);
  if (last === 'sans' || (last === 'etre' && window.at(-2) === 'sans')) return true;
  // `ne plante plus`, `n'est plus en panne`: the `ne` right before the cue, its `plus` after.
  if (last === 'ne' || last?.startsWith("n'")) return true;
  // `je ne suis vraiment plus du tout bloqué`: the `ne` of `ne … plus` stands before the verb and
  // its adverbs, so it is looked for a few words further back than the window (after holdout7).
  const hasNe = words.slice(-(windowWords + NE_EXTRA_WORDS)).some((w) => w === 'ne' || w.startsWith("n'"));
  // `sans souci bloquant`, `sans aucun problème bloquant`: `sans` before a problem noun negates the
  // blocked word that qualifies it (after holdout7).
  if (window.some((w, i) => w === 'sans' && PROBLEM_NOUN.test(window.slice(i + 1).join(' ')))) return true;
  const offset = words.length - window.length;
  return window.some((w, i) => {
    if (w.endsWith("n't")) return true;
    if (!NEGATORS.has(w)) return false;
    // `en plus`, `de plus en plus bloqué`: "moreover", "more and more", not a negation without `ne`.
    const previous = words[offset + i - 1];
    if (w === 'plus' && (previous === 'en' || previous === 'de')) return hasNe;
    if (w === 'plus' || w === 'pu') return hasNe || i === window.length - 1;
    return true;
  });
}

/** How much further back than the negation window the `ne` of `ne … plus` may stand. */
const NE_EXTRA_WORDS = 4;
/** The problem nouns `sans` negates with their qualifier: `sans souci bloquant`. */
const PROBLEM_NOUN =
  /^(?:aucune? |de |d'|vrai |veritable |gros |grand )?(?:soucis?|problemes?|bugs?|incidents?|defauts?|impacts?|effets?|caractere|points?|elements?)$/u;

function phraseOf(folded: FoldedText, f: Found): string {
  let { start, end } = f.phrase;
  if (end - start > MAX_PHRASE_CHARS) {
    start = Math.max(start, f.start - 60);
    end = Math.min(end, f.end + 60);
  }
  return originalSpan(folded, start, end).replace(/^[\s,;:–-]+|[\s,;:–-]+$/gu, '');
}

function overlaps(a: Found, b: Found): boolean {
  return a.start < b.end && b.start < a.end;
}

function byStart(a: Found, b: Found): number {
  return a.start - b.start;
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values.filter((v) => v !== ''))];
}
