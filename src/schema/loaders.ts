import DataLoader from 'dataloader';

import { ProviderUnavailableError, UnauthenticatedError } from '../errors/errors';
import type { Credentials } from '../providers/credentials';
import type { AccountProvider, AccountRecord, ProviderCall } from '../providers/provider';
import type { ProviderName } from '../providers/provider-name';

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

/** Accounts that come with an import command rather than with credentials (KONTOMATIK). */
export type CommandAccountLookup = (providerAccountId: string, signal: AbortSignal) => Promise<AccountRecord | null>;

export function createLoaders(
  credentials: Credentials,
  providers: readonly AccountProvider[],
  signal: AbortSignal,
  commandAccount?: CommandAccountLookup,
): Loaders {
  const lists = new Map<ProviderName, Promise<AccountRecord[]>>();
  const byName = new Map(providers.map((p) => [p.name, p]));

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

  // One list call per provider answers any number of account look-ups in a request.
  const account = new DataLoader<string, AccountRecord | null>(async (keys) => {
    const wanted = [...new Set(keys.map((key) => key.split(':')[0] as ProviderName))].filter(
      (name) => name !== 'KONTOMATIK',
    );
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
        if (key.slice(0, separator) === 'KONTOMATIK') {
          return commandAccount
            ? commandAccount(key.slice(separator + 1), signal).catch((error: Error) => error)
            : null;
        }
        const entry = found.get(key.slice(0, separator) as ProviderName);
        return entry instanceof Error ? entry : (entry?.get(key.slice(separator + 1)) ?? null);
      }),
    );
  });

  return { accountsOf, account };
}
