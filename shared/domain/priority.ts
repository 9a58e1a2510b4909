import type { PriorityLevel } from './service-desk-config';

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
};

export type PriorityInput = {
  subject: string;
  /** Message body without quoted history and signature. */
  newText: string;
  headers: Record<string, string[]>;
};

/** triage.md, "Priority": declared beats inferred; default normale. TODO(issue 2): implement. */
export function triagePriority(_input: PriorityInput): PriorityResult {
  throw new Error('not implemented');
}
