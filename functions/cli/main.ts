import { pathToFileURL } from 'node:url';
import packageJson from '../../package.json' with { type: 'json' };
import { ConfigError, ExodataError, InputError } from '../../shared/domain/errors';
import { type CommandEntry, EXIT_FAILED, EXIT_OK, EXIT_USAGE } from './command';
import { commands } from './commands/index';
import { type CliContext, processContext, withContext } from './context';

function rootHelp(list: readonly CommandEntry[]): string {
  const width = Math.max(...list.map((c) => c.name.length)) + 2;
  return [
    'Usage: exo-intake <command> [flags]',
    '',
    'Exodata Follow-the-Sun service desk intake tools.',
    '',
    'Commands:',
    ...list.map((c) => `  ${c.name.padEnd(width)} ${c.summary}`),
    '',
    'Run `exo-intake <command> --help` for the flags of a command; `exo-intake --version` (-V) for the version.',
    '',
  ].join('\n');
}

/**
 * Dispatches to a command and turns every failure into one line on stderr and an exit code:
 * 0 done, 1 something it worked on failed, 2 the command line or configuration is wrong.
 */
export async function main(
  argv: string[],
  context: CliContext = processContext,
  list: readonly CommandEntry[] = commands,
): Promise<number> {
  return withContext(context, async () => {
    const [name, ...rest] = argv;
    if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
      (name === undefined ? context.stderr : context.stdout)(rootHelp(list));
      return name === undefined ? EXIT_USAGE : EXIT_OK;
    }
    if (name === '--version' || name === '-V') {
      context.stdout(`exo-intake ${packageJson.version}\n`);
      return EXIT_OK;
    }
    const entry = list.find((c) => c.name === name);
    if (!entry) {
      context.stderr(
        `exo-intake: unknown command "${name}"; commands: ${list.map((c) => c.name).join(', ')}\n`,
      );
      return EXIT_USAGE;
    }
    try {
      // Loaded here, not at start-up: only the command asked for pays for its imports.
      const command = await entry.load();
      return await command.run(rest);
    } catch (error) {
      context.stderr(`exo-intake ${name}: ${oneLine(error)}\n`);
      return error instanceof InputError || error instanceof ConfigError ? EXIT_USAGE : EXIT_FAILED;
    }
  });
}

function oneLine(error: unknown): string {
  const text =
    error instanceof ExodataError
      ? error.toUserMessage()
      : `unexpected error: ${error instanceof Error ? error.message : String(error)}`;
  return text.replace(/\s*\n\s*/g, ' ');
}

const invokedDirectly =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invokedDirectly) {
  process.exitCode = await main(process.argv.slice(2));
}
