import type { z } from 'zod';
import { cli } from './context';
import { type CommandSpec, helpText, parseCommandLine } from './flags';

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

/** The command line once parsed: flag values checked by the spec's schema, then the positionals. */
export type CommandLine<S extends z.ZodObject> = { flags: z.output<S>; positionals: string[] };

/**
 * A command whose `run` parses argv against its spec: `--help` prints the spec's help and exits 0,
 * anything else reaches `run` checked (a wrong command line throws InputError before it).
 */
export function defineCommand<S extends z.ZodObject>(definition: {
  name: string;
  summary: string;
  spec: CommandSpec<S>;
  run(line: CommandLine<S>): Promise<number>;
}): Command {
  const { name, summary, spec, run } = definition;
  return {
    name,
    summary,
    async run(argv) {
      const line = parseCommandLine(spec, argv);
      if (line.help) {
        cli().stdout(helpText(spec));
        return EXIT_OK;
      }
      return run({ flags: line.flags, positionals: line.positionals });
    },
  };
}
