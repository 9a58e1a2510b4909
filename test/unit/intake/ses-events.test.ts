import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { deliveryFeedbackOf, parseSesFeedback } from '../../../shared/adapters/aws/ses-feedback-event';
import { receiptFromSes, SesReceiptEventSchema } from '../../../shared/adapters/aws/ses-inbound-event';
import { SHARED_DIR, sharedFileOrSkip } from '../../support/shared-dir';

const sample = JSON.parse(
  readFileSync(new URL('../../fixtures/intake/ses-lambda-event.json', import.meta.url), 'utf8'),
) as unknown;
const specSample = `${SHARED_DIR}/spec/ses-lambda-event.sample.json`;

describe('Function: receiptFromSes', () => {
  it('maps the SES Lambda event to a receipt: receipt time, envelope recipients, verdicts, delivery id', () => {
    const [record] = SesReceiptEventSchema.parse(sample).Records;
    expect(record && receiptFromSes(record)).toEqual({
      receivedAt: '2019-08-05T21:30:02.028Z',
      recipients: ['recipient@example.com'],
      envelopeFrom: 'prvs=144d0cba7=sender@example.com',
      verdicts: { spam: 'PASS', virus: 'PASS', spf: 'PASS', dkim: 'PASS', dmarc: 'GRAY' },
      dmarcPolicy: null,
      channel: 'ses',
      deliveryId: 'EXAMPLE7c191be45-e9aedb9a-02f9-4d12-a87d-dd0099a07f8a-000000',
    });
  });

  it('routes on receipt.recipients (with Bcc), lower-cased, and keeps the DMARC policy when DMARC fails', () => {
    const event = structuredClone(sample) as {
      Records: Array<{ ses: { receipt: Record<string, unknown>; mail: Record<string, unknown> } }>;
    };
    const receipt = event.Records[0]!.ses.receipt;
    receipt.recipients = ['Martinique@Exodata.fr'];
    receipt.dmarcVerdict = { status: 'FAIL' };
    receipt.dmarcPolicy = 'REJECT';
    delete receipt.virusVerdict;
    const [record] = SesReceiptEventSchema.parse(event).Records;
    expect(record && receiptFromSes(record)).toMatchObject({
      recipients: ['martinique@exodata.fr'],
      verdicts: { dmarc: 'FAIL', virus: 'DISABLED' },
      dmarcPolicy: 'reject',
    });
  });

  it('never lets an SES event claim our local NOT_CHECKED status (it would be trusted as "not checked")', () => {
    const event = structuredClone(sample) as {
      Records: Array<{ ses: { receipt: Record<string, unknown> } }>;
    };
    event.Records[0]!.ses.receipt.dmarcVerdict = { status: 'NOT_CHECKED' };
    const [record] = SesReceiptEventSchema.parse(event).Records;
    expect(record && receiptFromSes(record).verdicts.dmarc).toBe('PROCESSING_FAILED');
  });

  it('rejects an event that is not an SES receipt, or whose messageId could escape the key prefix', () => {
    expect(SesReceiptEventSchema.safeParse({ Records: [] }).success).toBe(false);
    const event = structuredClone(sample) as { Records: Array<{ ses: { mail: { messageId: string } } }> };
    event.Records[0]!.ses.mail.messageId = '../other/key';
    expect(SesReceiptEventSchema.safeParse(event).success).toBe(false);
  });

  describe.skipIf(!sharedFileOrSkip(specSample, 'the spec SES event sample'))('with the spec sample', () => {
    it('parses spec/ses-lambda-event.sample.json as it is', () => {
      expect(SesReceiptEventSchema.safeParse(JSON.parse(readFileSync(specSample, 'utf8'))).success).toBe(
        true,
      );
    });
  });
});

describe('Function: deliveryFeedbackOf', () => {
  const mail = { messageId: '0100018c-abc' };

  it('reads a permanent bounce with its recipients and diagnostic', () => {
    const feedback = parseSesFeedback(
      JSON.stringify({
        notificationType: 'Bounce',
        mail,
        bounce: {
          bounceType: 'Permanent',
          bounceSubType: 'General',
          timestamp: '2026-11-30T06:00:00Z',
          bouncedRecipients: [{ emailAddress: 'gone@x.example', diagnosticCode: 'smtp; 550 5.1.1' }],
        },
      }),
    );
    expect(deliveryFeedbackOf(feedback)).toEqual({
      kind: 'bounce',
      label: 'Bounce',
      permanent: true,
      recipients: [{ address: 'gone@x.example', detail: 'General: smtp; 550 5.1.1' }],
      sentMessageId: '0100018c-abc',
    });
  });

  it('reads a complaint from configuration-set event publishing (eventType)', () => {
    const feedback = parseSesFeedback(
      JSON.stringify({
        eventType: 'Complaint',
        mail,
        complaint: {
          complainedRecipients: [{ emailAddress: 'angry@x.example' }],
          timestamp: '2026-11-30T06:00:00Z',
        },
      }),
    );
    expect(deliveryFeedbackOf(feedback)).toMatchObject({
      kind: 'complaint',
      recipients: [{ address: 'angry@x.example' }],
    });
  });

  it('treats a transient bounce as not permanent, a delivery as nothing to record, and refuses non-SES JSON', () => {
    const transient = parseSesFeedback(
      JSON.stringify({
        notificationType: 'Bounce',
        mail,
        bounce: {
          bounceType: 'Transient',
          timestamp: 't',
          bouncedRecipients: [{ emailAddress: 'full@x.example' }],
        },
      }),
    );
    expect(deliveryFeedbackOf(transient).permanent).toBe(false);
    expect(
      deliveryFeedbackOf(parseSesFeedback(JSON.stringify({ notificationType: 'Delivery', mail }))).kind,
    ).toBe('other');
    expect(() => parseSesFeedback('{"hello":1}')).toThrow();
  });
});
