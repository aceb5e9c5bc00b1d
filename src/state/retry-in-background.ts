export interface RetryOptions {
  /** First wait after a failure; each further one doubles. */
  firstMs: number;
  /** The longest wait between two tries. */
  maxMs: number;
  /** Epoch ms after which trying is pointless (what it writes would have expired). */
  until: number;
  /** Each failed try, for the log. */
  onError(error: unknown, attempt: number): void;
  /** Called once when `until` passed without a success. */
  onGiveUp(attempts: number): void;
  /** Called once when a try succeeds. */
  onSuccess?(attempts: number): void;
}

/**
 * Tries `attempt` again after `firstMs`, doubling the wait up to `maxMs`, until it
 * succeeds or `until` passes. Returns a function that stops it. The timers do not keep
 * the process alive: a write still pending at exit is lost with the process.
 */
export function retryInBackground(attempt: () => Promise<void>, options: RetryOptions): () => void {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let tries = 0;
  const schedule = (waitMs: number) => {
    if (Date.now() + waitMs > options.until) {
      stopped = true;
      options.onGiveUp(tries);
      return;
    }
    timer = setTimeout(() => void run(waitMs), waitMs);
    timer.unref();
  };
  const run = async (waitedMs: number) => {
    if (stopped) {
      return;
    }
    tries += 1;
    try {
      await attempt();
    } catch (error) {
      if (!stopped) {
        options.onError(error, tries);
        schedule(Math.min(waitedMs * 2, options.maxMs));
      }
      return;
    }
    if (!stopped) {
      stopped = true;
      options.onSuccess?.(tries);
    }
  };
  schedule(Math.min(options.firstMs, options.maxMs));
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
