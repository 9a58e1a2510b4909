import { convert } from 'html-to-text';
import sanitizeHtml from 'sanitize-html';

/** Longest HTML (characters) converted or sanitised; past it the tail is dropped with a warning. */
const MAX_HTML_CHARS = 2_000_000;

const RASTER_DATA_IMAGE = /^data:image\/(png|gif|jpe?g|webp|bmp);/i;

/**
 * Safe to show an agent in a browser: no script, style, iframe, object, form or event handler;
 * images only from the message itself (cid:) or inline raster data: URIs, never a remote tracker;
 * links kept, opened without giving the page a handle on ours.
 */
const SANITIZE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [...sanitizeHtml.defaults.allowedTags, 'img', 'font', 'center'],
  allowedAttributes: {
    a: ['href', 'name', 'title', 'rel'],
    img: ['src', 'alt', 'title', 'width', 'height'],
    td: ['colspan', 'rowspan', 'align', 'valign'],
    th: ['colspan', 'rowspan', 'align', 'valign'],
    font: ['color'],
    '*': ['dir', 'lang'],
  },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesByTag: { img: ['cid', 'data'] },
  allowProtocolRelative: false,
  // sanitize-html's default list, plus the document title that would otherwise leak into the body
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'title'],
  transformTags: {
    a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer' }),
    img: (tagName, attribs) => {
      const src = attribs.src ?? '';
      const { src: _dropped, ...rest } = attribs;
      const keep = /^cid:/i.test(src) || RASTER_DATA_IMAGE.test(src);
      return { tagName, attribs: keep ? attribs : rest };
    },
  },
  exclusiveFilter: (frame) => frame.tag === 'img' && !frame.attribs.src,
};

export function sanitizeBodyHtml(html: string): { html: string; truncated: boolean } {
  const truncated = html.length > MAX_HTML_CHARS;
  return {
    html: sanitizeHtml(truncated ? html.slice(0, MAX_HTML_CHARS) : html, SANITIZE_OPTIONS),
    truncated,
  };
}

/** Text of an HTML-only message, for triage: no wrapping, no images, link targets only when they add something. */
export function htmlToPlainText(html: string): string {
  return convert(html, {
    wordwrap: false,
    limits: { maxInputLength: MAX_HTML_CHARS },
    selectors: [
      { selector: 'img', format: 'skip' },
      { selector: 'a', options: { hideLinkHrefIfSameAsText: true, noAnchorUrl: true } },
      { selector: 'h1', options: { uppercase: false } },
      { selector: 'h2', options: { uppercase: false } },
      { selector: 'h3', options: { uppercase: false } },
    ],
  })
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
