import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';

import { z } from 'zod';

import { MIN_STATE_SECRET_LENGTH } from './state/state-crypto';
import { loadTrustedDocuments, type TrustedDocuments } from './http/trusted-documents';
import { ConfigError } from './errors/internal-errors';
import type { ProviderDescriptor, ProviderSetting } from './providers/descriptor';
import { banks } from './providers/registry';

/** Everything the gateway reads from its environment, validated once by `loadConfig`. */
export interface Config {
  /** @default 4000 */
  port: number;
  /** The address the gateway listens on: an IP address or `localhost`. @default 127.0.0.1 */
  host: string;
  /**
   * Start the embedded sandbox (its own settings are its own `SANDBOX_*` variables,
   * read by @banking-gateway/sandbox). @default true unless a provider URL is set
   */
  sandbox: boolean;
  /**
   * The banks' own settings by variable (their descriptors list them: base URLs, the
   * gateway's keys at each bank, formats). Required ones must be set with the sandbox
   * off; with it on, each one unset is the sandbox's.
   */
  providerSettings: Readonly<Record<string, string>>;
  /** Shared state for several instances; unset: in memory. */
  redisUrl: string | undefined;
  /**
   * The key behind the state store's encryption and its keyed hashes of callers
   * (STATE_SECRET, at least 32 characters). Required with Redis and real providers:
   * instances sharing a Redis must share it.
   * @default a per-process random key
   */
  stateSecret: string;
  /** @default 10000 */
  upstreamTimeoutMs: number;
  /** @default 300 */
  confirmationTtlS: number;
  /** @default 3 */
  tanMaxAttempts: number;
  /** @default 5000 */
  transactionPollMs: number;
  /** @default 12 */
  maxQueryDepth: number;
  /** @default 30 */
  maxQueryAliases: number;
  /** @default 50000 */
  maxQueryCost: number;
  /** @default 1048576 */
  maxBodyBytes: number;
  /** Provider calls one HTTP operation may make; past it, QUERY_TOO_COMPLEX for the fields that need more. */
  maxUpstreamCalls: number;
  /** 0 turns it off. @default 600 */
  rateLimitPerMinute: number;
  /** Open connections at once (HTTP and WebSocket); more are refused. @default 10000 */
  maxConnections: number;
  /** Operation names with a metrics series of their own; the rest are counted as `(other)`. @default 100 */
  metricsMaxOperations: number;
  /** TRUSTED_DOCUMENTS: when set, only these documents run. @default undefined (any document) */
  trustedDocuments: TrustedDocuments | undefined;
  /** Browser origins allowed; `undefined` means any origin on localhost or 127.0.0.1. */
  corsOrigins: string[] | undefined;
  /** @default true */
  introspection: boolean;
  /** @default 'info' */
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Consecutive unavailable answers that open a provider's circuit. @default 5 */
  circuitFailures: number;
  /** How long an open circuit waits before it lets one call try. @default 10000 */
  circuitHalfOpenMs: number;
  /** First wait before an import is polled, and the base of its backoff. @default 500 */
  importPollMs: number;
  /** Longest wait between two polls of a running import. @default 5000 */
  importPollMaxMs: number;
  /** An import poller's lease: how soon another instance takes over from a dead one. @default 10000 */
  importLeaseMs: number;
  /** How long a provider may be unreachable while polling before subscribers are told. @default 30000 */
  importUnavailableAfterMs: number;
  /** How long an import started here is polled before anyone subscribes to it. @default 30000 */
  importUnwatchedMs: number;
}

const int = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, `must be a whole number from ${min} to ${max}`)
    .transform(Number)
    .pipe(z.number().min(min, `must be from ${min} to ${max}`).max(max, `must be from ${min} to ${max}`));
