/**
 * Typed errors of the domain. Every error says what was wrong (`message`) and what to do (`hint`),
 * carries a stable `code` for logs and metrics, and keeps the underlying `cause`.
 */
export type ErrorOptions = { hint?: string; cause?: unknown };

export abstract class ExodataError extends Error {
  abstract readonly code: string;
  readonly hint: string | undefined;

  constructor(message: string, options: ErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.hint = options.hint;
  }

  /** One line for a human: what went wrong, then what to do. */
  toUserMessage(): string {
    return this.hint ? `${this.message} (${this.hint})` : this.message;
  }
}

/** The message itself cannot be turned into an InboundEmail (malformed beyond repair, too big, too slow). */
export class IntakeError extends ExodataError {
  readonly code: IntakeErrorCode;
  constructor(code: IntakeErrorCode, message: string, options: ErrorOptions = {}) {
    super(message, options);
    this.code = code;
  }
}
export type IntakeErrorCode =
  | 'EMPTY_MESSAGE'
  | 'TOO_LARGE'
  | 'PARSE_TIMEOUT'
  | 'UNPARSEABLE'
  | 'INVALID_PARSED_MESSAGE'
  /** A second pass over the raw bytes (streamed attachment bodies) did not give what the first reported. */
  | 'ATTACHMENT_MISMATCH';

/** Configuration (environment, config file, CDK context) is invalid: fail at start-up, not on mail. */
export class ConfigError extends ExodataError {
  readonly code = 'CONFIG_INVALID';
}

/** Input from a user (CLI flag, API body) is invalid. */
export class InputError extends ExodataError {
  readonly code = 'INPUT_INVALID';
}

/** Something we cannot find (ticket, raw message). */
export class NotFoundError extends ExodataError {
  readonly code = 'NOT_FOUND';
}

/** A conditional write lost a race or a state transition is not allowed. */
export class ConflictError extends ExodataError {
  readonly code = 'CONFLICT';
}

/** SES refused the mail for good or could not take it: nothing left; compose again (a new key) to retry. */
export class ReplyNotSentError extends ExodataError {
  readonly code = 'REPLY_NOT_SENT';
}

/** A dependency failed in a way that may succeed on retry (throttling, timeout, 5xx). */
export class TransientError extends ExodataError {
  readonly code = 'TRANSIENT';
}

/**
 * A dependency refused the request as it is (DynamoDB ValidationException: item or key too large,
 * invalid value): the same request fails the same way however often it is retried. The intake
 * quarantines the message with this error as its reason instead of letting it go round the retries.
 */
export class RejectedError extends ExodataError {
  readonly code = 'REJECTED';
}
