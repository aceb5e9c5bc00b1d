/**
 * A gateway in a process of its own, for tests that must kill one abruptly (no
 * graceful shutdown, no lease given back) or trace it. Configured by its environment;
 * prints `LISTENING <url>` once it listens, and flushes its traces on SIGTERM.
 */
import 'reflect-metadata';

import { loadConfig } from '../../src/config';
import type * as ServerModule from '../../src/server';
import { startTelemetry } from '../../src/ops/telemetry';

void (async () => {
  const stopTelemetry = startTelemetry(process.env);
  const { createServer } = require('../../src/server') as typeof ServerModule;
  const gateway = await createServer(loadConfig(process.env));
  const url = await gateway.listen(0);
  process.stdout.write(`LISTENING ${url}\n`);
  process.once('SIGTERM', () => {
    void gateway
      .stop()
      .then(() => stopTelemetry?.())
      .finally(() => process.exit(0));
  });
})();
