import { ExodataError } from '../errors';

/**
 * The client portal's refusals. Every invalid link, token, reference or ticket outside the session is
 * one InvalidLinkError: the client gets byte-identical answers, the reason stays in the log.
 */
export class InvalidLinkError extends ExodataError {
  readonly code = 'INVALID_LINK';
}

/** Too many attempts from one source address (or for one e-mail address) in the window. */
export class RateLimitedError extends ExodataError {
  readonly code = 'RATE_LIMITED';
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}

/** No portal session (no cookie, unknown, expired, or ended by "nouveau lien"). */
export class NoSessionError extends ExodataError {
  readonly code = 'NO_SESSION';
}

/** A client upload the attachment policy refuses (a program, too big, too many): the message says which. */
export class UploadRefusedError extends ExodataError {
  readonly code = 'UPLOAD_REFUSED';
}
