import { describe, expect, it } from 'vitest';
import { displayHtml, messageView } from '../../../shared/adapters/http/message-view';
import { htmlToPlainText, keptBodyHtml } from '../../../shared/adapters/mailparser/html-body';
import { parseMail } from '../../../shared/adapters/mailparser-mail-parser';
import type { TicketMessage } from '../../../shared/domain/ticket/ticket';
import { emlFixture } from './eml-fixture';

const BANNED = [
  '<script',
  'alert(',
  '<style',
  '<iframe',
  '<object',
  '<form',
  '<input',
  '<meta',
  'onload',
  'onclick',
  'javascript:',
  'data:image/svg',
];

describe('HTML-only message with hostile content: kept as sent, sanitised when shown', () => {
  it('keeps the HTML as sent at intake (no sanitiser on the intake path): it is hostile', async () => {
    const { email } = await parseMail(emlFixture('html-only-hostile.eml'));

    // The contract the display relies on: what is stored is the sender's HTML, so it must be sanitised.
    expect(email.html).toContain("<script>alert('xss')</script>");
    expect(email.html).toContain('onload="steal()"');
  });

  it('serves it through the agent API view without script, style, frame, form, meta, handler or SVG', async () => {
    const { email } = await parseMail(emlFixture('html-only-hostile.eml'));
    const served = messageView({ ...sampleMessage(), html: email.html }).html ?? '';

    expect(served).toContain('<b>nobody in the office</b>');
    for (const banned of BANNED) expect(served).not.toContain(banned);
    expect(served).not.toContain('tracker.example.com');
    expect(served).not.toContain('cdn.example.com');
    expect(served).toContain(
      '<a href="https://status.example-saas.com/incidents/123">Vendor status page</a>',
    );
  });

  it('derives the text from the raw HTML: no title, no script text, no javascript: link', async () => {
    const { email } = await parseMail(emlFixture('html-only-hostile.eml'));

    expect(email.text).toMatch(
      /^Hello,\n\nSince this morning nobody in the office can open the accounting software/,
    );
    expect(email.text).toContain("We don't have any workaround.");
    expect(email.text).toContain('Vendor status page [https://status.example-saas.com/incidents/123]');
    expect(email.text).not.toMatch(/alert|javascript|steal|xss|\bx\b/);
    expect(email.text).not.toMatch(/\n{3,}/);
    expect(email.newText).toContain('it is down for everyone');
    expect(email.language).toBe('en');
  });
});

describe('Function: displayHtml (images and links)', () => {
  it('keeps an inline raster data: image; blocks SVG data, cid: and remote images with a visible note', () => {
    const png = 'data:image/png;base64,iVBORw0KGgo=';
    const html = displayHtml(
      `<img src="${png}" alt="a"><img src="data:image/svg+xml;base64,PHN2Zz4=" alt="s"><img src="cid:logo@x"><img src="http://x/y.gif">`,
    );

    expect(html).toBe(
      `<img src="${png}" alt="a" /><span>[image bloquée : s]</span><span>[image bloquée]</span><span>[image bloquée]</span>`,
    );
  });

  it('keeps mailto: links and removes a target that would open a window and every handler', () => {
    expect(displayHtml('<a href="mailto:a@b.re" target="_blank" onmouseover="x()">a</a>')).toBe(
      '<a href="mailto:a@b.re">a</a>',
    );
  });
});

describe('Function: keptBodyHtml', () => {
  it('keeps the HTML as it came and says when an overlong body was cut', () => {
    expect(keptBodyHtml('<p onclick="x()">a</p>')).toEqual({
      html: '<p onclick="x()">a</p>',
      truncated: false,
    });
    const cut = keptBodyHtml(`<p>${'x'.repeat(2_000_001)}</p>`);
    expect(cut.truncated).toBe(true);
    expect(cut.html).toHaveLength(2_000_000);
  });
});

describe('Function: htmlToPlainText', () => {
  it('turns Outlook blockquotes into > lines so that the history can be split off', () => {
    expect(htmlToPlainText('<p>Nouveau</p><blockquote><p>Ancien</p></blockquote>')).toBe(
      'Nouveau\n\n> Ancien',
    );
  });

  it('gives no text for what a browser does not show, and no target for a link that cannot be followed', () => {
    const text = htmlToPlainText(
      [
        '<body><p>Bonjour</p><script>steal()</script><style>p{}</style><noscript>js off</noscript>',
        '<template>hidden</template><svg><text>svg text</text></svg>',
        '<a href="java\tscript:alert(1)">a</a> <a href="data:text/html,x">b</a> <a href="mailto:x@y.re">x@y.re</a>',
        ' <a href="tel:+262262000000">appeler</a></body>',
      ].join(''),
    );

    expect(text).toBe('Bonjour\n\na b x@y.re appeler [tel:+262262000000]');
  });
});

function sampleMessage(): TicketMessage {
  return {
    id: 'm1',
    kind: 'initial',
    receivedAt: '2026-12-03T10:15:00.000Z',
    channel: 'ses',
    from: { address: 'claire.dufresne@pharmacie-anse-vata.nc', name: 'Claire Dufresne' },
    to: [],
    cc: [],
    subject: 'Accounting software down',
    text: '',
    newText: '',
    html: null,
    bodyTruncated: false,
    automated: null,
    verdicts: null,
    attachments: [],
    attachmentsStored: false,
    attachmentsSkipped: false,
    warnings: [],
  } as unknown as TicketMessage;
}
