import { randomUUID } from 'node:crypto';

import type { Confirmation } from '../../src/payments/confirmation';
import { type ConfirmationStore } from '../../src/payments/confirmation-store';
import { StoreUnavailableError } from '../../src/errors/internal-errors';
import { createMemoryStore } from '../../src/payments/memory-store';
import { createWriteBehind } from '../../src/payments/write-behind';
import { createLogger } from '../../src/ops/logger';
import { aConfirmation } from './confirmation.factory';

/** A memory store that can be switched off, and can lose everything, as Redis can. */
function flakyStore() {
  let inner = createMemoryStore();
  let down = false;
  const guard = <T>(call: () => Promise<T>) => (down ? Promise.reject(new StoreUnavailableError('down')) : call());
  const store: ConfirmationStore = {
    checkWritable: () => guard(() => inner.checkWritable()),
    get: (id) => guard(() => inner.get(id)),
    put: (record, base, writer) => guard(() => inner.put(record, base, writer)),
    overdue: (at) => guard(() => inner.overdue(at)),
  };
  return {
    store,
    inner: () => inner,
    setDown: (value: boolean) => {
      down = value;
    },
    loseEverything: () => {
      inner = createMemoryStore();
    },
  };
}

const next = (record: Confirmation, change: Partial<Confirmation>): Confirmation => ({
  ...record,
  ...change,
  version: record.version + 1,
});

const eventually = async (check: () => Promise<boolean>) => {
  const deadline = Date.now() + 5000;
  while (!(await check())) {
    if (Date.now() > deadline) {
      throw new Error('not in time');
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

describe('writes that outlive a state store outage', () => {
  const logger = createLogger('silent');

  it('writes at once while the store answers', async () => {
    const flaky = flakyStore();
    const store = createWriteBehind(flaky.store, logger);
    const record = aConfirmation();
    expect(await store.save(record, { version: null }, randomUUID())).toBe('written');
    expect(await flaky.inner().get(record.id)).toEqual(record);
  });

  it('keeps a write the store cannot take, shows it to this instance, and writes it once the store is back', async () => {
    const flaky = flakyStore();
    const store = createWriteBehind(flaky.store, logger);
    const record = aConfirmation();
    await store.save(record, { version: null }, randomUUID());
    flaky.setDown(true);
    const confirmed = next(record, { attemptsLeft: 2 });
    expect(await store.save(confirmed, { version: 0, orAbsent: true }, randomUUID())).toBe('queued');
    const newer = next(confirmed, { attemptsLeft: 1 });
    expect(await store.save(newer, { version: 1, orAbsent: true }, randomUUID())).toBe('queued');
    expect(await store.get(record.id)).toEqual(newer);
    await expect(store.put(newer, { version: 2 }, randomUUID())).rejects.toThrow(StoreUnavailableError);
    flaky.setDown(false);
    await eventually(async () => store.waiting() === 0);
    expect(await flaky.inner().get(record.id)).toEqual(newer);
  });

  it('writes the record again where the store came back empty', async () => {
    const flaky = flakyStore();
    const store = createWriteBehind(flaky.store, logger);
    const record = aConfirmation();
    await store.save(record, { version: null }, randomUUID());
    flaky.setDown(true);
    await store.save(next(record, { attemptsLeft: 2 }), { version: 0, orAbsent: true }, randomUUID());
    flaky.loseEverything();
    flaky.setDown(false);
    await eventually(async () => (await flaky.inner().get(record.id))?.attemptsLeft === 2);
  });

  it('drops a kept write where someone else changed the record meanwhile', async () => {
    const flaky = flakyStore();
    const store = createWriteBehind(flaky.store, logger);
    const record = aConfirmation();
    await store.save(record, { version: null }, randomUUID());
    flaky.setDown(true);
    await store.save(next(record, { attemptsLeft: 2 }), { version: 0 }, randomUUID());
    flaky.setDown(false);
    await flaky.inner().put(next(record, { attemptsLeft: 0 }), { version: 0 }, 'another instance');
    await eventually(async () => store.waiting() === 0);
    expect((await flaky.inner().get(record.id))?.attemptsLeft).toBe(0);
  });
});
