import { settingOf, type BankClient, type ProviderDescriptor } from '../descriptor';
import { createKontistProvider, type KontistProvider } from './kontist.client';
import { createKontistOrders } from './kontist-orders.client';
import { OAuthResolver } from './kontist.oauth.resolver';
import { createKontistPayments } from './kontist.payments';
import { kontistReasons } from './kontist.reasons';

export interface KontistBank extends BankClient {
  readonly accounts: KontistProvider;
}

/** Kontist: the user's OAuth2 (or legacy Basic) credential; accounts, transactions, payments. */
export const kontist: ProviderDescriptor<KontistBank> = {
  name: 'KONTIST',
  description: 'Neo-bank REST API: accounts, transactions, SEPA transfers, standing and timed orders (TAN flows).',
  credentials: {
    header: 'X-Kontist-Authorization',
    connectionInitKey: 'kontistAuthorization',
  },
  upstreamAuth: '`Authorization: <same value>`',
  capabilities: { accounts: 'LISTED', transactions: true, payments: true, imports: false },
  reasons: kontistReasons,
  settings: [
    { variable: 'KONTIST_URL', kind: 'url', required: true },
    { variable: 'KONTIST_CLIENT_ID', kind: 'text', required: true },
    { variable: 'KONTIST_CLIENT_SECRET', kind: 'secret', required: true },
  ],
  resolvers: [OAuthResolver],
  baseUrl: (config) => settingOf(config, 'KONTIST_URL'),
  create(upstream, config) {
    const accounts = createKontistProvider(upstream, settingOf(config, 'KONTIST_URL'), {
      clientId: settingOf(config, 'KONTIST_CLIENT_ID'),
      clientSecret: settingOf(config, 'KONTIST_CLIENT_SECRET'),
    });
    return { accounts, payments: createKontistPayments(createKontistOrders(upstream), accounts) };
  },
};
