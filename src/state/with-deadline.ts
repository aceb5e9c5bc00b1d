import { DeadlineError } from '../errors/internal-errors';

/**
 * `promise`, or a DeadlineError after `ms`. A hung Redis (paused, or a network that
 * drops packets) never answers, and ioredis has no per-command timeout: without this,
 * a request would wait for it for ever. The call itself is not cancelled; whoever
 * needs to can still look at `promise` when it lands late.
 */
export function withDeadline<T>(promise: Promise<T>, ms: number, what = 'The state store'): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DeadlineError(what, ms)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}
