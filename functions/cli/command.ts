/** One `exo-intake <name>` sub-command. `run` returns the process exit code (see main.ts). */
export type Command = {
  name: string;
  /** One line for the root --help. */
  summary: string;
  run(argv: string[]): Promise<number>;
};

export const EXIT_OK = 0;
/** The command ran but something it worked on failed (a file that could not be triaged). */
export const EXIT_FAILED = 1;
/** The command line itself is wrong: unknown flag, bad value, missing argument. */
export const EXIT_USAGE = 2;
