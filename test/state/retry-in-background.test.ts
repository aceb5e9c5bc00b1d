import { retryInBackground, type RetryOptions } from '../../src/state/retry-in-background';

describe('retryInBackground', () => {
  beforeEach(() => {
    jest.useFakeTimers({ now: 0 });
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  /** An attempt that fails `failures` times, then succeeds; records when it ran. */
  const flaky = (failures: number) => {
    const times: number[] = [];
    const attempt = jest.fn(async () => {
      times.push(Date.now());
      if (times.length <= failures) {
        throw new Error('ECONNREFUSED');
      }
    });
    return { attempt, times };
  };
  const options = (overrides: Partial<RetryOptions> = {}): RetryOptions => ({
    firstMs: 200,
    maxMs: 5000,
    until: 24 * 60 * 60 * 1000,
    onError: jest.fn(),
    onGiveUp: jest.fn(),
    onSuccess: jest.fn(),
    ...overrides,
  });

  it('waits 200 ms, then twice as long after each failure, at most 5 s, until it succeeds', async () => {
    const { attempt, times } = flaky(7);
    const opts = options();
    retryInBackground(attempt, opts);
    await jest.advanceTimersByTimeAsync(60_000);
    expect(times).toEqual([200, 600, 1400, 3000, 6200, 11200, 16200, 21200]);
    expect(opts.onError).toHaveBeenCalledTimes(7);
    expect(opts.onSuccess).toHaveBeenCalledWith(8);
    expect(opts.onGiveUp).not.toHaveBeenCalled();
  });

  it('gives up once the next try would come after `until`', async () => {
    const { attempt, times } = flaky(Infinity);
    const opts = options({ until: 3000 });
    retryInBackground(attempt, opts);
    await jest.advanceTimersByTimeAsync(60_000);
    expect(times).toEqual([200, 600, 1400, 3000]);
    expect(opts.onGiveUp).toHaveBeenCalledWith(4);
    expect(opts.onSuccess).not.toHaveBeenCalled();
  });

  it('stops when told to', async () => {
    const { attempt, times } = flaky(Infinity);
    const stop = retryInBackground(attempt, options());
    await jest.advanceTimersByTimeAsync(700);
    stop();
    await jest.advanceTimersByTimeAsync(60_000);
    expect(times).toEqual([200, 600]);
  });
});
