import { SendEmailCommand } from '@aws-sdk/client-sesv2';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SesMailSender } from '../../shared/adapters/aws/ses-mail-sender';
import type { AgentServer } from '../../shared/adapters/http/server';
import type { MailSender, SentMail } from '../../shared/ports/mail-sender';
import { createSesV2Client } from '../../shared/wiring/ses-v2-client';
import { call, startAgentApi } from '../support/agent-api';
import {
  BUCKET,
  createIntake,
  type Intake,
  type Services,
  startServices,
  stopServices,
} from './intake/harness';
import { mail } from './intake/mail';

/**
 * Reply attachments end to end (issue 15): presigned uploads to the S3 emulator, the server's own
 * check of what was stored, the files in the raw MIME sent through SES v2 (the SES emulator), the
 * outbound record; and the preview, rendered by the code that sends.
 */
const reunion = (wallClock: string) => new Date(`${wallClock}:00+04:00`).toISOString();
const MB = 1024 * 1024;
const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const MZ = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00'), Buffer.alloc(300, 7)]);

type Upload = { uploadId: string; url: string; fields: Record<string, string>; filename: string };
type Answer = { messageId: string | null; state: string; error?: { code: string; message: string } };

let services: Services;
let intake: Intake;
let server: AgentServer;
let alice: string;
let mona: string;
const raws: Buffer[] = [];
let counter = 0;
const key = () => `attach-${++counter}-${Date.now()}`;

function recording(inner: MailSender): MailSender {
  return {
    async send(m): Promise<SentMail> {
      const sent = await inner.send(m);
      raws.push(sent.raw);
      return sent;
    },
  };
}

async function newTicket(subject = '[Haute] Caisse en panne') {
  const result = await intake.deliver(mail({ from: 'Gérant <gerant@quincaillerie-du-port.re>', subject }), {
    receivedAt: reunion('2026-11-30T09:00'),
  });
  if (!result.reference) throw new Error(`no ticket: ${result.outcome}`);
  return result.reference;
}

async function presign(ref: string, filename: string, size: number, token = alice) {
  return call<Upload & { error?: { message: string } }>(server, 'POST', `/api/tickets/${ref}/reply-uploads`, {
    token,
    body: { filename, size },
  });
}

/** What the portal does: presign, then post the form with the file last. */
async function upload(ref: string, filename: string, bytes: Buffer): Promise<string> {
  const answer = await presign(ref, filename, bytes.length);
  if (answer.status !== 201) throw new Error(`presign: ${answer.status} ${JSON.stringify(answer.body)}`);
  const form = new FormData();
  for (const [name, value] of Object.entries(answer.body.fields)) form.append(name, value);
  form.append('file', new Blob([new Uint8Array(bytes)]), filename);
  const posted = await fetch(answer.body.url, { method: 'POST', body: form });
  await posted.arrayBuffer();
  if (posted.status !== 204) throw new Error(`upload: HTTP ${posted.status}`);
  return answer.body.uploadId;
}

function sendReply(ref: string, body: Record<string, unknown>, token = alice) {
  return call<Answer>(server, 'POST', `/api/tickets/${ref}/replies`, { token, body });
}

const uploadsOf = (ref: string) => intake.listObjects(`uploads/${ref}/`);
const sentCount = async () => (await intake.sentMails()).length;

beforeAll(async () => {
  services = await startServices();
  intake = await createIntake(services, {
    tableName: 'reply-attachments',
    start: reunion('2026-11-30T09:05'),
  });
  const sesv2 = createSesV2Client({ ...services.ses.clientConfig });
  const api = await startAgentApi(
    intake,
    {},
    {
      mailSender: recording(
        new SesMailSender({
          client: { api: 'v2', client: sesv2, command: SendEmailCommand },
          region: intake.env.AWS_REGION,
        }),
      ),
    },
  );
  server = api.server;
  [alice, mona] = await Promise.all([api.login('alice', 'reunion'), api.login('mona', 'martinique')]);
}, 120_000);

afterAll(async () => {
  await server?.close();
  intake?.destroy();
  await stopServices(services);
});

