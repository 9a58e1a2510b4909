import type { InboundEmail } from '../mail/inbound-email';
import type { Receipt } from '../mail/receipt';
import { fold } from './text-normalize';

export type AutomatedClass = 'auto-reply' | 'bounce' | 'bulk' | 'loop';

/** Our own loop header, set on every mail we send so that it is recognised when it comes back. */
export const LOOP_HEADER = 'X-Exodata-Loop';

export type AutomatedVerdict = {
  class: AutomatedClass | null;
  /** Which signals matched, e.g. 'Auto-Submitted: auto-replied'. */
  reasons: string[];
  /**
   * The only signal is `Auto-Submitted: auto-generated` (monitoring alert): such a message from a
   * known client becomes a ticket, without acknowledgement.
   */
  machineAlert: boolean;
};

/**
 * Strength of a signal when several classes match. `loop` first: our own mail coming back must
 * never be treated as anything else. Then a delivery report (`bounce`), whose evidence is specific.
 * An empty envelope sender alone is weaker than an auto-reply header: RFC 3834 asks auto-responders
 * to send from `<>` too, so an out-of-office from `<>` is an auto-reply, not a bounce (a bounce
 * would mark the client's address as undeliverable). `bulk` last: lists and machine notices.
 */
type Signal = { class: AutomatedClass; reason: string; rank: number };
const RANK = { loop: 0, bounce: 1, autoReply: 2, nullSender: 3, bulk: 4 } as const;

const AUTO_REPLY_HEADERS = [
  'x-autoreply',
  'x-autorespond',
  'x-autoresponse',
  'x-autoreply-from',
  'x-mail-autoreply',
];
const DISPLAY_NAMES: Record<string, string> = {
  'x-autoreply': 'X-Autoreply',
  'x-autorespond': 'X-Autorespond',
  'x-autoresponse': 'X-Autoresponse',
  'x-autoreply-from': 'X-AutoReply-From',
  'x-mail-autoreply': 'X-Mail-Autoreply',
  'list-id': 'List-Id',
  'list-unsubscribe': 'List-Unsubscribe',
  'x-failed-recipients': 'X-Failed-Recipients',
};
/** `Réponse automatique :`, `Absent du bureau`, `Out of Office`, `Automatic reply`, `Autoreply` (folded). */
const OUT_OF_OFFICE_SUBJECT =
  /^(?:(?:re|tr|fwd?)\s*:\s*)?(?:reponse automatique|reponse d'absence|message d'absence|absent du bureau|absente du bureau|absence du bureau|out of (?:the )?office|automatic reply|auto[- ]?reply|autoreply|auto[- ]?response|abwesenheitsnotiz|automatische antwort)\b/u;
const BOUNCE_LOCAL_PART = /^(?:mailer[-_]?daemon|postmaster)$/u;

/** triage.md, "Automated mail". `ourAddresses` are the desk addresses (lower-case). */
export function classifyAutomated(
  email: InboundEmail,
  receipt: Pick<Receipt, 'envelopeFrom'>,
  ourAddresses: readonly string[],
): AutomatedVerdict {
  const signals = [
    ...loopSignals(email, ourAddresses),
    ...autoSubmittedSignals(email),
    ...precedenceSignals(email),
    ...presenceSignals(email),
    ...bounceSignals(email, receipt),
  ];
  if (signals.length > 0 && OUT_OF_OFFICE_SUBJECT.test(fold(email.subject))) {
    signals.push({
      class: 'auto-reply',
      reason: `subject "${email.subject.slice(0, 60)}"`,
      rank: RANK.autoReply,
    });
  }
  if (signals.length === 0) return { class: null, reasons: [], machineAlert: false };
  const strongest = signals.reduce((best, s) => (s.rank < best.rank ? s : best));
  return {
    class: strongest.class,
    reasons: signals.map((s) => s.reason),
    machineAlert: signals.length === 1 && signals[0]!.reason === 'Auto-Submitted: auto-generated',
  };
}

function values(email: InboundEmail, name: string): string[] {
  return (email.headers[name] ?? []).map((v) => v.trim());
}

function loopSignals(email: InboundEmail, ourAddresses: readonly string[]): Signal[] {
  const signals: Signal[] = [];
  const from = email.from?.address.toLowerCase();
  if (from && ourAddresses.includes(from)) {
    signals.push({ class: 'loop', reason: `sender is our desk address ${from}`, rank: RANK.loop });
  }
  for (const value of values(email, LOOP_HEADER.toLowerCase())) {
    signals.push({ class: 'loop', reason: `${LOOP_HEADER}: ${value}`, rank: RANK.loop });
  }
  return signals;
}

