import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import request from 'supertest';

const ROOT = join(__dirname, '../..');

/**
 * The production path (CONTRACT.md, Operations): `npm run build` compiles to plain
 * JavaScript, which `node` starts with no TypeScript at run time. Built here into a
 * folder of its own, so that the test never depends on a stale dist/.
 */
describe('the compiled start', () => {
  let outDir: string;
  beforeAll(() => {
    // Inside node_modules, so that the compiled code finds the installed packages.
    mkdirSync(join(ROOT, 'node_modules/.cache'), { recursive: true });
    outDir = mkdtempSync(join(ROOT, 'node_modules/.cache/gateway-dist-'));
    const build = spawnSync(
      process.execPath,
      [require.resolve('typescript/bin/tsc'), '-p', join(ROOT, 'tsconfig.build.json'), '--outDir', outDir],
      { encoding: 'utf8', timeout: 120_000 },
    );
    expect(build.stdout + build.stderr).toBe('');
    expect(build.status).toBe(0);
  }, 120_000);
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('starts from the compiled JavaScript with the embedded sandbox and answers a query', async () => {
    const child = spawn(process.execPath, [join(outDir, 'index.js')], {
      cwd: ROOT,
      env: { ...process.env, PORT: '0', SANDBOX_PORT: '0', LOG_LEVEL: 'warn', REDIS_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let output = '';
        const timer = setTimeout(() => reject(new Error(`no start: ${output}`)), 20_000);
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          const match = /Gateway on (\S+)\/graphql/.exec(output);
          if (match) {
            clearTimeout(timer);
            resolve(match[1] as string);
          }
        });
        child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
        child.once('exit', (code) => reject(new Error(`exited with ${code}: ${output}`)));
      });
      const { body } = await request(url)
        .post('/graphql')
        .set('X-Kontist-Authorization', 'Bearer sandbox-alice')
        .send({ query: '{ accounts(filter: { provider: KONTIST }) { iban balance { decimal } } }' });
      expect(body.errors).toBeUndefined();
      expect(body.data.accounts.length).toBeGreaterThan(0);
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
  });

  it('loads none of the sandbox when the gateway is made without it', () => {
    const result = spawnSync(
      process.execPath,
      [
        '-e',
        `require('reflect-metadata');
         require(${JSON.stringify(join(outDir, 'server.js'))});
         process.stdout.write(Object.keys(require.cache).filter((path) => path.includes('/sandbox/')).join(','));`,
      ],
      { cwd: ROOT, encoding: 'utf8', timeout: 20_000 },
    );
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('');
  });

  it('stops with one line naming a HOST it cannot listen on', () => {
    const result = spawnSync(process.execPath, [join(outDir, 'index.js')], {
      cwd: ROOT,
      env: { ...process.env, HOST: 'not.a.host' },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toMatch(
      /^Invalid configuration: HOST must be an IP address .*\(got "not\.a\.host"\)\.$/,
    );
    expect(result.stdout).not.toMatch(/Sandbox/);
  });
});
