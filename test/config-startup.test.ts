import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/** What every provider variable is set to, when a test leaves one out. */
const PROVIDERS = {
  KONTIST_URL: 'https://api.kontist.example',
  BANKIMPORT_URL: 'https://bankimport.example',
  KONTOMATIK_URL: 'https://kontomatik.example/v1',
  KONTIST_CLIENT_ID: 'production-client',
  KONTIST_CLIENT_SECRET: 'production-secret-hunter2',
  KONTOMATIK_API_KEY: 'production-key-hunter2',
};

/** `npm start` with `env`: src/index.ts under ts-node, the sandbox package from its source; its stderr lines. */
function start(env: Record<string, string>): { status: number | null; lines: string[]; stdout: string } {
  const result = spawnSync(
    process.execPath,
    [
      '-C',
      '@banking-gateway/source',
      '-r',
      join(__dirname, 'support/register-ts.js'),
      join(__dirname, '../src/index.ts'),
    ],
    { env: { ...process.env, REDIS_URL: '', ...env }, encoding: 'utf8', timeout: 30_000 },
  );
  const lines = result.stderr
    .trim()
    .split('\n')
    .filter((l) => !l.includes('nodedir'));
  return { status: result.status, lines, stdout: result.stdout };
}

describe('start-up with a bad configuration', () => {
  it('stops with exit code 1 and one clear line naming the variable', () => {
    const { status, lines } = start({ PORT: 'not-a-port' });
    expect(status).toBe(1);
    expect(lines).toEqual(['Invalid configuration: PORT must be a whole number from 0 to 65535 (got "not-a-port").']);
  });

  // One process for the way a missing provider setting stops the start; config.test.ts
  // checks the line for each of the six in-process (the same loadConfig, the same message).
  it('stops with one line naming an unset provider key when the sandbox is off, and prints no other value', () => {
    const { KONTOMATIK_API_KEY: _unset, ...env } = PROVIDERS;
    const { status, lines, stdout } = start({ ...env, SANDBOX: 'off', KONTOMATIK_API_KEY: '' });
    expect(status).toBe(1);
    expect(lines).toEqual(['Invalid configuration: KONTOMATIK_API_KEY must be set when SANDBOX is off.']);
    expect(stdout).toBe('');
    expect(lines.join('\n')).not.toMatch(/hunter2/);
  });

  it("stops with one line naming a bad setting of the sandbox's own", () => {
    const { status, lines, stdout } = start({ SANDBOX: 'on', SANDBOX_PORT: '70000' });
    expect(status).toBe(1);
    expect(lines).toEqual(['Invalid configuration: SANDBOX_PORT must be from 0 to 65535 (got "70000").']);
    expect(stdout).not.toMatch(/Sandbox|Gateway/);
  });
});
