/** One failed invocation waiting to be redriven (an on-failure destination message). */
export type FailedEvent = { id: string; body: string };

/** Where failed intake invocations wait (SQS on AWS; a file for an offline redrive). */
export interface FailedEventQueue {
  /** Up to `max` events; they stay in the queue until `remove`. */
  receive(max: number): Promise<FailedEvent[]>;
  /** The event was redriven successfully. */
  remove(id: string): Promise<void>;
  describe(): string;
}
