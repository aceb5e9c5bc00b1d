/** The providers behind the gateway, spelled as the schema's `Provider` enum. */
export const providerNames = ['KONTIST', 'BANKIMPORT', 'KONTOMATIK'] as const;

export type ProviderName = (typeof providerNames)[number];

export function isProviderName(value: string): value is ProviderName {
  return (providerNames as readonly string[]).includes(value);
}
