import MailComposer from 'nodemailer/lib/mail-composer';
import { Prng } from '../lib/prng';
import { BENCH_CLIENTS, PEOPLE, UNKNOWN_DOMAINS } from './clients';
import {
  CLOSINGS,
  GREETINGS,
  type Lang,
  LOG_LINES,
  OUT_OF_OFFICE,
  PRIORITY_LINES,
  PROBLEMS,
  quoteHeader,
  REPLY_PREFIX,
  SUBJECT_TAGS,
  SUBJECTS,
} from './phrases';

export type CorpusOptions = {
  seed: number;
  count: number;
  minBytes: number;
  maxBytes: number;
};

export const FULL_CORPUS: CorpusOptions = {
  seed: 20260427,
  count: 1000,
  minBytes: 2 * 1024,
  maxBytes: 2 * 1024 * 1024,
};

export type CorpusMessage = {
  index: number;
  raw: Buffer;
  messageId: string;
  lang: Lang;
  /** The desk the client wrote to: the SES envelope recipient. */
  deskAddress: string;
  /** When SES received it: a minute or two after the Date header. */
  receivedAt: string;
  attachments: number;
  quotedHistory: boolean;
  html: boolean;
  automated: boolean;
  /** Index of the earlier corpus message this one answers (In-Reply-To), if any. */
  replyTo: number | null;
};

const DESKS = [
  'reunion@exodata.fr',
  'martinique@exodata.fr',
  'guadeloupe@exodata.fr',
  'nouvelle-caledonie@exodata.fr',
] as const;
/** A month of mail from Monday 27 April 2026: nights, weekends and the May public holidays. */
const FIRST_RECEIVED_AT = Date.parse('2026-04-27T00:00:00Z');
const SPACING_MS = 43 * 60 * 1000;
/** base64 with CRLF every 76 characters: 4/3 of the bytes, plus line ends. */
const BASE64_GROWTH = (4 / 3) * (78 / 76);
const ATTACHMENT_KINDS = [
  { ext: 'pdf', type: 'application/pdf', stem: ['facture', 'invoice', 'rapport', 'devis'] },
  { ext: 'jpg', type: 'image/jpeg', stem: ['photo-ecran', 'IMG_2041', 'capture'] },
  { ext: 'png', type: 'image/png', stem: ['screenshot', 'erreur', 'logo'] },
  {
    ext: 'docx',
    type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    stem: ['procedure'],
  },
] as const;

type Sender = { name: string; address: string };

/**
 * A seeded, reproducible corpus of client mail: the same options give the same bytes. Sizes are
 * log-uniform between minBytes and maxBytes; French and English; about 40 % with attachments (which
 * make up the size), 40 % quoting earlier mail, 45 % with an HTML alternative, 20 % answering an
 * earlier message of the corpus, 4 % out-of-office replies.
 */
