import { PRIORITY_LEVELS, type PriorityLevel } from '../desk/service-desk-config';
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
  readPriorityFacts,
} from './priority-facts';
import { findNonSignals } from './priority-non-signals';

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
   * `low` when a fact the level depends on is unknown or its evidence conflicts: agents see
   * "priorité à confirmer" and the acknowledgement asks the client. Always `high` when declared.
   */
  confidence: 'high' | 'low';
  /** The facts that left the level open (empty when confident). */
  uncertain: UncertainFact[];
  /** The three facts as read from the mail, with their evidence and confidence. */
  facts: FactReadings;
};

export type UncertainFact = 'blocked' | 'workaround' | 'severalUsers';

export type PriorityInput = {
  subject: string;
  /** Message body without quoted history and signature. */
  newText: string;
  headers: Record<string, string[]>;
  /**
   * What was removed from the body (InboundEmail.quotedText). Optional: when the message is a
   * forward, the facts of the forwarded message count (the client forwards a colleague's problem);
   * a declaration inside it still does not.
   */
  quotedText?: string;
};

/** Levels this far apart (critique vs moyenne, haute vs normale) are shown to agents. */
const DISAGREEMENT_GAP = 2;

/** triage.md, "Priority": declared beats inferred; default normale. */
export function triagePriority(input: PriorityInput): PriorityResult {
  // The client's statement is at the top; a pasted log below it must not cost seconds.
  const newText = input.newText.slice(0, MAX_ANALYSED_CHARS);
  const kind = subjectKind(input.subject);
  const forwarded = input.quotedText
    ? findForwardedMessage(input.quotedText.slice(0, MAX_ANALYSED_CHARS))
    : null;
  const forwardedBody = forwarded && (forwarded.explicitForward || kind === 'forward') ? forwarded.body : '';
  // A reply's subject is the old problem's title; what the client says now is in the new text.
  const subject = kind === 'reply' ? '' : stripTags(input.subject);
  const body = [newText, forwardedBody].filter((t) => t.trim() !== '').join('\n\n');

  const facts = readPriorityFacts(subject === '' ? body : `${subject}\n\n${body}`, subject.length);
  const inferredLevel = levelFromFacts(facts);
  const uncertain = uncertainFacts(facts.readings, openLevels(facts).length > 1);
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
 * workaround the mail did not mention would settle it at moyenne).
 */
function uncertainFacts(readings: FactReadings, levelOpen: boolean): UncertainFact[] {
  if (!levelOpen) return [];
  const facts: UncertainFact[] = [];
  if (readings.blocked.confidence === 'low') facts.push('blocked');
  if (readings.severalUsers.confidence === 'low') facts.push('severalUsers');
  if (readings.workaround.state === 'not-mentioned' || readings.workaround.confidence === 'low') {
    facts.push('workaround');
  }
  return facts.slice(0, 2);
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
  return subject
    .replace(/\[[^[\]]{0,60}\]/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
}

const PREFIX = /^\s*([a-zé]{1,4})\s*(?:\[\d+\]|\^\d+|\(\d+\))?\s*:\s*/iu;
const REPLY_PREFIXES = new Set(['re', 'ref', 'réf', 'rép', 'rep', 'aw', 'sv', 'antw']);
const FORWARD_PREFIXES = new Set(['tr', 'fw', 'fwd', 'wg', 'vs', 'rv', 'enc']);

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
