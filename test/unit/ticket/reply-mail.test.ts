import { type AddressObject, simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { composeMime } from '../../../shared/adapters/mime/acknowledgement-mime';
import { normaliseReplyText, replyMail, textToHtml } from '../../../shared/domain/ticket/reply-mail';
import { aTicket, config } from './fixtures';

const desk = config.desks[0]!;

function reply(text: string, overrides: Partial<Parameters<typeof replyMail>[0]> = {}) {
  return replyMail({
    ticket: aTicket(),
    desk,
    portalBaseUrl: 'https://support.exodata.fr',
    linkSecret: 'AbCdEfGhIjKlMnOpQrStUvWxYz012345',
    signer: 'Alice Payet',
    text,
    to: { address: 'gerant@quincaillerie-du-port.re', name: 'Gérant' },
    cc: [{ address: 'compta@quincaillerie-du-port.re', name: 'Compta' }],
    thread: { messageId: '<latest@client.re>', references: ['<first@client.re>'] },
    key: 'EXO-2026-000042:reply:k-0001-abcd',
    personal: true,
    ...overrides,
  });
}

function addresses(value: AddressObject | AddressObject[] | undefined) {
  return (Array.isArray(value) ? value : value ? [value] : []).flatMap((a) => a.value.map((v) => v.address));
}

describe('Function: replyMail (an agent reply, conversation.md §3)', () => {
  it('greets the requester, signs with the agent and the desk, and ends with the ticket portal link', () => {
    const { body, mail } = reply('Le correctif est installé.');
    // The mail carries the link with its secret; the stored body only the bare link (no secret stored).
    expect(mail.text).toContain(
      'https://support.exodata.fr/t/EXO-2026-000042#k=AbCdEfGhIjKlMnOpQrStUvWxYz012345',
    );
    expect(mail.html).toContain(
      'https://support.exodata.fr/t/EXO-2026-000042#k=AbCdEfGhIjKlMnOpQrStUvWxYz012345',
    );
    expect(body).not.toContain('AbCdEfGhIjKlMnOpQrStUvWxYz012345');
    expect(body).toBe(
      [
        'Bonjour Gérant,',
        'Le correctif est installé.',
        `Cordialement,\nAlice Payet\n${desk.displayName}`,
        '-- \nSuivre votre demande EXO-2026-000042 : https://support.exodata.fr/t/EXO-2026-000042\nRépondez simplement à ce message pour compléter votre demande.',
      ].join('\n\n'),
    );
  });

  it('speaks English on an English ticket', () => {
    const { body } = replyMail({
      ticket: aTicket({ language: 'en', requester: { address: 'a@b.re', name: '' } }),
      desk,
      portalBaseUrl: 'https://support.exodata.fr',
      linkSecret: null,
      signer: 'Alice',
      text: 'Fixed.',
      to: { address: 'a@b.re', name: '' },
      cc: [],
      thread: null,
      key: 'k',
      personal: true,
    });
    expect(body.startsWith('Hello,\n\nFixed.\n\nKind regards,')).toBe(true);
  });

  it('greets by name in English, and without a name in French when the mail gave none', () => {
    const english = reply('Fixed.', { ticket: aTicket({ language: 'en' }) });
    expect(english.body.startsWith('Hello Gérant,\n\nFixed.\n\n')).toBe(true);
    const anonymous = reply('Corrigé.', { ticket: aTicket({ requester: null }) });
    expect(anonymous.body.startsWith('Bonjour,\n\nCorrigé.\n\n')).toBe(true);
  });

  it('cuts a very long requester name to 80 characters in the greeting', () => {
    const name = `${'é'.repeat(79)}xyz`;
    const { body } = reply('Ok.', {
      ticket: aTicket({ requester: { address: 'gerant@quincaillerie-du-port.re', name } }),
    });
    expect(body.split('\n')[0]).toBe(`Bonjour ${'é'.repeat(79)}x,`);
  });

  it('a notification is signed by the desk alone and marked auto-generated, with our loop header', () => {
    const { body, mail } = reply('Votre demande est résolue.', { signer: null, personal: false });
    expect(body).toContain(`\n\nCordialement,\n${desk.displayName}\n\n-- \n`);
    expect(mail.headers).toEqual({ 'Auto-Submitted': 'auto-generated', 'X-Exodata-Loop': 'EXO-2026-000042' });
    expect(mail.automatic).toBe(true);
  });

  it('a mail that answers no client message starts a thread: no In-Reply-To, no References', () => {
    const { mail } = reply('Bonjour', { thread: null });
    expect(mail.inReplyTo).toBeNull();
    expect(mail.references).toEqual([]);
  });

  it('is a person’s mail: our loop header, no Auto-Submitted, threaded, Cc kept, tagged subject', async () => {
    const raw = await composeMime(reply('Bonjour').mail);
    const parsed = await simpleParser(raw);
    expect(parsed.headers.get('auto-submitted')).toBeUndefined();
    expect(parsed.headers.get('x-auto-response-suppress')).toBeUndefined();
    expect(parsed.headers.get('x-exodata-loop')).toBe('EXO-2026-000042');
    expect(parsed.inReplyTo).toBe('<latest@client.re>');
    expect(parsed.references).toEqual(['<first@client.re>', '<latest@client.re>']);
    expect(parsed.subject).toBe('[EXO-2026-000042] Caisse bloquée');
    expect(addresses(parsed.to)).toEqual(['gerant@quincaillerie-du-port.re']);
    expect(addresses(parsed.cc)).toEqual(['compta@quincaillerie-du-port.re']);
  });

  it('attacker: CR/LF and header lines in the text, the subject or a name add no header', async () => {
    const hostile = 'Merci.\r\nBcc: victim@evil.example\r\n\r\nX-Injected: yes';
    const raw = await composeMime(
      replyMail({
        ...reply(hostile),
        ticket: aTicket({
          subject: 'Panne\r\nBcc: victim@evil.example',
          requester: { address: 'gerant@quincaillerie-du-port.re', name: 'Eve\r\nBcc: x@evil.example' },
        }),
        desk,
        portalBaseUrl: 'https://support.exodata.fr',
        linkSecret: null,
        signer: 'Alice\r\nX-Signer: evil',
        text: hostile,
        to: { address: 'gerant@quincaillerie-du-port.re', name: 'Eve\r\nBcc: x@evil.example' },
        cc: [],
        thread: null,
        key: 'k-attack-0001',
        personal: true,
      }).mail,
    );
    const parsed = await simpleParser(raw);
    expect(parsed.bcc).toBeUndefined();
    expect(parsed.headers.get('x-injected')).toBeUndefined();
    expect(parsed.headers.get('x-signer')).toBeUndefined();
    const head = raw.toString('utf8').split('\r\n\r\n')[0]!;
    expect(head).not.toMatch(/^Bcc:/im);
    expect(head).not.toMatch(/^X-Injected:/im);
    // The text stays the text: the would-be header lines are body lines.
    expect(parsed.text).toContain('Bcc: victim@evil.example');
  });

  it('attacker: <script> and markup in the text arrive escaped in the HTML part', async () => {
    const raw = await composeMime(reply('<script>alert(1)</script> <img src=x onerror=alert(2)>').mail);
    const parsed = await simpleParser(raw);
    const html = String(parsed.html);
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});

describe('Function: textToHtml', () => {
  it('makes web and mail links clickable, escaped, and keeps paragraphs and line breaks', () => {
    const html = textToHtml(
      'Voir https://exodata.fr/aide?a=1&b="2" ou support@exodata.fr\nligne 2\n\nparagraphe 2',
      'fr',
      't',
    );
    expect(html).toContain(
      '<a href="https://exodata.fr/aide?a=1&amp;b=&quot;2&quot;" style="color:#0b5cad;">https://exodata.fr/aide?a=1&amp;b=&quot;2&quot;</a>',
    );
    expect(html).toContain('<a href="mailto:support@exodata.fr"');
    expect(html).toContain('<br>ligne 2</p>');
    expect(html).toContain('<p style="margin:0 0 12px 0;">paragraphe 2</p>');
  });

  it('is a whole HTML document: language, charset, phone viewport, escaped title, one paragraph per block', () => {
    expect(textToHtml('Bonjour', 'en', '[EXO-2026-000042] <Caisse> & co')).toBe(
      [
        '<!DOCTYPE html>',
        '<html lang="en">',
        '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
        '<title>[EXO-2026-000042] &lt;Caisse&gt; &amp; co</title></head>',
        '<body style="margin:0;padding:16px;background:#ffffff;color:#1a1a1a;font-family:Arial,Helvetica,sans-serif;font-size:14px;line-height:1.5;"><div style="max-width:640px;">',
        '<p style="margin:0 0 12px 0;">Bonjour</p>',
        '</div></body>',
        '</html>',
        '',
      ].join('\n'),
    );
  });

  it('keeps the words between and after links, each link once', () => {
    const html = textToHtml('Voir http://exodata.fr/a ou support@exodata.fr, merci.', 'fr', 't');
    expect(html).toContain(
      '<p style="margin:0 0 12px 0;">Voir <a href="http://exodata.fr/a" style="color:#0b5cad;">http://exodata.fr/a</a> ou <a href="mailto:support@exodata.fr" style="color:#0b5cad;">support@exodata.fr</a>, merci.</p>',
    );
  });

  it('attacker: an ftp link that carries an http URL is not made clickable', () => {
    const html = textToHtml('ftp://files.example/?next=http://evil.example', 'fr', 't');
    expect(html).not.toContain('<a ');
    expect(html).toContain('ftp://files.example/?next=http://evil.example');
  });

  it('attacker: a javascript: URL is never a link', () => {
    const html = textToHtml('javascript:alert(1) et data:text/html,<b>x</b>', 'fr', 't');
    expect(html).not.toContain('<a ');
    expect(html).toContain('&lt;b&gt;');
  });
});

describe('Function: normaliseReplyText', () => {
  it('turns CR/LF into LF, drops controls and bidi overrides, keeps tabs, trims blank runs', () => {
    expect(normaliseReplyText('a\r\nb\rc\u0000d\u202ee\t f  \n\n\n\ng')).toBe('a\nb\ncde\t f\n\ng');
  });

  it('turns Unicode line and paragraph separators into line breaks, and trims blank lines at both ends', () => {
    expect(normaliseReplyText('\n\n  a\u2028b\u2029c  \n\n')).toBe('a\nb\nc');
  });
});
