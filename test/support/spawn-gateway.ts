import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export interface GatewayProcess {
  url: string;
  child: ChildProcess;
  /** SIGKILL: the process dies mid-work, as a crashed instance would. */
  kill(): Promise<void>;
}

/**
 * STATE_SECRET for every gateway a test starts: instances sharing a Redis must share it
 * (CONTRACT.md, Configuration), and with SANDBOX off and REDIS_URL set it is required.
 */
export const TEST_STATE_SECRET = 'test-state-secret-shared-by-every-gateway-a-test-starts-0123456789abcdef';

/**
 * Starts test/support/gateway-process.ts in a child process with `env`: TypeScript run as
 * `npm start` runs it (transpiled only, the sandbox package from its source), through a
 * cache that spares each spawn compiling all of src/ again (register-ts.js).
 */
export function spawnGateway(env: Record<string, string>): Promise<GatewayProcess> {
  const root = path.resolve(__dirname, '../..');
  const child = spawn(
    process.execPath,
    [
      '-C',
      '@banking-gateway/source',
      '-r',
      path.join(root, 'test/support/register-ts.js'),
      path.join(root, 'test/support/gateway-process.ts'),
    ],
    {
      cwd: root,
      env: { ...process.env, LOG_LEVEL: 'warn', SANDBOX: 'off', STATE_SECRET: TEST_STATE_SECRET, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`gateway process did not start: ${output}`)), 20_000);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /LISTENING (\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({
          url: match[1] as string,
          child,
          async kill() {
            child.kill('SIGKILL');
            await exited;
          },
        });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`gateway process exited with ${code}: ${output}`));
    });
  });
}
