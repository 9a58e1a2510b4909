/** Time comes through a clock so that the domain never reads the wall clock itself. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
