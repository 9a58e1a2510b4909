import { parseArgs } from 'node:util';
import type { z } from 'zod';
import { InputError } from '../../shared/domain/errors';

export type FlagSpec = {
  /** Shown in help and in error messages: `ISO-8601 instant`, `standard|premium`, `FILE`. */
  value: string;
  description: string;
  /** A boolean switch instead of a flag taking a value. */
  boolean?: boolean;
};

export type CommandSpec<S extends z.ZodObject> = {
  /** `exo-intake triage` */
  usage: string;
  summary: string;
  flags: Record<string, FlagSpec>;
  /** Validates the flag values; keys are the flag names without dashes. */
  schema: S;
  /** Name of the positional arguments in help (`FILE.eml…`); none allowed when absent. */
  positionals?: { name: string; min: number };
};

export type ParsedCommandLine<S extends z.ZodObject> =
  | { help: true }
  | { help: false; flags: z.output<S>; positionals: string[] };

/**
 * node:util parseArgs for the syntax, zod for the values. Every mistake becomes one InputError
 * line that names the flag and what it accepts, never parseArgs' own multi-line advice.
 */
export function parseCommandLine<S extends z.ZodObject>(
  spec: CommandSpec<S>,
  argv: string[],
): ParsedCommandLine<S> {
  const options = Object.fromEntries(
    Object.entries(spec.flags).map(([name, flag]) => [name, { type: flag.boolean ? 'boolean' : 'string' }]),
  ) as Record<string, { type: 'string' | 'boolean' }>;
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: argv,
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: true,
    });
  } catch (cause) {
    throw syntaxError(spec, cause);
  }
  if (parsed.values.help) return { help: true };

  const positionals = parsed.positionals;
  const wanted = spec.positionals;
  if (!wanted && positionals.length > 0) {
    throw new InputError(`unexpected argument "${positionals[0]}"`, { hint: 'see --help' });
  }
  if (wanted && positionals.length < wanted.min) {
    throw new InputError(`missing ${wanted.name}`, { hint: 'see --help' });
  }
  const checked = spec.schema.safeParse(parsed.values);
  if (!checked.success) {
    // A value the user typed wrong says more than a flag they have not reached yet.
    const given = (issue: z.core.$ZodIssue) =>
      (parsed.values as Record<string, unknown>)[String(issue.path[0])];
    const issue = checked.error.issues.find((i) => given(i) !== undefined) ?? checked.error.issues[0]!;
    const name = String(issue.path[0] ?? '');
    const flag = spec.flags[name];
    const value = given(issue);
    const what = value === undefined ? 'is required' : `got "${String(value)}"`;
    throw new InputError(`--${name} ${what}; expected ${flag?.value ?? issue.message}`);
  }
  return { help: false, flags: checked.data, positionals };
}

function syntaxError(spec: CommandSpec<z.ZodObject>, cause: unknown): InputError {
  const code = (cause as { code?: string }).code;
  const message = cause instanceof Error ? cause.message : String(cause);
  const flag = /'(-{1,2}[^' ]+)/.exec(message)?.[1] ?? '';
  const allowed = [...Object.keys(spec.flags), 'help'].map((name) => `--${name}`).join(', ');
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    return new InputError(`unknown flag ${flag}; allowed: ${allowed}`);
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const known = spec.flags[flag.replace(/^-+/, '')];
    return known && !known.boolean
      ? new InputError(`${flag} needs a value: ${known.value}`)
      : new InputError(`${flag} takes no value`);
  }
  return new InputError(`${message.split('\n')[0]}`);
}

export function helpText(spec: CommandSpec<z.ZodObject>): string {
  const optional = (name: string) => spec.schema.shape[name]?.safeParse(undefined).success !== false;
  const flagNames = Object.entries(spec.flags).map(([name, f]) => {
    const flag = `--${name}${f.boolean ? '' : ` ${f.value}`}`;
    return optional(name) ? `[${flag}]` : flag;
  });
  const lines = [
    `Usage: ${spec.usage} ${[...flagNames, spec.positionals?.name ?? ''].join(' ').trim()}`,
    '',
    spec.summary,
    '',
    'Flags:',
    ...Object.entries(spec.flags).map(([name, f]) => {
      const left = `  --${name}${f.boolean ? '' : ` ${f.value}`}`;
      return `${left.padEnd(36)} ${f.description}`;
    }),
    `${'  -h, --help'.padEnd(36)} show this help`,
  ];
  return `${lines.join('\n')}\n`;
}
