import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import * as z from 'zod';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const CONFIG = join(ROOT, '.dependency-cruiser.cjs');
// The `depcruise` command as the package declares it (its file was renamed between majors).
const PACKAGE = join(ROOT, 'node_modules/dependency-cruiser');
const DEPCRUISE = join(
  PACKAGE,
  z
    .object({ bin: z.object({ depcruise: z.string() }) })
    .parse(JSON.parse(readFileSync(join(PACKAGE, 'package.json'), 'utf8'))).bin.depcruise,
);

/** A tiny project laid out like this one, so that the real rules of .dependency-cruiser.cjs apply to it. */
function fixtureTree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'exo-deps-'));
  const all: Record<string, string> = {
    'tsconfig.json': JSON.stringify({
      compilerOptions: { module: 'ESNext', moduleResolution: 'Bundler', strict: true, noEmit: true },
    }),
    'shared/domain/ticket.ts': 'export type Ticket = { reference: string };\n',
    'shared/ports/ticket-store.ts':
      "import type { Ticket } from '../domain/ticket';\nexport interface TicketStore { get(r: string): Promise<Ticket | null> }\n",
    'shared/adapters/memory-store.ts':
      "import type { Ticket } from '../domain/ticket';\nimport type { TicketStore } from '../ports/ticket-store';\nexport class MemoryStore implements TicketStore { async get(_r: string): Promise<Ticket | null> { return null; } }\n",
    // The HTTP pattern of docs/architecture.md: the app declares the use cases it needs and gets them
    // through its deps; the wiring binds the use case to its ports.
    'shared/use-cases/get-ticket.ts':
      "import type { Ticket } from '../domain/ticket';\nimport type { TicketStore } from '../ports/ticket-store';\nexport const getTicket = (r: string, store: TicketStore): Promise<Ticket | null> => store.get(r);\n",
    'shared/adapters/http/app.ts':
      "import type { Ticket } from '../../domain/ticket';\nexport type Cases = { getTicket(r: string): Promise<Ticket | null> };\nexport const createApp = (deps: { cases: Cases }) => (r: string) => deps.cases.getTicket(r);\n",
    'shared/wiring/app.ts':
      "import { createApp } from '../adapters/http/app';\nimport { MemoryStore } from '../adapters/memory-store';\nimport { getTicket } from '../use-cases/get-ticket';\nexport const store = () => new MemoryStore();\nexport const app = () => createApp({ cases: { getTicket: (r) => getTicket(r, store()) } });\n",
    'functions/handler.ts':
      "import { store } from '../shared/wiring/app';\nexport const handler = () => store();\n",
    ...files,
  };
  for (const [path, text] of Object.entries(all)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

/** `npm run deps` on the tree: its exit status and the rules it names. */
function depcruise(dir: string): { status: number | null; rules: string[]; output: string } {
  const run = spawnSync(
    process.execPath,
    [DEPCRUISE, 'shared', 'functions', '--config', CONFIG, '--output-type', 'err'],
    { cwd: dir, encoding: 'utf8' },
  );
  const output = `${run.stdout}${run.stderr}`;
  const rules = [...output.matchAll(/error ([a-z-]+):/g)].map((m) => m[1] ?? '');
  return { status: run.status, rules: [...new Set(rules)].sort(), output };
}

const trees: string[] = [];
function tree(files: Record<string, string> = {}): string {
  const dir = fixtureTree(files);
  trees.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of trees.splice(0)) rmSync(dir, { recursive: true, force: true });
});

// Each case starts dependency-cruiser in a process of its own: seconds, more on a busy machine.
describe('Architecture: the dependency rule (.dependency-cruiser.cjs)', { timeout: 120_000 }, () => {
  it('passes a tree that keeps to the layers', () => {
    const result = depcruise(tree());
    expect(result.output).toContain('no dependency violations found');
    expect(result.status).toBe(0);
  });

  it('fails when the domain imports a port, even for a type', () => {
    const result = depcruise(
      tree({
        'shared/domain/ticket.ts':
          "import type { TicketStore } from '../ports/ticket-store';\nexport type Ticket = { reference: string; store?: TicketStore };\n",
      }),
    );
    expect(result.status).not.toBe(0);
    // The port imports the domain back: the type-only cycle is reported too.
    expect(result.rules).toEqual(['domain-imports-only-domain', 'no-cycles']);
  });

  it('fails when a handler builds an adapter instead of asking the wiring', () => {
    const result = depcruise(
      tree({
        'functions/handler.ts':
          "import { MemoryStore } from '../shared/adapters/memory-store';\nexport const handler = () => new MemoryStore();\n",
      }),
    );
    expect(result.status).not.toBe(0);
    expect(result.rules).toEqual(['functions-build-nothing']);
  });

  it('fails when a use case reaches an adapter, or an adapter a use case', () => {
    const result = depcruise(
      tree({
        'shared/use-cases/get-ticket.ts':
          "import { MemoryStore } from '../adapters/memory-store';\nexport const getTicket = (r: string) => new MemoryStore().get(r);\n",
        'shared/adapters/http.ts':
          "import { getTicket } from '../use-cases/get-ticket';\nexport const route = (r: string) => getTicket(r);\n",
      }),
    );
    expect(result.rules).toEqual(['adapters-import-domain-and-ports', 'use-cases-import-domain-and-ports']);
  });

  it('fails when an HTTP adapter imports a use case, even only its type', () => {
    const result = depcruise(
      tree({
        'shared/adapters/http/app.ts':
          "import type { getTicket } from '../../use-cases/get-ticket';\nexport type Cases = { getTicket: typeof getTicket };\nexport const createApp = (deps: { cases: Cases }) => deps;\n",
      }),
    );
    expect(result.status).not.toBe(0);
    expect(result.rules).toEqual(['adapters-import-domain-and-ports']);
  });

  it('fails on an import cycle made only of type imports', () => {
    const result = depcruise(
      tree({
        'shared/domain/desk.ts':
          "import type { Holidays } from './holidays';\nexport type Desk = { id: string; holidays: Holidays };\n",
        'shared/domain/holidays.ts':
          "import type { Desk } from './desk';\nexport type Holidays = { of(desk: Desk): string[] };\n",
      }),
    );
    expect(result.status).not.toBe(0);
    expect(result.rules).toEqual(['no-cycles']);
  });
});
