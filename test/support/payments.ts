import { randomBytes } from 'node:crypto';

import request from 'supertest';

import type { CreateTransferMutationVariables } from '../generated/graphql';

/** alice's Kontist account 4711, as a global id. */
export const KONTIST_4711 = 'QWNjb3VudDpLT05USVNUOjQ3MTE';

/** A transfer of 12.50 EUR from alice's account 4711, with an end-to-end id of its own to find its booking by. */
export const aTransfer = (overrides: Partial<CreateTransferMutationVariables['input']> = {}) => ({
  accountId: KONTIST_4711,
  recipient: 'Karl Brenner',
  iban: 'DE89370400440532013000',
  amount: 1250,
  note: 'Lunch',
  endToEndId: `T${randomBytes(8).toString('hex')}`,
  ...overrides,
});

/**
 * How often the sandbox's Kontist booked a payment with this end-to-end id on alice's
 * account 4711: what the provider really did, whatever the gateway says.
 */
export async function kontistBookings(sandboxUrl: string, endToEndId: string): Promise<number> {
  const { body } = await request(sandboxUrl)
    .get('/kontist/api/accounts/4711/transactions')
    .set('Authorization', 'Bearer sandbox-alice')
    .set('Accept', 'application/vnd.kontist.transactionlist.v2.1+json');
  return (body.results as Array<{ e2eId: string | null }>).filter((t) => t.e2eId === endToEndId).length;
}
