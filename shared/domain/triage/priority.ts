import { PRIORITY_LEVELS, type PriorityLevel } from '../desk/service-desk-config';
import type { LearnedProbabilities } from './learned/learned-model';
import { withSecondReader } from './learned/second-reader';
import { findForwardedMessage } from './new-text';
import {
  type Declaration,
  declaredInBody,
  declaredInSubject,
  withoutDeclarations,
} from './priority-declared';
import {
  evidenceFor,
  type FactReadings,
  levelFromFacts,
  MAX_ANALYSED_CHARS,
  openLevels,
  type PriorityFacts,
  readPriorityFacts,
} from './priority-facts';
import { findNonSignals } from './priority-non-signals';
import { withoutSignOff } from './priority-vocabulary-general-12';
import { FORWARD_PREFIXES, REPLY_PREFIXES } from './subject-prefixes';

export type PrioritySource = 'declared' | 'inferred' | 'default';

export type PriorityResult = {
  level: PriorityLevel;
  source: PrioritySource;
  /** The exact phrases (or tag) that decided, so an agent sees why. */
  evidence: string[];
  /** What the facts alone say (kept when the client declared a level). */
  inferredLevel: PriorityLevel;
  /** Declared and inferred levels are two or more apart: agents should look. */
  disagreement: boolean;
  /** Things seen that never decide (X-Priority, Importance, "urgent", capitals...), kept for agents. */
  nonSignals: string[];
  /**
   * `low` when a fact the level depends on is unknown or its evidence conflicts, or the level rests
   * on a reading to confirm (readingsToConfirm): agents see "priorité à confirmer" and the
   * acknowledgement asks the client. Always `high` when declared.
   */
  confidence: 'high' | 'low';
  /** The facts to ask the client about: those that left the level open or are to confirm (empty when confident). */
  uncertain: UncertainFact[];
  /** The three facts as read from the mail, with their evidence and confidence. */
  facts: FactReadings;
  /**
   * The learned second reader's probability for each fact (issue 11), when the level was inferred;
   * absent for a declared or default level, which it does not read.
   */
  learned?: LearnedProbabilities;
};

export type UncertainFact = 'blocked' | 'workaround' | 'severalUsers';

export type PriorityInput = {
  subject: string;
  /** Message body without quoted history and signature. */
  newText: string;
  headers: Record<string, string[]>;
  /**
   * What was removed from the body (InboundEmail.quotedText). Optional: it tells a forward (an
   * explicit forwarded-message separator) from reply history. Forwarded content never decides:
   * neither its declarations nor its facts (issue 11).
   */
  quotedText?: string;
};

/** Levels this far apart (critique vs moyenne, haute vs normale) are shown to agents. */
const DISAGREEMENT_GAP = 2;

/**
 * The text the triage reads, the rules and the learned reader alike (issue 11): the client's
 * subject unless the mail replies or forwards, and the new text (cut at MAX_ANALYSED_CHARS)
 * without its sign-off.
 */
export type PriorityText = {
  subject: string;
  body: string;
  /** The new text cut at MAX_ANALYSED_CHARS, sign-off included (declarations are read there). */
  newText: string;
  isForward: boolean;
  forwarded: ReturnType<typeof findForwardedMessage>;
};

export function priorityText(input: PriorityInput): PriorityText {
  // The client's statement is at the top; a pasted log below it must not cost seconds.
  const newText = input.newText.slice(0, MAX_ANALYSED_CHARS);
  const kind = subjectKind(input.subject);
  const forwarded = input.quotedText
    ? findForwardedMessage(input.quotedText.slice(0, MAX_ANALYSED_CHARS))
    : null;
  // Forwarded mail never decides, like quoted history (issue 11): only the client's own words
  // above the forward are read, and a forward's subject is the forwarded message's title.
  const isForward = kind === 'forward' || forwarded?.explicitForward === true;
  // A reply's subject is the old problem's title; what the client says now is in the new text.
  const subject = kind === 'reply' || isForward ? '' : stripTags(input.subject);
  // A sign-off and the short lines after it are a signature, which never decides (after holdout15).
  const body = withoutSignOff(newText);
  return { subject, body, newText, isForward, forwarded };
}

