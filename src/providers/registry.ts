import type { Logger } from 'pino';

import type { Config } from '../config';
import type { Metrics } from '../ops/metrics';
import { createBankimportProvider, type BankimportProvider } from './bankimport/bankimport.client';
import { createUpstream, type Upstream } from './http';
import { createKontistProvider, type KontistProvider } from './kontist/kontist.client';
import { createKontistOrders } from './kontist/kontist-orders.client';
import { createKontistPayments } from './kontist/kontist.payments';
import { kontistReasons } from './kontist/kontist.reasons';
import { kontomatikReasons } from './kontomatik/kontomatik.reasons';
import { createKontomatikProvider, type KontomatikProvider } from './kontomatik/kontomatik.client';
import type { PaymentProvider } from './payments';
import type { AccountProvider } from './provider';
import type { ProviderName } from './provider-name';

/** Every provider client of one gateway instance, with their connections. */
export interface Providers {
  kontist: KontistProvider;
  bankimport: BankimportProvider;
  kontomatik: KontomatikProvider;
  /** Providers whose accounts `accounts` and the transactions feed reach, in schema order. */
  accountProviders: readonly AccountProvider[];
  /** Providers whose accounts can send money (transfers, standing orders, timed orders). */
  payments: Readonly<Partial<Record<ProviderName, PaymentProvider>>>;
  upstreams: Readonly<Record<ProviderName, Upstream>>;
  close(): void;
}

export function createProviders(config: Config, metrics: Metrics, logger: Logger): Providers {
  const upstream = (provider: ProviderName, baseURL: string, reasons?: Readonly<Record<string, string>>) =>
    createUpstream({
      provider,
      baseURL,
      reasons,
      timeoutMs: config.upstreamTimeoutMs,
      metrics,
      logger,
      circuitFailures: config.circuitFailures,
      circuitHalfOpenMs: config.circuitHalfOpenMs,
    });
  const upstreams = {
    KONTIST: upstream('KONTIST', config.kontistUrl, kontistReasons),
    BANKIMPORT: upstream('BANKIMPORT', config.bankimportUrl),
    KONTOMATIK: upstream('KONTOMATIK', config.kontomatikUrl, kontomatikReasons),
  };
  const kontist = createKontistProvider(upstreams.KONTIST, config.kontistUrl, {
    clientId: config.kontistClientId,
    clientSecret: config.kontistClientSecret,
  });
  const bankimport = createBankimportProvider(upstreams.BANKIMPORT, config.bankimportFormat);
  const kontomatik = createKontomatikProvider(upstreams.KONTOMATIK, config.kontomatikApiKey);
  return {
    kontist,
    payments: { KONTIST: createKontistPayments(createKontistOrders(upstreams.KONTIST), kontist) },
    bankimport,
    kontomatik,
    accountProviders: [kontist, bankimport],
    upstreams,
    close() {
      for (const u of Object.values(upstreams)) {
        u.close();
      }
    },
  };
}
