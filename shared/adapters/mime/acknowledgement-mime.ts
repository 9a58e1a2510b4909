import { domainToASCII } from 'node:url';
import MailComposer from 'nodemailer/lib/mail-composer';
import * as z from 'zod';
import { stripControlCharacters } from '../../domain/acknowledgement/subject';
import { InputError } from '../../domain/errors';
import type { OutboundMail } from '../../domain/mail/outbound-mail';
import { LOOP_HEADER } from '../../domain/triage/automated-mail';
import { MailRejectedError } from '../../ports/mail-sender-errors';

/**
 * Headers that MailComposer builds itself or that change who receives the message: a caller's
 * `headers` may never set them (a `Bcc` or `To` smuggled through there would bypass our checks).
 */
const RESERVED_HEADERS = new Set([
  'from',
  'sender',
  'to',
  'cc',
  'bcc',
  'reply-to',
  'subject',
  'date',
  'message-id',
  'in-reply-to',
  'references',
  'mime-version',
  'return-path',
  'content-type',
  'content-transfer-encoding',
  'content-disposition',
]);

/** RFC 5322 field name: printable ASCII without the colon; we keep to letters, digits and dashes. */
const FIELD_NAME = /^[A-Za-z][A-Za-z0-9-]*$/;

/** A msg-id as we accept to repeat it: `<left@right>`, no space, no control, no angle bracket inside. */
const MESSAGE_ID = /^<[^<>\s\p{Cc}]+@[^<>\s\p{Cc}]+>$/u;

/** Long threads: keep the first (root) Message-ID and the most recent ones, as MUAs do (RFC 5322 §3.6.4). */
const MAX_REFERENCES = 20;

/** The browsers' rule: any atext local part, an ASCII (punycode) domain; never a space, comma or CR/LF. */
const MailboxSchema = z.email({ pattern: z.regexes.html5Email });

export type MimeOptions = {
  /** Date header; SES replaces it, but tests and local transports see it. Default: now. */
  date?: Date;
};

/**
 * acknowledgement.md, "Headers": the outbound mail as raw RFC 5322 bytes, multipart/alternative
 * (text then HTML), threaded on the client's message, marked as an automatic reply, with every
 * header value and display name stripped of CR/LF and control characters (no header injection).
 */
export async function composeMime(mail: OutboundMail, options: MimeOptions = {}): Promise<Buffer> {
  const from = mailbox(mail.from, 'from');
  const to = mailbox(mail.to, 'to');
  const cc = (mail.cc ?? []).map((c) => mailbox(c, 'cc'));
  const replyTo = plainAddress(mail.replyTo, 'reply-to');
  const inReplyTo = mail.inReplyTo !== null && MESSAGE_ID.test(mail.inReplyTo) ? mail.inReplyTo : undefined;
  const references = threadReferences(mail.references, inReplyTo);

  const composer = new MailComposer({
    from,
    to,
    ...(cc.length > 0 ? { cc } : {}),
    replyTo,
    subject: stripControlCharacters(mail.subject),
    text: mail.text,
    html: mail.html,
    ...(inReplyTo ? { inReplyTo } : {}),
    ...(references.length > 0 ? { references } : {}),
    headers: extraHeaders(mail),
    ...(mail.attachments && mail.attachments.length > 0
      ? {
          attachments: mail.attachments.map((a) => ({
            // Names were sanitised by the attachment policy; control characters go again (headers).
            filename: stripControlCharacters(a.filename),
            content: Buffer.from(a.content.buffer, a.content.byteOffset, a.content.byteLength),
            contentDisposition: 'attachment' as const,
          })),
        }
      : {}),
    messageId: ourMessageId(mail.idempotencyKey, from.address),
    ...(options.date ? { date: options.date } : {}),
    newline: 'windows',
    // Content is our own text: never let a value be read as a file path or fetched from a URL.
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  return composer.compile().build();
}

function mailbox(value: { name: string; address: string }, field: string): { name: string; address: string } {
  return { name: stripControlCharacters(value.name), address: plainAddress(value.address, field) };
}

/**
 * One plain mailbox, lower-cased, its domain in punycode (`café.fr` → `xn--caf-dma.fr`), as SES wants
 * it; anything else (a list, a display name, a line break) is refused rather than repaired.
 */
export function plainAddress(value: string, field: string): string {
  const trimmed = value.trim().toLowerCase();
  const at = trimmed.lastIndexOf('@');
  const candidate = at > 0 ? `${trimmed.slice(0, at)}@${domainToASCII(trimmed.slice(at + 1))}` : trimmed;
  if (!MailboxSchema.safeParse(candidate).success)
    throw new MailRejectedError(
      'invalid-message',
      `the ${field} address "${printable(value)}" is not a mailbox`,
      {
        hint: `a ${field} must be one plain address like name@example.com; check how it was taken from the client's message`,
      },
    );
  return candidate;
}

/** Client's References + client's Message-ID, invalid or duplicate ids dropped, bounded. */
function threadReferences(references: readonly string[], inReplyTo: string | undefined): string[] {
  const ids: string[] = [];
  for (const id of [...references, ...(inReplyTo ? [inReplyTo] : [])]) {
    const trimmed = id.trim();
    if (MESSAGE_ID.test(trimmed) && !ids.includes(trimmed)) ids.push(trimmed);
  }
  if (ids.length <= MAX_REFERENCES) return ids;
  return [ids[0]!, ...ids.slice(ids.length - (MAX_REFERENCES - 1))];
}

function extraHeaders(mail: OutboundMail): Record<string, string> {
  // An automatic mail is marked as one even if a caller forgot; a person's reply never is (conversation.md §3).
  const headers: Record<string, string> =
    mail.automatic === false
      ? { [LOOP_HEADER]: mail.idempotencyKey }
      : {
          'Auto-Submitted': 'auto-replied',
          'X-Auto-Response-Suppress': 'All',
          [LOOP_HEADER]: mail.idempotencyKey,
        };
  const byLowerName = new Map(Object.keys(headers).map((name) => [name.toLowerCase(), name]));
  for (const [name, value] of Object.entries(mail.headers)) {
    const personalAutoHeader =
      mail.automatic === false && /^(auto-submitted|x-auto-response-suppress)$/i.test(name);
    if (!FIELD_NAME.test(name) || RESERVED_HEADERS.has(name.toLowerCase()) || personalAutoHeader)
      throw new InputError(`"${printable(name)}" cannot be set as an extra header`, {
        hint: 'extra headers are X-… or Auto-Submitted style fields; addresses, subject and threading have their own fields',
      });
    const existing = byLowerName.get(name.toLowerCase());
    if (existing !== undefined) delete headers[existing];
    byLowerName.set(name.toLowerCase(), name);
    headers[name] = stripControlCharacters(value);
  }
  return headers;
}

/**
 * SES replaces it, but a stable Message-ID makes the raw message reproducible for audits and lets a
 * local transport (and the client, if SES ever kept it) see two sends of one acknowledgement as one.
 */
function ourMessageId(idempotencyKey: string, fromAddress: string): string {
  const local = idempotencyKey.replace(/[^A-Za-z0-9._-]+/g, '.').replace(/^\.+|\.+$/g, '') || 'message';
  const domain = fromAddress.slice(fromAddress.lastIndexOf('@') + 1);
  return `<${local}@${domain}>`;
}

/** For error messages: a hostile value must not break a log line either. */
function printable(value: string): string {
  return JSON.stringify(value).slice(1, -1).slice(0, 200);
}