const onOff = z.enum(['on', 'off'], { error: 'must be on or off' }).transform((v) => v === 'on');
const httpUrl = z
  .string()
  .refine((v) => /^https?:\/\/[^\s]+$/.test(v) && URL.canParse(v), 'must be an http(s) URL')
  .transform((v) => v.replace(/\/+$/, ''));
const nonEmpty = z.string().min(1, 'must not be empty');
const redisUrl = z.string().refine((v) => /^rediss?:\/\//.test(v) && URL.canParse(v), 'must be a redis:// URL');
const origins = z
  .string()
  .transform((v) =>
    v
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean),
  )
  .refine(
    (list) => list.every((o) => o === '*' || isOrigin(o)),
    'must be a comma-separated list of origins with a scheme, e.g. https://app.example.com (no path)',
  );
const host = z
  .string()
  .refine(
    (v) => v === 'localhost' || isIP(v) !== 0,
    'must be an IP address to listen on (e.g. 127.0.0.1, 0.0.0.0, ::) or localhost',
  );

/** `https://app.example.com:8443`: what a browser sends as Origin; `localhost:3000` never matches one. */
function isOrigin(value: string): boolean {
  if (!/^https?:\/\/[^/?#\s]+$/i.test(value) || !URL.canParse(value)) {
    return false;
  }
  return new URL(value).origin === value.toLowerCase().replace(/\/$/, '');
}

/** Variables whose values never appear in an error message (and the banks' secrets). */
const secretVariables = new Set(['REDIS_URL', 'STATE_SECRET']);

const variables = {
  PORT: int(0, 65535).default(4000),
  HOST: host.default('127.0.0.1'),
  SANDBOX: onOff.optional(),
  REDIS_URL: redisUrl.optional(),
  STATE_SECRET: z
    .string()
    .min(MIN_STATE_SECRET_LENGTH, `must have at least ${MIN_STATE_SECRET_LENGTH} characters`)
    .optional(),
  UPSTREAM_TIMEOUT_MS: int(1, 600_000).default(10_000),
  CONFIRMATION_TTL_S: int(1, 86_400).default(300),
  TAN_MAX_ATTEMPTS: int(1, 100).default(3),
  TRANSACTION_POLL_MS: int(100, 3_600_000).default(5000),
  MAX_QUERY_DEPTH: int(1, 1000).default(12),
  MAX_QUERY_ALIASES: int(0, 100_000).default(30),
  MAX_QUERY_COST: int(1, 1_000_000_000).default(50_000),
  MAX_BODY_BYTES: int(1024, 1_073_741_824).default(1_048_576),
  MAX_UPSTREAM_CALLS: int(1, 100_000).default(100),
  RATE_LIMIT_PER_MINUTE: int(0, 10_000_000).default(600),
  MAX_CONNECTIONS: int(1, 1_000_000).default(10_000),
  METRICS_MAX_OPERATIONS: int(0, 10_000).default(100),
  TRUSTED_DOCUMENTS: nonEmpty.optional(),
  CORS_ORIGINS: origins.optional(),
  INTROSPECTION: onOff.default(true),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      error: 'must be one of fatal, error, warn, info, debug, trace, silent',
    })
    .default('info'),
  CIRCUIT_FAILURES: int(1, 1000).default(5),
  CIRCUIT_HALF_OPEN_MS: int(1, 3_600_000).default(10_000),
  IMPORT_POLL_MS: int(10, 600_000).default(500),
  IMPORT_POLL_MAX_MS: int(10, 3_600_000).default(5000),
  IMPORT_LEASE_MS: int(100, 3_600_000).default(10_000),
  IMPORT_UNAVAILABLE_AFTER_MS: int(0, 3_600_000).default(30_000),
  IMPORT_UNWATCHED_MS: int(0, 3_600_000).default(30_000),
};

type Variable = keyof typeof variables;
/**
 * What `checked` uses of a zod schema. Typed as `z.ZodType` instead, the schemas passed
 * made tsc work out the variance of zod's generic classes: 0.8 s of `npm test`'s type check.
 */
