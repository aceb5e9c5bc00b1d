import 'reflect-metadata';

import { ConfigError, loadConfig, type Config } from './config';
import type * as SandboxModule from './sandbox/sandbox';
import type * as ServerModule from './server';
import { startTelemetry } from './ops/telemetry';

/** The only place that starts things: config → tracing (if asked) → sandbox (if on) → gateway → signals. */
async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }

  const stopTelemetry = startTelemetry(process.env);
  // Required after the tracing SDK started, so that ioredis is loaded instrumented.
  const { createServer } = require('./server') as typeof ServerModule;

  let sandbox: SandboxModule.Sandbox | undefined;
  if (config.sandbox) {
    // Loaded only when it runs: a production start never loads the simulated banks.
    const { createSandbox } = require('./sandbox/sandbox') as typeof SandboxModule;
    sandbox = createSandbox({ transactions: config.sandboxTransactions, importMs: config.sandboxImportMs });
    const base = await sandbox.listen(config.sandboxPort);
    config = withSandboxUrls(config, base, process.env);
    console.log(`Sandbox (Kontist, Bankimport, Kontomatik) on ${base}`);
  }

  const gateway = await createServer(config);
  const url = await gateway.listen(config.port, config.host);
  console.log(`Gateway on ${url}/graphql (open it in a browser for GraphiQL)`);

  const shutdown = async (signal: string) => {
    gateway.logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000).unref();
    await gateway.stop();
    await sandbox?.close();
    await stopTelemetry?.();
    clearTimeout(force);
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}

/** The sandbox may have picked its port itself (SANDBOX_PORT=0): point unset URLs at it. */
function withSandboxUrls(config: Config, base: string, env: NodeJS.ProcessEnv): Config {
  return {
    ...config,
    kontistUrl: env.KONTIST_URL ? config.kontistUrl : `${base}/kontist`,
    bankimportUrl: env.BANKIMPORT_URL ? config.bankimportUrl : `${base}/bankimport`,
    kontomatikUrl: env.KONTOMATIK_URL ? config.kontomatikUrl : `${base}/kontomatik/v1`,
  };
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
