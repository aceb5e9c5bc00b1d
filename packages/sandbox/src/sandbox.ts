import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type ErrorRequestHandler, type Express } from 'express';
import { createBankimportRouter, BANKIMPORT_FORMAT_SUFFIXES, BANKIMPORT_ROUTES } from './bankimport/bankimport.routes';
import { createBankimportState } from './bankimport/bankimport.state';
import { createControlRouter } from './control.routes';
import { PROVIDER_PATHS } from './endpoints';
import { createFaults } from './faults';
import { createKontistRouter, KONTIST_ROUTES } from './kontist/kontist.routes';
import { createKontistState } from './kontist/kontist.state';
import { createKontomatikRouter, KONTOMATIK_ROUTES } from './kontomatik/kontomatik.routes';
import { createKontomatikState } from './kontomatik/kontomatik.state';
import { createProviderGate } from './provider-gate';
import { createSmsOutbox } from './sms';
import { createStats } from './stats';

export interface SandboxOptions {
  /** Transactions in alice's largest Bankimport account. @default 1200 */
  transactions?: number;
  /** How long a sandbox import takes. @default 3000 */
  importMs?: number;
  /** How long a request that waits for a TAN (transfer, standing-order request, timed order) lives. @default 300000 */
  pendingTtlMs?: number;
}

export interface Sandbox {
  readonly app: Express;
  /** Listens on host 127.0.0.1; port 0 picks a free one. Resolves with the base URL, e.g. http://127.0.0.1:4010 */
  listen(port: number): Promise<string>;
  close(): Promise<void>;
}

const HOST = '127.0.0.1';

function wholeNumber(name: string, value: number | undefined, fallback: number): number {
  const chosen = value ?? fallback;
  if (!Number.isSafeInteger(chosen) || chosen < 0) {
    throw new RangeError(`${name} must be a whole number of at least 0, got ${String(value)}`);
  }
  return chosen;
}

/** Malformed bodies and URLs are the caller's fault; anything else is a sandbox bug. */
const handleError: ErrorRequestHandler = (error: unknown, _req, res, _next) => {
  const status = (error as { status?: unknown }).status;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    res.status(status).json({ error: 'invalid_request' });
    return;
  }
  res.status(500).json({ error: 'internal_error' });
};

/**
 * The three simulated providers and the sandbox's own control routes on one Express app.
 * Every call makes fresh state, so two sandboxes in one process share nothing.
 */
export function createSandbox(options: SandboxOptions = {}): Sandbox {
  const transactions = wholeNumber('transactions', options.transactions, 1200);
  const importMs = wholeNumber('importMs', options.importMs, 3000);
  const pendingTtlMs = wholeNumber('pendingTtlMs', options.pendingTtlMs, 300_000);
  const stats = createStats();
  const faults = createFaults();
  const sms = createSmsOutbox();

  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use('/sandbox', createControlRouter({ stats, faults, sms }));
  app.use(
    PROVIDER_PATHS.kontist,
    createProviderGate({ provider: 'KONTIST', routes: Object.values(KONTIST_ROUTES), stats, faults }),
    createKontistRouter(createKontistState({ sms, pendingTtlMs })),
  );
  app.use(
    PROVIDER_PATHS.bankimport,
    createProviderGate({
      provider: 'BANKIMPORT',
      routes: Object.values(BANKIMPORT_ROUTES),
      formatSuffixes: BANKIMPORT_FORMAT_SUFFIXES,
      stats,
      faults,
    }),
    createBankimportRouter(createBankimportState({ transactions, importMs })),
  );
  app.use(
    PROVIDER_PATHS.kontomatik,
    createProviderGate({ provider: 'KONTOMATIK', routes: Object.values(KONTOMATIK_ROUTES), stats, faults }),
    createKontomatikRouter(createKontomatikState({ importMs })),
  );
  app.use((_req, res) => {
    res.status(404).json({ error: 'not_found' });
  });
  app.use(handleError);

  let server: Server | undefined;
  return {
    app,
    listen(port) {
      if (server) {
        return Promise.reject(new Error('the sandbox is already listening'));
      }
      const listening = createServer(app);
      server = listening;
      return new Promise((resolve, reject) => {
        listening.once('error', (error) => {
          server = undefined;
          reject(error);
        });
        listening.listen(port, HOST, () => {
          resolve(`http://${HOST}:${(listening.address() as AddressInfo).port}`);
        });
      });
    },
    close() {
      const closing = server;
      server = undefined;
      if (!closing?.listening) {
        return Promise.resolve();
      }
      return new Promise((resolve, reject) => {
        closing.close((error) => (error ? reject(error) : resolve()));
        closing.closeAllConnections();
      });
    },
  };
}
