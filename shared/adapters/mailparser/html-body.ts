import { convert } from 'html-to-text';

/** Longest HTML (characters) kept or converted; past it the tail is dropped with a warning. */
const MAX_HTML_CHARS = 2_000_000;

/**
 * The HTML body as the sender wrote it, cut to MAX_HTML_CHARS. It is NOT sanitised here, and it is hostile:
 * whatever shows it sanitises it first, at each display (the agent API's `displayHtml`, the only reader that
 * serves message HTML; the portal then renders that in a sandboxed iframe under a strict CSP). Sanitising
 * at intake as well cost every intake cold start sanitize-html, PostCSS and a second htmlparser2 (about
 * 250 KB of bundle) for HTML that only the display needs (docs/performance.md).
 */
export function keptBodyHtml(html: string): { html: string; truncated: boolean } {
  const truncated = html.length > MAX_HTML_CHARS;
  return { html: truncated ? html.slice(0, MAX_HTML_CHARS) : html, truncated };
}

/** Elements a browser never shows as text: their content must not become the ticket's text either. */
const NEVER_TEXT = ['head', 'title', 'script', 'style', 'noscript', 'template', 'svg', 'object', 'iframe'];

/** Any URL scheme (whitespace and control characters ignored, as browsers do). */
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
const SHOWN_SCHEMES = new Set(['http', 'https', 'tel']);

/**
 * A link target worth printing in the text: http(s) and tel; mailto arrives here without its scheme.
 * `javascript:`, `data:` and the like are dropped (their text stays), so hostile targets never reach triage.
 */
function shownHref(href: string): string {
  const scheme = SCHEME.exec(href.replace(/[\s\p{Cc}]/gu, ''))?.[1]?.toLowerCase();
  return scheme === undefined || SHOWN_SCHEMES.has(scheme) ? href : '';
}

/**
 * Text of an HTML-only message, for triage, from the raw HTML: no wrapping, no images, nothing a browser
 * would not show (script, style, title…), link targets only when they add something and are followable.
 */
export function htmlToPlainText(html: string): string {
  return convert(html, {
    wordwrap: false,
    limits: { maxInputLength: MAX_HTML_CHARS },
    selectors: [
      { selector: 'img', format: 'skip' },
      ...NEVER_TEXT.map((selector) => ({ selector, format: 'skip' })),
      {
        selector: 'a',
        options: { hideLinkHrefIfSameAsText: true, noAnchorUrl: true, pathRewrite: shownHref },
      },
      { selector: 'h1', options: { uppercase: false } },
      { selector: 'h2', options: { uppercase: false } },
      { selector: 'h3', options: { uppercase: false } },
    ],
  })
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
