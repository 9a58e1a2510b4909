/**
 * Fault injection in the SDK clients (the only mocks allowed): a middleware in the `deserialize`
 * step, inside the SDK's retry loop, so that the SDK retries an injected throttle as it would a
 * real one. `after` lets the request reach the service, then loses the response.
 */
type Client = {
  middlewareStack: {
    add(
      middleware: (
        next: (args: { input: unknown }) => Promise<unknown>,
        context: { commandName?: string },
      ) => (args: { input: unknown }) => Promise<unknown>,
      options: { step: 'deserialize'; name: string },
    ): void;
  };
};

export type Service = 'dynamodb' | 's3' | 'ses';

type Fault = {
  service: Service;
  command: string;
  mode: 'before' | 'after' | 'hold';
  error: () => Error;
  remaining: number;
  match: (input: Record<string, unknown>) => boolean;
  gate?: Promise<void>;
  hits: number;
};

export class FaultInjector {
  private faults: Fault[] = [];
  /** Calls seen per `service:Command` (retries included). */
  readonly calls = new Map<string, number>();

  attach(service: Service, client: unknown): void {
    (client as Client).middlewareStack.add(
      (next, context) => async (args) => {
        const command = context.commandName ?? '';
        const key = `${service}:${command}`;
        this.calls.set(key, (this.calls.get(key) ?? 0) + 1);
        const fault = this.take(service, command, (args.input ?? {}) as Record<string, unknown>);
        if (!fault) return next(args);
        if (fault.mode === 'before') throw fault.error();
        if (fault.mode === 'hold') {
          await fault.gate;
          return next(args);
        }
        await next(args);
        throw fault.error();
      },
      { step: 'deserialize', name: `faultInjector-${service}` },
    );
  }

  /** The next `times` calls of `command` (matching `match`) fail with `error` before reaching the service. */
  failBefore(service: Service, command: string, error: () => Error, times = 1, match = anyInput): Fault {
    return this.add({ service, command, mode: 'before', error, remaining: times, match, hits: 0 });
  }

  /** The next `times` calls reach the service, then their response is lost with `error`. */
  failAfter(service: Service, command: string, error: () => Error, times = 1, match = anyInput): Fault {
    return this.add({ service, command, mode: 'after', error, remaining: times, match, hits: 0 });
  }

  /** The next call waits until `release()`: a run stuck in the middle of a call. */
  hold(service: Service, command: string): { release: () => void; fault: Fault } {
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const fault = this.add({
      service,
      command,
      mode: 'hold',
      error: () => new Error('held'),
      remaining: 1,
      match: anyInput,
      gate,
      hits: 0,
    });
    return { release, fault };
  }

  count(service: Service, command: string): number {
    return this.calls.get(`${service}:${command}`) ?? 0;
  }

  clear(): void {
    this.faults = [];
    this.calls.clear();
  }

  private add(fault: Fault): Fault {
    this.faults.push(fault);
    return fault;
  }

  private take(service: Service, command: string, input: Record<string, unknown>): Fault | undefined {
    const fault = this.faults.find(
      (f) => f.remaining > 0 && f.service === service && f.command === command && f.match(input),
    );
    if (fault) {
      fault.remaining--;
      fault.hits++;
    }
    return fault;
  }
}

const anyInput = (_input: Record<string, unknown>) => true;

function awsError(name: string, message: string, status: number, fault: 'client' | 'server'): Error {
  return Object.assign(new Error(message), { name, $fault: fault, $metadata: { httpStatusCode: status } });
}

export const errors = {
  dynamoThrottled: () =>
    awsError(
      'ProvisionedThroughputExceededException',
      'Throughput exceeds the current capacity',
      400,
      'client',
    ),
  sesThrottled: () => awsError('Throttling', 'Maximum sending rate exceeded.', 400, 'client'),
  s3SlowDown: () => awsError('SlowDown', 'Please reduce your request rate.', 503, 'server'),
  messageRejected: () =>
    awsError('MessageRejected', 'Email address is on the suppression list', 400, 'client'),
  internalFailure: () => awsError('InternalFailure', 'An internal error occurred', 500, 'server'),
  timeout: () =>
    Object.assign(new Error('Connection timed out after 2000 ms'), {
      name: 'TimeoutError',
      code: 'ETIMEDOUT',
    }),
};
