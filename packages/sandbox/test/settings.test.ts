import { loadSandboxSettings, SandboxConfigError } from '../src/settings';

function settingsError(env: NodeJS.ProcessEnv): SandboxConfigError {
  try {
    loadSandboxSettings(env);
  } catch (error) {
    return error as SandboxConfigError;
  }
  throw new Error('expected a SandboxConfigError');
}

describe('loadSandboxSettings', () => {
  it("defaults to the contract's port, import time and transaction count", () => {
    expect(loadSandboxSettings({})).toEqual({ port: 4010, importMs: 3000, transactions: 1200 });
  });

  it('reads SANDBOX_PORT, SANDBOX_IMPORT_MS and SANDBOX_TRANSACTIONS', () => {
    expect(
      loadSandboxSettings({ SANDBOX_PORT: '5010', SANDBOX_IMPORT_MS: '100', SANDBOX_TRANSACTIONS: '5000' }),
    ).toEqual({ port: 5010, importMs: 100, transactions: 5000 });
  });

  it('treats an empty variable as unset, and takes 0 and each maximum', () => {
    expect(loadSandboxSettings({ SANDBOX_PORT: '', SANDBOX_IMPORT_MS: '' })).toMatchObject({
      port: 4010,
      importMs: 3000,
    });
    expect(
      loadSandboxSettings({ SANDBOX_PORT: '0', SANDBOX_IMPORT_MS: '3600000', SANDBOX_TRANSACTIONS: '10000000' }),
    ).toEqual({ port: 0, importMs: 3_600_000, transactions: 10_000_000 });
  });

  it.each([
    ['SANDBOX_PORT', '65536', 'must be from 0 to 65535'],
    ['SANDBOX_PORT', 'abc', 'must be a whole number from 0 to 65535'],
    ['SANDBOX_IMPORT_MS', '-1', 'must be a whole number from 0 to 3600000'],
    ['SANDBOX_IMPORT_MS', '3600001', 'must be from 0 to 3600000'],
    ['SANDBOX_TRANSACTIONS', '1.5', 'must be a whole number from 0 to 10000000'],
  ])('refuses %s=%p with one line naming it', (name, value, rule) => {
    const error = settingsError({ [name]: value });
    expect(error).toBeInstanceOf(SandboxConfigError);
    expect(error.message).toBe(`Invalid configuration: ${name} ${rule} (got ${JSON.stringify(value)}).`);
  });

  it('keeps a value with a line break on one line', () => {
    const error = settingsError({ SANDBOX_PORT: '40\n10' });
    expect(error.message).toContain('SANDBOX_PORT');
    expect(error.message).not.toContain('\n');
  });
});
