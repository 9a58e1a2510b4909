import { describe, expect, it } from 'vitest';
import {
  escapeHtml,
  type MailDocument,
  renderHtml,
  renderText,
} from '../../../shared/domain/acknowledgement/mail-document';

/** One block of each kind, every inline kind. Built per test (docs/mutation-testing.md, "Known trap"). */
function everyBlock(): MailDocument {
  return {
    language: 'fr',
    title: 'Réf & <titre>',
    blocks: [
      { kind: 'paragraph', content: ['Bonjour ', { strong: 'Ana' }, ', tapez ', { code: 'ipconfig' }, '.'] },
      { kind: 'heading', content: 'Été 🌴' },
      { kind: 'list', items: [['un'], [{ strong: 'deux' }, ' : 2']] },
      { kind: 'paragraph', content: ['Portail : ', { link: 'https://support.exodata.fr/t/A' }] },
      { kind: 'signature', lines: ['Cordialement,', 'Service Desk'] },
      { kind: 'note', content: ['Message automatique.'] },
    ],
  };
}

describe('Function: renderText', () => {
  it('writes blocks separated by a blank line, headings underlined to their length in characters, list items with a dash, signature lines one under the other', () => {
    expect(renderText(everyBlock())).toBe(
      [
        'Bonjour Ana, tapez ipconfig.',
        '',
        'Été 🌴',
        '-----',
        '',
        '- un',
        '- deux : 2',
        '',
        'Portail : https://support.exodata.fr/t/A',
        '',
        'Cordialement,',
        'Service Desk',
        '',
        'Message automatique.',
        '',
      ].join('\n'),
    );
  });
});

describe('Function: renderHtml', () => {
  it('writes a self-contained HTML page: language, charset, viewport, escaped title, inline styles, one element per block', () => {
    expect(renderHtml(everyBlock())).toBe(
      [
        '<!DOCTYPE html>',
        '<html lang="fr">',
        '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
        '<title>Réf &amp; &lt;titre&gt;</title></head>',
        '<body style="margin:0;padding:16px;background:#ffffff;color:#1a1a1a;font-family:Arial,Helvetica,sans-serif;font-size:14px;line-height:1.5;"><div style="max-width:640px;">',
        '<p style="margin:0 0 12px 0;">Bonjour <strong>Ana</strong>, tapez <code style="font-family:Consolas,Menlo,monospace;background:#f2f2f2;padding:0 3px;">ipconfig</code>.</p>',
        '<h2 style="margin:20px 0 8px 0;font-size:16px;font-weight:bold;color:#0b3d6e;">Été 🌴</h2>',
        '<ul style="margin:0 0 12px 0;padding-left:20px;"><li style="margin:0 0 4px 0;">un</li><li style="margin:0 0 4px 0;"><strong>deux</strong> : 2</li></ul>',
        '<p style="margin:0 0 12px 0;">Portail : <a href="https://support.exodata.fr/t/A" style="color:#0b5cad;">https://support.exodata.fr/t/A</a></p>',
        '<p style="margin:0 0 12px 0;">Cordialement,<br>Service Desk</p>',
        '<p style="margin:20px 0 0 0;font-size:12px;color:#555555;">Message automatique.</p>',
        '</div></body>',
        '</html>',
        '',
      ].join('\n'),
    );
  });

  it('escapes hostile text in every place it can appear: language, title, inline parts, heading, list, signature', () => {
    const evil = '<script>"x"&\'y\'</script>';
    const escaped = '&lt;script&gt;&quot;x&quot;&amp;&#39;y&#39;&lt;/script&gt;';
    const html = renderHtml({
      language: `fr" onload="x`,
      title: evil,
      blocks: [
        { kind: 'paragraph', content: [evil, { strong: evil }, { code: evil }] },
        { kind: 'heading', content: evil },
        { kind: 'list', items: [[evil]] },
        { kind: 'signature', lines: [evil, evil] },
        { kind: 'note', content: [evil] },
      ],
    });
    expect(html).not.toMatch(/<script|"x"|'y'| onload="/);
    expect(html).toContain('<html lang="fr&quot; onload=&quot;x">');
    expect(html.split(escaped)).toHaveLength(10);
  });

  it('makes only http(s) URLs clickable, whatever their case; any other link is shown as text', () => {
    const link = (url: string) =>
      renderHtml({ language: 'fr', title: '', blocks: [{ kind: 'note', content: [{ link: url }] }] });
    expect(link('http://intranet.client.example/t/A')).toContain(
      '<a href="http://intranet.client.example/t/A" style="color:#0b5cad;">',
    );
    expect(link('HTTPS://SUPPORT.EXODATA.FR/')).toContain('<a href="HTTPS://SUPPORT.EXODATA.FR/"');
    for (const url of [
      'javascript:alert(1)//https://x',
      'data:text/html,https://x',
      'see https://x',
      'https:/x',
    ]) {
      const html = link(url);
      expect(html).not.toContain('<a ');
      expect(html).toContain(`>${escapeHtml(url)}</p>`);
    }
  });
});

describe('Function: escapeHtml', () => {
  it('escapes the five characters that matter in an element or a quoted attribute, and the ampersand first', () => {
    expect(escapeHtml(`&<>"'`)).toBe('&amp;&lt;&gt;&quot;&#39;');
    expect(escapeHtml('&lt;')).toBe('&amp;lt;');
    expect(escapeHtml("a'b'c")).toBe('a&#39;b&#39;c');
  });
});
