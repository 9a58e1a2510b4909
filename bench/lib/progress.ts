/** Progress lines on stderr (the table goes to stdout), at most one per `everyMs` per task. */
export type Progress = {
  line(text: string): void;
  /** `[section] label 120/1000 (12 %)`, throttled. */
  tick(label: string, done: number, total: number): void;
};

export function progressTo(stream: NodeJS.WritableStream, section: string, everyMs = 2000): Progress {
  let last = 0;
  return {
    line(text) {
      stream.write(`[${section}] ${text}\n`);
    },
    tick(label, done, total) {
      const now = performance.now();
      if (done < total && now - last < everyMs) return;
      last = now;
      stream.write(`[${section}] ${label} ${done}/${total} (${Math.round((done / total) * 100)} %)\n`);
    },
  };
}

export const silentProgress: Progress = { line() {}, tick() {} };
