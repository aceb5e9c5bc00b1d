import { bankimport } from './bankimport/bankimport.descriptor';
import type { ProviderDescriptor } from './descriptor';
import { kontist } from './kontist/kontist.descriptor';
import { kontomatik } from './kontomatik/kontomatik.descriptor';

/**
 * The banks behind the gateway, in the order of the schema's `Provider` enum. Adding a
 * bank is one folder in providers/ (and one in the sandbox) and one line here.
 */
export const banks: readonly ProviderDescriptor[] = [kontist, bankimport, kontomatik];
