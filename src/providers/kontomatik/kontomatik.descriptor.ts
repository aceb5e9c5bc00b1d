import { settingOf, type BankClient, type ProviderDescriptor } from '../descriptor';
import { KontomatikBankResolver } from './kontomatik.bank.resolver';
import { createKontomatikProvider, type KontomatikProvider } from './kontomatik.client';
import { KontomatikImportResolver } from './kontomatik.import.resolver';
import { createKontomatikImports } from './kontomatik.imports';
import { kontomatikReasons } from './kontomatik.reasons';
import { kontomatikRefusal } from './kontomatik.refusal';
import { SignInResolver } from './kontomatik.sign-in.resolver';

export interface KontomatikBank extends BankClient {
  readonly accounts: KontomatikProvider;
}

/**
 * Kontomatik: the gateway's own API key, no user credentials; sign-in sessions, import
 * commands (capabilities) whose accounts and transactions come with their results.
 */
export const kontomatik: ProviderDescriptor<KontomatikBank> = {
  name: 'KONTOMATIK',
  description: 'PSD2 account-information aggregator: sign-in sessions, background import commands, consents.',
  upstreamAuth: '`X-Api-Key: <key>` (`KONTOMATIK_API_KEY`, the gateway’s own)',
  capabilities: { accounts: 'IMPORTED', transactions: true, payments: false, imports: true },
  reasons: kontomatikReasons,
  refusal: kontomatikRefusal,
  settings: [
    { variable: 'KONTOMATIK_URL', kind: 'url', required: true },
    { variable: 'KONTOMATIK_API_KEY', kind: 'secret', required: true },
  ],
  resolvers: [KontomatikBankResolver, SignInResolver, KontomatikImportResolver],
  baseUrl: (config) => settingOf(config, 'KONTOMATIK_URL'),
  create(upstream, config) {
    const accounts = createKontomatikProvider(upstream, settingOf(config, 'KONTOMATIK_API_KEY'));
    return {
      accounts,
      importedAccount: (providerAccountId, signal) => accounts.commandAccount(providerAccountId, signal),
      imports: createKontomatikImports(accounts),
      health: (signal) => accounts.health(signal),
    };
  },
};