interface Checker {
  safeParse(
    value: unknown,
  ): { success: true; data: unknown } | { success: false; error: { issues: Array<{ message: string }> } };
}
type Reader = <K extends Variable>(name: K) => z.output<(typeof variables)[K]>;

/** A reader of `env` that throws a ConfigError naming the variable (never echoing a secret's value). */
function readerOf(env: NodeJS.ProcessEnv): Reader {
  return <K extends Variable>(name: K): z.output<(typeof variables)[K]> =>
    checked(name, env[name], variables[name], secretVariables.has(name)) as z.output<(typeof variables)[K]>;
}

function checked(name: string, raw: string | undefined, schema: Checker, secret: boolean): unknown {
  const result = schema.safeParse(raw === '' ? undefined : raw);
  if (!result.success) {
    const shown = secret ? '' : ` (got ${JSON.stringify(String(raw).slice(0, 80))})`;
    throw new ConfigError(`Invalid configuration: ${name} ${result.error.issues[0]?.message ?? 'is invalid'}${shown}.`);
  }
  return result.data;
}

/** How a bank's setting is checked: its kind's rule. */
function settingSchema({ kind }: ProviderSetting): Checker {
  if (kind === 'url') {
    return httpUrl.optional();
  }
  if (typeof kind === 'string') {
    return nonEmpty.optional();
  }
  return z.enum(kind as [string, ...string[]], { error: `must be ${kind.join(' or ')}` }).optional();
}

/** A bank's setting as set in `env`, checked (undefined when unset). */
function readSetting(env: NodeJS.ProcessEnv, setting: ProviderSetting): string | undefined {
  return checked(setting.variable, env[setting.variable], settingSchema(setting), setting.kind === 'secret') as
    string | undefined;
}

const sandboxOn = (env: NodeJS.ProcessEnv, providers: readonly ProviderDescriptor[]): boolean =>
  readerOf(env)('SANDBOX') ??
  !providers.some((bank) =>
    bank.settings.some((setting) => setting.kind === 'url' && readSetting(env, setting) !== undefined),
  );

/**
 * Whether the embedded sandbox runs: SANDBOX, or, unset, no provider URL set. The caller
 * loads the sandbox package and asks it for its variables only when it does.
 * A bad SANDBOX or provider URL throws a ConfigError.
 */
export function isSandboxOn(
  env: NodeJS.ProcessEnv = process.env,
  providers: readonly ProviderDescriptor[] = banks,
): boolean {
  return sandboxOn(env, providers);
}

/**
 * Reads and validates the environment once. A bad value throws a ConfigError whose
 * message is one line naming the variable (never echoing a secret's value).
 *
 * The banks' settings are those their descriptors list (`providers`, the registry's by
 * default). With the sandbox off, every required one must be set: one unset throws a
 * ConfigError naming it. With the sandbox on, each one unset is taken from `sandbox`,
 * the running sandbox's values by variable (so a real bank's URL may be mixed with the
 * sandbox's other ones); the sandbox's keys are never a fallback with it off.
 */
