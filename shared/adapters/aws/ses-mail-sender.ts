import { SESClient, type SESClientConfig, SendRawEmailCommand } from '@aws-sdk/client-ses';
import type { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { TransientError } from '../../domain/errors';
import type { OutboundMail } from '../../domain/mail/outbound-mail';
import type { MailSender, SentMail } from '../../ports/mail-sender';
import { MailOutcomeUnknownError, MailRejectedError } from '../../ports/mail-sender-errors';
import { composeMime, plainAddress } from '../mime/acknowledgement-mime';
import { isRetryableAwsError } from './aws-errors';

/** SendRawEmail (v1) refuses messages over 10 MB (base64 included in SES's count: stay well below). */
const MAX_RAW_BYTES_V1 = 7 * 1024 * 1024;
/**
 * SES v2 SendEmail takes raw messages up to 40 MB, attachments encoded. An agent's reply carries up
 * to 20 MB of files: about 27 MB once in base64, with the text and HTML parts around them.
 */
const MAX_RAW_BYTES_V2 = 40 * 1024 * 1024;

/**
 * How the raw MIME reaches SES: v1 SendRawEmail (the intake's acknowledgements: a small client in a
 * bundle measured for cold start) or v2 SendEmail with Raw content (agents' replies with attachments).
 */
export type SesRawSend =
  | { api: 'v1'; client: SESClient }
  | { api: 'v2'; client: SESv2Client; command: typeof SendEmailCommand };

export type SesMailSenderOptions = {
  /** An SES v1 client, or the v2 client with its SendEmail command (given, so that v1 bundles never load v2). */
  client: SESClient | Extract<SesRawSend, { api: 'v2' }>;
  /** The client's region: it names the domain of the Message-ID SES gives the mail. */
  region: string;
  /** Configuration set for sending events (bounces, complaints, deliveries). */
  configurationSet?: string;
  /** Override the Message-ID domain (e.g. a non-standard endpoint); default from the region. */
  messageIdDomain?: string;
};

/**
 * MailSender over SES v1 SendRawEmail, so that our threading and auto-reply headers survive.
 * SES has no idempotency token, so errors say whether the mail can have left:
 * - `TransientError`: SES did not take it (throttled, 5xx, no connection, account paused) — safe to retry;
 * - `MailRejectedError`: SES refused it for good — record, do not retry (the sandbox's refusal of an
 *   unverified recipient, or its AccessDenied on the recipient's identity, included);
 * - `MailOutcomeUnknownError`: timeout or reset after the request went out, or a 5xx answer (SES may
 *   have taken the mail before failing) — it may have left, never resend;
 * - anything else is rethrown as is (and is read as "may have left" too: the port's contract).
 */
export class SesMailSender implements MailSender {
  readonly #send: SesRawSend;
  readonly #configurationSet: string | undefined;
  readonly #messageIdDomain: string;

  constructor(options: SesMailSenderOptions) {
    const { client } = options;
    this.#send = 'api' in client ? client : { api: 'v1', client };
    this.#configurationSet = options.configurationSet;
    this.#messageIdDomain = options.messageIdDomain ?? sesMessageIdDomain(options.region);
  }

  async send(mail: OutboundMail): Promise<SentMail> {
    const raw = await composeMime(mail);
    const limit = this.#send.api === 'v1' ? MAX_RAW_BYTES_V1 : MAX_RAW_BYTES_V2;
    if (raw.length > limit)
      throw new MailRejectedError(
        'invalid-message',
        `the message is ${raw.length} bytes, over the SES limit (${limit} bytes through SES ${this.#send.api})`,
        {
          hint:
            this.#send.api === 'v1'
              ? 'acknowledgements carry no attachment: look for an oversized body'
              : 'attachments are limited to 20 MB in all (attachment-policy.ts): look for an oversized body',
        },
      );
    const source = plainAddress(mail.from.address, 'from');
    const recipient = plainAddress(mail.to.address, 'to');
    const copied = (mail.cc ?? []).map((c) => plainAddress(c.address, 'cc'));
    let messageId: string | undefined;
    try {
      // Explicit: SES sends to these and only these, whatever the headers say.
      const destinations = [recipient, ...copied.filter((a) => a !== recipient)];
      const configurationSet = this.#configurationSet ? { ConfigurationSetName: this.#configurationSet } : {};
      const send = this.#send;
      const out =
        send.api === 'v1'
          ? await send.client.send(
              new SendRawEmailCommand({
                Source: source,
                Destinations: destinations,
                RawMessage: { Data: raw },
                ...configurationSet,
              }),
            )
          : await send.client.send(
              new send.command({
                FromEmailAddress: source,
                Destination: { ToAddresses: destinations },
                Content: { Raw: { Data: raw } },
                ...configurationSet,
              }),
            );
      messageId = out.MessageId;
    } catch (error) {
      throw sesSendError(error, { source, recipient, key: mail.idempotencyKey });
    }
    if (!messageId)
      throw new MailOutcomeUnknownError(`SES answered ${mail.idempotencyKey} without a MessageId`, {
        hint: 'the mail may have left: do not resend; check the SES endpoint (replies to it cannot be threaded)',
      });
    return { messageId: `<${messageId}@${this.#messageIdDomain}>`, raw };
  }
}

/**
 * The domain of the Message-ID SES stamps on sent mail: `<id@REGION.amazonses.com>`, except in
 * us-east-1, the original region, whose mail carries `<id@email.amazonses.com>`.
 */
export function sesMessageIdDomain(region: string): string {
  return region === 'us-east-1' ? 'email.amazonses.com' : `${region}.amazonses.com`;
}

/** Account-level conditions an operator must fix; the message itself is fine, so it is kept for a redrive. */
const ACCOUNT_PROBLEMS = new Map<string, string>(
  Object.entries({
    AccountSendingPausedException:
      'sending is paused for the SES account (reputation): see the SES console, then redrive the failed intakes',
    ConfigurationSetSendingPausedException:
      'sending is paused for the configuration set: resume it (aws ses update-configuration-set-sending-enabled), then redrive',
    ConfigurationSetDoesNotExistException:
      'the configuration set given to the sender does not exist in this region: create it or fix the setting, then redrive',
    // SES v2 names
    SendingPausedException:
      'sending is paused for the SES account or the configuration set: see the SES console, then send again',
    AccountSuspendedException:
      'the SES account is suspended for sending: see the SES console (reputation), then send again',
    AccessDenied:
      'the function role may not call ses:SendRawEmail for this identity: fix the IAM policy, then redrive',
    AccessDeniedException:
      'the function role may not call ses:SendRawEmail for this identity: fix the IAM policy, then redrive',
  }),
);

type ErrorShape = { name?: string; message?: string; code?: string; $fault?: string };

/**
 * Failures after the request may have been written: SES may have accepted the mail. (A refused or
 * unresolvable connection, ECONNREFUSED / ENOTFOUND / EAI_AGAIN, never sent anything: transient.)
 */
const AMBIGUOUS_NAMES = new Set(['TimeoutError', 'RequestTimeout', 'RequestTimeoutException', 'AbortError']);
const AMBIGUOUS_CODES = new Set(['ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ECONNABORTED']);

/** Maps an SDK error to the error the intake acts on (retry, record, or give up). */
export function sesSendError(
  error: unknown,
  context: { source: string; recipient: string; key: string },
): unknown {
  if (typeof error !== 'object' || error === null) return error;
  const e = error as ErrorShape;
  const name = e.name ?? '';
  const message = e.message ?? '';
  const what = `SES did not send ${context.key} to ${context.recipient}`;

  if (name === 'MessageRejected') {
    // "Email address is not verified. The following identities failed the check in region X: a, b"
    if (/not verified/i.test(message)) {
      const failed = message.slice(message.lastIndexOf(':') + 1).toLowerCase();
      const senderDomain = context.source.slice(context.source.lastIndexOf('@') + 1);
      const senderFailed = failed.includes(context.source) || failed.includes(senderDomain);
      if (senderFailed && !failed.includes(context.recipient))
        return new MailRejectedError(
          'sender-not-verified',
          `${what}: sender ${context.source} is not verified`,
          {
            hint: `verify the domain ${senderDomain} (or the address) in SES in this region`,
            cause: error,
          },
        );
      return new MailRejectedError('sandbox', `${what}: the SES account is in the sandbox (${message})`, {
        hint: 'request SES production access, or verify the recipient for a test',
        cause: error,
      });
    }
    return new MailRejectedError('rejected', `${what}: message rejected (${message})`, {
      hint: 'SES refused this message (content, or a recipient on the suppression list); it will not be retried',
      cause: error,
    });
  }
  if (name === 'MailFromDomainNotVerifiedException')
    return new MailRejectedError('sender-not-verified', `${what}: the MAIL FROM domain is not verified`, {
      hint: 'check the custom MAIL FROM domain of the desk identity (its MX record) in SES',
      cause: error,
    });
  if (name === 'InvalidParameterValue' || name === 'BadRequestException')
    return new MailRejectedError('invalid-message', `${what}: invalid parameter (${message})`, {
      hint: 'the message or an address is malformed; see the cause',
      cause: error,
    });

  // In the sandbox SES also authorises the send against the recipient's verified identity: a role
  // allowed to send only as the desks is then denied on `identity/<recipient>`. Not an IAM fault to
  // fix and redrive, and retrying cannot help: the acknowledgement is refused for good, saying why.
  if (name === 'AccessDenied' || name === 'AccessDeniedException') {
    const denied = deniedSesIdentity(message);
    if (denied !== undefined && isRecipientIdentity(denied, context))
      return new MailRejectedError(
        'sandbox',
        `${what}: SES checked the sending permission against the recipient's identity ${denied}, which it does only while the account is in the SES sandbox (${message})`,
        {
          hint: 'request SES production access for this region (docs/deploy.md, "Leave the SES sandbox"); for a test before that, list the verified test address in sesSandboxTestRecipients of the deployment configuration and redeploy',
          cause: error,
        },
      );
  }

  const accountProblem = ACCOUNT_PROBLEMS.get(name);
  if (accountProblem !== undefined)
    return new TransientError(`${what}: ${name}`, { hint: accountProblem, cause: error });

  if (AMBIGUOUS_NAMES.has(name) || (e.code !== undefined && AMBIGUOUS_CODES.has(e.code)))
    return new MailOutcomeUnknownError(`${what}: ${name} ${e.code ?? ''} (${message}): it may have left`, {
      hint: 'the request may have reached SES: not resent, to send at most once; check the recipient got it',
      cause: error,
    });
  // A 5xx answer comes after SES read the request: it may have queued the mail before failing.
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  if (e.$fault === 'server' || (status !== undefined && status >= 500))
    return new MailOutcomeUnknownError(
      `${what}: ${name || 'error'} ${status ?? ''} (${message}): it may have left`,
      {
        hint: 'SES failed after reading the request: not resent, to send at most once; check the recipient got it',
        cause: error,
      },
    );
  if (isRetryableAwsError(error))
    return new TransientError(`${what}: ${name || 'error'} (${message})`, {
      hint: 'SES is throttling or unavailable: the intake is retried and the acknowledgement sent then',
      cause: error,
    });
  return error;
}

/** The identity named by "… is not authorized to perform `ses:SendRawEmail' on resource `arn:…:identity/X'". */
function deniedSesIdentity(message: string): string | undefined {
  const match = /on resource [`'"]?arn:aws[a-z-]*:ses:[^:]*:\d{12}:identity\/([^`'"\s]+)/i.exec(message);
  return match?.[1]?.toLowerCase();
}

/** The recipient's address or domain, and not the sender's: the sandbox check, not a missing sender grant. */
function isRecipientIdentity(identity: string, context: { source: string; recipient: string }): boolean {
  const domainOf = (address: string) => address.slice(address.lastIndexOf('@') + 1).toLowerCase();
  const recipient = context.recipient.toLowerCase();
  const source = context.source.toLowerCase();
  const isRecipient = identity === recipient || identity === domainOf(recipient);
  const isSender = identity === source || identity === domainOf(source);
  return isRecipient && !isSender;
}

const sharedClients = new Map<string, SESClient>();

/**
 * One SES client per region (and endpoint) for the life of the process: created at cold start and
 * reused by every invocation, as AWS recommends for connection reuse. One attempt per call by default:
 * the SDK would otherwise resend after a timeout, when the first request may already have sent the
 * mail; the caller retries what is safe to retry (TransientError).
 */
export function sharedSesClient(config: { region: string; endpoint?: string } & SESClientConfig): SESClient {
  const key = `${config.region}|${config.endpoint ?? ''}`;
  let client = sharedClients.get(key);
  if (client === undefined) {
    client = new SESClient({ maxAttempts: 1, ...config });
    sharedClients.set(key, client);
  }
  return client;
}
