import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const PORTAL_SRC = join(ROOT, 'shared/adapters/http/portal-src');
/** The modules outside the domain the browser code may read: the APIs' schemas (agents', clients'). */
const API_SCHEMAS = [
  join(ROOT, 'shared/adapters/http/api-schemas'),
  join(ROOT, 'shared/adapters/http/client-api-schemas'),
];
/**
 * The one domain module the browser runs: the report charts (shared/domain/report/charts/), drawn by
 * the same code on the server and in the portals. It imports only types from the rest of the domain
 * (checked below), so the bundle gains d3-scale and d3-shape, never zod or luxon.
 */
const CHARTS = join(ROOT, 'shared/domain/report/charts');

/**
 * The portals' dependency rule (docs/agents.md, "The portal"): browser code imports its own modules,
 * and only *types* from the domain and the API schemas. Nothing from an adapter with Node or AWS code,
 * no package at all (no framework, no zod at run time in the bundle).
 */
function portalImportViolations(fileName: string, source: string): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.ES2022, true);
  const found: string[] = [];
  for (const statement of file.statements) {
    if (!(ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement))) continue;
    const specifier = statement.moduleSpecifier;
    if (!specifier || !ts.isStringLiteral(specifier)) continue;
    const line = file.getLineAndCharacterOfPosition(statement.getStart()).line + 1;
    const target = specifier.text;
    if (!target.startsWith('.')) {
      found.push(`${line}: imports the package "${target}"`);
      continue;
    }
    const resolved = resolve(dirname(fileName), target);
    if (!relative(PORTAL_SRC, resolved).startsWith('..')) continue;
    const typeOnly = ts.isImportDeclaration(statement)
      ? statement.importClause?.isTypeOnly === true
      : statement.isTypeOnly;
    const allowed =
      API_SCHEMAS.includes(resolved) || !relative(join(ROOT, 'shared/domain'), resolved).startsWith('..');
    if (!allowed) found.push(`${line}: imports "${target}", outside the domain and the API schemas`);
    else if (!typeOnly && !isChartModule(resolved))
      found.push(`${line}: imports values from "${target}" (use \`import type\`)`);
  }
  return found;
}

function isChartModule(path: string): boolean {
  return !relative(CHARTS, path).startsWith('..');
}

/** The charts' own imports: their files, d3's maths, and types only from the rest of the domain. */
function chartImportViolations(fileName: string, source: string): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.ES2022, true);
  const found: string[] = [];
  for (const statement of file.statements) {
    if (!(ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement))) continue;
    const specifier = statement.moduleSpecifier;
    if (!specifier || !ts.isStringLiteral(specifier)) continue;
    const line = file.getLineAndCharacterOfPosition(statement.getStart()).line + 1;
    const target = specifier.text;
    const typeOnly = ts.isImportDeclaration(statement)
      ? statement.importClause?.isTypeOnly === true
      : statement.isTypeOnly;
    if (!target.startsWith('.')) {
      if (!/^d3-(scale|shape)$/.test(target)) found.push(`${line}: imports the package "${target}"`);
    } else if (!isChartModule(resolve(dirname(fileName), target)) && !typeOnly)
      found.push(`${line}: imports values from "${target}" (the bundle would carry it)`);
  }
  return found;
}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sources(join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [join(dir, entry.name)]
        : [],
  );
}

describe('Portal source: dependency rule', () => {
  it('imports only its own modules, and types from the domain and the API schemas', () => {
    const files = sources(PORTAL_SRC);
    expect(files.length).toBeGreaterThan(5);
    const violations = files.flatMap((file) =>
      portalImportViolations(file, readFileSync(file, 'utf8')).map((v) => `${relative(ROOT, file)}:${v}`),
    );
    expect(violations).toEqual([]);
  });

  it('lets the browser run the report charts, which import only types from the rest of the domain', () => {
    const files = sources(CHARTS);
    expect(files.length).toBeGreaterThan(3);
    const violations = files.flatMap((file) =>
      chartImportViolations(file, readFileSync(file, 'utf8')).map((v) => `${relative(ROOT, file)}:${v}`),
    );
    expect(violations).toEqual([]);
    expect(
      chartImportViolations(
        join(CHARTS, 'x.ts'),
        "import { PRIORITY_LEVELS } from '../../desk/service-desk-config';\nimport * as z from 'zod';",
      ),
    ).toEqual([
      '1: imports values from "../../desk/service-desk-config" (the bundle would carry it)',
      '2: imports the package "zod"',
    ]);
  });

  it('reports a value import from the domain, an adapter and a package', () => {
    const file = join(PORTAL_SRC, 'agent/views/example.ts');
    const source = [
      "import { TicketStatusSchema } from '../../../../../domain/ticket/ticket';",
      "import type { Ticket } from '../../../../../domain/ticket/ticket';",
      "import type { AgentAuth } from '../../../auth';",
      "import * as z from 'zod';",
      "import { el } from '../../common/dom';",
    ].join('\n');
    expect(portalImportViolations(file, source)).toEqual([
      '1: imports values from "../../../../../domain/ticket/ticket" (use `import type`)',
      '3: imports "../../../auth", outside the domain and the API schemas',
      '4: imports the package "zod"',
    ]);
  });
});
