/** The sandbox's own settings, read from its `SANDBOX_*` variables by `loadSandboxSettings`. */
export interface SandboxSettings {
  /** SANDBOX_PORT, on 127.0.0.1; 0 picks a free one. @default 4010 */
  port: number;
  /** SANDBOX_IMPORT_MS: how long a Kontomatik import or a Bankimport refresh takes. @default 3000 */
  importMs: number;
  /** SANDBOX_TRANSACTIONS: transactions in alice's largest Bankimport account. @default 1200 */
  transactions: number;
}

/** A bad `SANDBOX_*` value; its message is one line naming the variable. */
export class SandboxConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SandboxConfigError';
  }
}

const VARIABLES = {
  SANDBOX_PORT: { max: 65535, fallback: 4010 },
  SANDBOX_IMPORT_MS: { max: 3_600_000, fallback: 3000 },
  SANDBOX_TRANSACTIONS: { max: 10_000_000, fallback: 1200 },
} as const;

/** A whole number from 0 to the variable's maximum; unset or empty is its default. */
function wholeNumber(env: NodeJS.ProcessEnv, name: keyof typeof VARIABLES): number {
  const { max, fallback } = VARIABLES[name];
  const raw = env[name];
  if (raw === undefined || raw === '') {
    return fallback;
  }
  const got = ` (got ${JSON.stringify(raw.slice(0, 80))})`;
  if (!/^\d+$/.test(raw)) {
    throw new SandboxConfigError(`Invalid configuration: ${name} must be a whole number from 0 to ${max}${got}.`);
  }
  if (Number(raw) > max) {
    throw new SandboxConfigError(`Invalid configuration: ${name} must be from 0 to ${max}${got}.`);
  }
  return Number(raw);
}

/** Reads and checks the sandbox's variables once; a bad value throws a `SandboxConfigError`. */
export function loadSandboxSettings(env: NodeJS.ProcessEnv = process.env): SandboxSettings {
  return {
    port: wholeNumber(env, 'SANDBOX_PORT'),
    importMs: wholeNumber(env, 'SANDBOX_IMPORT_MS'),
    transactions: wholeNumber(env, 'SANDBOX_TRANSACTIONS'),
  };
}
