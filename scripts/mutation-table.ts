/**
 * The per-file table of a mutation run (`npm run mutate` prints it at the end; `npm run -s mutate:table`
 * prints it again): killed, survived, no coverage, timeout, compile errors and the score of every
 * mutated file, worst first, each file under the 85 % that issue 19 asks for flagged.
 * Reads every reports/mutation/mutation*.json (StrykerJS's JSON report; one per part of a run in parts,
 * see stryker.config.mjs), or the reports given as arguments; a file in several takes the newest report.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

const TARGET = 85;

const report = z.object({
  files: z.record(z.string(), z.object({ mutants: z.array(z.object({ status: z.string() })) })),
});

interface FileRow {
  file: string;
  killed: number;
  survived: number;
  noCoverage: number;
  timeout: number;
  compileErrors: number;
  ignored: number;
  /** StrykerJS's score: (killed + timeout) / (killed + timeout + survived + no coverage); null if none. */
  score: number | null;
}

function fileRows(files: Record<string, { mutants: Array<{ status: string }> }>): FileRow[] {
  return Object.entries(files)
    .map(([file, { mutants }]) => {
      const count = (status: string) => mutants.filter((m) => m.status === status).length;
      const killed = count('Killed');
      const survived = count('Survived');
      const noCoverage = count('NoCoverage');
      const timeout = count('Timeout');
      const detected = killed + timeout;
      const valid = detected + survived + noCoverage;
      return {
        file,
        killed,
        survived,
        noCoverage,
        timeout,
        compileErrors: count('CompileError'),
        ignored: count('Ignored'),
        score: valid === 0 ? null : (100 * detected) / valid,
      };
    })
    .sort((a, b) => (a.score ?? 101) - (b.score ?? 101) || a.file.localeCompare(b.file));
}

function formatTable(rows: readonly FileRow[]): string {
  const header = ['file', 'killed', 'survived', 'no cov', 'timeout', 'compile err', 'ignored', 'score', ''];
  const lines = rows.map((r) => [
    r.file,
    String(r.killed),
    String(r.survived),
    String(r.noCoverage),
    String(r.timeout),
    String(r.compileErrors),
    String(r.ignored),
    r.score === null ? 'n/a' : `${r.score.toFixed(2)} %`,
    r.score !== null && r.score < TARGET ? `< ${TARGET} %` : '',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const row = (cells: readonly string[]) =>
    `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join(' | ')} |`;
  const below = rows.filter((r) => r.score !== null && r.score < TARGET).length;
  return [
    row(header),
    `|${widths.map((w, i) => (i === 0 ? `${'-'.repeat(w + 1)}-` : `${'-'.repeat(w + 1)}:`)).join('|')}|`,
    ...lines.map(row),
    '',
    `${rows.length} files, ${below} under ${TARGET} %.`,
  ].join('\n');
}

const DIR = 'reports/mutation';
const given = process.argv.slice(2);
const paths = (
  given.length > 0
    ? given
    : (existsSync(DIR) ? readdirSync(DIR) : [])
        .filter((name) => /^mutation.*\.json$/.test(name))
        .map((name) => join(DIR, name))
).sort((a, b) => statSync(a).mtimeMs - statSync(b).mtimeMs);
if (paths.length === 0) throw new Error(`no mutation report in ${DIR}: run \`npm run mutate\` first`);
const merged = Object.assign(
  {},
  ...paths.map((path) => report.parse(JSON.parse(readFileSync(path, 'utf8'))).files),
);
console.log(`${paths.join(', ')}\n`);
console.log(formatTable(fileRows(merged)));
