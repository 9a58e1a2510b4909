import { type ErrorOptions, ExodataError } from '../domain/errors';

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
 * connection after the request was written, an answer without a message id). Sending again could
 * send it twice: record the outcome as unconfirmed and never resend automatically.
 *
 * Deliberately not an ExodataError: callers read our typed errors as "refused, nothing was sent"
 * (see shared/use-cases/acknowledge-ticket.ts, which records anything else as `unconfirmed`).
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