export async function generateCorpus(options: CorpusOptions): Promise<CorpusMessage[]> {
  const rng = new Prng(options.seed);
  const messages: CorpusMessage[] = [];
  const senders: Sender[] = [];
  const subjects: string[] = [];
  for (let index = 0; index < options.count; index++) {
    const target = rng.logUniform(options.minBytes, options.maxBytes);
    const answering = index > 0 && rng.chance(0.2) ? rng.int(Math.max(0, index - 50), index - 1) : null;
    const earlier = answering === null ? undefined : messages[answering];
    const lang: Lang = earlier?.lang ?? (rng.chance(0.55) ? 'fr' : 'en');
    const deskAddress = earlier?.deskAddress ?? rng.pick(DESKS);
    const sender = earlier ? (senders[answering as number] as Sender) : pickSender(rng, deskAddress);
    const automated = !earlier && rng.chance(0.04);
    const withAttachments = !automated && rng.chance(0.4);
    const quoted = !automated && (earlier !== undefined || rng.chance(0.35));
    const withHtml = rng.chance(0.45);
    const date = new Date(FIRST_RECEIVED_AT + index * SPACING_MS + rng.int(0, 20) * 60_000);
    const receivedAt = new Date(date.getTime() + rng.int(5, 120) * 1000).toISOString();
    const subject = subjectOf(
      rng,
      lang,
      automated,
      earlier ? (subjects[answering as number] as string) : null,
    );
    const intro = automated ? [OUT_OF_OFFICE[lang].body] : bodyParagraphs(rng, lang);
    const signature = `${rng.pick(CLOSINGS[lang])}\n${sender.name}`;
    const fixedText = `${intro.join('\n\n')}\n\n${signature}\n`;
    const attachmentKinds = Array.from({ length: withAttachments ? rng.int(1, 3) : 0 }, (_, i) => {
      const kind = rng.pick(ATTACHMENT_KINDS);
      return {
        filename: `${rng.pick(kind.stem)}-${index}-${i + 1}.${kind.ext}`,
        contentType: kind.type,
        share: 0.6 + 0.8 * rng.next(),
      };
    });
    // Outlook and Apple Mail write quoted-printable, Gmail base64: forcing it also spares the composer a scan.
    const textEncoding = rng.chance(0.65) ? ('quoted-printable' as const) : ('base64' as const);
    const contentSeed = rng.int(0, 2 ** 31);
    const messageId = `<bench-${options.seed}-${index}@${sender.address.split('@')[1]}>`;

    // The text or the attachments make up the size: compose, measure, rescale (seeded, so the same each run).
    const textGrowth = withHtml ? 2.6 : 1.15;
    let historyBudget =
      (withAttachments ? Math.min(target / 4, 20_000) : target / textGrowth) - fixedText.length;
    let attachmentBytes = withAttachments
      ? Math.max(1024, (target - Math.max(0, historyBudget) * 1.2 - 1500) / BASE64_GROWTH)
      : 0;
    // Within [minBytes, maxBytes] and closest to the target: small messages may not land in the window.
    let best: { raw: Buffer; history: string; distance: number } | null = null;
    for (let attempt = 0; attempt < 6; attempt++) {
      const content = new Prng(contentSeed);
      const history = quoted || !withAttachments ? quotedHistory(content, lang, historyBudget, quoted) : '';
      const text = `${fixedText}${history}`;
      const attachments = attachmentKinds.map((a) => ({
        filename: a.filename,
        contentType: a.contentType,
        content: content.bytes(
          Math.max(256, Math.round((attachmentBytes * a.share) / attachmentKinds.length)),
        ),
      }));
      const raw: Buffer = await new MailComposer({
        from: sender,
        to: deskAddress,
        subject,
        text,
        ...(withHtml ? { html: htmlOf(text) } : {}),
        attachments,
        textEncoding,
        messageId,
        date,
        ...(earlier ? { inReplyTo: earlier.messageId, references: [earlier.messageId] } : {}),
        headers: automated ? { 'Auto-Submitted': 'auto-replied', 'X-Auto-Response-Suppress': 'All' } : {},
        baseBoundary: `bench${options.seed}x${index}`,
      })
        .compile()
        .build();
      const wanted = Math.min(options.maxBytes, Math.max(options.minBytes, target));
      const ratio = wanted / raw.length;
      const inBounds = raw.length >= options.minBytes && raw.length <= options.maxBytes;
      const distance = Math.abs(Math.log(ratio));
      if (inBounds && (!best || distance < best.distance)) best = { raw, history, distance };
      if (inBounds && ratio > 0.85 && ratio < 1.18) break;
      if (withAttachments)
        attachmentBytes = Math.max(256, attachmentBytes + (wanted - raw.length) / BASE64_GROWTH);
      // Under the floor, grow by at least the missing bytes: a line of text is never fewer bytes than characters.
      else if (raw.length < options.minBytes)
        historyBudget = Math.max(0, historyBudget) + options.minBytes - raw.length + 200;
      else historyBudget += (wanted - raw.length) / textGrowth;
    }
    if (!best)
      throw new Error(
        `corpus message ${index} could not be made between ${options.minBytes} and ${options.maxBytes} bytes`,
      );
    const { raw, history } = best;
    messages.push({
      index,
      raw,
      messageId,
      lang,
      deskAddress,
      receivedAt,
      attachments: attachmentKinds.length,
      quotedHistory: history.length > 0,
      html: withHtml,
      automated,
      replyTo: answering,
    });
    senders.push(sender);
    subjects.push(subject.replace(/^(re|tr|fwd) ?: ?/i, ''));
  }
  return messages;
}

function pickSender(rng: Prng, deskAddress: string): Sender {
  const person = rng.pick(PEOPLE);
  const local = `${person.first}.${person.last}`.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  const desk = deskAddress.split('@')[0];
  const ofDesk = BENCH_CLIENTS.filter((c) => c.homeDesk === desk);
  const domain =
    rng.chance(0.7) && ofDesk.length > 0
      ? (rng.pick(ofDesk).domains[0] as string)
      : rng.pick(UNKNOWN_DOMAINS);
  return { name: `${person.first} ${person.last}`, address: `${local}@${domain}` };
}

function subjectOf(rng: Prng, lang: Lang, automated: boolean, answered: string | null): string {
  if (automated) return `${OUT_OF_OFFICE[lang].subject}${rng.pick(SUBJECTS[lang])}`;
  if (answered !== null) return `${rng.pick(REPLY_PREFIX[lang])}${answered}`;
  return `${rng.pick(SUBJECT_TAGS[lang])}${rng.pick(SUBJECTS[lang])}`;
}

