import {
  AccountSendingPausedException,
  MailFromDomainNotVerifiedException,
  MessageRejected,
  SESClient,
  SESServiceException,
} from '@aws-sdk/client-ses';
import { type SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { describe, expect, it } from 'vitest';
import {
  SesMailSender,
  sesMessageIdDomain,
  sesSendError,
  sharedSesClient,
} from '../../../shared/adapters/aws/ses-mail-sender';
import { buildAcknowledgement } from '../../../shared/domain/acknowledgement/acknowledgement';
import { acknowledgementMail } from '../../../shared/domain/acknowledgement/acknowledgement-mail';
import { ConfigError, TransientError } from '../../../shared/domain/errors';
import {
  MailOutcomeUnknownError,
  MailRejectedError,
  sendFailureOf,
} from '../../../shared/ports/mail-sender-errors';
import { ackInput, desk } from '../acknowledgement/support';

const CONTEXT = {
  source: 'reunion@exodata.fr',
  recipient: 'marie@client.re',
  key: 'EXO-2026-000123:acknowledgement',
};
const META = { $metadata: { httpStatusCode: 400 } };

function rejectedReason(error: unknown): string | undefined {
  return error instanceof MailRejectedError ? error.reason : undefined;
}

describe('Function: sesSendError', () => {
  it('says sandbox when SES names the unverified recipient', () => {
    const error = new MessageRejected({
      ...META,
      message:
        'Email address is not verified. The following identities failed the check in region EU-WEST-3: marie@client.re',
    });
    const mapped = sesSendError(error, CONTEXT);
    expect(rejectedReason(mapped)).toBe('sandbox');
    expect((mapped as MailRejectedError).hint).toMatch(/production access/);
    expect((mapped as MailRejectedError).cause).toBe(error);
  });

  it('says sandbox, for good, when SES denies the send on the verified recipient identity (sandbox authorisation)', () => {
    const error = new SESServiceException({
      name: 'AccessDenied',
      $fault: 'client',
      message:
        "User `arn:aws:sts::123456789012:assumed-role/exodata-intake-role/fn' is not authorized to perform `ses:SendRawEmail' on resource `arn:aws:ses:eu-west-3:123456789012:identity/Marie@client.re'",
      $metadata: { httpStatusCode: 403 },
    });
    const mapped = sesSendError(error, CONTEXT);
    expect(rejectedReason(mapped)).toBe('sandbox');
    expect(mapped).not.toBeInstanceOf(TransientError);
    expect((mapped as MailRejectedError).message).toMatch(
      /recipient's identity marie@client\.re, which it does only while the account is in the SES sandbox/,
    );
    expect((mapped as MailRejectedError).hint).toMatch(/production access[\s\S]*sesSandboxTestRecipients/);
    expect((mapped as MailRejectedError).cause).toBe(error);
  });

  it('says sandbox when the denied identity is the recipient domain', () => {
    const error = new SESServiceException({
      name: 'AccessDeniedException',
      $fault: 'client',
      message:
        "User `arn:aws:sts::123456789012:assumed-role/r/fn' is not authorized to perform `ses:SendRawEmail' on resource `arn:aws:ses:eu-west-3:123456789012:identity/client.re'",
      $metadata: { httpStatusCode: 403 },
    });
    expect(rejectedReason(sesSendError(error, CONTEXT))).toBe('sandbox');
  });

  it('keeps an AccessDenied on the desk identity a fixable IAM fault (transient, redriven after the fix)', () => {
    const error = new SESServiceException({
      name: 'AccessDenied',
      $fault: 'client',
      message:
        "User `arn:aws:sts::123456789012:assumed-role/r/fn' is not authorized to perform `ses:SendRawEmail' on resource `arn:aws:ses:eu-west-3:123456789012:identity/reunion@exodata.fr'",
      $metadata: { httpStatusCode: 403 },
    });
    const mapped = sesSendError(error, CONTEXT);
    expect(mapped).toBeInstanceOf(TransientError);
    expect((mapped as TransientError).hint).toMatch(/IAM policy/);
  });

  it('keeps an AccessDenied on an identity that is also the sender domain an IAM fault', () => {
    const error = new SESServiceException({
      name: 'AccessDenied',
      $fault: 'client',
      message:
        "User `arn:aws:sts::123456789012:assumed-role/r/fn' is not authorized to perform `ses:SendRawEmail' on resource `arn:aws:ses:eu-west-3:123456789012:identity/exodata.fr'",
      $metadata: { httpStatusCode: 403 },
    });
    const mapped = sesSendError(error, { ...CONTEXT, recipient: 'it@exodata.fr' });
    expect(mapped).toBeInstanceOf(TransientError);
  });

  it('says the sender is not verified when SES names the desk address', () => {
    const error = new MessageRejected({
      ...META,
      message:
        'Email address is not verified. The following identities failed the check in region EU-WEST-3: reunion@exodata.fr',
    });
    expect(rejectedReason(sesSendError(error, CONTEXT))).toBe('sender-not-verified');
  });

  it('says rejected for any other MessageRejected', () => {
    const error = new MessageRejected({
      ...META,
      message: 'Message length is more than 10485760 bytes long.',
    });
    expect(rejectedReason(sesSendError(error, CONTEXT))).toBe('rejected');
  });

  it('says sender-not-verified when the MAIL FROM domain is not verified', () => {
    const error = new MailFromDomainNotVerifiedException({
      ...META,
      message: 'MAIL FROM domain not verified',
    });
    expect(rejectedReason(sesSendError(error, CONTEXT))).toBe('sender-not-verified');
  });

  it('gives a TransientError when SES throttles', () => {
    const error = new SESServiceException({
      name: 'Throttling',
      $fault: 'client',
      message: 'Maximum sending rate exceeded.',
      $metadata: { httpStatusCode: 400 },
    });
    const mapped = sesSendError(error, CONTEXT);
    expect(mapped).toBeInstanceOf(TransientError);
    expect((mapped as TransientError).cause).toBe(error);
  });

  it('gives an unknown outcome (MailOutcomeUnknownError) when SES fails on its side: it may have queued the mail', () => {
    const error = new SESServiceException({
      name: 'InternalFailure',
      $fault: 'server',
      message: 'boom',
      $metadata: { httpStatusCode: 500 },
    });
    const mapped = sesSendError(error, CONTEXT);
    expect(mapped).toBeInstanceOf(MailOutcomeUnknownError);
    expect(sendFailureOf(mapped)).toBe('unknown');
  });

  it('reads only a definite refusal as not sent (the MailSender port contract)', () => {
    expect(sendFailureOf(new MailRejectedError('rejected', 'no'))).toBe('rejected');
    expect(sendFailureOf(new TransientError('throttled'))).toBe('not-taken');
    // Typed or not, anything else may have left: ConfigError, a bug, a plain Error.
    expect(sendFailureOf(new ConfigError('odd'))).toBe('unknown');
    expect(sendFailureOf(new TypeError('bug'))).toBe('unknown');
    expect(sendFailureOf('string')).toBe('unknown');
  });

  it('gives a TransientError when no connection could be made', () => {
    for (const code of ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']) {
      const error = Object.assign(new Error(`connect ${code}`), { code });
      expect(sesSendError(error, CONTEXT)).toBeInstanceOf(TransientError);
    }
  });

  it('gives a MailOutcomeUnknownError, not a TransientError, when the request may have reached SES', () => {
    const ambiguous = [
      Object.assign(new Error('socket timed out'), { name: 'TimeoutError' }),
      Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }),
      Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }),
      Object.assign(new Error('read ETIMEDOUT'), { code: 'ETIMEDOUT' }),
    ];
    for (const error of ambiguous) {
      const mapped = sesSendError(error, CONTEXT);
      expect(mapped).toBeInstanceOf(MailOutcomeUnknownError);
      expect(mapped).not.toBeInstanceOf(TransientError);
      expect((mapped as MailOutcomeUnknownError).cause).toBe(error);
    }
  });

  it('gives a TransientError with what to do when sending is paused for the account', () => {
    const error = new AccountSendingPausedException({ ...META, message: 'paused' });
    const mapped = sesSendError(error, CONTEXT);
    expect(mapped).toBeInstanceOf(TransientError);
    expect((mapped as TransientError).hint).toMatch(/redrive/);
  });

  it('returns an unknown error unchanged', () => {
    const error = new SESServiceException({
      name: 'SomethingNew',
      $fault: 'client',
      message: '?',
      $metadata: { httpStatusCode: 400 },
    });
    expect(sesSendError(error, CONTEXT)).toBe(error);
    expect(sesSendError('a string', CONTEXT)).toBe('a string');
  });
});

