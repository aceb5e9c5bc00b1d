import type { ClassType } from 'type-graphql';

import type { Config } from '../config';
import type { RefusalReader, Upstream } from './http';
import type { ImportSource } from './imports';
import type { PaymentProvider } from './payments';
import type { AccountProvider, AccountRecord, TransactionSource } from './provider';
import type { ProviderName } from './provider-name';

/**
 * What the gateway knows of a bank before calling it: everything shared code needs
 * (headers to read, to allow in CORS and to redact, the schema's enum value, the
 * README's tables) comes from here, so that no file outside the bank's folder names it.
 */
export interface ProviderDescriptor<B extends BankClient = BankClient> {
  /** The schema's `Provider` enum value, UPPER_SNAKE. */
  readonly name: ProviderName;
  /** The enum value's description: what the bank is. */
  readonly description: string;
  /** The end user's credential; absent where the gateway calls with its own key only. */
  readonly credentials?: CredentialSpec;
  /** How calls are authenticated upstream, for people (README): `Authorization: <same value>`. */
  readonly upstreamAuth: string;
  readonly capabilities: Capabilities;
  /**
   * Stable `extensions.reason` codes for the bank's refusals where the derived one (its
   * own name in UPPER_SNAKE) would not do, e.g. `invalid_tan` → `TAN_INVALID`.
   */
  readonly reasons: Readonly<Record<string, string>>;
  /**
   * The refusal's name and words in an error body the bank sends in its own format
   * (an XML exception, say); JSON `error`/`reason` + `message` is read without it.
   */
  readonly refusal?: RefusalReader;
  /** Its settings (CONTRACT.md, Configuration), read and checked by config.ts. */
  readonly settings: readonly ProviderSetting[];
  /** Operations only this bank offers (type-graphql resolver classes), added to the schema. */
  readonly resolvers?: readonly ClassType[];
  /** Where its API is, from the configuration. */
  baseUrl(config: Config): string;
  /** Its client, over the gateway's transport to it. */
  create(upstream: Upstream, config: Config): B;
}

/** One environment variable of a bank's. */
export interface ProviderSetting {
  /** `KONTIST_URL`. */
  readonly variable: string;
  /** `url`: an http(s) base URL; `secret`: never repeated in an error; or the words it may be. */
  readonly kind: 'url' | 'text' | 'secret' | readonly string[];
  /** Without it the gateway does not start (with the sandbox on, the sandbox's value stands in). */
  readonly required: boolean;
  /** Its value when unset, where it has one. */
  readonly default?: string;
}

/** A bank's setting's value (checked at start-up: a required one is always there). */
export function settingOf(config: Config, variable: string): string {
  const value = config.providerSettings[variable];
  if (value === undefined) {
    throw new Error(`${variable} is not a setting this gateway read`);
  }
  return value;
}

export interface CredentialSpec {
  /** The HTTP request header, as the contract spells it: `X-Kontist-Authorization`. */
  readonly header: string;
  /** The key in graphql-ws `connection_init`'s payload: `kontistAuthorization`. */
  readonly connectionInitKey: string;
}

export interface Capabilities {
  /**
   * LISTED: `accounts` lists them with the caller's credentials; IMPORTED: they come
   * with imports (`importCommand.accounts`) and are reached by id only; NONE.
   */
  readonly accounts: 'LISTED' | 'IMPORTED' | 'NONE';
  readonly transactions: boolean;
  /** Transfers, standing and timed orders with a TAN step. */
  readonly payments: boolean;
  /** Background imports the gateway watches. */
  readonly imports: boolean;
}

/** One bank's client: what the gateway calls, by capability. */
export interface BankClient {
  /** LISTED accounts and their transactions; for IMPORTED ones, the transactions of finished imports. */
  readonly accounts?: AccountProvider | TransactionSource;
  /** An IMPORTED account by its id at the bank; null where it is not known. */
  importedAccount?(providerAccountId: string, signal: AbortSignal): Promise<AccountRecord | null>;
  readonly payments?: PaymentProvider;
  readonly imports?: ImportSource;
  /** Where the bank has a health endpoint: asked by `providers`. */
  health?(signal: AbortSignal): Promise<boolean>;
}
