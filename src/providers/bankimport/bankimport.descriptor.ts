import { settingOf, type BankClient, type ProviderDescriptor } from '../descriptor';
import { createBankimportProvider, type BankimportProvider } from './bankimport.client';
import { createBankimportImports } from './bankimport.imports';
import { LinkAccountsResolver } from './bankimport.link-accounts.resolver';
import { RefreshAccountResolver } from './bankimport.refresh.resolver';
import { bankimportRefusal } from './bankimport.refusal';

export interface BankimportBank extends BankClient {
  readonly accounts: BankimportProvider;
}

/** Bankimport: the user's API token; linked HBCI accounts, their transactions, forced imports. */
export const bankimport: ProviderDescriptor<BankimportBank> = {
  name: 'BANKIMPORT',
  description:
    'HBCI bank-import REST API with JSON or XML responses: linked bank accounts, transactions, forced imports.',
  credentials: {
    header: 'X-Bankimport-Token',
    connectionInitKey: 'bankimportToken',
  },
  upstreamAuth: '`Authorization: Token token=<token>`',
  capabilities: { accounts: 'LISTED', transactions: true, payments: false, imports: true },
  reasons: {},
  refusal: bankimportRefusal,
  settings: [
    { variable: 'BANKIMPORT_URL', kind: 'url', required: true },
    { variable: 'BANKIMPORT_FORMAT', kind: ['json', 'xml'], required: false, default: 'json' },
  ],
  resolvers: [LinkAccountsResolver, RefreshAccountResolver],
  baseUrl: (config) => settingOf(config, 'BANKIMPORT_URL'),
  create(upstream, config) {
    const format = settingOf(config, 'BANKIMPORT_FORMAT') === 'xml' ? 'xml' : 'json';
    const accounts = createBankimportProvider(upstream, format);
    return { accounts, imports: createBankimportImports(accounts) };
  },
};
