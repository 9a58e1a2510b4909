#!/usr/bin/env node
// The CLI is TypeScript run through tsx (no build step), so tsx must be installed with the package.
let register;
try {
  ({ register } = await import('tsx/esm/api'));
} catch {
  process.stderr.write('exo-intake: tsx is not installed; run `npm install` in the exodata-intake package\n');
  process.exit(1);
}
register();
const { main } = await import('../functions/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
