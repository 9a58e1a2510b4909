import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import * as z from 'zod';
import {
  ConfigError,
  ConflictError,
  ExodataError,
  InputError,
  NotFoundError,
  TransientError,
} from '../../domain/errors';
import { ForbiddenError } from '../../domain/ticket/ticket-actions';
import { ReplyNotSentError } from '../../use-cases/reply-to-client';

/** `{ error: { code, message, hint } }`: what was wrong and what to do, never a stack trace. */
export type ErrorBody = { error: { code: string; message: string; hint?: string } };

export class UnauthorizedError extends ExodataError {
  readonly code = 'UNAUTHENTICATED';
}

const STATUS: Array<[new (...args: never[]) => ExodataError, ContentfulStatusCode]> = [
  [InputError, 400],
  [UnauthorizedError, 401],
  [ForbiddenError, 403],
  [NotFoundError, 404],
  [ConflictError, 409],
  [TransientError, 503],
  [ReplyNotSentError, 502],
];

export type ErrorLogger = (message: string, detail: Record<string, unknown>) => void;

/** Typed errors to HTTP statuses; anything unexpected is a 500 whose details stay in the log. */
export function errorResponse(err: unknown, c: Context, log: ErrorLogger): Response {
  if (err instanceof z.ZodError) return c.json(body('INPUT_INVALID', readableIssues(err)), 400);
  if (err instanceof ExodataError && !(err instanceof ConfigError)) {
    const status = STATUS.find(([type]) => err instanceof type)?.[1];
    if (status) {
      if (status === 503) c.header('Retry-After', '2');
      return c.json(body(err.code, err.message, err.hint), status);
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

export function body(code: string, message: string, hint?: string): ErrorBody {
  return { error: { code, message, ...(hint ? { hint } : {}) } };
}

/** `status: Invalid option: expected one of "nouveau"|…; limit: Too big` — one line a person can act on. */
export function readableIssues(err: z.ZodError): string {
  return err.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ');
}
