import { createServer, type AddressInfo } from 'node:net';

import type { ServerProcess } from './processes';
import type { ServerSpec } from './server-spec';
import type { BenchSettings } from './settings';

/** What every scenario gets from the runner. */
export interface BenchContext {
  settings: BenchSettings;
  /** Starts a child process; the runner stops it after the scenario if the scenario did not. */
  start(spec: ServerSpec): Promise<ServerProcess>;
  log(message: string): void;
}

/**
 * The gateway as deployed: every default on (query limits, metrics, validation, logging at
 * info to its stdout, which goes to a log file), except the rate limit, which would refuse the load.
 */
export const DEPLOYED_ENV: Readonly<Record<string, string>> = {
  PORT: '0',
  LOG_LEVEL: 'info',
  RATE_LIMIT_PER_MINUTE: '0',
};

/** A sandbox child and a deployed gateway child in front of it, started side by side. */
export async function startStack(
  ctx: BenchContext,
  sandbox: Extract<ServerSpec, { role: 'sandbox' }>['sandbox'] = {},
  env: Record<string, string> = {},
  sampleRssMs?: number,
): Promise<{ sandbox: ServerProcess; gateway: ServerProcess }> {
  // The gateway does not call its providers while it starts, so it only needs the sandbox's address.
  const port = await freePort();
  const [sandboxProcess, gateway] = await Promise.all([
    ctx.start({ role: 'sandbox', sandbox, port }),
    ctx.start({
      role: 'gateway',
      sandboxUrl: `http://127.0.0.1:${port}`,
      env: { ...DEPLOYED_ENV, ...env },
      sampleRssMs,
    }),
  ]);
  return { sandbox: sandboxProcess, gateway };
}

/** A port that was free a moment ago on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
