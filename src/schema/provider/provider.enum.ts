import { registerEnumType } from 'type-graphql';

import type { ProviderDescriptor } from '../../providers/descriptor';
import type { ProviderName } from '../../providers/provider-name';

/**
 * The schema's `Provider` enum, one value per bank descriptor. type-graphql reads an
 * enum's values when the schema is built, so they are filled in then, from the banks
 * this gateway serves (`defineProviderEnum`).
 */
export const ProviderEnum: Record<ProviderName, ProviderName> = {};
export type ProviderEnum = ProviderName;

const valuesConfig: Record<ProviderName, { description: string }> = {};

registerEnumType(ProviderEnum, {
  name: 'Provider',
  description: 'A banking provider behind the gateway.',
  valuesConfig,
});

export function defineProviderEnum(descriptors: readonly ProviderDescriptor[]): void {
  for (const key of Object.keys(ProviderEnum)) {
    delete ProviderEnum[key];
    delete valuesConfig[key];
  }
  for (const { name, description } of descriptors) {
    ProviderEnum[name] = name;
    valuesConfig[name] = { description };
  }
}