function autoSubmittedSignals(email: InboundEmail): Signal[] {
  const signals: Signal[] = [];
  for (const raw of values(email, 'auto-submitted')) {
    // The keyword may carry parameters: `auto-replied; owner-email="x@y"`.
    const keyword = raw.split(';')[0]!.trim().toLowerCase();
    if (keyword === 'no' || keyword === '') continue;
    const reason = `Auto-Submitted: ${keyword}`;
    // auto-generated (monitoring, reports) and unknown keywords are machine notices, not answers to us.
    signals.push(
      keyword === 'auto-replied'
        ? { class: 'auto-reply', reason, rank: RANK.autoReply }
        : { class: 'bulk', reason, rank: RANK.bulk },
    );
  }
  return signals;
}

function precedenceSignals(email: InboundEmail): Signal[] {
  const signals: Signal[] = [];
  for (const [name, display] of [
    ['precedence', 'Precedence'],
    ['x-precedence', 'X-Precedence'],
  ] as const) {
    for (const raw of values(email, name)) {
      const value = raw.toLowerCase();
      if (value === 'auto_reply') {
        signals.push({ class: 'auto-reply', reason: `${display}: ${value}`, rank: RANK.autoReply });
      } else if (value === 'bulk' || value === 'list' || value === 'junk') {
        signals.push({ class: 'bulk', reason: `${display}: ${value}`, rank: RANK.bulk });
      }
    }
  }
  return signals;
}

function presenceSignals(email: InboundEmail): Signal[] {
  const signals: Signal[] = [];
  for (const name of AUTO_REPLY_HEADERS) {
    const found = values(email, name);
    if (found.length > 0) {
      signals.push({
        class: 'auto-reply',
        reason: `${DISPLAY_NAMES[name]}: ${found[0]}`,
        rank: RANK.autoReply,
      });
    }
  }
  for (const raw of values(email, 'x-auto-response-suppress')) {
    const tokens = raw.toLowerCase().split(/[\s,]+/u);
    if (tokens.some((t) => t === 'all' || t === 'oof' || t === 'autoreply')) {
      signals.push({ class: 'auto-reply', reason: `X-Auto-Response-Suppress: ${raw}`, rank: RANK.autoReply });
    }
  }
  for (const name of ['list-id', 'list-unsubscribe']) {
    if (values(email, name).length > 0) {
      signals.push({ class: 'bulk', reason: DISPLAY_NAMES[name]!, rank: RANK.bulk });
    }
  }
  return signals;
}

function bounceSignals(email: InboundEmail, receipt: Pick<Receipt, 'envelopeFrom'>): Signal[] {
  const signals: Signal[] = [];
  if (receipt.envelopeFrom === '') {
    signals.push({ class: 'bounce', reason: 'envelope sender <>', rank: RANK.nullSender });
  } else if (
    receipt.envelopeFrom === null &&
    values(email, 'return-path').some((v) => /^<\s*>$|^$/u.test(v))
  ) {
    // The CLI has no envelope: the Return-Path the delivering server wrote says the same thing.
    signals.push({ class: 'bounce', reason: 'Return-Path: <>', rank: RANK.nullSender });
  }
  for (const address of [email.from?.address, receipt.envelopeFrom]) {
    const local = address?.split('@')[0]?.toLowerCase();
    if (local && BOUNCE_LOCAL_PART.test(local)) {
      signals.push({ class: 'bounce', reason: `sender ${address}`, rank: RANK.bounce });
      break;
    }
  }
  const contentType = values(email, 'content-type')[0]?.toLowerCase() ?? '';
  const reportType = /report-type\s*=\s*"?([\w-]+)/u.exec(contentType)?.[1];
  if (contentType.startsWith('multipart/report') && reportType === 'delivery-status') {
    signals.push({
      class: 'bounce',
      reason: 'multipart/report; report-type=delivery-status',
      rank: RANK.bounce,
    });
  } else if (email.attachments.some((a) => a.contentType.toLowerCase() === 'message/delivery-status')) {
    signals.push({ class: 'bounce', reason: 'message/delivery-status part', rank: RANK.bounce });
  }
  // A read receipt (RFC 8098) is an automatic answer too: acknowledging it would answer our own mail.
  if (contentType.startsWith('multipart/report') && reportType === 'disposition-notification') {
    signals.push({
      class: 'auto-reply',
      reason: 'multipart/report; report-type=disposition-notification',
      rank: RANK.autoReply,
    });
  }
  const failed = values(email, 'x-failed-recipients');
  if (failed.length > 0) {
    signals.push({ class: 'bounce', reason: `X-Failed-Recipients: ${failed[0]}`, rank: RANK.bounce });
  }
  return signals;
}
