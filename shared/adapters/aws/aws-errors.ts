import { ExodataError, NotFoundError, RejectedError, TransientError } from '../../domain/errors';

/** Error names AWS services use when a call may succeed if made again later. */
const RETRYABLE_NAMES = new Set([
  'ThrottlingException',
  'Throttling',
  'ThrottledException',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'ProvisionedThroughputExceededException',
  'LimitExceededException',
  'SlowDown',
  'ServiceUnavailable',
  'ServiceUnavailableException',
  'InternalServerError',
  'InternalFailure',
  'InternalError',
  'RequestTimeout',
  'RequestTimeoutException',
  'TimeoutError',
  'TransactionInProgressException',
]);

const NETWORK_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN']);

type AwsLikeError = {
  name?: string;
  code?: string;
  $metadata?: { httpStatusCode?: number };
  $retryable?: unknown;
  CancellationReasons?: Array<{ Code?: string; Message?: string }>;
};

/**
 * A request the service will refuse again whatever the number of retries: a ValidationException
 * (item over 400 KB, key over 2048/1024 bytes, invalid value), or a transaction cancelled because
 * one of its items is invalid (reason `ValidationError`).
 */
export function isRejectedAwsError(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const e = err as AwsLikeError;
  if (e.name === 'ValidationException') return true;
  return (
    e.name === 'TransactionCanceledException' &&
    (e.CancellationReasons ?? []).some((r) => r.Code === 'ValidationError')
  );
}

/** Throttling, 5xx, timeouts and connection failures: worth retrying (here, or by Lambda). */
export function isRetryableAwsError(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const e = err as AwsLikeError;
  const status = e.$metadata?.httpStatusCode;
  return (
    (e.name !== undefined && RETRYABLE_NAMES.has(e.name)) ||
    (e.code !== undefined && NETWORK_CODES.has(e.code)) ||
    e.$retryable !== undefined ||
    status === 429 ||
    (status !== undefined && status >= 500)
  );
}

/**
 * Runs one AWS call and gives its failure a type the use cases understand: TransientError when a
 * retry may succeed; our own errors and anything else pass through with `what` in the message.
 */
export async function awsCall<T>(what: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    throw asIntakeFailure(what, err);
  }
}

export function asIntakeFailure(what: string, err: unknown): unknown {
  if (err instanceof ExodataError) return err;
  if (isRejectedAwsError(err)) {
    return new RejectedError(`${what} was refused and will be refused again: ${describe(err)}`, {
      hint: 'the message is quarantined with this reason; see docs/operations.md (quarantine)',
      cause: err,
    });
  }
  if (isRetryableAwsError(err)) {
    return new TransientError(`${what} failed and may succeed if retried: ${describe(err)}`, {
      hint: 'Lambda retries the event; if it keeps failing, see docs/operations.md (redrive)',
      cause: err,
    });
  }
  const name = (err as AwsLikeError | null)?.name;
  if (name === 'NoSuchKey' || name === 'NotFound') {
    return new NotFoundError(`${what}: not found (${describe(err)})`, { cause: err });
  }
  return err;
}

function describe(err: unknown): string {
  if (err instanceof Error) return `${err.name}: ${err.message}`;
  return String(err);
}
