import type { BuildOptions } from 'esbuild';

/**
 * The esbuild options ExodataFunction gives NodejsFunction (infra/constructs/exodata-function.ts): ESM
 * for node24, module-first, minified, with the `require` banner that bundled CommonJS needs. The bench's
 * re-bundles use them so that what they measure is what `cdk synth` deploys.
 */
export const CONSTRUCT_BUILD_OPTIONS = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node24',
  mainFields: ['module', 'main'],
  minify: true,
  banner: {
    js: "import { createRequire as __exodataCreateRequire } from 'node:module'; const require = __exodataCreateRequire(import.meta.url);",
  },
  logLevel: 'silent',
} as const satisfies BuildOptions;
