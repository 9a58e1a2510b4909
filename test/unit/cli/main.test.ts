import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type Command, type CommandEntry, entryOf } from '../../../functions/cli/command';
import { commands } from '../../../functions/cli/commands/index';
import { InputError } from '../../../shared/domain/errors';
import { runCli } from './run-cli';

describe('Function: main', () => {
  it('lists every registered command on --help, exit 0', async () => {
    const run = await runCli(['--help']);

    expect(run.code).toBe(0);
    for (const command of commands) expect(run.stdout).toContain(`  ${command.name}`);
    expect(run.stdout).toMatch(/^Usage: exo-intake <command> \[flags\]/);
  });

  it.each([['--version'], ['-V']])(
    'answers %s with the version of the package, exit 0, loading no command',
    async (flag) => {
      const { version } = JSON.parse(
        readFileSync(new URL('../../../package.json', import.meta.url), 'utf8'),
      ) as {
        version: string;
      };
      const loaded: string[] = [];
      const list: CommandEntry[] = [
        {
          name: 'one',
          summary: 'the one command',
          load: async () => {
            loaded.push('one');
            return { name: 'one', summary: 'the one command', run: async () => 0 };
          },
        },
      ];

      const run = await runCli([flag], { commands: list });

      expect(run).toMatchObject({ code: 0, stdout: `exo-intake ${version}\n`, stderr: '' });
      expect(version).toMatch(/^\d+\.\d+\.\d+/);
      expect(loaded).toEqual([]);
    },
  );

  it('loads no command module for --help, and only the one asked for to run it', async () => {
    const loaded: string[] = [];
    const lazy = (name: string): CommandEntry => ({
      name,
      summary: `the ${name} command`,
      load: async () => {
        loaded.push(name);
        return { name, summary: `the ${name} command`, run: async () => 0 };
      },
    });
    const list = [lazy('one'), lazy('two')];

    expect((await runCli(['--help'], { commands: list })).stdout).toMatch(/^ {2}two +the two command$/m);
    expect(loaded).toEqual([]);
    expect((await runCli(['two'], { commands: list })).code).toBe(0);
    expect(loaded).toEqual(['two']);
  });

  it('lists each command under the name and summary its module gives it', async () => {
    for (const listed of commands) {
      const command = await listed.load();
      expect({ name: command.name, summary: command.summary }).toEqual({
        name: listed.name,
        summary: listed.summary,
      });
    }
  });

  it('turns a command module that fails to load into one line, exit 1', async () => {
    const missing: CommandEntry = {
      name: 'gone',
      summary: 'cannot load',
      load: async () => {
        throw new Error('Cannot find module ./gone');
      },
    };
    const run = await runCli(['gone'], { commands: [missing] });

    expect(run.code).toBe(1);
    expect(run.stderr).toBe('exo-intake gone: unexpected error: Cannot find module ./gone\n');
  });

  it('prints the help on stderr and exits 2 when no command is given', async () => {
    const run = await runCli([]);

    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Commands:');
    expect(run.stdout).toBe('');
  });

  it('names the unknown command and the known ones in one line, exit 2', async () => {
    const run = await runCli(['triag']);

    expect(run.code).toBe(2);
    const names = commands.map((c) => c.name).join(', ');
    expect(names).toMatch(/^triage, sla, eval/);
    expect(run.stderr).toBe(`exo-intake: unknown command "triag"; commands: ${names}\n`);
  });

  it('turns an unexpected error of a command into one line without a stack trace, exit 1', async () => {
    const broken: Command = {
      name: 'broken',
      summary: 'fails',
      run: async () => {
        throw new Error('disk on fire\n    at somewhere (file.ts:1:1)');
      },
    };
    const run = await runCli(['broken'], { commands: [entryOf(broken)] });

    expect(run.code).toBe(1);
    expect(run.stderr).toBe('exo-intake broken: unexpected error: disk on fire at somewhere (file.ts:1:1)\n');
    expect(run.stderr.split('\n')).toHaveLength(2);
  });

  it('shows an InputError with its hint and exits 2', async () => {
    const picky: Command = {
      name: 'picky',
      summary: 'rejects',
      run: async () => {
        throw new InputError('--x got "y"', { hint: 'use z' });
      },
    };
    const run = await runCli(['picky'], { commands: [entryOf(picky)] });

    expect(run.code).toBe(2);
    expect(run.stderr).toBe('exo-intake picky: --x got "y" (use z)\n');
  });
});
