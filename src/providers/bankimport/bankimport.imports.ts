import type { ImportSource } from '../imports';
import type { BankimportProvider } from './bankimport.client';

/**
 * Bankimport's forced imports have no status of their own: an account updated after
 * the import began is done. Each look needs the token of the import's owner.
 */
export function createBankimportImports(client: BankimportProvider): ImportSource {
  return {
    async progress(state, call) {
      if (!call.credential || !state.accountId) {
        throw new Error('a Bankimport import is polled with its owner’s token');
      }
      const account = await client.account(call, state.accountId);
      const updated = account.lastUpdatedAt?.toISOString() ?? null;
      const done = updated !== null && (state.baseline === null || updated > state.baseline);
      return done ? { status: 'COMPLETED', error: null, finishedAt: updated } : { status: 'RUNNING', error: null };
    },
  };
}
