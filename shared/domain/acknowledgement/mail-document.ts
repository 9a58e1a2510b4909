/**
 * A tiny document model for the mails we write: the wording is written once as blocks, and the
 * plain text and HTML bodies are both rendered from it, so the two alternatives can never say
 * different things. Every string is treated as untrusted and escaped in HTML.
 */
export type Inline = string | { strong: string } | { code: string } | { link: string };

export type Block =
  | { kind: 'paragraph'; content: Inline[] }
  | { kind: 'heading'; content: string }
  | { kind: 'list'; items: Inline[][] }
  /** Lines kept together, one under the other (closing and desk name). */
  | { kind: 'signature'; lines: string[] }
  /** Small print at the bottom (automatic-message notice). */
  | { kind: 'note'; content: Inline[] };

export type MailDocument = { language: string; title: string; blocks: Block[] };

export function renderText(doc: MailDocument): string {
  return `${doc.blocks.map(blockText).join('\n\n')}\n`;
}

function blockText(block: Block): string {
  switch (block.kind) {
    case 'paragraph':
    case 'note':
      return inlineText(block.content);
    case 'heading':
      return `${block.content}\n${'-'.repeat(Array.from(block.content).length)}`;
    case 'list':
      return block.items.map((item) => `- ${inlineText(item)}`).join('\n');
    case 'signature':
      return block.lines.join('\n');
  }
}

const STYLE = {
  body: 'margin:0;padding:16px;background:#ffffff;color:#1a1a1a;font-family:Arial,Helvetica,sans-serif;font-size:14px;line-height:1.5;',
  wrapper: 'max-width:640px;',
  paragraph: 'margin:0 0 12px 0;',
  heading: 'margin:20px 0 8px 0;font-size:16px;font-weight:bold;color:#0b3d6e;',
  list: 'margin:0 0 12px 0;padding-left:20px;',
  item: 'margin:0 0 4px 0;',
  note: 'margin:20px 0 0 0;font-size:12px;color:#555555;',
  code: 'font-family:Consolas,Menlo,monospace;background:#f2f2f2;padding:0 3px;',
  link: 'color:#0b5cad;',
} as const;

/** A self-contained HTML body: inline styles only, no remote image, font or stylesheet. */
export function renderHtml(doc: MailDocument): string {
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(doc.language)}">`,
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(doc.title)}</title></head>`,
    `<body style="${STYLE.body}"><div style="${STYLE.wrapper}">`,
    ...doc.blocks.map(blockHtml),
    '</div></body>',
    '</html>',
    '',
  ].join('\n');
}

function blockHtml(block: Block): string {
  switch (block.kind) {
    case 'paragraph':
      return `<p style="${STYLE.paragraph}">${inlineHtml(block.content)}</p>`;
    case 'note':
      return `<p style="${STYLE.note}">${inlineHtml(block.content)}</p>`;
    case 'heading':
      return `<h2 style="${STYLE.heading}">${escapeHtml(block.content)}</h2>`;
    case 'signature':
      return `<p style="${STYLE.paragraph}">${block.lines.map(escapeHtml).join('<br>')}</p>`;
    case 'list':
      return `<ul style="${STYLE.list}">${block.items
        .map((item) => `<li style="${STYLE.item}">${inlineHtml(item)}</li>`)
        .join('')}</ul>`;
  }
}

/** Escapes text for an HTML element or a double- or single-quoted attribute. */
export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function inlineText(content: Inline[]): string {
  return content
    .map((part) => {
      if (typeof part === 'string') return part;
      if ('strong' in part) return part.strong;
      if ('code' in part) return part.code;
      return part.link;
    })
    .join('');
}

function inlineHtml(content: Inline[]): string {
  return content
    .map((part) => {
      if (typeof part === 'string') return escapeHtml(part);
      if ('strong' in part) return `<strong>${escapeHtml(part.strong)}</strong>`;
      if ('code' in part) return `<code style="${STYLE.code}">${escapeHtml(part.code)}</code>`;
      // Only web links are clickable: a javascript: or data: URL is shown as text, never as a link.
      if (!/^https?:\/\//i.test(part.link)) return escapeHtml(part.link);
      return `<a href="${escapeHtml(part.link)}" style="${STYLE.link}">${escapeHtml(part.link)}</a>`;
    })
    .join('');
}