describe('Function: sesMessageIdDomain', () => {
  it('is REGION.amazonses.com, and email.amazonses.com in us-east-1', () => {
    expect(sesMessageIdDomain('eu-west-3')).toBe('eu-west-3.amazonses.com');
    expect(sesMessageIdDomain('us-east-1')).toBe('email.amazonses.com');
  });
});

describe('Function: sharedSesClient', () => {
  it('returns one client per region and endpoint, making one attempt per call', async () => {
    const a = sharedSesClient({ region: 'eu-west-3' });
    expect(await a.config.maxAttempts()).toBe(1);
    expect(sharedSesClient({ region: 'eu-west-3' })).toBe(a);
    expect(sharedSesClient({ region: 'eu-west-1' })).not.toBe(a);
    expect(a).toBeInstanceOf(SESClient);
  });
});

describe('Class: SesMailSender', () => {
  const mail = acknowledgementMail({
    reference: 'EXO-2026-000123',
    desk: desk('reunion'),
    requester: { name: 'Marie', address: 'marie@client.re' },
    inbound: { messageId: '<m@client.re>', references: [] },
    content: buildAcknowledgement(ackInput()),
  });

  /** Fault injection: a client whose send fails (or answers) as SES would. */
  function clientAnswering(answer: () => Promise<unknown>): SESClient {
    return { send: answer } as unknown as SESClient;
  }

  describe('Method: send', () => {
    it('throws a MailRejectedError when SES rejects the message', async () => {
      const sender = new SesMailSender({
        region: 'eu-west-3',
        client: clientAnswering(async () => {
          throw new MessageRejected({
            ...META,
            message: 'Email address is not verified. ...: marie@client.re',
          });
        }),
      });
      await expect(sender.send(mail)).rejects.toSatisfy((e) => rejectedReason(e) === 'sandbox');
    });

    it('throws a MailOutcomeUnknownError when SES answers without a MessageId', async () => {
      const sender = new SesMailSender({ region: 'eu-west-3', client: clientAnswering(async () => ({})) });
      await expect(sender.send(mail)).rejects.toBeInstanceOf(MailOutcomeUnknownError);
    });

    it('returns the SES Message-ID in the region domain when SES accepts the mail', async () => {
      const sender = new SesMailSender({
        region: 'eu-west-3',
        client: clientAnswering(async () => ({ MessageId: '0107019abc-000000' })),
      });
      const sent = await sender.send(mail);
      expect(sent.messageId).toBe('<0107019abc-000000@eu-west-3.amazonses.com>');
      expect(sent.raw.toString('latin1')).toContain('Subject: [EXO-2026-000123]');
    });

    it('sends through SES v2 SendEmail with Raw content when given the v2 client: 6 MB of attachments (8 MB raw, over the v1 limit) pass', async () => {
      const inputs: unknown[] = [];
      const v2 = {
        send: async (command: { input: unknown }) => {
          inputs.push(command.input);
          return { MessageId: 'v2-id' };
        },
      };
      const sender = new SesMailSender({
        region: 'eu-west-3',
        client: { api: 'v2', client: v2 as unknown as SESv2Client, command: SendEmailCommand },
        configurationSet: 'exodata',
      });
      const big = {
        ...mail,
        attachments: [{ filename: 'plan.pdf', content: new Uint8Array(6 * 1024 * 1024) }],
      };
      const sent = await sender.send(big);
      expect(sent.messageId).toBe('<v2-id@eu-west-3.amazonses.com>');
      expect(sent.raw.length).toBeGreaterThan(7 * 1024 * 1024);
      expect(inputs).toEqual([
        {
          FromEmailAddress: 'reunion@exodata.fr',
          Destination: { ToAddresses: [mail.to.address] },
          Content: { Raw: { Data: sent.raw } },
          ConfigurationSetName: 'exodata',
        },
      ]);
      // The same mail is over what SES v1 SendRawEmail takes: refused before any call.
      const v1 = new SesMailSender({ region: 'eu-west-3', client: clientAnswering(async () => ({})) });
      await expect(v1.send(big)).rejects.toSatisfy((e) => rejectedReason(e) === 'invalid-message');
    });
  });
});
