import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const DOMAIN_DIR = join(ROOT, 'shared/domain');

/** Modules the pure core must never reach: cloud SDKs, infrastructure, the ports and the outer layers. */
const FORBIDDEN_IMPORTS: Array<[RegExp, string]> = [
  [/^@aws-sdk\//, 'AWS SDK'],
  [/^@aws-lambda-powertools\//, 'Lambda Powertools'],
  [/^(aws-cdk-lib|constructs|cdk-nag)(\/|$)/, 'CDK'],
  [/(^|\/)(ports|adapters|infra|wiring|functions|use-cases)(\/|$)/, 'outer layer'],
];

/** Every violation of the purity rules in one TypeScript source, as `line: what`. */
function purityViolations(fileName: string, source: string): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.ES2022, true);
  const found: string[] = [];
  const at = (node: ts.Node, what: string) =>
    found.push(`${file.getLineAndCharacterOfPosition(node.getStart()).line + 1}: ${what}`);
  const checkSpecifier = (node: ts.Node, specifier: string) => {
    for (const [pattern, what] of FORBIDDEN_IMPORTS) {
      if (pattern.test(specifier)) at(node, `imports ${what} "${specifier}"`);
    }
  };
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) {
      if (ts.isStringLiteral(node.moduleSpecifier)) checkSpecifier(node, node.moduleSpecifier.text);
    }
    if (ts.isCallExpression(node)) {
      const [first] = node.arguments;
      const dynamic = node.expression.kind === ts.SyntaxKind.ImportKeyword;
      const required = ts.isIdentifier(node.expression) && node.expression.text === 'require';
      if ((dynamic || required) && first && ts.isStringLiteralLike(first)) checkSpecifier(node, first.text);
      const callee = node.expression;
      if (
        ts.isPropertyAccessExpression(callee) &&
        callee.expression.getText() === 'Date' &&
        callee.name.text === 'now'
      ) {
        at(node, 'calls Date.now() (take the time from a Clock)');
      }
    }
    if (
      ts.isNewExpression(node) &&
      node.expression.getText() === 'Date' &&
      (node.arguments?.length ?? 0) === 0
    ) {
      at(node, 'calls new Date() without argument (take the time from a Clock)');
    }
    if (
      ts.isPropertyAccessExpression(node) &&
      node.expression.getText() === 'process' &&
      node.name.text === 'env'
    ) {
      at(node, 'reads process.env (configuration comes in as arguments)');
    }
    if (ts.isElementAccessExpression(node) && node.expression.getText() === 'process') {
      at(node, 'reads process[…] (configuration comes in as arguments)');
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

function typeScriptFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return typeScriptFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

describe('Architecture: shared/domain is pure', () => {
  it('has no AWS SDK or outer-layer import, no process.env, no wall-clock read', () => {
    const files = typeScriptFiles(DOMAIN_DIR);
    const violations = files.flatMap((path) =>
      purityViolations(path, readFileSync(path, 'utf8')).map((v) => `${relative(ROOT, path)}:${v}`),
    );

    expect(files.length).toBeGreaterThan(10);
    expect(violations).toEqual([]);
  });
});

describe('Function: purityViolations', () => {
  it('reports each kind of violation with its line', () => {
    const source = [
      "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
      "import type { X } from '../adapters/aws/store';",
      "export { y } from '../../infra/stack';",
      'const now = Date.now();',
      'const today = new Date();',
      'const region = process.env.AWS_REGION;',
      "const lazy = await import('../wiring/aws');",
      "import type { Clock } from '../../ports/clock';",
    ].join('\n');

    expect(purityViolations('bad.ts', source)).toEqual([
      '1: imports AWS SDK "@aws-sdk/client-dynamodb"',
      '2: imports outer layer "../adapters/aws/store"',
      '3: imports outer layer "../../infra/stack"',
      '4: calls Date.now() (take the time from a Clock)',
      '5: calls new Date() without argument (take the time from a Clock)',
      '6: reads process.env (configuration comes in as arguments)',
      '7: imports outer layer "../wiring/aws"',
      '8: imports outer layer "../../ports/clock"',
    ]);
  });

  it('accepts dates built from a value, and the words in comments or strings', () => {
    const source = [
      '// Date.now() and process.env are not used here',
      'const at = new Date(receivedAt);',
      'const copy = new Date(at.getTime());',
      "const label = 'new Date() from @aws-sdk';",
      "import { z } from 'zod';",
      "import type { Desk } from '../desk/service-desk-config';",
    ].join('\n');

    expect(purityViolations('good.ts', source)).toEqual([]);
  });
});
