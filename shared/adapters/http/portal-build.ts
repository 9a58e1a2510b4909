import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BuildOptions, type BuildResult, build, buildSync } from 'esbuild';
import { PORTAL_FILES, type PortalAssets } from './portal-assets';

/**
 * Builds a portal from its TypeScript source (portal-src/<name>/) with the esbuild of the toolchain:
 * `main.ts` → `app.js` (one ES module, minified), `styles.css` → `styles.css` (its @imports inlined),
 * `index.html` as is. The same build serves `npm start` and the tests (in memory, `buildPortal`) and
 * the CDK construct (on disk, `writePortalSync`, next to the Lambda bundle). A second portal is one
 * more folder under portal-src/ and one more name here. docs/agents.md, "The portal".
 */
export const PORTALS = ['agent', 'client'] as const;
export type PortalName = (typeof PORTALS)[number];

const SOURCE = fileURLToPath(new URL('./portal-src/', import.meta.url));

function options(name: PortalName): BuildOptions & { write: false } {
  const dir = join(SOURCE, name);
  return {
    entryPoints: { app: join(dir, 'main.ts'), styles: join(dir, 'styles.css') },
    bundle: true,
    write: false,
    outdir: '/portal',
    format: 'esm',
    platform: 'browser',
    // Chromium, Firefox and Safari of the last two years: no transform of what they all run natively.
    target: ['es2022', 'chrome110', 'firefox115', 'safari16'],
    minify: true,
    legalComments: 'none',
    // The page's CSP allows no eval: nothing in the bundle may need it (esbuild emits none by default).
    logLevel: 'silent',
  };
}

function assetsOf(name: PortalName, result: BuildResult<{ write: false }>): PortalAssets {
  const assets: PortalAssets = new Map();
  for (const file of result.outputFiles) {
    const base = file.path.slice(file.path.lastIndexOf('/') + 1);
    assets.set(base, { body: file.text, contentType: contentTypeOf(base) });
  }
  const html = readFileSync(join(SOURCE, name, 'index.html'), 'utf8');
  assets.set('index.html', { body: html, contentType: contentTypeOf('index.html') });
  for (const file of Object.keys(PORTAL_FILES))
    if (!assets.has(file)) throw new Error(`the ${name} portal build gave no ${file}`);
  return assets;
}

function contentTypeOf(file: string): string {
  const type = PORTAL_FILES[file];
  if (!type) throw new Error(`the portal build made an unexpected file ${file}`);
  return type;
}

/** In memory, for `npm start` and the tests (about 100 ms). */
export async function buildPortal(name: PortalName): Promise<PortalAssets> {
  return assetsOf(name, await build(options(name)));
}

/** On disk, synchronously (CDK constructs are synchronous): the files the Lambda serves, in `outDir`. */
export function writePortalSync(name: PortalName, outDir: string): string {
  const assets = assetsOf(name, buildSync(options(name)));
  mkdirSync(outDir, { recursive: true });
  for (const [file, asset] of assets) writeFileSync(join(outDir, file), asset.body);
  return outDir;
}