export function loadConfig(
  env: NodeJS.ProcessEnv = process.env,
  sandbox?: Readonly<Record<string, string>>,
  providers: readonly ProviderDescriptor[] = banks,
): Config {
  const read = readerOf(env);
  const sandboxIsOn = sandboxOn(env, providers);
  const providerSettings = readProviderSettings(env, providers, sandboxIsOn, sandbox);
  const importPollMs = read('IMPORT_POLL_MS');
  const importPollMaxMs = read('IMPORT_POLL_MAX_MS');
  if (importPollMs > importPollMaxMs) {
    throw new ConfigError(
      `Invalid configuration: IMPORT_POLL_MS (${importPollMs}) must not be above IMPORT_POLL_MAX_MS (${importPollMaxMs}).`,
    );
  }
  const redisUrl = read('REDIS_URL');
  const stateSecret = read('STATE_SECRET');
  if (!stateSecret && redisUrl && !sandboxIsOn) {
    // A random key per process would make every instance's records unreadable to the others.
    throw new ConfigError(
      `Invalid configuration: STATE_SECRET must be set (at least ${MIN_STATE_SECRET_LENGTH} characters) when REDIS_URL is set and the sandbox is off.`,
    );
  }

  return {
    port: read('PORT'),
    host: read('HOST'),
    sandbox: sandboxIsOn,
    providerSettings,
    redisUrl,
    stateSecret: stateSecret ?? randomBytes(32).toString('base64url'),
    upstreamTimeoutMs: read('UPSTREAM_TIMEOUT_MS'),
    confirmationTtlS: read('CONFIRMATION_TTL_S'),
    tanMaxAttempts: read('TAN_MAX_ATTEMPTS'),
    transactionPollMs: read('TRANSACTION_POLL_MS'),
    maxQueryDepth: read('MAX_QUERY_DEPTH'),
    maxQueryAliases: read('MAX_QUERY_ALIASES'),
    maxQueryCost: read('MAX_QUERY_COST'),
    maxBodyBytes: read('MAX_BODY_BYTES'),
    maxUpstreamCalls: read('MAX_UPSTREAM_CALLS'),
    rateLimitPerMinute: read('RATE_LIMIT_PER_MINUTE'),
    maxConnections: read('MAX_CONNECTIONS'),
    metricsMaxOperations: read('METRICS_MAX_OPERATIONS'),
    trustedDocuments: trustedDocumentsFrom(read('TRUSTED_DOCUMENTS')),
    corsOrigins: read('CORS_ORIGINS'),
    introspection: read('INTROSPECTION'),
    logLevel: read('LOG_LEVEL'),
    circuitFailures: read('CIRCUIT_FAILURES'),
    circuitHalfOpenMs: read('CIRCUIT_HALF_OPEN_MS'),
    importPollMs,
    importPollMaxMs,
    importLeaseMs: read('IMPORT_LEASE_MS'),
    importUnavailableAfterMs: read('IMPORT_UNAVAILABLE_AFTER_MS'),
    importUnwatchedMs: read('IMPORT_UNWATCHED_MS'),
  };
}

/** Every bank's settings: set, or the sandbox's while it is on, or the default; a required one missing stops start-up. */
function readProviderSettings(
  env: NodeJS.ProcessEnv,
  providers: readonly ProviderDescriptor[],
  sandboxIsOn: boolean,
  sandbox: Readonly<Record<string, string>> | undefined,
): Record<string, string> {
  const values: Record<string, string> = {};
  // Where the banks are comes first: a missing URL is named before a missing key.
  const settings = providers.flatMap((bank) => bank.settings);
  const ordered = [...settings.filter((s) => s.kind === 'url'), ...settings.filter((s) => s.kind !== 'url')];
  for (const setting of ordered) {
    const { variable } = setting;
    let value = readSetting(env, setting);
    if (value === undefined && sandboxIsOn && setting.required) {
      value = sandbox?.[variable];
      if (value === undefined) {
        throw new Error(
          `loadConfig: the sandbox is on and ${variable} is unset, so the sandbox's values must be given`,
        );
      }
    }
    value ??= setting.default;
    if (value === undefined) {
      if (setting.required) {
        throw new ConfigError(`Invalid configuration: ${variable} must be set when SANDBOX is off.`);
      }
      continue;
    }
    values[variable] = value;
  }
  return values;
}

function trustedDocumentsFrom(path: string | undefined): TrustedDocuments | undefined {
  if (path === undefined) {
    return undefined;
  }
  try {
    return loadTrustedDocuments(path);
  } catch (error) {
    throw new ConfigError(
      `Invalid configuration: TRUSTED_DOCUMENTS (${JSON.stringify(path.slice(0, 200))}) ${(error as Error).message}.`,
    );
  }
}
