import { ConfigError, loadConfig } from '../src/config';

const PROVIDER_URLS = {
  KONTIST_URL: 'https://api.kontist.com',
  BANKIMPORT_URL: 'https://bankimport.example/',
  KONTOMATIK_URL: 'https://test.api.kontomatik.com/v1',
};

const STATE_SECRET = 'k3y-0f-the-state-st0re-at-least-32-characters-long';

function configError(env: NodeJS.ProcessEnv): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    return error as ConfigError;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it("defaults to the contract's configuration with the embedded sandbox", () => {
    expect(loadConfig({})).toEqual({
      port: 4000,
      host: '127.0.0.1',
      sandbox: true,
      sandboxPort: 4010,
      sandboxImportMs: 3000,
      sandboxTransactions: 1200,
      kontistUrl: 'http://127.0.0.1:4010/kontist',
      bankimportUrl: 'http://127.0.0.1:4010/bankimport',
      kontomatikUrl: 'http://127.0.0.1:4010/kontomatik/v1',
      kontomatikApiKey: 'sandbox-api-key',
      kontistClientId: 'sandbox-client',
      kontistClientSecret: 'sandbox-secret',
      bankimportFormat: 'json',
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
    const config = loadConfig({
      PORT: '8080',
      SANDBOX_PORT: '5010',
      SANDBOX_IMPORT_MS: '100',
      SANDBOX_TRANSACTIONS: '5000',
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
    });
    expect(config).toMatchObject({
      port: 8080,
      sandbox: true,
      sandboxPort: 5010,
      sandboxImportMs: 100,
      sandboxTransactions: 5000,
      kontistUrl: 'http://127.0.0.1:5010/kontist',
      kontomatikApiKey: 'real-key',
      kontistClientId: 'client',
      kontistClientSecret: 'secret',
      bankimportFormat: 'xml',
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
    expect(loadConfig({ PORT: '0' }).port).toBe(0);
    expect(loadConfig({ PORT: '65535' }).port).toBe(65535);
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ PORT: '', SANDBOX: '', LOG_LEVEL: '' })).toMatchObject({
      port: 4000,
      sandbox: true,
      logLevel: 'info',
    });
  });

  it("uses the sandbox's Kontomatik key for an empty KONTOMATIK_API_KEY", () => {
    expect(loadConfig({ KONTOMATIK_API_KEY: '' }).kontomatikApiKey).toBe('sandbox-api-key');
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['PORT', '-1'],
    ['PORT', '80.5'],
    ['SANDBOX', 'maybe'],
    ['SANDBOX', 'true'],
    ['SANDBOX_PORT', '65536'],
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
    expect(loadConfig({}).host).toBe('127.0.0.1');
    expect(loadConfig({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
    expect(loadConfig({ HOST: '::' }).host).toBe('::');
    expect(loadConfig({ HOST: 'localhost' }).host).toBe('localhost');
  });

  it('takes origins with a scheme, as browsers send them', () => {
    expect(loadConfig({ CORS_ORIGINS: 'https://app.example.com:8443,http://[::1]:3000' }).corsOrigins).toEqual([
      'https://app.example.com:8443',
      'http://[::1]:3000',
    ]);
  });

  it('refuses a first import poll wait above the longest one', () => {
    expect(configError({ IMPORT_POLL_MS: '6000', IMPORT_POLL_MAX_MS: '5000' }).message).toBe(
      'Invalid configuration: IMPORT_POLL_MS (6000) must not be above IMPORT_POLL_MAX_MS (5000).',
    );
    expect(loadConfig({ IMPORT_POLL_MS: '5000', IMPORT_POLL_MAX_MS: '5000' }).importPollMs).toBe(5000);
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

  it('uses the three provider URLs without a sandbox, without trailing slashes', () => {
    expect(loadConfig(PROVIDER_URLS)).toMatchObject({
      sandbox: false,
      kontistUrl: 'https://api.kontist.com',
      bankimportUrl: 'https://bankimport.example',
      kontomatikUrl: 'https://test.api.kontomatik.com/v1',
    });
  });

  it('wants all three URLs when SANDBOX is off', () => {
    expect(configError({ SANDBOX: 'off' }).message).toBe(
      'Invalid configuration: KONTIST_URL must be set when SANDBOX is off.',
    );
  });

  it('keeps the sandbox on when asked, pointing only the unset providers at it', () => {
    expect(loadConfig({ SANDBOX: 'on', KONTIST_URL: 'http://kontist.local:9000/' })).toMatchObject({
      sandbox: true,
      kontistUrl: 'http://kontist.local:9000',
      bankimportUrl: 'http://127.0.0.1:4010/bankimport',
      kontomatikUrl: 'http://127.0.0.1:4010/kontomatik/v1',
    });
  });

  describe('STATE_SECRET', () => {
    const REDIS = { REDIS_URL: 'redis://cache.internal:6379' };

    it('is a random key of its own per process when unset', () => {
      const first = loadConfig({}).stateSecret;
      expect(first.length).toBeGreaterThanOrEqual(32);
      expect(loadConfig({}).stateSecret).not.toBe(first);
    });

    it('is taken as given', () => {
      expect(loadConfig({ STATE_SECRET }).stateSecret).toBe(STATE_SECRET);
      expect(loadConfig({ ...PROVIDER_URLS, ...REDIS, STATE_SECRET }).stateSecret).toBe(STATE_SECRET);
    });

    it('must have at least 32 characters', () => {
      const error = configError({ STATE_SECRET: 'x'.repeat(31) });
      expect(error.message).toBe('Invalid configuration: STATE_SECRET must have at least 32 characters.');
      expect(loadConfig({ STATE_SECRET: 'x'.repeat(32) }).stateSecret).toBe('x'.repeat(32));
    });

    it.each([
      ['SANDBOX is off', { SANDBOX: 'off', ...PROVIDER_URLS }],
      ['provider URLs turn the sandbox off', PROVIDER_URLS],
    ])('is required with REDIS_URL when %s, in one line that shows neither value', (_when, env) => {
      const error = configError({ ...env, ...REDIS });
      expect(error).toBeInstanceOf(ConfigError);
      expect(error.message).toBe(
        'Invalid configuration: STATE_SECRET must be set (at least 32 characters) when REDIS_URL is set and the sandbox is off.',
      );
      expect(error.message).not.toContain('cache.internal');
    });

    it('is not required with the sandbox on, nor without Redis', () => {
      expect(loadConfig({ ...REDIS }).stateSecret.length).toBeGreaterThanOrEqual(32);
      expect(loadConfig({ ...REDIS, SANDBOX: 'on', ...PROVIDER_URLS }).sandbox).toBe(true);
      expect(loadConfig(PROVIDER_URLS).stateSecret.length).toBeGreaterThanOrEqual(32);
    });
  });
});
