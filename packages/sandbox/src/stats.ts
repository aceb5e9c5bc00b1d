import type { ProviderName } from './provider';

export interface RequestCount {
  provider: ProviderName;
  method: string;
  /** The route template, e.g. `/api/accounts/:id/transactions`, or the raw path when none matched. */
  route: string;
  count: number;
}

/** Counts every request that reaches a simulated provider, so tests can assert upstream traffic. */
export interface Stats {
  record(provider: ProviderName, method: string, route: string): void;
  list(): RequestCount[];
  reset(): void;
}

export function createStats(): Stats {
  const counts = new Map<string, RequestCount>();
  return {
    record(provider, method, route) {
      const key = `${provider} ${method} ${route}`;
      const entry = counts.get(key);
      if (entry) {
        entry.count += 1;
      } else {
        counts.set(key, { provider, method, route, count: 1 });
      }
    },
    list() {
      return [...counts.values()]
        .map((entry) => ({ ...entry }))
        .sort(
          (a, b) =>
            a.provider.localeCompare(b.provider) || a.route.localeCompare(b.route) || a.method.localeCompare(b.method),
        );
    },
    reset() {
      counts.clear();
    },
  };
}
