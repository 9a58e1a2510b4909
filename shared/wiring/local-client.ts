import { sesMessageIdDomain } from '../adapters/aws/ses-mail-sender';
import { readSesEmulatorStore } from '../adapters/local/services/ses-emulator';
import {
  type OutgoingMessage,
  SmtpRefusedError,
  type SmtpTarget,
  sendToListener,
} from '../adapters/local/smtp-client';
import { readStackFile, type StackFile } from '../adapters/local/stack-file';

/**
 * The client side of a running `npm start` (`exo-intake send`/`ingest`, `npm run demo`): find it by
 * its stack file, send it mail, read what its SES emulator delivered. The adapters stay behind these
 * functions, so the commands and scripts in functions/ never import one.
 */
export type RunningLocalStack = StackFile;
export type LocalOutgoingMessage = OutgoingMessage;

/** The stack started from that data directory, or null when none is running there. */
export async function runningLocalStack(dataDir: string): Promise<RunningLocalStack | null> {
  return readStackFile(dataDir);
}

/** The listener's answer: accepted (maybe with some recipients refused) or refused as a whole. */
export type LocalSendOutcome = {
  accepted: boolean;
  /** The final reply line, e.g. `250 2.6.0 OK EXO-2026-000001 ticket-created`. */
  response: string;
  /** The Message-ID of a message composed from fields (null for a raw message, or when refused). */
  messageId: string | null;
  rejected: Array<{ address: string; response: string }>;
};

/**
 * One message to the local SMTP listener. A refusal (4xx/5xx) is an outcome, not an error; a
 * connection failure still throws (ConfigError, TransientError).
 */
export async function sendToLocalListener(
  target: SmtpTarget,
  message: LocalOutgoingMessage,
): Promise<LocalSendOutcome> {
  try {
    const result = await sendToListener(target, message);
    return {
      accepted: true,
      response: result.response,
      messageId: result.messageId,
      rejected: result.rejected,
    };
  } catch (error) {
    if (!(error instanceof SmtpRefusedError)) throw error;
    return { accepted: false, response: error.response, messageId: null, rejected: error.rejected };
  }
}

/**
 * The Message-ID a client's mail program would answer to: the last acknowledgement of `reference`
 * that the stack's SES emulator delivered, as SES writes it (`<MessageId@REGION.amazonses.com>`).
 */
export async function localAcknowledgementMessageId(
  stack: RunningLocalStack,
  reference: string,
): Promise<string | null> {
  const sent = await readSesEmulatorStore(stack.endpoints.ses);
  const ack = sent.findLast((m) => m.subject.startsWith(`[${reference}]`));
  return ack ? `<${ack.messageId}@${sesMessageIdDomain(stack.region)}>` : null;
}
