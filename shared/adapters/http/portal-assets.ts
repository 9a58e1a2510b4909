import { readFileSync } from 'node:fs';

/**
 * The portal's static files, read once at start from `./portal/` next to this module — in the source
 * tree, and next to the bundled handler on Lambda (the agent-api construct copies the folder there).
 * Served by the app itself: the machine has no network, so no CDN, and one origin keeps the CSP strict.
 */
export type PortalAsset = { body: string; contentType: string };

const FILES: Record<string, string> = {
  'index.html': 'text/html; charset=utf-8',
  'app.js': 'text/javascript; charset=utf-8',
  'styles.css': 'text/css; charset=utf-8',
};

export function loadPortalAssets(
  base: URL = new URL('./portal/', import.meta.url),
): Map<string, PortalAsset> {
  const assets = new Map<string, PortalAsset>();
  for (const [name, contentType] of Object.entries(FILES)) {
    assets.set(name, { body: readFileSync(new URL(name, base), 'utf8'), contentType });
  }
  return assets;
}
