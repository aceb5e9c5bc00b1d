import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import request from 'supertest';

const ROOT = join(__dirname, '../..');
const SANDBOX_PACKAGE = join(ROOT, 'packages/sandbox');

/**
 * Runs tsc as `npm run build` does, less what only its type check needs: `npm test`
 * type-checks the same files beside it. `--noCheck` skips reporting type errors,
 * `--noResolve` reading the packages' declarations, `--types node` the other @types
 * packages' (the gateway's program: 242 files instead of 1,529, for 180 of its own).
 * The JavaScript tsc writes is the same, byte for byte (compared for both builds, every
 * file; each is compiled on its own, tsconfig.json's isolatedModules), for 50 to 60 % of
 * the CPU. The test fails with tsc's own words.
 */
function tsc(...args: string[]): void {
  const lean = ['--noCheck', '--noResolve', '--types', 'node'];
  const build = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), ...lean, ...args], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  expect(build.stdout + build.stderr).toBe('');
  expect(build.status).toBe(0);
}

interface CompiledGateway {
  url: string;
  /** SIGTERM, then what it printed; its last lines list the sandbox's, GraphiQL's and ioredis's modules it had loaded. */
  stop(): Promise<{ output: string; sandboxModules: string[]; graphiqlModules: string[]; redisModules: string[] }>;
}

/**
 * The production path (CONTRACT.md, Operations): `npm run build` compiles to plain
 * JavaScript, which `node` starts with no TypeScript at run time. The gateway is built
 * here into a folder of its own, so that the test never depends on a stale dist/; the
 * sandbox package into its own dist/, where the compiled gateway finds it through
 * node_modules, as after `npm run build`.
 */
describe('the compiled start', () => {
  let outDir: string;
  beforeAll(() => {
    // Without the sandbox's declarations, which nothing here reads: emitting them takes
    // types, and so half of tsc's time even with --noCheck.
    tsc('-p', join(SANDBOX_PACKAGE, 'tsconfig.build.json'), '--declaration', 'false');
    // Inside node_modules, so that the compiled code finds the installed packages.
    mkdirSync(join(ROOT, 'node_modules/.cache'), { recursive: true });
    outDir = mkdtempSync(join(ROOT, 'node_modules/.cache/gateway-dist-'));
    tsc('-p', join(ROOT, 'tsconfig.build.json'), '--outDir', outDir);
  }, 180_000);
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  /** `node <outDir>/index.js` with `env`, telling at exit which sandbox modules it loaded. */
  function startCompiled(env: Record<string, string>): Promise<CompiledGateway> {
    const child = spawn(
      process.execPath,
      [
        '-e',
        `process.on('exit', () => {
           const loaded = (part) => Object.keys(require.cache).filter((path) => path.includes(part)).join(',');
           process.stdout.write('\\nLOADED ' + loaded('/sandbox/') + '\\nGRAPHIQL ' + loaded('/render-graphiql/') + '\\nIOREDIS ' + loaded('/node_modules/ioredis/') + '\\n');
         });
         require(${JSON.stringify(join(outDir, 'index.js'))});`,
      ],
      {
        cwd: ROOT,
        env: { ...process.env, PORT: '0', LOG_LEVEL: 'warn', REDIS_URL: '', ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no start: ${output}`)), 20_000);
      child.stdout.on('data', () => {
        const match = /Gateway on (\S+)\/graphql/.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve({
            url: match[1] as string,
            async stop() {
              child.kill('SIGTERM');
              await exited;
              const list = (label: string) => (new RegExp(`^${label} (.*)$`, 'm').exec(output)?.[1] ?? '').split(',');
              return {
                output,
                sandboxModules: list('LOADED').filter(Boolean),
                graphiqlModules: list('GRAPHIQL').filter(Boolean),
                redisModules: list('IOREDIS').filter(Boolean),
              };
            },
          });
        }
      });
      child.once('exit', (code) => reject(new Error(`exited with ${code}: ${output}`)));
    });
  }

  it('starts with the embedded sandbox loaded from its build, and answers a query', async () => {
    const gateway = await startCompiled({ SANDBOX_PORT: '0' });
    let stopped: Awaited<ReturnType<CompiledGateway['stop']>> | undefined;
    try {
      const { body } = await request(gateway.url)
        .post('/graphql')
        .set('X-Kontist-Authorization', 'Bearer sandbox-alice')
        .send({ query: '{ accounts(filter: { provider: KONTIST }) { iban balance { decimal } } }' });
      expect(body.errors).toBeUndefined();
      expect(body.data.accounts.length).toBeGreaterThan(0);
    } finally {
      stopped = await gateway.stop();
    }
    expect(stopped.output).toMatch(/^Sandbox on http:\/\/127\.0\.0\.1:\d+$/m);
    expect(stopped.sandboxModules).toContainEqual(expect.stringContaining('/packages/sandbox/dist/'));
    expect(stopped.sandboxModules.filter((path) => !path.endsWith('.js'))).toEqual([]);
    // GraphiQL's 9 MB of assets are loaded when the page is first asked for, and it was not.
    expect(stopped.graphiqlModules).toEqual([]);
    // Nor is ioredis without REDIS_URL.
    expect(stopped.redisModules).toEqual([]);
  });

  it('starts with the sandbox off without loading any of it', async () => {
    const gateway = await startCompiled({
      SANDBOX: 'off',
      KONTIST_URL: 'http://127.0.0.1:9/kontist',
      BANKIMPORT_URL: 'http://127.0.0.1:9/bankimport',
      KONTOMATIK_URL: 'http://127.0.0.1:9/kontomatik/v1',
      KONTIST_CLIENT_ID: 'production-client',
      KONTIST_CLIENT_SECRET: 'production-secret',
      KONTOMATIK_API_KEY: 'production-key',
    });
    const { output, sandboxModules } = await gateway.stop();
    expect(output).not.toMatch(/Sandbox/);
    expect(sandboxModules).toEqual([]);
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

  it('stops with one line when the sandbox is on but its package is not built', () => {
    // The package without its dist/, where the compiled gateway looks first.
    const unbuilt = join(outDir, 'node_modules/@banking-gateway/sandbox');
    mkdirSync(unbuilt, { recursive: true });
    copyFileSync(join(SANDBOX_PACKAGE, 'package.json'), join(unbuilt, 'package.json'));
    try {
      const result = spawnSync(process.execPath, [join(outDir, 'index.js')], {
        cwd: ROOT,
        env: { ...process.env, SANDBOX: 'on', SANDBOX_PORT: '0', PORT: '0' },
        encoding: 'utf8',
        timeout: 20_000,
      });
      expect(result.status).toBe(1);
      expect(result.stderr.trim()).toBe(
        "The sandbox is on, but @banking-gateway/sandbox is not built: run `npm run build` (or set SANDBOX=off with the providers' URLs and keys).",
      );
      expect(result.stdout).toBe('');
    } finally {
      rmSync(join(outDir, 'node_modules'), { recursive: true, force: true });
    }
  });
});
