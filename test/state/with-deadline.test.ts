import { withDeadline } from '../../src/state/with-deadline';
import { DeadlineError } from '../../src/errors/internal-errors';

describe('withDeadline', () => {
  it('gives the answer that comes in time', async () => {
    await expect(withDeadline(Promise.resolve('OK'), 1000)).resolves.toBe('OK');
  });

  it("passes on the call's own failure", async () => {
    await expect(withDeadline(Promise.reject(new Error('ECONNREFUSED')), 1000)).rejects.toThrow('ECONNREFUSED');
  });

  it('fails with a DeadlineError naming the store when no answer comes, at the deadline', async () => {
    jest.useFakeTimers();
    try {
      const never = new Promise<string>(() => undefined);
      let error: unknown;
      void withDeadline(never, 50, 'The idempotency store').catch((e: unknown) => (error = e));
      await jest.advanceTimersByTimeAsync(49);
      expect(error).toBeUndefined();
      await jest.advanceTimersByTimeAsync(1);
      expect(error).toBeInstanceOf(DeadlineError);
      expect((error as Error).message).toBe('The idempotency store did not answer within 50 ms');
    } finally {
      jest.useRealTimers();
    }
  });

  it('leaves no unhandled rejection when the call fails after its deadline', async () => {
    let fail: (error: Error) => void = () => undefined;
    const late = new Promise<string>((_, reject) => (fail = reject));
    await expect(withDeadline(late, 10)).rejects.toBeInstanceOf(DeadlineError);
    const unhandled = jest.fn();
    process.on('unhandledRejection', unhandled);
    fail(new Error('too late'));
    await new Promise((resolve) => setImmediate(resolve));
    process.off('unhandledRejection', unhandled);
    expect(unhandled).not.toHaveBeenCalled();
  });
});
