import { readFileSync } from 'node:fs';

/**
 * A portal's files as the app serves them. They are built from TypeScript by portal-build.ts: in memory
 * by `npm start` and the tests, on disk by the CDK construct, which puts them in `./portal/` next to the
 * bundled handler, where `loadPortalAssets` reads them once at cold start. Served by the app itself:
 * no CDN, and one origin keeps the CSP strict.
 */
export type PortalAsset = { body: string; contentType: string };
export type PortalAssets = Map<string, PortalAsset>;

/** The files a built portal holds, and how each is served. */
export const PORTAL_FILES: Readonly<Record<string, string>> = {
  'index.html': 'text/html; charset=utf-8',
  'app.js': 'text/javascript; charset=utf-8',
  'styles.css': 'text/css; charset=utf-8',
};

export function loadPortalAssets(base: URL = new URL('./portal/', import.meta.url)): PortalAssets {
  const assets: PortalAssets = new Map();
  for (const [name, contentType] of Object.entries(PORTAL_FILES)) {
    assets.set(name, { body: readFileSync(new URL(name, base), 'utf8'), contentType });
  }
  return assets;
}
