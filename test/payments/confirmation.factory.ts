import { randomUUID } from 'node:crypto';

import type { Confirmation } from '../../src/payments/confirmation';

/** A PENDING transfer of 12.50 EUR to Karl Brenner, as the TAN flow keeps it. */
export const aConfirmation = (overrides: Partial<Confirmation> = {}): Confirmation => ({
  id: randomUUID(),
  provider: 'KONTIST',
  callerKey: 'caller-key',
  providerAccountId: '4711',
  pending: {
    operation: 'CREATE_TRANSFER',
    reference: 'transfer-1',
    order: {
      recipient: 'Karl Brenner',
      iban: 'DE89370400440532013000',
      amount: 1250,
      note: 'Lunch',
      endToEndId: 'GW0123456789ABCDEF01234567',
    },
  },
  tokenLength: 6,
  expiresAt: Date.now() + 60_000,
  attemptsLeft: 3,
  state: { status: 'PENDING' },
  version: 0,
  ...overrides,
});
