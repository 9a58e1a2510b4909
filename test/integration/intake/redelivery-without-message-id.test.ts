import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIntake, type Intake, type Services, startServices, stopServices } from './harness';

/** What the sender wrote: no Message-ID (some scanners and scripts send none). */
const WRITTEN = [
  'From: Marie Payet <marie.payet@hotel-lagon-bleu.re>',
  'To: reunion@exodata.fr',
  'Subject: Badgeuse en panne',
  'Date: Mon, 30 Nov 2026 05:58:00 +0000',
  'MIME-Version: 1.0',
  'Content-Type: text/plain; charset=utf-8',
  '',
  'Bonjour,',
  '',
  'La badgeuse du personnel ne lit plus les badges depuis ce matin.',
  '',
  'Marie',
  '',
].join('\r\n');

/** The same message as one SES delivery brings it: transit headers of its own on top. */
function delivered(hop: number): string {
  return [
    `Return-Path: <bounce-${hop}@hotel-lagon-bleu.re>`,
    `Received: from mx${hop}.hotel-lagon-bleu.re (mx${hop}.hotel-lagon-bleu.re [192.0.2.${hop}]) by inbound-smtp.eu-west-1.amazonaws.com with SMTP id ${hop}abc for reunion@exodata.fr; Mon, 30 Nov 2026 05:58:0${hop} +0000 (UTC)`,
    `X-SES-Spam-Verdict: PASS`,
    `X-SES-Virus-Verdict: PASS`,
    `X-SES-RECEIPT: AEFBQUFBQUFB${hop}QUFBQUFBQUF`,
    `X-SES-DKIM-SIGNATURE: a=rsa-sha256; q=dns/txt; b=${'Zm9v'.repeat(hop + 3)}; c=relaxed/simple; s=ihchhvubuqgjsxyuhssfvqohv7z3u4hn; d=amazonses.com; t=${1764482280 + hop}; v=1; bh=abc=; h=From:To:Cc:Bcc:Subject:Date:Message-ID:MIME-Version:Content-Type:X-SES-RECEIPT;`,
    WRITTEN,
  ].join('\r\n');
}

describe('Intake: a message without Message-ID delivered twice (DynamoDB Local, s3rver, SES emulator)', () => {
  let services: Services;
  let intake: Intake;
  beforeAll(async () => {
    services = await startServices();
    intake = await createIntake(services, { tableName: 'no-message-id' });
    await services.ses.clear();
  });
  afterAll(async () => {
    intake?.destroy();
    await stopServices(services);
  });

  it('gives one ticket and one acknowledgement when SES delivers it twice with other transit headers', async () => {
    const first = await intake.deliver(delivered(1));
    const second = await intake.deliver(delivered(2));

    expect(first).toMatchObject({ outcome: 'ticket-created', acknowledgementChanged: 'sent' });
    expect(first.messageId).toMatch(/^<[0-9a-f]{64}@derived\.exodata\.invalid>$/);
    expect(second).toMatchObject({ outcome: 'duplicate', reference: first.reference });
    expect(second.messageId).toBe(first.messageId);
    expect(await intake.sentMails()).toHaveLength(1);
  });

  it('still tells apart two messages without Message-ID that differ only by their body', async () => {
    const other = await intake.deliver(delivered(3).replace('ce matin', 'hier soir'));
    expect(other.outcome).toBe('ticket-created');
  });
});
