import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

describe('start-up with a bad configuration', () => {
  it('stops with exit code 1 and one clear line naming the variable', () => {
    const result = spawnSync(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', join(__dirname, '../src/index.ts')],
      { env: { ...process.env, PORT: 'not-a-port' }, encoding: 'utf8', timeout: 30_000 },
    );
    expect(result.status).toBe(1);
    const lines = result.stderr
      .trim()
      .split('\n')
      .filter((l) => !l.includes('nodedir'));
    expect(lines).toEqual(['Invalid configuration: PORT must be a whole number from 0 to 65535 (got "not-a-port").']);
  });
});
