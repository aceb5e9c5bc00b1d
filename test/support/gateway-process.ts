/**
 * A gateway in a process of its own, for tests that must kill one abruptly (no
 * graceful shutdown, no lease given back). Configured by its environment; prints
 * `LISTENING <url>` once it listens.
 */
import 'reflect-metadata';

import { loadConfig } from '../../src/config';
import { createServer } from '../../src/server';

void (async () => {
  const gateway = await createServer(loadConfig(process.env));
  const url = await gateway.listen(0);
  process.stdout.write(`LISTENING ${url}\n`);
})();
