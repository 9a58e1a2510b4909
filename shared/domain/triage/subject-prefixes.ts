/**
 * The reply and forward prefixes of a subject, lower-cased, in the languages our clients' mailers use:
 * Re, Réf, Rép, AW (German), SV (Nordic), Antw; TR (French Outlook), Fw/Fwd, WG, VS, RV, Enc. The
 * triage reads them twice: whether a message answers or forwards (priority.ts), and that the `[2]` of
 * `Re[2]:` counts replies and declares no level (priority-declared.ts).
 */
export const REPLY_PREFIXES: ReadonlySet<string> = new Set([
  're',
  'ref',
  'réf',
  'rép',
  'rep',
  'aw',
  'sv',
  'antw',
]);
export const FORWARD_PREFIXES: ReadonlySet<string> = new Set(['tr', 'fw', 'fwd', 'wg', 'vs', 'rv', 'enc']);

export function isReplyOrForwardPrefix(word: string): boolean {
  const lower = word.toLowerCase();
  return REPLY_PREFIXES.has(lower) || FORWARD_PREFIXES.has(lower);
}
