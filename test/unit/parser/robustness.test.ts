import { describe, expect, it } from 'vitest';
import {
  MAX_TEXT_CHARS,
  MailparserMailParser,
  parseMail,
} from '../../../shared/adapters/mailparser-mail-parser';
import { IntakeError } from '../../../shared/domain/errors';
import { emlFixture } from './eml-fixture';
import { intakeErrorOf } from './intake-error-of';

const parser = new MailparserMailParser();

function bigPlainMessage(bodyBytes: number): Buffer {
  const head =
    'From: Rajiv Doorgakant <rajiv.d@ocean-indien-shipping.re>\r\nTo: reunion@exodata.fr\r\n' +
    'Subject: Export des manifestes\r\nMessage-ID: <big@ocean-indien-shipping.re>\r\n' +
    'MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n';
  const line = 'Le logiciel de manifeste ne répond plus, export impossible.\r\n';
  return Buffer.from(head + line.repeat(Math.ceil(bodyBytes / line.length)));
}

describe('Class: MailparserMailParser', () => {
  describe('Method: parse (empty and hopeless input)', () => {
    it('throws EMPTY_MESSAGE when the input has no bytes', async () => {
      const error = await intakeErrorOf(parser.parse(new Uint8Array()));
      expect(error.code).toBe('EMPTY_MESSAGE');
    });

    it('throws EMPTY_MESSAGE when the input is only blank lines', async () => {
      const error = await intakeErrorOf(parser.parse(Buffer.from('\r\n\r\n  \r\n')));
      expect(error.code).toBe('EMPTY_MESSAGE');
    });

    it('throws UNPARSEABLE with a hint when there is no header field at all', async () => {
      const error = await intakeErrorOf(parser.parse(Buffer.from('\r\njust a body, no header\r\n')));
      expect(error.code).toBe('UNPARSEABLE');
      expect(error.toUserMessage()).toMatch(/no header fields found.+have an agent open it/);
    });
  });

  describe('Method: parse (missing and broken parts)', () => {
    it('derives a stable Message-ID from what the sender wrote when the header is missing', async () => {
      const raw = emlFixture('missing-message-id.eml');
      const first = await parser.parse(raw);
      const again = await parser.parse(Buffer.from(raw));
      // Another delivery adds its own transit headers and may end lines otherwise: the same message.
      const relayed = await parser.parse(
        Buffer.concat([
          Buffer.from(
            'Received: from mx2.example by inbound-smtp with SMTP id 2\r\nX-SES-RECEIPT: other\r\n',
          ),
          raw,
          Buffer.from('\r\n'),
        ]),
      );
      const other = await parser.parse(Buffer.concat([raw, Buffer.from('one more line\r\n')]));

      expect(first.email.messageId).toMatch(/^<[0-9a-f]{64}@derived\.exodata\.invalid>$/);
      expect(first.email.messageIdDerived).toBe(true);
      expect(again.email.messageId).toBe(first.email.messageId);
      expect(relayed.email.messageId).toBe(first.email.messageId);
      expect(other.email.messageId).not.toBe(first.email.messageId);
      expect(first.email.date).toBeNull();
      expect(first.email.warnings[0]).toMatch(/^no usable Message-ID: derived </);
    });

    it('brackets a bare Message-ID and keeps In-Reply-To ids without brackets', async () => {
      const raw = Buffer.from(
        'From: a@b.re\r\nMessage-ID: abc.123@b.re\r\nIn-Reply-To: x@y.re\r\nReferences: <r1@y.re>\r\n <r2@y.re>\r\n\r\nhi\r\n',
      );
      const { email } = await parser.parse(raw);

      expect(email.messageId).toBe('<abc.123@b.re>');
      expect(email.inReplyTo).toEqual(['<x@y.re>']);
      expect(email.references).toEqual(['<r1@y.re>', '<r2@y.re>']);
    });

    it('still gives the text and the attachment of a multipart that is never closed', async () => {
      const { email } = await parser.parse(emlFixture('malformed-mime.eml'));

      expect(email.subject).toBe('Tablettes des chauffeurs');
      expect(email.text).toContain('ne synchronisent plus les tournées depuis ce matin');
      expect(email.text).not.toContain('preamble');
      expect(email.attachments.map((a) => a.filename)).toEqual(['journal.log']);
    });

    it('gives an empty text and subject, with a warning, for an empty body', async () => {
      const { email } = await parser.parse(emlFixture('empty-body.eml'));

      expect(email.text).toBe('');
      expect(email.newText).toBe('');
      expect(email.subject).toBe('');
      expect(email.html).toBeNull();
      expect(email.warnings).toContain('message has no body text');
      expect(email.language).toBe('fr');
    });

    it('returns null for an unreadable Date header and says so', async () => {
      const raw = Buffer.from('From: a@b.re\r\nDate: le 3 du mois\r\nMessage-ID: <d@b.re>\r\n\r\nhi\r\n');
      const { email } = await parser.parse(raw);

      expect(email.date).toBeNull();
      expect(email.warnings).toContain('unreadable Date header "le 3 du mois"');
    });

    it('gives from null and a warning when From holds no address', async () => {
      const raw = Buffer.from('From: Undisclosed\r\nMessage-ID: <u@b.re>\r\n\r\nhi\r\n');
      const { email } = await parser.parse(raw);

      expect(email.from).toBeNull();
      expect(email.warnings).toContain('no sender address in From');
    });
  });

  describe('Method: parse (hostile values)', () => {
    it('removes CR/LF, tabs and bidi overrides from an encoded subject', async () => {
      const { email } = await parser.parse(emlFixture('subject-control-characters.eml'));

      expect(email.subject).toBe('Wi-Fi guests Bcc: victim@example.com and tabs');
      expect(email.replyTo).toEqual([{ address: 'frontdesk@resort-anse-corail.mq', name: 'Front Desk' }]);
    });

    it('strips directories and control characters from attachment names, and names the unnamed one', async () => {
      const { email } = await parser.parse(emlFixture('hostile-attachment-names.eml'));

      expect(email.attachments.map((a) => a.filename)).toEqual([
        'evil.bat',
        'reportfdp.exe',
        'attachment-3.jpeg',
      ]);
    });
  });

  describe('Method: parse (budgets)', () => {
    it('throws PARSE_TIMEOUT when the time budget runs out', async () => {
      const error = await intakeErrorOf(parser.parse(bigPlainMessage(4_000_000), { timeoutMs: 1 }));

      expect(error.code).toBe('PARSE_TIMEOUT');
      expect(error.message).toBe('parsing the message took more than 1 ms');
    });

    it('over the attachment budget: lists the attachments, keeps no body, still reads the text', async () => {
      const parsed = await parser.parse(emlFixture('apple-mail-attachments-inline.eml'), {
        maxAttachmentBytes: 1_000,
      });

      expect(parsed.bodies).toBe('skipped');
      expect(parsed.attachments).toEqual([]);
      expect(parsed.email.attachments.map((a) => [a.filename, a.size])).toEqual([
        ['capture.png', 70],
        ['Rapport éditeur caisse.pdf', 77],
      ]);
      expect(parsed.email.text).toContain('Le logiciel de caisse de la boutique');
      expect(parsed.email.warnings).toContain(
        'message of 3034 bytes is over the 1000-byte budget: attachments left in the raw message',
      );
    });

    it('keeps the first MAX_TEXT_CHARS of a huge body, with a warning', async () => {
      const { email } = await parseMail(bigPlainMessage(3_000_000));

      expect(email.text).toHaveLength(MAX_TEXT_CHARS);
      expect(email.warnings).toContain(
        `body text over ${MAX_TEXT_CHARS} characters: only its beginning is kept`,
      );
      expect(email.sizeBytes).toBeGreaterThan(3_000_000);
    });

    it('keeps only the first 64 KiB of header data, with a warning', async () => {
      const received = Array.from(
        { length: 400 },
        (_, i) => `Received: from relay${i}.example.net ${'x'.repeat(200)}\r\n`,
      );
      const raw = Buffer.from(`${received.join('')}From: a@b.re\r\nMessage-ID: <h@b.re>\r\n\r\nhi\r\n`);
      const { email } = await parser.parse(raw);
      const kept = Object.entries(email.headers).reduce(
        (n, [k, vs]) => n + vs.reduce((m, v) => m + k.length + v.length, 0),
        0,
      );

      expect(kept).toBeLessThanOrEqual(64 * 1024);
      expect(email.headers.received!.length).toBeLessThan(400);
      expect(email.warnings.some((w) => w.startsWith('header data over 65536 bytes'))).toBe(true);
    });
  });

  describe('Method: parse (never anything but IntakeError)', () => {
    it('gives a result or an IntakeError for every truncation of every fixture shape', async () => {
      const names = ['apple-mail-attachments-inline.eml', 'gmail-en-base64-reply.eml', 'malformed-mime.eml'];
      let results = 0;
      for (const name of names) {
        const raw = emlFixture(name);
        for (let cut = 1; cut < raw.length; cut += 97) {
          const outcome = await parser.parse(raw.subarray(0, cut)).then(
            () => 'result',
            (e: unknown) => (e instanceof IntakeError ? 'intake-error' : e),
          );
          expect(['result', 'intake-error']).toContain(outcome);
          if (outcome === 'result') results += 1;
        }
      }
      expect(results).toBeGreaterThan(50);
    });
  });
});