function bodyParagraphs(rng: Prng, lang: Lang): string[] {
  const paragraphs = [rng.pick(GREETINGS[lang])];
  for (let i = rng.int(1, 3); i > 0; i--) paragraphs.push(rng.pick(PROBLEMS[lang]));
  if (rng.chance(0.25)) paragraphs.push(rng.pick(PRIORITY_LINES[lang]));
  return paragraphs;
}

/**
 * Earlier mail quoted below the new text (a reply chain, one level deeper each time), or, for a
 * message without quoting that must still be large, a pasted log. Stops at about `budget` characters.
 */
function quotedHistory(rng: Prng, lang: Lang, budget: number, quoted: boolean): string {
  const parts: string[] = [];
  let length = 0;
  let depth = 0;
  const when = new Date(FIRST_RECEIVED_AT - rng.int(1, 30) * 86_400_000);
  while (length < budget) {
    let block: string;
    if (quoted) {
      depth = Math.min(depth + 1, 6);
      const person = rng.pick(PEOPLE);
      const header = quoteHeader(
        lang,
        `${person.first} ${person.last}`,
        'support@exodata.fr',
        when,
        rng.int(0, 2),
      );
      const lines = [
        rng.pick(GREETINGS[lang]),
        rng.pick(PROBLEMS[lang]),
        rng.pick(PROBLEMS[lang]),
        rng.pick(CLOSINGS[lang]),
      ];
      const prefix = '> '.repeat(depth);
      block = `\n${header}\n${lines.map((l) => `${prefix}${l}`).join(`\n${prefix}\n`)}\n`;
      when.setTime(when.getTime() - rng.int(1, 48) * 3_600_000);
    } else {
      block = `${Array.from({ length: 10 }, () => `2026-04-2${rng.int(0, 6)} ${rng.pick(LOG_LINES)}`).join('\n')}\n`;
    }
    parts.push(block);
    length += block.length;
  }
  // Cut at a line end so that the history is as long as asked, not a whole block longer.
  const history = parts.join('');
  const cut = history.lastIndexOf('\n', Math.max(0, budget));
  return cut > 0 ? history.slice(0, cut + 1) : '';
}

/** The HTML alternative a mail program writes: paragraphs, quoted levels as nested blockquotes, some style. */
function htmlOf(text: string): string {
  const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const out: string[] = [];
  let open = 0;
  for (const line of text.split('\n')) {
    const prefix = /^((?:> ?)*)/.exec(line)?.[1] ?? '';
    const depth = (prefix.match(/>/g) ?? []).length;
    for (; open < depth; open++)
      out.push('<blockquote style="margin:0 0 0 .8ex;border-left:1px solid #ccc;padding-left:1ex">');
    for (; open > depth; open--) out.push('</blockquote>');
    out.push(`<p class="MsoNormal">${escapeHtml(line.slice(prefix.length)) || '&nbsp;'}</p>`);
  }
  for (; open > 0; open--) out.push('</blockquote>');
  return `<html><head><meta charset="utf-8"><style>p.MsoNormal{margin:0;font-family:Calibri,sans-serif;font-size:11pt}</style></head><body lang="FR"><div class="WordSection1">\n${out.join('\n')}\n</div></body></html>`;
}

/**
 * One large client message, near `totalBytes`: a short French request with a few big attachments
 * (a scanned PDF, photos), the kind that tests whether attachments are streamed or copied around.
 */
export async function generateLargeMessage(
  seed: number,
  totalBytes: number,
  attachmentCount = 3,
): Promise<Buffer> {
  const rng = new Prng(seed);
  const each = Math.floor((totalBytes - 4096) / BASE64_GROWTH / attachmentCount);
  const attachments = Array.from({ length: attachmentCount }, (_, i) => ({
    filename: i === 0 ? 'scan-contrat-maintenance.pdf' : `photo-baie-serveur-${i}.jpg`,
    contentType: i === 0 ? 'application/pdf' : 'image/jpeg',
    content: rng.bytes(each),
  }));
  return new MailComposer({
    from: { name: 'Marie Payet', address: 'marie.payet@hotel-lagon-bleu.re' },
    to: 'reunion@exodata.fr',
    subject: 'Baie serveur : photos et contrat',
    text: 'Bonjour,\n\nVoici les photos de la baie serveur et le contrat scanné.\nLe serveur de fichiers ne démarre plus, toute la réception est bloquée.\n\nMarie Payet\n',
    attachments,
    textEncoding: 'quoted-printable',
    messageId: `<bench-large-${seed}@hotel-lagon-bleu.re>`,
    date: new Date(FIRST_RECEIVED_AT),
    baseBoundary: `benchlarge${seed}`,
  })
    .compile()
    .build();
}
