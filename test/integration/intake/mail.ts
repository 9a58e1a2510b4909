import { readFileSync } from 'node:fs';

/** A fixture of test/fixtures/intake, with its `{{IN_REPLY_TO}}` placeholder filled when given. */
export function fixture(name: string, inReplyTo?: string): Buffer {
  const raw = readFileSync(new URL(`../../fixtures/intake/${name}`, import.meta.url));
  if (inReplyTo === undefined) return raw;
  return Buffer.from(raw.toString('latin1').replaceAll('{{IN_REPLY_TO}}', inReplyTo), 'latin1');
}

export type MailSpec = {
  from?: string;
  to?: string;
  cc?: string;
  replyTo?: string;
  subject?: string;
  messageId?: string;
  inReplyTo?: string;
  references?: string;
  headers?: Record<string, string>;
  body?: string;
  /** A base64 attachment of this many bytes (for the size limit). */
  attachmentBytes?: number;
};

let counter = 0;

/** A plain person's message (RFC 5322, CRLF), UTF-8 8bit body; headers ASCII or RFC 2047 by the caller. */
export function mail(spec: MailSpec = {}): string {
  const id = spec.messageId ?? `<msg-${++counter}-${Date.now()}@hotel-lagon-bleu.re>`;
  const boundary = 'b-intake-test';
  const headers = [
    `From: ${spec.from ?? 'Marie Payet <marie.payet@hotel-lagon-bleu.re>'}`,
    `To: ${spec.to ?? 'reunion@exodata.fr'}`,
    ...(spec.cc ? [`Cc: ${spec.cc}`] : []),
    ...(spec.replyTo ? [`Reply-To: ${spec.replyTo}`] : []),
    `Subject: ${spec.subject ?? 'Imprimante en panne'}`,
    `Message-ID: ${id}`,
    ...(spec.inReplyTo ? [`In-Reply-To: ${spec.inReplyTo}`] : []),
    ...(spec.references ? [`References: ${spec.references}`] : []),
    'Date: Mon, 30 Nov 2026 05:58:00 +0000',
    'MIME-Version: 1.0',
    ...Object.entries(spec.headers ?? {}).map(([k, v]) => `${k}: ${v}`),
  ];
  const body =
    spec.body ??
    // One person blocked, no workaround: haute with every fact settled (issue 11 asks the client
    // when nothing says who is blocked).
    "Bonjour,\n\nL'imprimante de l'accueil ne fonctionne plus, je ne peux plus imprimer.\nPas de solution de contournement.\n\nMarie";
  if (!spec.attachmentBytes) {
    return `${[...headers, 'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: 8bit'].join('\r\n')}\r\n\r\n${body.replaceAll('\n', '\r\n')}\r\n`;
  }
  const data = Buffer.alloc(spec.attachmentBytes, 7).toString('base64').replace(/.{76}/g, '$&\r\n');
  return [
    ...headers,
    `Content-Type: multipart/mixed; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    body.replaceAll('\n', '\r\n'),
    `--${boundary}`,
    'Content-Type: application/octet-stream; name="journal.bin"',
    'Content-Disposition: attachment; filename="journal.bin"',
    'Content-Transfer-Encoding: base64',
    '',
    data,
    `--${boundary}--`,
    '',
  ].join('\r\n');
}
