import nodemailer from 'nodemailer';
import { ConfigError, TransientError } from '../../domain/errors';

export type SmtpTarget = { host: string; port: number };

/** What to send: a ready RFC 5322 message with its envelope, or fields for nodemailer to compose. */
export type OutgoingMessage =
  | { raw: Buffer; envelope: { from: string; to: string[] } }
  | {
      from: string;
      to: string[];
      subject: string;
      text: string;
      headers?: Record<string, string>;
      inReplyTo?: string;
      references?: string[];
      /** Envelope sender when it differs from `from` ('' for the null sender of auto-replies). */
      envelopeFrom?: string;
      /** A fixed Message-ID (with <>), to send the same message twice; nodemailer makes one otherwise. */
      messageId?: string;
    };

/** The server's answer: the final reply line, and the recipients it took and refused. */
export type SmtpSendResult = {
  /** e.g. `250 2.6.0 OK EXO-2026-000001 ticket-created`. */
  response: string;
  /** The Message-ID of the message nodemailer composed (null for a raw message: it is in the file). */
  messageId: string | null;
  accepted: string[];
  rejected: Array<{ address: string; response: string }>;
};

/** The server refused the message (5xx, 4xx): its reply code and text. */
export class SmtpRefusedError extends Error {
  constructor(
    readonly responseCode: number,
    readonly response: string,
    readonly rejected: Array<{ address: string; response: string }> = [],
  ) {
    super(`refused with ${response}`);
    this.name = 'SmtpRefusedError';
  }
}

type NodemailerError = Error & {
  code?: string;
  responseCode?: number;
  response?: string;
  rejected?: string[];
  rejectedErrors?: NodemailerError[];
  recipient?: string;
};

/**
 * A small SMTP client (nodemailer) for the local listener: `exo-intake send`, `npm run demo`, the
 * end-to-end test. No TLS, no pooling: one connection per message, so every reply belongs to its file.
 */
export async function sendToListener(target: SmtpTarget, message: OutgoingMessage): Promise<SmtpSendResult> {
  const transport = nodemailer.createTransport({
    host: target.host,
    port: target.port,
    secure: false,
    ignoreTLS: true,
    connectionTimeout: 5_000,
    // The listener answers DATA only once the intake has run (ticket, acknowledgement).
    socketTimeout: 120_000,
  });
  try {
    const info =
      'raw' in message
        ? await transport.sendMail({ envelope: message.envelope, raw: message.raw })
        : await transport.sendMail({
            from: message.from,
            to: message.to,
            subject: message.subject,
            text: message.text,
            ...(message.headers ? { headers: message.headers } : {}),
            ...(message.inReplyTo ? { inReplyTo: message.inReplyTo } : {}),
            ...(message.messageId ? { messageId: message.messageId } : {}),
            ...(message.references ? { references: message.references } : {}),
            ...(message.envelopeFrom !== undefined
              ? { envelope: { from: message.envelopeFrom, to: message.to } }
              : {}),
          });
    return {
      response: info.response,
      messageId: 'raw' in message ? null : (info.messageId ?? null),
      accepted: info.accepted.map(String),
      rejected: rejectedOf(info as unknown as NodemailerError),
    };
  } catch (error) {
    throw asSendError(error as NodemailerError, target);
  } finally {
    transport.close();
  }
}

function rejectedOf(error: NodemailerError): Array<{ address: string; response: string }> {
  return (error.rejectedErrors ?? []).map((e) => ({
    address: e.recipient ?? '',
    response: e.response ?? e.message,
  }));
}

function asSendError(error: NodemailerError, target: SmtpTarget): Error {
  if (typeof error.responseCode === 'number') {
    return new SmtpRefusedError(error.responseCode, error.response ?? error.message, rejectedOf(error));
  }
  if (error.code === 'ESOCKET' || error.code === 'ECONNECTION' || /ECONNREFUSED/.test(error.message)) {
    return new ConfigError(`nothing answers SMTP on ${target.host}:${target.port}`, {
      hint: 'start the local stack first, `npm start` in another terminal; or pass --host and --port',
      cause: error,
    });
  }
  return new TransientError(`sending to ${target.host}:${target.port} failed: ${error.message}`, {
    cause: error,
  });
}
