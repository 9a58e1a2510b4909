import { type WatchSlaDeps, type WatchSlaResult, watchSla } from '../use-cases/watch-sla';

export type SlaWatcherLoop = { stop(): Promise<void>; runNow(): Promise<WatchSlaResult> };

/**
 * The SLA watcher on an interval (`npm start`): what EventBridge does every 5 minutes on AWS. Rounds
 * never overlap; a failed round is reported and the next one runs as planned.
 */
export function startSlaWatcherLoop(options: {
  deps: WatchSlaDeps;
  intervalMs?: number;
  onRound?: (result: WatchSlaResult) => void;
  onError?: (error: unknown) => void;
}): SlaWatcherLoop {
  let running: Promise<WatchSlaResult> | null = null;
  const round = (): Promise<WatchSlaResult> => {
    running ??= watchSla(options.deps).finally(() => {
      running = null;
    });
    return running;
  };
  const timer = setInterval(
    () => {
      round().then(options.onRound, options.onError ?? ((error) => console.error(error)));
    },
    options.intervalMs ?? 5 * 60 * 1000,
  );
  timer.unref();
  return {
    runNow: round,
    async stop() {
      clearInterval(timer);
      await running?.catch(() => {});
    },
  };
}
