/** A timer a clock set; only that clock can clear it. */
export type Timer = { readonly __timer: unique symbol };

/**
 * Time as pollers see it: injected, so that their state machines run on fake time in
 * tests. `systemClock` reads the global timers when called, so jest's fake timers drive it.
 */
export interface Clock {
  now(): number;
  /** Calls `callback` once `ms` have passed; the timer never keeps the process alive. */
  setTimer(callback: () => void, ms: number): Timer;
  clearTimer(timer: Timer): void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimer(callback, ms) {
    const timer = setTimeout(callback, Math.max(0, ms));
    timer.unref?.();
    return timer as unknown as Timer;
  },
  clearTimer(timer) {
    clearTimeout(timer as unknown as NodeJS.Timeout);
  },
};

/**
 * `work`, or a rejection with `fail()` once `ms` have passed on `clock`: a wait that
 * always ends. The work itself goes on (a promise cannot be cancelled); `onTimeout` may
 * abort it.
 */
export function withDeadline<T>(
  work: Promise<T>,
  ms: number,
  clock: Clock,
  fail: () => Error,
  onTimeout?: () => void,
): Promise<T> {
  let timer: Timer | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = clock.setTimer(() => {
      onTimeout?.();
      reject(fail());
    }, ms);
  });
  return Promise.race([work, deadline]).finally(() => {
    if (timer !== undefined) {
      clock.clearTimer(timer);
    }
  });
}
