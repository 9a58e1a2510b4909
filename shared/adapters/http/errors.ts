import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import * as z from 'zod';
import {
  ConfigError,
  ConflictError,
  ExodataError,
  InputError,
  NotFoundError,
  ReplyNotSentError,
  TransientError,
} from '../../domain/errors';
import { ForbiddenError } from '../../domain/ticket/ticket-actions';
import type { ApiErrorCode, ErrorBody } from './api-schemas';

export class UnauthorizedError extends ExodataError {
  readonly code = 'UNAUTHENTICATED';
}

/** Each typed error's status and code; a code outside ApiErrorCodeSchema (no French label in the portal) fails tsc. */
const STATUS: Array<[new (...args: never[]) => ExodataError, ContentfulStatusCode, ApiErrorCode]> = [
  [InputError, 400, 'INPUT_INVALID'],
  [UnauthorizedError, 401, 'UNAUTHENTICATED'],
  [ForbiddenError, 403, 'FORBIDDEN'],
  [NotFoundError, 404, 'NOT_FOUND'],
  [ConflictError, 409, 'CONFLICT'],
  [TransientError, 503, 'TRANSIENT'],
  // SES refused the reply or never took it: nothing left, the agent composes again.
  [ReplyNotSentError, 502, 'REPLY_NOT_SENT'],
];

export type ErrorLogger = (message: string, detail: Record<string, unknown>) => void;

/** Typed errors to HTTP statuses; anything unexpected is a 500 whose details stay in the log. */
export function errorResponse(err: unknown, c: Context, log: ErrorLogger): Response {
  if (err instanceof z.ZodError) return c.json(body('INPUT_INVALID', readableIssues(err)), 400);
  if (err instanceof ExodataError && !(err instanceof ConfigError)) {
    const mapped = STATUS.find(([type]) => err instanceof type);
    if (mapped) {
      const [, status, code] = mapped;
      if (status === 503) c.header('Retry-After', '2');
      return c.json(body(code, err.message, err.hint), status);
    }
  }
  log('agent API request failed', {
    method: c.req.method,
    path: c.req.path,
    error: err instanceof Error ? { name: err.name, message: err.message, stack: err.stack } : String(err),
  });
  return c.json(
    body(
      'INTERNAL',
      'the request failed on our side',
      'try again; if it persists, tell the on-call engineer',
    ),
    500,
  );
}

/** `{ error: { code, message, hint } }`: what was wrong and what to do, never a stack trace. */
export function body(code: ApiErrorCode, message: string, hint?: string): ErrorBody {
  return { error: { code, message, ...(hint ? { hint } : {}) } };
}

/** `status: Invalid option: expected one of "nouveau"|…; limit: Too big` — one line a person can act on. */
export function readableIssues(err: z.ZodError): string {
  return err.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ');
}
