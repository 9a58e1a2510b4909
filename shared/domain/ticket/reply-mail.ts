import LinkifyIt from 'linkify-it';
import { ticketUrl } from '../acknowledgement/acknowledgement';
import { escapeHtml } from '../acknowledgement/mail-document';
import { ackSubject, stripControlCharacters } from '../acknowledgement/subject';
import type { Desk } from '../desk/service-desk-config';
import type { Language, MailAddress } from '../mail/inbound-email';
import type { OutboundMail } from '../mail/outbound-mail';
import { LOOP_HEADER } from '../triage/automated-mail';
import type { Ticket } from './ticket';

/** What the client sees around the agent's words (conversation.md §3: greeting, signature, portal link). */
const WORDING: Record<
  Language,
  { hello: (name: string) => string; regards: string; follow: string; replyHint: string }
> = {
  fr: {
    hello: (name) => (name ? `Bonjour ${name},` : 'Bonjour,'),
    regards: 'Cordialement,',
    follow: 'Suivre votre demande',
    replyHint: 'Répondez simplement à ce message pour compléter votre demande.',
  },
  en: {
    hello: (name) => (name ? `Hello ${name},` : 'Hello,'),
    regards: 'Kind regards,',
    follow: 'Follow your request',
    replyHint: 'Simply reply to this email to add to your request.',
  },
};

const MAX_NAME_CHARS = 80;

export type ReplyMailInput = {
  ticket: Pick<Ticket, 'reference' | 'subject' | 'language' | 'requester'>;
  desk: Pick<Desk, 'address' | 'displayName'>;
  portalBaseUrl: string;
  /**
   * The portal link secret minted for this mail (docs/client-portal.md). Only the mail carries it: the
   * `body` returned for storage has the bare link.
   */
  linkSecret: string | null;
  /** The agent's name for the signature (null: the desk signs alone, for notifications). */
  signer: string | null;
  /** The body the agent (or the notification) wrote, plain text. */
  text: string;
  to: MailAddress;
  cc: readonly MailAddress[];
  /** The client's latest message: In-Reply-To and References. */
  thread: { messageId: string; references: readonly string[] } | null;
  /** One key per mail: the loop header and our Message-ID derive from it. */
  key: string;
  /** A person's reply carries no Auto-Submitted (conversation.md §3); notifications are auto-generated. */
  personal: boolean;
};

/**
 * The agent's plain text made safe to mail: CR/LF pairs to LF, control and invisible characters
 * (bidi overrides…) removed, trailing spaces and surplus blank lines trimmed. Newlines and tabs stay:
 * they are the body's layout and never reach a header.
 */
export function normaliseReplyText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u2028\u2029]/g, '\n')
    .replace(/[^\P{Cc}\n\t]|[\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/gu, '')
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** The mail's plain text: greeting, the agent's words, signature, then the portal footer. */
export function replyText(input: Omit<ReplyMailInput, 'to' | 'cc' | 'thread' | 'key' | 'personal'>): string {
  const w = WORDING[input.ticket.language];
  const name = greetingName(input.ticket.requester);
  const signature = [
    w.regards,
    ...(input.signer ? [stripControlCharacters(input.signer)] : []),
    input.desk.displayName,
  ];
  const url = ticketUrl(input.portalBaseUrl, input.ticket.reference, input.linkSecret);
  return [
    w.hello(name),
    normaliseReplyText(input.text),
    signature.join('\n'),
    `-- \n${w.follow} ${input.ticket.reference} : ${url}\n${w.replyHint}`,
  ].join('\n\n');
}

/**
 * The outbound mail of a reply or notification, rendered (text and HTML) and threaded; `body` is the text
 * as stored on the ticket: the same, with the bare portal link (the secret is in the mail only).
 */
export function replyMail(input: ReplyMailInput): { mail: OutboundMail; body: string } {
  const subject = ackSubject(input.ticket.reference, input.ticket.subject, input.ticket.language);
  const mailed = replyText(input);
  // Stryker disable next-line ConditionalExpression: with no secret, the text again without it is the same text (a shortcut)
  const body = input.linkSecret === null ? mailed : replyText({ ...input, linkSecret: null });
  const html = textToHtml(mailed, input.ticket.language, subject);
  return {
    body,
    mail: {
      from: { name: input.desk.displayName, address: input.desk.address },
      replyTo: input.desk.address,
      to: input.to,
      cc: [...input.cc],
      subject,
      text: `${mailed}\n`,
      html,
      inReplyTo: input.thread?.messageId ?? null,
      references: input.thread ? [...input.thread.references] : [],
      headers: input.personal
        ? { [LOOP_HEADER]: input.ticket.reference }
        : { 'Auto-Submitted': 'auto-generated', [LOOP_HEADER]: input.ticket.reference },
      automatic: !input.personal,
      idempotencyKey: input.key,
    },
  };
}

const linkify = new LinkifyIt();

/**
 * Plain text to a self-contained HTML body: every character escaped, paragraphs on blank lines,
 * line breaks kept, web and mail links made clickable (linkify-it finds them; only http(s) and
 * mailto become links, anything else stays text).
 */
export function textToHtml(text: string, language: Language, title: string): string {
  const paragraphs = text
    .split(/\n{2,}/)
    .map((p) => `<p style="margin:0 0 12px 0;">${p.split('\n').map(linkifyLine).join('<br>')}</p>`);
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(language)}">`,
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title></head>`,
    '<body style="margin:0;padding:16px;background:#ffffff;color:#1a1a1a;font-family:Arial,Helvetica,sans-serif;font-size:14px;line-height:1.5;"><div style="max-width:640px;">',
    ...paragraphs,
    '</div></body>',
    '</html>',
    '',
  ].join('\n');
}

function linkifyLine(line: string): string {
  const matches = linkify.match(line) ?? [];
  let out = '';
  let last = 0;
  for (const m of matches) {
    out += escapeHtml(line.slice(last, m.index));
    const url = m.url;
    out += /^(https?:\/\/|mailto:)/i.test(url)
      ? `<a href="${escapeHtml(url)}" style="color:#0b5cad;">${escapeHtml(m.text)}</a>`
      : escapeHtml(m.text);
    last = m.lastIndex;
  }
  return out + escapeHtml(line.slice(last));
}

function greetingName(requester: MailAddress | null): string {
  const name = stripControlCharacters(requester?.name ?? '');
  return Array.from(name).slice(0, MAX_NAME_CHARS).join('');
}
