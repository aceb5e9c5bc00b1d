/**
 * A provider's name as the schema's `Provider` enum spells it (`KONTIST`). The names
 * come from the bank descriptors (registry.ts); this process's are remembered here, so
 * that ids and errors naming a bank it does not serve are recognised as foreign.
 */
export type ProviderName = string;

const served = new Set<string>();

/** Called once per server with its banks' names. */
export function serveProviderNames(names: Iterable<string>): void {
  for (const name of names) {
    served.add(name);
  }
}

export function isProviderName(value: string): value is ProviderName {
  return served.has(value);
}