describe('Function: parseMail (lines that are not header fields)', () => {
  it('throws UNPARSEABLE for text that has no field at all', async () => {
    const error = await intakeErrorOf(parseMail(Buffer.from('just garbage no colon\r\nmore garbage\r\n')));
    expect(error.code).toBe('UNPARSEABLE');
  });

  it('ignores a stray line among real header fields', async () => {
    const { email } = await parseMail(emlFixture('malformed-mime.eml'));
    expect(Object.keys(email.headers)).not.toContain('');
    expect(email.headers['mime-version']).toEqual(['1.0']);
  });
});

describe('Function: parseMail (header names that are object keys)', () => {
  it('keeps constructor as a header and never lets __proto__ change an object prototype', async () => {
    const raw = Buffer.from(
      'From: a@b.re\r\n__proto__: polluted\r\nconstructor: x\r\nMessage-ID: <p@b.re>\r\n\r\nhi\r\n',
    );
    const { email } = await parseMail(raw);

    expect(email.headers.constructor).toEqual(['x']);
    expect(Object.getPrototypeOf(email.headers)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('Function: parseMail (address headers)', () => {
  it('never takes an address hidden in an encoded word for the sender', async () => {
    const raw = Buffer.from(
      'From: =?utf-8?Q?=3Cceo=40bank=2Ecom=3E?= <attacker@evil.example>\r\nMessage-ID: <s@e.x>\r\n\r\nhi\r\n',
    );
    const { email } = await parseMail(raw);

    expect(email.from?.address).toBe('attacker@evil.example');
  });

  it('keeps a comma inside an encoded display name in the name', async () => {
    const raw = Buffer.from(
      'From: =?utf-8?Q?Grondin=2C_Yannick?= <Y.Grondin@Cabinet-Riviere-Expertise.re>\r\nMessage-ID: <c@e.x>\r\n\r\nhi\r\n',
    );
    const { email } = await parseMail(raw);

    expect(email.from).toEqual({
      address: 'y.grondin@cabinet-riviere-expertise.re',
      name: 'Grondin, Yannick',
    });
  });

  it('flattens groups and keeps every mailbox of repeated To fields', async () => {
    const raw = Buffer.from(
      'From: a@b.re\r\nTo: Desks: reunion@exodata.fr, martinique@exodata.fr;\r\nTo: x@y.re\r\nMessage-ID: <g@e.x>\r\n\r\nhi\r\n',
    );
    const { email } = await parseMail(raw);

    expect(email.to.map((a) => a.address)).toEqual(['reunion@exodata.fr', 'martinique@exodata.fr', 'x@y.re']);
  });
});