describe('Reply attachments', () => {
  it('mails two uploaded files with the reply (SES v2, raw), lists them on the ticket, links them for download', async () => {
    const ref = await newTicket();
    const ids = [await upload(ref, 'Devis n°12.pdf', PDF), await upload(ref, 'capture écran.png', PNG)];
    const before = await sentCount();
    const res = await sendReply(ref, {
      text: 'Voici le devis et la capture.',
      idempotencyKey: key(),
      attachments: ids.map((uploadId) => ({ uploadId })),
    });
    expect(res.status).toBe(201);
    expect(res.body.state).toBe('sent');
    const outbox = await intake.sentMails();
    expect(outbox).toHaveLength(before + 1);
    const stored = outbox.at(-1) as { attachments?: Array<{ filename: string; size: number }> };
    expect(stored.attachments?.map((a) => [a.filename, a.size])).toEqual([
      ['Devis n°12.pdf', PDF.length],
      ['capture écran.png', PNG.length],
    ]);
    const parsed = await simpleParser(raws.at(-1)!);
    expect(parsed.attachments.map((a) => [a.filename, a.contentType, a.contentDisposition])).toEqual([
      ['Devis n°12.pdf', 'application/pdf', 'attachment'],
      ['capture écran.png', 'image/png', 'attachment'],
    ]);
    expect(Buffer.compare(parsed.attachments[0]!.content, PDF)).toBe(0);

    const details = await call<{
      messages: Array<{
        direction: string;
        id: string;
        attachments?: Array<{ uploadId: string; filename: string }>;
      }>;
    }>(server, 'GET', `/api/tickets/${ref}`, { token: alice });
    const out = details.body.messages.find((m) => m.direction === 'out')!;
    expect(out.attachments?.map((a) => a.filename)).toEqual(['Devis n°12.pdf', 'capture écran.png']);
    const link = await call<{ url: string; filename: string }>(
      server,
      'GET',
      `/api/tickets/${ref}/replies/${out.id}/attachments/${ids[0]}`,
      { token: alice },
    );
    expect(link.status).toBe(200);
    // Signed at the test's clock (November 2026), so not fetched here: s3-upload-store.test.ts fetches one.
    const signed = new URL(link.body.url);
    expect(signed.pathname).toBe(`/${BUCKET}/uploads/${ref}/replies/${ids[0]}`);
    expect(signed.searchParams.get('response-content-disposition')).toBe(
      "attachment; filename*=UTF-8''Devis%20n%C2%B012.pdf",
    );
    expect(link.body.filename).toBe('Devis n°12.pdf');
  });

  it('refuses a program renamed .pdf (MZ) in French: nothing sent, nothing left in the bucket', async () => {
    const ref = await newTicket();
    const good = await upload(ref, 'devis.pdf', PDF);
    const bad = await upload(ref, 'facture.pdf', MZ);
    expect(await uploadsOf(ref)).toHaveLength(2);
    const before = await sentCount();
    const res = await sendReply(ref, {
      text: 'Voici la facture.',
      idempotencyKey: key(),
      attachments: [{ uploadId: good }, { uploadId: bad }],
    });
    expect(res.status).toBe(400);
    expect(res.body.error?.message).toContain('« facture.pdf » : son contenu est un programme Windows (MZ)');
    expect(await sentCount()).toBe(before);
    expect(await uploadsOf(ref)).toEqual([`uploads/${ref}/replies/${good}`]);
    const details = await call<{ messages: Array<{ direction: string }> }>(
      server,
      'GET',
      `/api/tickets/${ref}`,
      {
        token: alice,
      },
    );
    expect(details.body.messages.filter((m) => m.direction === 'out')).toEqual([]);
  });

  it('refuses a program by its name before any byte is uploaded', async () => {
    const ref = await newTicket();
    for (const name of ['facture.pdf.exe', 'SETUP.MSI', 'script.ps1 . .']) {
      const res = await presign(ref, name, 1000);
      expect(res.status).toBe(400);
      expect(res.body.error?.message).toMatch(/ne sont pas acceptés/);
    }
    expect((await presign(ref, 'gros.pdf', 20 * MB + 1)).status).toBe(400);
    expect((await presign(ref, 'devis.pdf', 1000, mona)).status).toBe(403);
  });

  it('refuses more than 10 files and more than 20 MB in all (400), sending nothing', async () => {
    const ref = await newTicket();
    const before = await sentCount();
    const eleven = Array.from({ length: 11 }, () => ({ uploadId: crypto.randomUUID() }));
    const many = await sendReply(ref, {
      text: 'Trop de fichiers.',
      idempotencyKey: key(),
      attachments: eleven,
    });
    expect(many.status).toBe(400);
    expect(many.body.error?.message).toContain('11 fichiers : 10 au plus par message');

    const half = Buffer.concat([PDF, Buffer.alloc(10 * MB + 1024 - PDF.length)]);
    const big = [await upload(ref, 'a.pdf', half), await upload(ref, 'b.pdf', half)];
    const heavy = await sendReply(ref, {
      text: 'Trop lourd.',
      idempotencyKey: key(),
      attachments: big.map((uploadId) => ({ uploadId })),
    });
    expect(heavy.status).toBe(400);
    expect(heavy.body.error?.message).toContain('au plus par message');
    expect(await sentCount()).toBe(before);
  });

  it('keeps one mail per idempotency key with attachments; another file list under the same key is refused', async () => {
    const ref = await newTicket();
    const id = await upload(ref, 'devis.pdf', PDF);
    const body = { text: 'Le devis.', idempotencyKey: key(), attachments: [{ uploadId: id }] };
    const before = await sentCount();
    const [first, second] = [await sendReply(ref, body), await sendReply(ref, body)];
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body.messageId).toBe(first.body.messageId);
    expect(await sentCount()).toBe(before + 1);
    const other = await upload(ref, 'autre.pdf', PDF);
    const changed = await sendReply(ref, { ...body, attachments: [{ uploadId: other }] });
    expect(changed.status).toBe(409);
    expect(await sentCount()).toBe(before + 1);
  });

  it('refuses an upload made for another ticket', async () => {
    const [mine, theirs] = [await newTicket(), await newTicket('[Normale] Autre demande')];
    const elsewhere = await upload(theirs, 'devis.pdf', PDF);
    const before = await sentCount();
    const res = await sendReply(mine, {
      text: 'Un fichier d’un autre ticket.',
      idempotencyKey: key(),
      attachments: [{ uploadId: elsewhere }],
    });
    expect(res.status).toBe(400);
    expect(res.body.error?.message).toMatch(/introuvables/);
    expect(await sentCount()).toBe(before);
  });
});

