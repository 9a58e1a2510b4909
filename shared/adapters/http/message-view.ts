import sanitizeHtml from 'sanitize-html';
import { OUTBOUND_STATE_LABEL, type OutboundMessage } from '../../domain/ticket/outbound-message';
import type { TicketMessage } from '../../domain/ticket/ticket';
import type { MessageView } from './api-schemas';

/** Inline images shown: raster data only. An SVG can carry script and markup of its own. */
const RASTER_DATA_IMAGE = /^data:image\/(png|gif|jpe?g|webp|bmp);/i;

/**
 * Message HTML as the portal may show it. The intake stores the HTML as sent (hostile; older items hold
 * what an earlier parser sanitised): this is the one place it is sanitised, at each display, and every
 * route that serves message HTML goes through it. No script, no event handler, no style, no remote
 * resource (images only from raster data: URIs), links kept as text targets. The portal then renders it
 * in a sandboxed iframe without scripts under the page's Content-Security-Policy: three walls, not one.
 */
export function displayHtml(html: string): string {
  return sanitizeHtml(html, {
    allowedTags: [
      ...sanitizeHtml.defaults.allowedTags.filter((t) => t !== 'a'),
      'a',
      'img',
      'font',
      'center',
      'span',
      'div',
    ],
    allowedAttributes: {
      a: ['href', 'title'],
      img: ['src', 'alt', 'title', 'width', 'height'],
      td: ['colspan', 'rowspan', 'align', 'valign'],
      th: ['colspan', 'rowspan', 'align', 'valign'],
      table: ['border', 'cellpadding', 'cellspacing'],
      '*': ['dir', 'lang'],
    },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesByTag: { img: ['data'] },
    // An image that is not inline data (remote, relative, cid:) would be a request or a broken frame: say so.
    transformTags: {
      img: (tagName, attribs) =>
        RASTER_DATA_IMAGE.test(attribs.src ?? '')
          ? { tagName, attribs }
          : {
              tagName: 'span',
              attribs: {},
              text: `[image bloquée${attribs.alt ? ` : ${attribs.alt}` : ''}]`,
            },
    },
    allowProtocolRelative: false,
    disallowedTagsMode: 'discard',
    // Text inside <script>/<style> must not come back as visible text either.
    nonTextTags: ['script', 'style', 'textarea', 'noscript', 'title', 'head'],
  });
}

export function messageView(message: TicketMessage): MessageView {
  return {
    id: message.id,
    kind: message.kind,
    receivedAt: message.receivedAt,
    channel: message.channel,
    from: message.from,
    to: message.to,
    cc: message.cc,
    subject: message.subject,
    newText: message.newText,
    history: historyOf(message.text, message.newText),
    html: message.html === null ? null : displayHtml(message.html),
    bodyTruncated: message.bodyTruncated,
    automated: message.automated,
    verdicts: message.verdicts,
    attachments: message.attachments.map((a) => ({
      filename: a.filename,
      contentType: a.contentType,
      size: a.size,
      sha256: a.sha256,
      inline: a.inline,
      downloadable: message.attachmentsStored,
    })),
    attachmentsSkipped: message.attachmentsSkipped,
    warnings: message.warnings,
  };
}

/** The full text minus the new text: the parser keeps the new text as the head of the full text. */
function historyOf(text: string, newText: string): string {
  const fresh = newText.trim();
  const full = text.trim();
  if (fresh === '') return full;
  const at = full.indexOf(fresh);
  if (at < 0) return full === fresh ? '' : full;
  return `${full.slice(0, at)}${full.slice(at + fresh.length)}`.trim();
}

/** A message we sent, as the conversation shows it; a `sending` past its lease shows as unconfirmed. */
export function outboundView(message: OutboundMessage, now: Date) {
  const stale =
    message.state === 'sending' &&
    message.leaseUntil !== null &&
    Date.parse(message.leaseUntil) <= now.getTime();
  const state = stale ? 'unconfirmed' : message.state;
  return {
    direction: 'out' as const,
    at: message.sentAt ?? message.createdAt,
    id: message.key,
    kind: message.kind,
    author: { id: message.author, name: message.authorName },
    state,
    stateLabel: OUTBOUND_STATE_LABEL[state],
    reason: message.reason,
    messageId: message.messageId,
    sentAt: message.sentAt,
    to: [message.to],
    cc: message.cc,
    subject: message.subject,
    text: message.text,
    body: message.body,
    afterwards: message.afterwards,
    attachments: message.attachments.map((a) => ({
      uploadId: a.uploadId,
      filename: a.filename,
      size: a.size,
    })),
    resends: message.resends,
    /** The portal offers "renvoyer" (with its warning) only then. */
    resendable: state === 'unconfirmed',
  };
}
