import { describe, expect, it } from 'vitest';
import { htmlToPlainText, sanitizeBodyHtml } from '../../../shared/adapters/mailparser/html-body';
import { parseMail } from '../../../shared/adapters/mailparser-mail-parser';
import { emlFixture } from './eml-fixture';

describe('Function: parseMail (HTML-only message with hostile content)', () => {
  it('removes script, style, iframe, object, form, meta refresh and every event handler', async () => {
    const { email } = await parseMail(emlFixture('html-only-hostile.eml'));
    const html = email.html ?? '';

    expect(html).toContain('<b>nobody in the office</b>');
    for (const banned of [
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
    ]) {
      expect(html).not.toContain(banned);
    }
  });

  it('drops remote, protocol-relative and SVG images; keeps links with rel=noopener', async () => {
    const { email } = await parseMail(emlFixture('html-only-hostile.eml'));
    const html = email.html ?? '';

    expect(html).not.toContain('<img');
    expect(html).not.toContain('tracker.example.com');
    expect(html).not.toContain('cdn.example.com');
    expect(html).toContain(
      '<a href="https://status.example-saas.com/incidents/123" rel="noopener noreferrer">Vendor status page</a>',
    );
  });

  it('derives the text from the sanitised HTML: no title, no script text, no javascript: link', async () => {
    const { email } = await parseMail(emlFixture('html-only-hostile.eml'));

    expect(email.text).toMatch(
      /^Hello,\n\nSince this morning nobody in the office can open the accounting software/,
    );
    expect(email.text).toContain("We don't have any workaround.");
    expect(email.text).not.toMatch(/alert|javascript|steal/);
    expect(email.text).not.toMatch(/\n{3,}/);
    expect(email.newText).toContain('it is down for everyone');
    expect(email.language).toBe('en');
  });
});

describe('Function: sanitizeBodyHtml', () => {
  it('keeps an inline raster data: image and a cid: image', () => {
    const png = 'data:image/png;base64,iVBORw0KGgo=';
    const { html } = sanitizeBodyHtml(
      `<img src="${png}" alt="a"><img src="cid:logo@x"><img src="http://x/y.gif">`,
    );

    expect(html).toBe(`<img src="${png}" alt="a" /><img src="cid:logo@x" />`);
  });

  it('keeps mailto: links and removes a target that would open a window', () => {
    const { html } = sanitizeBodyHtml('<a href="mailto:a@b.re" target="_blank" onmouseover="x()">a</a>');

    expect(html).toBe('<a href="mailto:a@b.re" rel="noopener noreferrer">a</a>');
  });

  it('says when an overlong body was cut', () => {
    const { truncated } = sanitizeBodyHtml(`<p>${'x'.repeat(2_000_001)}</p>`);
    expect(truncated).toBe(true);
  });
});

describe('Function: htmlToPlainText', () => {
  it('turns Outlook blockquotes into > lines so that the history can be split off', () => {
    expect(htmlToPlainText('<p>Nouveau</p><blockquote><p>Ancien</p></blockquote>')).toBe(
      'Nouveau\n\n> Ancien',
    );
  });
});
