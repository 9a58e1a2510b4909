/** One `exo-intake <name>` sub-command. `run` returns the process exit code (see main.ts). */
export type Command = {
  name: string;
  /** One line for the root --help. */
  summary: string;
  run(argv: string[]): Promise<number>;
};

/**
 * A line of the command registry: what the root --help shows, and the command's module loaded only
 * when it runs (the modules pull in the AWS SDK, mailparser, the CDK-free stack...: seconds of CPU).
 */
export type CommandEntry = {
  name: string;
  summary: string;
  load(): Promise<Command>;
};

/** A registry line for a command already built (tests, or a command wired with other dependencies). */
export function entryOf(command: Command): CommandEntry {
  return { name: command.name, summary: command.summary, load: async () => command };
}

export const EXIT_OK = 0;
/** The command ran but something it worked on failed (a file that could not be triaged). */
export const EXIT_FAILED = 1;
/** The command line itself is wrong: unknown flag, bad value, missing argument. */
export const EXIT_USAGE = 2;
