import DataLoader from 'dataloader';

import { ProviderUnavailableError, UnauthenticatedError } from '../errors/errors';
import type { Credentials } from '../providers/credentials';
import type { AccountRecord, ProviderCall } from '../providers/provider';
import type { ProviderName } from '../providers/provider-name';
import type { Providers } from '../providers/providers';

/** Per-request loaders: never shared across requests, so never across credentials. */
export interface Loaders {
  /** Every account the caller has at one provider, fetched once per request. */
  accountsOf(provider: ProviderName): Promise<AccountRecord[]>;
  /** Accounts by `PROVIDER:id`; null where the caller has no such account. */
  account: DataLoader<string, AccountRecord | null>;
}

export function accountKey(provider: ProviderName, providerAccountId: string): string {
  return `${provider}:${providerAccountId}`;
}

export function createLoaders(credentials: Credentials, providers: Providers, signal: AbortSignal): Loaders {
  const lists = new Map<ProviderName, Promise<AccountRecord[]>>();
  const byName = new Map(providers.accountProviders.map((p) => [p.name, p]));
  const imported = (name: ProviderName) => providers.descriptor(name)?.capabilities.accounts === 'IMPORTED';

  const accountsOf = (name: ProviderName): Promise<AccountRecord[]> => {
    let list = lists.get(name);
    if (!list) {
      const provider = byName.get(name);
      const credential = credentials[name];
      list = !provider
        ? Promise.reject(new ProviderUnavailableError(name, 'it holds no accounts'))
        : !credential
          ? Promise.reject(new UnauthenticatedError(name))
          : provider.listAccounts({ credential, signal } satisfies ProviderCall, {}).then((r) => r.items);
      lists.set(name, list);
    }
    return list;
  };

  // One list call per provider answers any number of account look-ups in a request;
  // accounts that came with imports are looked up one by one, by id.
  const account = new DataLoader<string, AccountRecord | null>(async (keys) => {
    const wanted = [...new Set(keys.map((key) => key.slice(0, key.indexOf(':'))))].filter((name) => !imported(name));
    const found = new Map<ProviderName, Map<string, AccountRecord> | Error>();
    await Promise.all(
      wanted.map(async (name) => {
        try {
          const list = await accountsOf(name);
          found.set(name, new Map(list.map((a) => [a.providerAccountId, a])));
        } catch (error) {
          found.set(name, error as Error);
        }
      }),
    );
    return Promise.all(
      keys.map(async (key) => {
        const separator = key.indexOf(':');
        const name = key.slice(0, separator);
        if (imported(name)) {
          return providers.importedAccount(name, key.slice(separator + 1), signal).catch((error: Error) => error);
        }
        const entry = found.get(name);
        return entry instanceof Error ? entry : (entry?.get(key.slice(separator + 1)) ?? null);
      }),
    );
  });

  return { accountsOf, account };
}
