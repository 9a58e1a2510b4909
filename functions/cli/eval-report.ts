import { PRIORITY_LEVELS } from '../../shared/domain/desk/service-desk-config';
import type { UncertainFact } from '../../shared/domain/triage/priority';

/**
 * Right/total per metric and per expected priority level (`  critique`, indented); `asked` counts
 * the files of a priority row triaged with low confidence, whose acknowledgement asks the client.
 */
export type Tally = { right: number; total: number; asked: number };

/**
 * A file's priority against its label. `asked` is the facts the acknowledgement asks the client
 * about (a low-confidence ticket, "priorité à confirmer" in the queue); null when the level was
 * given without a question: confident, not a ticket (automated mail), or the file failed.
 */
export type PriorityOutcome = {
  file: string;
  expected: string;
  got: string;
  asked: readonly UncertainFact[] | null;
};

export type Miss = { file: string; metric: string; expected: string; got: string; evidence: string };

/** The accuracy table, what was asked (issue 11: "do not guess silently"), then every miss. */
export function evalReport(input: {
  dir: string;
  files: number;
  tally: ReadonlyMap<string, Tally>;
  priorities: readonly PriorityOutcome[];
  misses: readonly Miss[];
}): string {
  const { dir, files, tally, priorities, misses } = input;
  const out: string[] = [`Evaluation of ${files} labelled files in ${dir}`, ''];
  out.push(
    table(
      ['metric', 'right', 'total', 'accuracy', 'asked'],
      orderedRows(tally).map(([metric, { right, total, asked }]) => [
        metric,
        String(right),
        String(total),
        `${((100 * right) / Math.max(total, 1)).toFixed(1)}%`,
        // Only priority is asked; the other metrics keep their line as before the column.
        isPriorityRow(metric) ? String(asked) : '',
      ]),
    ),
  );
  if (priorities.length > 0) out.push('', ...askedSummary(priorities));
  out.push('', misses.length === 0 ? 'No misses.' : `Misses (${misses.length}):`);
  if (misses.length > 0) {
    const askedOf = new Map(priorities.map((p) => [p.file, p.asked]));
    out.push(
      table(
        ['file', 'metric', 'expected', 'got', 'asked', 'evidence'],
        misses.map((m) => [
          m.file,
          m.metric,
          m.expected,
          m.got,
          m.metric === 'priority' ? askedLabel(askedOf.get(m.file) ?? null) : '-',
          m.evidence,
        ]),
      ),
    );
  }
  return `${out.join('\n')}\n`;
}

/**
 * A miss the client is asked about is corrected by the reply; a silent one stays wrong until an
 * agent reads the ticket. A critique read lower without a question is the costliest error, so each
 * is named. Right answers asked anyway are the price of asking.
 */
function askedSummary(priorities: readonly PriorityOutcome[]): string[] {
  const misses = priorities.filter((p) => p.expected !== p.got);
  const askedMisses = misses.filter((p) => p.asked !== null).length;
  const silentCritique = misses.filter((p) => p.expected === 'critique' && p.asked === null);
  const right = priorities.length - misses.length;
  const rightAsked = priorities.filter((p) => p.expected === p.got && p.asked !== null).length;
  return [
    `Priority misses: ${misses.length}, asked ${askedMisses}, silent ${misses.length - askedMisses}`,
    silentCritique.length === 0
      ? 'Silent critique misses: none'
      : `Silent critique misses: ${silentCritique.length} (${silentCritique.map((p) => `${p.file} read ${p.got}`).join(', ')})`,
    `Right but asked anyway: ${rightAsked} of ${right}`,
  ];
}

function askedLabel(asked: readonly UncertainFact[] | null): string {
  return asked === null ? 'silent' : `asked (${asked.join(', ')})`;
}

function isPriorityRow(metric: string): boolean {
  return metric === 'priority' || metric.startsWith(' ');
}

/** Metrics in the order first seen, each priority level (indented) right under `priority`. */
function orderedRows(tally: ReadonlyMap<string, Tally>) {
  const rows = [...tally].filter(([metric]) => !metric.startsWith(' '));
  const levels = PRIORITY_LEVELS.flatMap((level) => {
    const entry = tally.get(`  ${level}`);
    return entry ? [[`  ${level}`, entry] as const] : [];
  });
  const at = rows.findIndex(([metric]) => metric === 'priority') + 1;
  return [...rows.slice(0, at), ...levels, ...rows.slice(at)];
}

/**
 * Fixed-width columns; the last column is left to wrap in the terminal. Trailing blanks are cut, so
 * a row whose last cell is empty reads as it did before that column existed.
 */
function table(head: string[], rows: string[][]): string {
  const all = [head, ...rows];
  const widths = head.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  const render = (row: string[]) =>
    row
      .map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [render(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(render)].join('\n');
}