/**
 * triage.md, "Priority": declared beats inferred; default normale. The hand-written readings decide
 * the facts; the learned second reader (learned/second-reader.ts) then settles those they are unsure
 * of, or asks the client when it confidently reads otherwise.
 */
export function triagePriority(input: PriorityInput): PriorityResult {
  const text = priorityText(input);
  return withSecondReader(triagePriorityByRules(input, text), text);
}

/** The priority the hand-written readings alone give (the learned reader's first reader). */
export function triagePriorityByRules(input: PriorityInput, text = priorityText(input)): PriorityResult {
  const { subject, body, newText, isForward, forwarded } = text;

  const read = readPriorityFacts(
    subject === '' ? body : `${subject}\n\n${body}`,
    subject.length,
    // Stryker disable next-line StringLiteral: a context without a problem word (`Stryker was here!`) implies nothing, as '' does
    isForward ? (forwarded?.body ?? '') : '',
  );
  // A forward whose new text says nothing (`Je vous transfère.`): the facts are unknown, and the
  // acknowledgement asks the client instead of reading someone else's words.
  const facts = isForward && saysNothing(read) && isCoveringNote(body) ? unknownFacts() : read;
  const inferredLevel = levelFromFacts(facts);
  const uncertain = uncertainFacts(facts.readings, inferredLevel, openLevels(facts).length > 1);
  const stripped = withoutDeclarations(input.subject, newText);
  const nonSignals = findNonSignals(stripped.subject, stripped.newText, input.headers);

  const declared: Declaration | null = declaredInSubject(input.subject) ?? declaredInBody(newText);
  if (declared) {
    return {
      level: declared.level,
      source: 'declared',
      evidence: [declared.phrase],
      inferredLevel,
      disagreement: levelsDisagree(declared.level, inferredLevel),
      nonSignals,
      confidence: 'high',
      uncertain: [],
      facts: facts.readings,
    };
  }
  // Nothing to read at all (empty subject and body, only an attachment): the default level.
  const source = /\p{L}/u.test(`${subject} ${body}`) ? 'inferred' : 'default';
  return {
    level: inferredLevel,
    source,
    evidence: evidenceFor(facts),
    inferredLevel,
    disagreement: false,
    nonSignals,
    confidence: uncertain.length > 0 ? 'low' : 'high',
    uncertain,
    facts: facts.readings,
  };
}

/**
 * The facts to ask the client about: those read with low confidence, when the level depends on
 * them; and, when several users is the open question, whether they can work otherwise (a
 * workaround the mail did not mention would settle it at moyenne). A settled level is asked about
 * too when it rests on an inference (readingsToConfirm).
 */
function uncertainFacts(readings: FactReadings, level: PriorityLevel, levelOpen: boolean): UncertainFact[] {
  if (!levelOpen) return readingsToConfirm(readings, level);
  const facts: UncertainFact[] = [];
  if (readings.blocked.confidence === 'low') facts.push('blocked');
  if (readings.severalUsers.confidence === 'low') facts.push('severalUsers');
  if (readings.workaround.state === 'not-mentioned' || readings.workaround.confidence === 'low') {
    facts.push('workaround');
  }
  return facts.slice(0, 2);
}

/**
 * "Do not guess silently" (issue 11): a level the facts settle is still asked about, unchanged,
 * where the blind sets show the reading it rests on to be unreliable and a wrong reading moves a
 * critique. A critique whose several users come only from the person of the verb (`nous
 * n'arrivons plus`, medium) and no workaround said: are several blocked, can they work otherwise? A
 * moyenne where several people are blocked and the workaround is only inferred from what they do
 * (`les notaires nous envoient les pièces par mail`, medium): can they really carry on? Without it
 * the ticket is critique. A haute whose one user comes only from a device that stopped with nobody
 * named (`le PC du bureau ne démarre plus`, medium): are several blocked? On the blind holdout9…13,
 * a third of these were a team's device (critique read haute, silently).
 */