describe('Reply preview', () => {
  it('shows the mail as the client will receive it: the same subject and text as the mail sent', async () => {
    const ref = await newTicket();
    // `then` is the API's field name: built from entries, as agent-replies.test.ts does (no thenable literal).
    const composed = Object.fromEntries([
      ['text', 'Nous passons demain à 9 h.'],
      ['then', 'resolve'],
      ['summary', 'caisse remplacée'],
    ]);
    const before = await sentCount();
    const preview = await call<{ subject: string; text: string; html: string; to: { address: string } }>(
      server,
      'POST',
      `/api/tickets/${ref}/replies/preview`,
      { token: alice, body: composed },
    );
    expect(preview.status).toBe(200);
    expect(preview.body.subject).toMatch(new RegExp(`^\\[${ref}\\] `));
    expect(preview.body.to.address).toBe('gerant@quincaillerie-du-port.re');
    expect(preview.body.text).toMatch(/^Bonjour Gérant,\n\nNous passons demain à 9 h\./);
    expect(preview.body.text).toContain('Nous considérons votre demande comme résolue : caisse remplacée');
    expect(preview.body.text).toContain(`Suivre votre demande ${ref} : `);
    expect(preview.body.html).toContain('Nous passons demain à 9 h.');
    // The preview sent nothing.
    expect(await sentCount()).toBe(before);
    const sent = await sendReply(ref, { ...composed, idempotencyKey: key() });
    expect(sent.status).toBe(201);
    expect(await sentCount()).toBe(before + 1);
    const parsed = await simpleParser(raws.at(-1)!);
    // The mail carries the client's personal portal secret (minted at sending, docs/client-portal.md);
    // the preview shows the bare link and mints none. Everything else is the same.
    const secret = /#k=[A-Za-z0-9_-]{32}/u;
    expect(parsed.text).toMatch(secret);
    expect(preview.body.text).not.toMatch(/#k=/u);
    const bare = (s: string) => s.replace(new RegExp(secret.source, 'gu'), '');
    expect(parsed.subject).toBe(preview.body.subject);
    expect(bare(parsed.text ?? '')).toBe(preview.body.text);
    expect(bare(parsed.html || '')).toBe(preview.body.html);
  });

  it('answers 403 for another desk’s ticket and 400 for an empty text', async () => {
    const ref = await newTicket();
    const path = `/api/tickets/${ref}/replies/preview`;
    expect((await call(server, 'POST', path, { token: mona, body: { text: 'x' } })).status).toBe(403);
    expect((await call(server, 'POST', path, { token: alice, body: { text: '  ' } })).status).toBe(400);
  });
});
