import { type ErrorOptions, ExodataError, TransientError } from '../domain/errors';

/**
 * The error contract of MailSender.send (mail-sender.ts). Sending has no idempotency token, so what
 * a failure says about the mail decides whether it may be sent again:
 * - `MailRejectedError`: a definite refusal of this message; it did not leave and will not by retrying;
 * - `TransientError`: a definite refusal of the moment (throttled, account paused, the connection
 *   never opened): it did not leave; sending again later is safe;
 * - anything else — `MailOutcomeUnknownError`, a 5xx, a timeout, a bug, any other error, typed or
 *   not — means the outcome is unknown: the mail may have left and must never be sent again
 *   automatically. A sender that cannot tell must not throw one of the first two.
 */
export type SendFailure = 'rejected' | 'not-taken' | 'unknown';

export function sendFailureOf(error: unknown): SendFailure {
  if (error instanceof MailRejectedError) return 'rejected';
  if (error instanceof TransientError) return 'not-taken';
  return 'unknown';
}

/**
 * Why the mail transport refused a message for good:
 * - `sandbox`: the SES account is in the sandbox and the recipient is not a verified identity;
 * - `sender-not-verified`: the From / MAIL FROM domain is not verified in this region;
 * - `rejected`: SES refused this message (content, size, suppressed recipient…);
 * - `invalid-message`: the message itself cannot be sent (no valid recipient, bad parameter).
 */
export type MailRejectionReason = 'sandbox' | 'sender-not-verified' | 'rejected' | 'invalid-message';

/**
 * The transport refused this message and retrying it unchanged will fail again: record the failure
 * (e.g. on the ticket) instead of retrying. Errors that a retry may cure are `TransientError`s.
 */
export class MailRejectedError extends ExodataError {
  readonly code = 'MAIL_REJECTED';
  readonly reason: MailRejectionReason;

  constructor(reason: MailRejectionReason, message: string, options: ErrorOptions = {}) {
    super(message, options);
    this.reason = reason;
  }
}

/**
 * The request may have reached the transport and the mail may have left (a timeout or a reset
 * connection after the request was written, a 5xx answer, an answer without a message id). Sending
 * again could send it twice: record the outcome as unconfirmed and never resend automatically.
 * Any error that is not a definite refusal means the same (sendFailureOf); this one says so by name.
 */
export class MailOutcomeUnknownError extends Error {
  readonly code = 'MAIL_OUTCOME_UNKNOWN';
  readonly hint: string;

  constructor(message: string, options: { hint: string; cause?: unknown }) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.hint = options.hint;
  }
}
