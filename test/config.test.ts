import { sandboxVariables } from '@banking-gateway/sandbox';

import { isSandboxOn, loadConfig } from '../src/config';
import { ConfigError } from '../src/errors/internal-errors';

const PROVIDER_URLS = {
  KONTIST_URL: 'https://api.kontist.com',
  BANKIMPORT_URL: 'https://bankimport.example/',
  KONTOMATIK_URL: 'https://test.api.kontomatik.com/v1',
};
const PROVIDER_KEYS = {
  KONTIST_CLIENT_ID: 'real-client',
  KONTIST_CLIENT_SECRET: 'real-client-secret-hunter2',
  KONTOMATIK_API_KEY: 'real-api-key-hunter2',
};
/** Everything the gateway needs to run without the sandbox. */
const PROVIDERS = { ...PROVIDER_URLS, ...PROVIDER_KEYS };

/** A sandbox listening on the contract's default port, as src/index.ts passes it. */
const SANDBOX = sandboxVariables('http://127.0.0.1:4010');

const STATE_SECRET = 'k3y-0f-the-state-st0re-at-least-32-characters-long';

function configError(env: NodeJS.ProcessEnv): ConfigError {
  try {
    loadConfig(env, SANDBOX);
  } catch (error) {
    return error as ConfigError;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it("defaults to the contract's configuration with the embedded sandbox's URLs and keys", () => {
    expect(loadConfig({}, SANDBOX)).toEqual({
      port: 4000,
      host: '127.0.0.1',
      sandbox: true,
      providerSettings: expect.objectContaining({
        KONTIST_URL: 'http://127.0.0.1:4010/kontist',
        BANKIMPORT_URL: 'http://127.0.0.1:4010/bankimport',
        KONTOMATIK_URL: 'http://127.0.0.1:4010/kontomatik/v1',
        KONTOMATIK_API_KEY: 'sandbox-api-key',
        KONTIST_CLIENT_ID: 'sandbox-client',
        KONTIST_CLIENT_SECRET: 'sandbox-secret',
        BANKIMPORT_FORMAT: 'json',
      }),
      redisUrl: undefined,
      stateSecret: expect.any(String),
      upstreamTimeoutMs: 10000,
      confirmationTtlS: 300,
      tanMaxAttempts: 3,
      transactionPollMs: 5000,
      maxQueryDepth: 12,
      maxQueryAliases: 30,
      maxQueryCost: 50000,
      maxBodyBytes: 1048576,
      maxUpstreamCalls: 100,
      rateLimitPerMinute: 600,
      maxConnections: 10000,
      metricsMaxOperations: 100,
      trustedDocuments: undefined,
      corsOrigins: undefined,
      importLeaseMs: 10000,
      importPollMaxMs: 5000,
      importPollMs: 500,
      importUnavailableAfterMs: 30000,
      importUnwatchedMs: 30000,
      introspection: true,
      logLevel: 'info',
      circuitFailures: 5,
      circuitHalfOpenMs: 10000,
    });
  });

  it('reads every variable it is given', () => {
    const config = loadConfig(
      {
        PORT: '8080',
        KONTOMATIK_API_KEY: 'real-key',
        KONTIST_CLIENT_ID: 'client',
        KONTIST_CLIENT_SECRET: 'secret',
        BANKIMPORT_FORMAT: 'xml',
        REDIS_URL: 'rediss://cache.internal:6380/0',
        STATE_SECRET: STATE_SECRET,
        UPSTREAM_TIMEOUT_MS: '2500',
        CONFIRMATION_TTL_S: '60',
        TAN_MAX_ATTEMPTS: '5',
        TRANSACTION_POLL_MS: '1000',
        MAX_QUERY_DEPTH: '8',
        MAX_QUERY_ALIASES: '0',
        MAX_QUERY_COST: '1000',
        MAX_BODY_BYTES: '2048',
        RATE_LIMIT_PER_MINUTE: '0',
        CORS_ORIGINS: 'https://app.example.com, http://localhost:3000',
        INTROSPECTION: 'off',
        LOG_LEVEL: 'warn',
        CIRCUIT_FAILURES: '3',
        CIRCUIT_HALF_OPEN_MS: '500',
      },
      sandboxVariables('http://127.0.0.1:5010'),
    );
    expect(config).toMatchObject({
      port: 8080,
      sandbox: true,
      providerSettings: expect.objectContaining({
        KONTIST_URL: 'http://127.0.0.1:5010/kontist',
        KONTOMATIK_API_KEY: 'real-key',
        KONTIST_CLIENT_ID: 'client',
        KONTIST_CLIENT_SECRET: 'secret',
        BANKIMPORT_FORMAT: 'xml',
      }),
      redisUrl: 'rediss://cache.internal:6380/0',
      stateSecret: STATE_SECRET,
      upstreamTimeoutMs: 2500,
      confirmationTtlS: 60,
      tanMaxAttempts: 5,
      transactionPollMs: 1000,
      maxQueryDepth: 8,
      maxQueryAliases: 0,
      maxQueryCost: 1000,
      maxBodyBytes: 2048,
      rateLimitPerMinute: 0,
      corsOrigins: ['https://app.example.com', 'http://localhost:3000'],
      introspection: false,
      logLevel: 'warn',
      circuitFailures: 3,
      circuitHalfOpenMs: 500,
    });
  });

  it('accepts port 0 and 65535', () => {
    expect(loadConfig({ PORT: '0' }, SANDBOX).port).toBe(0);
    expect(loadConfig({ PORT: '65535' }, SANDBOX).port).toBe(65535);
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ PORT: '', SANDBOX: '', LOG_LEVEL: '' }, SANDBOX)).toMatchObject({
      port: 4000,
      sandbox: true,
      logLevel: 'info',
    });
  });

  it("uses the sandbox's Kontomatik key for an empty KONTOMATIK_API_KEY while the sandbox is on", () => {
    expect(loadConfig({ KONTOMATIK_API_KEY: '' }, SANDBOX).providerSettings.KONTOMATIK_API_KEY).toBe('sandbox-api-key');
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['PORT', '-1'],
    ['PORT', '80.5'],
    ['SANDBOX', 'maybe'],
    ['SANDBOX', 'true'],
    ['KONTIST_URL', 'ftp://x'],
    ['BANKIMPORT_URL', 'not a url'],
    ['KONTOMATIK_URL', 'http://'],
    ['LOG_LEVEL', 'loud'],
    ['BANKIMPORT_FORMAT', 'csv'],
    ['UPSTREAM_TIMEOUT_MS', '0'],
    ['MAX_QUERY_DEPTH', '0'],
    ['MAX_BODY_BYTES', '100'],
    ['TRANSACTION_POLL_MS', '10'],
    ['INTROSPECTION', 'yes'],
    ['CORS_ORIGINS', 'not an origin'],
    ['CORS_ORIGINS', 'localhost:3000'],
    ['CORS_ORIGINS', 'https://app.example.com/path'],
    ['CIRCUIT_FAILURES', '0'],
    ['HOST', 'not.a.host'],
    ['HOST', '999.1.1.1'],
  ])('refuses %s=%p with one line naming it', (name, value) => {
    const error = configError({ [name]: value });
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).toContain(name);
    expect(error.message).toContain(JSON.stringify(value));
    expect(error.message).not.toContain('\n');
  });

  it('listens on 127.0.0.1 unless HOST names an IP address or localhost', () => {
    expect(loadConfig({}, SANDBOX).host).toBe('127.0.0.1');
    expect(loadConfig({ HOST: '0.0.0.0' }, SANDBOX).host).toBe('0.0.0.0');
    expect(loadConfig({ HOST: '::' }, SANDBOX).host).toBe('::');
    expect(loadConfig({ HOST: 'localhost' }, SANDBOX).host).toBe('localhost');
  });

  it('takes origins with a scheme, as browsers send them', () => {
    expect(loadConfig({ CORS_ORIGINS: 'https://app.example.com:8443,http://[::1]:3000' }, SANDBOX).corsOrigins).toEqual(
      ['https://app.example.com:8443', 'http://[::1]:3000'],
    );
  });

  it('refuses a first import poll wait above the longest one', () => {
    expect(configError({ IMPORT_POLL_MS: '6000', IMPORT_POLL_MAX_MS: '5000' }).message).toBe(
      'Invalid configuration: IMPORT_POLL_MS (6000) must not be above IMPORT_POLL_MAX_MS (5000).',
    );
    expect(loadConfig({ IMPORT_POLL_MS: '5000', IMPORT_POLL_MAX_MS: '5000' }, SANDBOX).importPollMs).toBe(5000);
  });

  it('says what a port must be', () => {
    expect(configError({ PORT: '70000' }).message).toBe(
      'Invalid configuration: PORT must be from 0 to 65535 (got "70000").',
    );
  });

  it('keeps a value with a line break on one line', () => {
    const error = configError({ PORT: '40\n00' });
    expect(error.message).toContain('PORT');
    expect(error.message).not.toContain('\n');
  });

  it.each([
    ['REDIS_URL', 'not-a-url-with-password-hunter2'],
    ['REDIS_URL', 'http://user:hunter2@cache:6379'],
    ['STATE_SECRET', 'hunter2-is-too-short'],
  ])('never echoes a secret: %s', (name, value) => {
    const error = configError({ [name]: value });
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).toContain(name);
    expect(error.message).not.toContain('hunter2');
    expect(error.message).not.toContain(value);
  });

  it('turns the sandbox off when a provider URL is set, then wants all three', () => {
    const error = configError({ KONTIST_URL: PROVIDER_URLS.KONTIST_URL });
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).toBe('Invalid configuration: BANKIMPORT_URL must be set when SANDBOX is off.');
    expect(
      configError({ KONTIST_URL: PROVIDER_URLS.KONTIST_URL, BANKIMPORT_URL: PROVIDER_URLS.BANKIMPORT_URL }).message,
    ).toContain('KONTOMATIK_URL');
  });

  it('uses the three provider URLs and keys without a sandbox, the URLs without trailing slashes', () => {
    expect(loadConfig(PROVIDERS)).toMatchObject({
      sandbox: false,
      providerSettings: expect.objectContaining({
        KONTIST_URL: 'https://api.kontist.com',
        BANKIMPORT_URL: 'https://bankimport.example',
        KONTOMATIK_URL: 'https://test.api.kontomatik.com/v1',
        KONTIST_CLIENT_ID: 'real-client',
        KONTIST_CLIENT_SECRET: 'real-client-secret-hunter2',
        KONTOMATIK_API_KEY: 'real-api-key-hunter2',
      }),
    });
  });

  it('wants all three URLs when SANDBOX is off', () => {
    expect(configError({ SANDBOX: 'off' }).message).toBe(
      'Invalid configuration: KONTIST_URL must be set when SANDBOX is off.',
    );
  });

  describe('with the sandbox off, every provider URL and key is required', () => {
    it.each([
      'KONTIST_URL',
      'BANKIMPORT_URL',
      'KONTOMATIK_URL',
      'KONTIST_CLIENT_ID',
      'KONTIST_CLIENT_SECRET',
      'KONTOMATIK_API_KEY',
    ] as const)('stops with one line naming an unset %s, showing no other value', (name) => {
      const { [name]: _left, ...env } = PROVIDERS;
      for (const sandbox of [{ SANDBOX: 'off' }, {}]) {
        const error = configError({ ...env, ...sandbox });
        expect(error).toBeInstanceOf(ConfigError);
        expect(error.message).toBe(`Invalid configuration: ${name} must be set when SANDBOX is off.`);
        expect(error.message).not.toMatch(/hunter2|kontist\.com|example|kontomatik\.com/);
      }
      expect(configError({ ...PROVIDERS, SANDBOX: 'off', [name]: '' }).message).toBe(
        `Invalid configuration: ${name} must be set when SANDBOX is off.`,
      );
    });

    it("never falls back to the sandbox's keys, even when the sandbox's endpoints are at hand", () => {
      expect(configError({ ...PROVIDER_URLS, KONTOMATIK_API_KEY: 'real-api-key-hunter2' }).message).toBe(
        'Invalid configuration: KONTIST_CLIENT_ID must be set when SANDBOX is off.',
      );
      const config = loadConfig({ ...PROVIDERS, SANDBOX: 'off' }, SANDBOX);
      expect(JSON.stringify(config)).not.toMatch(/sandbox-|127\.0\.0\.1:4010/);
    });
  });

  it('keeps the sandbox on when asked, pointing only the unset providers at it', () => {
    expect(loadConfig({ SANDBOX: 'on', KONTIST_URL: 'http://kontist.local:9000/' }, SANDBOX)).toMatchObject({
      sandbox: true,
      providerSettings: expect.objectContaining({
        KONTIST_URL: 'http://kontist.local:9000',
        BANKIMPORT_URL: 'http://127.0.0.1:4010/bankimport',
        KONTOMATIK_URL: 'http://127.0.0.1:4010/kontomatik/v1',
      }),
    });
  });

  it("uses the sandbox's keys beside a real provider's URL only for the keys left unset", () => {
    expect(loadConfig({ SANDBOX: 'on', ...PROVIDER_URLS, KONTIST_CLIENT_ID: 'real-client' }, SANDBOX)).toMatchObject({
      sandbox: true,
      providerSettings: expect.objectContaining({
        KONTIST_URL: 'https://api.kontist.com',
        KONTIST_CLIENT_ID: 'real-client',
        KONTIST_CLIENT_SECRET: 'sandbox-secret',
        KONTOMATIK_API_KEY: 'sandbox-api-key',
      }),
    });
  });

  it("asks for the sandbox's endpoints when the sandbox is on and a provider setting is unset", () => {
    expect(() => loadConfig({})).toThrow(/the sandbox's values must be given/);
    expect(loadConfig({ SANDBOX: 'on', ...PROVIDERS }).providerSettings.KONTIST_URL).toBe('https://api.kontist.com');
  });

  describe('isSandboxOn', () => {
    it('is on by default, off once any provider URL is set, and SANDBOX decides when set', () => {
      expect(isSandboxOn({})).toBe(true);
      expect(isSandboxOn({ BANKIMPORT_URL: PROVIDER_URLS.BANKIMPORT_URL })).toBe(false);
      expect(isSandboxOn({ SANDBOX: 'on', ...PROVIDER_URLS })).toBe(true);
      expect(isSandboxOn({ SANDBOX: 'off' })).toBe(false);
      expect(isSandboxOn({ SANDBOX: '' })).toBe(true);
    });

    it('refuses a bad SANDBOX or provider URL with one line naming it', () => {
      expect(() => isSandboxOn({ SANDBOX: 'yes' })).toThrow(
        new ConfigError('Invalid configuration: SANDBOX must be on or off (got "yes").'),
      );
      expect(() => isSandboxOn({ KONTOMATIK_URL: 'not a url' })).toThrow(/^Invalid configuration: KONTOMATIK_URL /);
    });
  });

  describe('STATE_SECRET', () => {
    const REDIS = { REDIS_URL: 'redis://cache.internal:6379' };

    it('is a random key of its own per process when unset', () => {
      const first = loadConfig({}, SANDBOX).stateSecret;
      expect(first.length).toBeGreaterThanOrEqual(32);
      expect(loadConfig({}, SANDBOX).stateSecret).not.toBe(first);
    });

    it('is taken as given', () => {
      expect(loadConfig({ STATE_SECRET }, SANDBOX).stateSecret).toBe(STATE_SECRET);
      expect(loadConfig({ ...PROVIDERS, ...REDIS, STATE_SECRET }).stateSecret).toBe(STATE_SECRET);
    });

    it('must have at least 32 characters', () => {
      const error = configError({ STATE_SECRET: 'x'.repeat(31) });
      expect(error.message).toBe('Invalid configuration: STATE_SECRET must have at least 32 characters.');
      expect(loadConfig({ STATE_SECRET: 'x'.repeat(32) }, SANDBOX).stateSecret).toBe('x'.repeat(32));
    });

    it.each([
      ['SANDBOX is off', { SANDBOX: 'off', ...PROVIDERS }],
      ['provider URLs turn the sandbox off', PROVIDERS],
    ])('is required with REDIS_URL when %s, in one line that shows neither value', (_when, env) => {
      const error = configError({ ...env, ...REDIS });
      expect(error).toBeInstanceOf(ConfigError);
      expect(error.message).toBe(
        'Invalid configuration: STATE_SECRET must be set (at least 32 characters) when REDIS_URL is set and the sandbox is off.',
      );
      expect(error.message).not.toContain('cache.internal');
    });

    it('is not required with the sandbox on, nor without Redis', () => {
      expect(loadConfig({ ...REDIS }, SANDBOX).stateSecret.length).toBeGreaterThanOrEqual(32);
      expect(loadConfig({ ...REDIS, SANDBOX: 'on', ...PROVIDER_URLS }, SANDBOX).sandbox).toBe(true);
      expect(loadConfig(PROVIDERS).stateSecret.length).toBeGreaterThanOrEqual(32);
    });
  });
});
