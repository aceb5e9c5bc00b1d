/** The simulated providers, spelled as the gateway's `extensions.provider` spells them. */
export const PROVIDERS = ['KONTIST', 'BANKIMPORT', 'KONTOMATIK'] as const;

export type ProviderName = (typeof PROVIDERS)[number];

export function isProviderName(value: unknown): value is ProviderName {
  return typeof value === 'string' && (PROVIDERS as readonly string[]).includes(value);
}