function readingsToConfirm(readings: FactReadings, level: PriorityLevel): UncertainFact[] {
  const { workaround, severalUsers } = readings;
  if (
    level === 'critique' &&
    severalUsers.state === 'yes' &&
    severalUsers.confidence === 'medium' &&
    workaround.state === 'not-mentioned'
  ) {
    return ['severalUsers', 'workaround'];
  }
  if (
    level === 'moyenne' &&
    severalUsers.state !== 'no' &&
    workaround.state === 'exists' &&
    workaround.confidence === 'medium'
  ) {
    return ['workaround'];
  }
  if (level === 'haute' && severalUsers.state === 'no' && severalUsers.confidence === 'medium') {
    return ['severalUsers'];
  }
  return [];
}

/** No phrase of the new text established any of the three facts. */
function saysNothing(facts: PriorityFacts): boolean {
  return (
    // Stryker disable next-line MethodExpression,LogicalOperator: every phrase is some reading's evidence and back, so either half alone decides
    Object.values(facts.phrases).every((list) => list.length === 0) &&
    // Stryker disable next-line MethodExpression: every phrase is some reading's evidence and back, so either half alone decides
    Object.values(facts.readings).every((r) => r.evidence.length === 0)
  );
}

/**
 * A forward's new text is a covering note (`Je vous transfère, merci de regarder. Anne`) when it is
 * this short; a longer one is the client's own request (`Could we get a quote for two monitors? No
 * rush`), read as any message.
 */
const COVERING_NOTE_WORDS = 15;

function isCoveringNote(text: string): boolean {
  // Stryker disable next-line ArrayDeclaration: a note without letters is a covering note at 0 or 1 words alike
  return (text.match(/\p{L}+/gu) ?? []).length <= COVERING_NOTE_WORDS;
}

/** Every fact open: blocked and several users unknown, no workaround mentioned. */
function unknownFacts(): PriorityFacts {
  // The three booleans are not read by triagePriority (it reads `readings` and `phrases`).
  return {
    // Stryker disable next-line BooleanLiteral: not read by triagePriority
    blocked: false,
    // Stryker disable next-line BooleanLiteral: not read by triagePriority
    workaround: false,
    // Stryker disable next-line BooleanLiteral: not read by triagePriority
    severalUsers: false,
    readings: {
      blocked: { state: 'unknown', confidence: 'low', evidence: [] },
      workaround: { state: 'not-mentioned', confidence: 'medium', evidence: [] },
      severalUsers: { state: 'unknown', confidence: 'low', evidence: [] },
    },
    phrases: { blocked: [], notBlocked: [], workaround: [], noWorkaround: [], severalUsers: [], oneUser: [] },
  };
}

/** A declared level this far from the inferred one is shown to agents. */
export function levelsDisagree(declared: PriorityLevel, inferred: PriorityLevel): boolean {
  return Math.abs(rank(declared) - rank(inferred)) >= DISAGREEMENT_GAP;
}

function rank(level: PriorityLevel): number {
  return PRIORITY_LEVELS.indexOf(level);
}

/** Square-bracket tags (`[EXO-2026-000123]`, `[Haute]`) are labels, not the client's words. */
function stripTags(subject: string): string {
  // Stryker disable next-line MethodExpression: foldText drops the blanks a subject starts or ends with
  return subject
    .replace(/\[[^[\]]{0,60}\]/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
}

const PREFIX = /^\s*([a-zé]{1,4})\s*(?:\[\d+\]|\^\d+|\(\d+\))?\s*:\s*/iu;

/** The first Re:/TR:/Fwd: prefix of the subject says whether the message answers or forwards. */
function subjectKind(subject: string): 'reply' | 'forward' | null {
  const m = PREFIX.exec(stripLeadingTags(subject));
  const prefix = m?.[1]?.toLowerCase();
  if (!prefix) return null;
  if (REPLY_PREFIXES.has(prefix)) return 'reply';
  if (FORWARD_PREFIXES.has(prefix)) return 'forward';
  return null;
}

function stripLeadingTags(subject: string): string {
  return subject.replace(/^(?:\s*\[[^[\]]{0,60}\])+/u, '');
}
