import { type Clock, systemClock } from '../../shared/ports/clock';

/** Where a command writes and what time it is: the process by default, captured and fixed in tests. */
export type CliContext = {
  stdout(text: string): void;
  stderr(text: string): void;
  clock: Clock;
};

export const processContext: CliContext = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  clock: systemClock,
};

let current: CliContext = processContext;

/** The context of the command being run (commands keep the `run(argv)` signature). */
export function cli(): CliContext {
  return current;
}

export async function withContext<T>(context: CliContext, run: () => Promise<T>): Promise<T> {
  const previous = current;
  current = context;
  try {
    return await run();
  } finally {
    current = previous;
  }
}
