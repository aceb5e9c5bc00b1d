import type { Logger } from 'pino';

import type { Config } from '../config';
import type { Metrics } from '../ops/metrics';
import type { BankClient, ProviderDescriptor } from './descriptor';
import { createUpstream, type Upstream } from './http';
import type { ImportSource } from './imports';
import type { PaymentProvider } from './payments';
import type { AccountProvider, AccountRecord, TransactionSource } from './provider';
import { serveProviderNames, type ProviderName } from './provider-name';

/** Every bank of one gateway instance: descriptors, clients and their connections, looked up by capability. */
export interface Providers {
  /** In the order of the schema's `Provider` enum. */
  readonly descriptors: readonly ProviderDescriptor[];
  descriptor(name: ProviderName): ProviderDescriptor | undefined;
  /** A bank's client, for the operations only that bank offers (its own folder's resolvers). */
  bank<B extends BankClient>(name: ProviderName): B;
  /** Banks whose accounts `accounts` lists and the transactions feed reaches, in schema order. */
  readonly accountProviders: readonly AccountProvider[];
  /** The bank that reads an account's transactions, LISTED or IMPORTED. */
  accountsOf(name: ProviderName): TransactionSource | undefined;
  /** An IMPORTED account by its id at the bank; null where none is known. */
  importedAccount(name: ProviderName, providerAccountId: string, signal: AbortSignal): Promise<AccountRecord | null>;
  /** Banks that move money (transfers, standing orders, timed orders). */
  payments(name: ProviderName): PaymentProvider | undefined;
  imports(name: ProviderName): ImportSource | undefined;
  /** Asks a bank's health endpoint where it has one; true otherwise. */
  health(name: ProviderName, signal: AbortSignal): Promise<boolean>;
  readonly upstreams: Readonly<Record<ProviderName, Upstream>>;
  close(): void;
}

/** The banks' clients, each over its own upstream (circuit, limits, metrics), checked against what each declares. */
export function createProviders(
  descriptors: readonly ProviderDescriptor[],
  config: Config,
  metrics: Metrics,
  logger: Logger,
): Providers {
  const upstreams: Record<ProviderName, Upstream> = {};
  const banks = new Map<ProviderName, BankClient>();
  for (const descriptor of descriptors) {
    const upstream = createUpstream({
      provider: descriptor.name,
      baseURL: descriptor.baseUrl(config),
      dialect: { reasons: descriptor.reasons, refusal: descriptor.refusal },
      timeoutMs: config.upstreamTimeoutMs,
      metrics,
      logger,
      circuitFailures: config.circuitFailures,
      circuitHalfOpenMs: config.circuitHalfOpenMs,
    });
    upstreams[descriptor.name] = upstream;
    banks.set(descriptor.name, checked(descriptor, descriptor.create(upstream, config)));
  }
  serveProviderNames(banks.keys());
  const byName = new Map(descriptors.map((d) => [d.name, d]));
  const listed = descriptors
    .filter((d) => d.capabilities.accounts === 'LISTED')
    .map((d) => banks.get(d.name)?.accounts)
    .filter((accounts): accounts is AccountProvider => accounts !== undefined && 'listAccounts' in accounts);
  return {
    descriptors,
    descriptor: (name) => byName.get(name),
    bank<B extends BankClient>(name: ProviderName): B {
      const bank = banks.get(name);
      if (!bank) {
        throw new Error(`${name} is not a provider of this gateway`);
      }
      return bank as B;
    },
    accountProviders: listed,
    accountsOf: (name) => banks.get(name)?.accounts,
    async importedAccount(name, providerAccountId, signal) {
      const lookup = banks.get(name)?.importedAccount;
      return lookup ? lookup(providerAccountId, signal) : null;
    },
    payments: (name) => banks.get(name)?.payments,
    imports: (name) => banks.get(name)?.imports,
    async health(name, signal) {
      const health = banks.get(name)?.health;
      return health ? health(signal) : true;
    },
    upstreams,
    close() {
      for (const upstream of Object.values(upstreams)) {
        upstream.close();
      }
    },
  };
}

/** A bank's client offers what its descriptor says: a mismatch is a bug found at start-up. */
function checked(descriptor: ProviderDescriptor, bank: BankClient): BankClient {
  const { name, capabilities } = descriptor;
  const offers = {
    accounts: capabilities.accounts !== 'NONE' || capabilities.transactions,
    importedAccount: capabilities.accounts === 'IMPORTED',
    payments: capabilities.payments,
    imports: capabilities.imports,
  };
  for (const [part, declared] of Object.entries(offers)) {
    if (declared !== (bank[part as keyof typeof offers] !== undefined)) {
      throw new Error(`${name}'s client ${declared ? 'lacks' : 'offers undeclared'} ${part}`);
    }
  }
  const lists = bank.accounts !== undefined && 'listAccounts' in bank.accounts;
  if ((capabilities.accounts === 'LISTED') !== lists) {
    throw new Error(`${name}'s client ${lists ? 'lists accounts it declares IMPORTED or NONE' : 'lacks listAccounts'}`);
  }
  return bank;
}
