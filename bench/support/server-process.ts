import 'reflect-metadata';

import type * as SandboxPackage from '@banking-gateway/sandbox';

import type * as BareApolloModule from '../baselines/bare-apollo';
import type * as ProxyModule from '../baselines/proxy';
import type * as ConfigModule from '../../src/config';
import type * as ServerModule from '../../src/server';
import type * as TelemetryModule from '../../src/ops/telemetry';
import type { ChildMessage, ParentMessage, ServerSpec } from './server-spec';

/**
 * The child side of `startServerProcess`: one server per process (sandbox, gateway or a
 * baseline), so the load generator never shares its event loop. It answers memory
 * questions over IPC and stops on request, which lets `--cpu-prof` write its profile.
 */
async function main(): Promise<void> {
  const spec = JSON.parse(process.env.BENCH_SERVER ?? '') as ServerSpec;
  const server = await start(spec);

  let peakRss = process.memoryUsage.rss();
  if (spec.sampleRssMs) {
    setInterval(() => {
      peakRss = Math.max(peakRss, process.memoryUsage.rss());
    }, spec.sampleRssMs).unref();
  }

  process.on('message', (message: ParentMessage) => {
    switch (message.type) {
      case 'usage': {
        if (message.gc) {
          global.gc?.();
        }
        const { rss, heapUsed } = process.memoryUsage();
        peakRss = Math.max(peakRss, rss);
        const cpu = process.cpuUsage();
        reply({ type: 'usage', id: message.id, rss, heapUsed, peakRss, cpuMs: (cpu.user + cpu.system) / 1000 });
        if (message.resetPeak) {
          peakRss = rss;
        }
        return;
      }
      case 'stop':
        void server.close().finally(() => process.exit(0));
        return;
      default: {
        const never: never = message;
        throw new Error(`unknown message ${JSON.stringify(never)}`);
      }
    }
  });
  reply({ type: 'ready', url: server.url });
}

function reply(message: ChildMessage): void {
  process.send?.(message);
}

// Each role loads only its own modules (require, not import): a baseline process holds no
// gateway code, and every process starts sooner.
async function start(spec: ServerSpec): Promise<{ url: string; close(): Promise<void> }> {
  switch (spec.role) {
    case 'sandbox': {
      const { createSandbox } = require('@banking-gateway/sandbox') as typeof SandboxPackage;
      const sandbox = createSandbox(spec.sandbox);
      return { url: await sandbox.listen(spec.port ?? 0), close: () => sandbox.close() };
    }
    case 'gateway': {
      const { loadConfig } = require('../../src/config') as typeof ConfigModule;
      // As src/index.ts does: tracing (where its OTEL_* variables ask for it) before the server loads.
      for (const [name, value] of Object.entries(spec.env)) {
        if (name.startsWith('OTEL_')) {
          process.env[name] = value;
        }
      }
      const { startTelemetry } = require('../../src/ops/telemetry') as typeof TelemetryModule;
      const stopTelemetry = startTelemetry(process.env);
      const { createServer } = require('../../src/server') as typeof ServerModule;
      // The sandbox's URLs and keys are in `spec.env` (startServerProcess): no sandbox code in this process.
      const config = loadConfig({ ...spec.env, SANDBOX: 'off' });
      // The default logger, writing to stdout, which the parent points at a log file.
      const gateway = await createServer(config);
      return {
        url: await gateway.listen(0),
        close: async () => {
          await gateway.stop();
          await stopTelemetry?.();
        },
      };
    }
    case 'bare-apollo':
    case 'bare-apollo-axios': {
      const { createBareApollo } = require('../baselines/bare-apollo') as typeof BareApolloModule;
      const bare = await createBareApollo(spec.sandboxUrl, spec.role === 'bare-apollo' ? 'node:http' : 'axios');
      return { url: await bare.listen(0), close: () => bare.close() };
    }
    case 'proxy': {
      const { createProxy } = require('../baselines/proxy') as typeof ProxyModule;
      const proxy = createProxy(spec.sandboxUrl);
      return { url: await proxy.listen(0), close: () => proxy.close() };
    }
    default: {
      const never: never = spec;
      throw new Error(`unknown role ${JSON.stringify(never)}`);
    }
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
