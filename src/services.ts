import type { Redis } from 'ioredis';
import type { Logger } from 'pino';

import type { Config } from './config';
import { createImportPoll } from './imports/import-polls';
import { createMemoryImportStore } from './imports/import-store';
import { createImportTracker, type ImportTracker } from './imports/import-tracker';
import { createRedisImportLeases, createRedisImportStore } from './imports/redis-import-store';
import { createGatewayPubSub, type PubSubHandle } from './live/pubsub';
import { createTransactionWatch, type TransactionWatch } from './live/transaction-watch';
import type { Metrics } from './ops/metrics';
import { confirmationChanges } from './payments/confirmation-changes';
import { createIdempotent, type IdempotencyGuard } from './payments/idempotency';
import { createMemoryIdempotencyStore, createRedisIdempotencyStore } from './payments/idempotency-store';
import { createMemoryStore } from './payments/memory-store';
import { createPayments, type Payments } from './payments/payment-service';
import { createRedisStore } from './payments/redis-store';
import { createWriteBehind } from './payments/write-behind';
import { createCredentialReader, type CredentialReader } from './providers/credentials';
import type { ProviderDescriptor } from './providers/descriptor';
import { createProviders, type Providers } from './providers/providers';
import { createRedis } from './state/redis';
import { createStateCrypto, type StateCrypto } from './state/state-crypto';

/** What the gateway does behind its transports: the banks, the state, the flows that outlive a request. */
export interface Services {
  providers: Providers;
  credentials: CredentialReader;
  redis: Redis | undefined;
  stateCrypto: StateCrypto;
  pubsub: PubSubHandle;
  idempotent: IdempotencyGuard;
  payments: Payments;
  imports: ImportTracker;
  transactionWatch: TransactionWatch;
  /** Ends every flow and connection, leases first, so that another instance takes over at once. */
  close(): Promise<void>;
}

/** Wiring only: each flow on Redis when REDIS_URL is set, in memory otherwise. */
export function createServices(
  config: Config,
  descriptors: readonly ProviderDescriptor[],
  logger: Logger,
  metrics: Metrics,
): Services {
  const providers = createProviders(descriptors, config, metrics, logger);
  const credentials = createCredentialReader(descriptors);
  const redis: Redis | undefined = config.redisUrl ? createRedis(config.redisUrl, logger) : undefined;
  const stateCrypto = createStateCrypto(config.stateSecret);
  const idempotent = createIdempotent(
    redis ? createRedisIdempotencyStore(redis, stateCrypto) : createMemoryIdempotencyStore(),
    { crypto: stateCrypto, logger },
  );
  const pubsub = createGatewayPubSub(
    config.redisUrl ? { connect: () => createRedis(config.redisUrl as string, logger), logger } : undefined,
  );
  const payments = createPayments({
    store: createWriteBehind(redis ? createRedisStore(redis, stateCrypto) : createMemoryStore(), logger),
    providerFor: (name) => {
      const provider = providers.payments(name);
      if (!provider) {
        throw new Error(`${name} moves no money`);
      }
      return provider;
    },
    changes: confirmationChanges(pubsub.pubsub, stateCrypto),
    logger,
    ttlMs: config.confirmationTtlS * 1000,
    maxAttempts: config.tanMaxAttempts,
    executingMs: config.upstreamTimeoutMs + 5000,
    metrics,
  });
  const imports = createImportTracker({
    store: redis ? createRedisImportStore(redis) : createMemoryImportStore(),
    leases: redis ? createRedisImportLeases(redis) : undefined,
    pubsub: pubsub.pubsub,
    poll: createImportPoll(providers.imports),
    logger,
    metrics,
    pollMs: config.importPollMs,
    pollMaxMs: config.importPollMaxMs,
    leaseMs: config.importLeaseMs,
    unavailableAfterMs: config.importUnavailableAfterMs,
    unwatchedMs: config.importUnwatchedMs,
    // A poll is a few upstream calls, each bounded by UPSTREAM_TIMEOUT_MS.
    pollTimeoutMs: config.upstreamTimeoutMs * 3,
  });
  const transactionWatch = createTransactionWatch({
    accountProviders: providers.accountProviders,
    pollMs: config.transactionPollMs,
    unavailableAfterMs: config.importUnavailableAfterMs,
    pollTimeoutMs: config.upstreamTimeoutMs * 3,
    logger,
    metrics,
    stateCrypto,
  });
  return {
    providers,
    credentials,
    redis,
    stateCrypto,
    pubsub,
    idempotent,
    payments,
    imports,
    transactionWatch,
    async close() {
      // Leases go back at once, so another instance takes over without waiting for them to run out.
      await imports.close();
      await payments.close();
      transactionWatch.close();
      idempotent.close();
      pubsub.close();
      providers.close();
      redis?.disconnect();
    },
  };
}
