import 'reflect-metadata';

import type * as SandboxPackage from '@banking-gateway/sandbox';

import { isSandboxOn, loadConfig, type Config } from './config';
import { ConfigError } from './errors/internal-errors';
import type * as ServerModule from './server';
import { startTelemetry } from './ops/telemetry';

/** The sandbox to start: its package, loaded only when it runs, and its own settings. */
interface SandboxPlan {
  pkg: typeof SandboxPackage;
  settings: SandboxPackage.SandboxSettings;
}

/** The only place that starts things: config → tracing (if asked) → sandbox (if on) → gateway → signals. */
async function main(): Promise<void> {
  let config: Config;
  let plan: SandboxPlan | undefined;
  try {
    // Everything is read and checked before anything starts (the sandbox package loads
    // nothing the tracing SDK instruments, so it may come before it).
    plan = isSandboxOn(process.env) ? planSandbox(process.env) : undefined;
    config = loadConfig(process.env, plan?.pkg.sandboxVariables(`http://127.0.0.1:${plan.settings.port}`));
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

  let sandbox: SandboxPackage.Sandbox | undefined;
  if (plan) {
    sandbox = plan.pkg.createSandbox(plan.settings);
    const base = await sandbox.listen(plan.settings.port);
    if (plan.settings.port === 0) {
      // The sandbox picked its port: what is the sandbox's points there.
      config = loadConfig(process.env, plan.pkg.sandboxVariables(base));
    }
    console.log(`Sandbox on ${base}`);
  }

  // GraphiQL opens with the sandbox's demo user, so that its first query returns data.
  const gateway = await createServer(config, { demoCredentials: plan?.pkg.gatewayCredentials('alice') });
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

const SANDBOX_PACKAGE = '@banking-gateway/sandbox';

/**
 * Loads the sandbox package (only ever when the sandbox is on: a production start never
 * loads the simulated banks) and reads its `SANDBOX_*` settings. Under ts-node and jest
 * the package is its TypeScript source; compiled, its build (`npm run build` makes both).
 */
function planSandbox(env: NodeJS.ProcessEnv): SandboxPlan {
  let pkg: typeof SandboxPackage;
  try {
    pkg = require(SANDBOX_PACKAGE) as typeof SandboxPackage;
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    if (code === 'MODULE_NOT_FOUND' && message.split('\n', 1)[0]!.includes(SANDBOX_PACKAGE)) {
      throw new ConfigError(
        `The sandbox is on, but ${SANDBOX_PACKAGE} is not built: run \`npm run build\` (or set SANDBOX=off with the providers' URLs and keys).`,
      );
    }
    throw error;
  }
  try {
    return { pkg, settings: pkg.loadSandboxSettings(env) };
  } catch (error) {
    if (error instanceof pkg.SandboxConfigError) {
      throw new ConfigError(error.message);
    }
    throw error;
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
