import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { createPubSub, type PubSub } from '@graphql-yoga/subscription';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';

import { redisErrorFields, reportRedisErrors } from '../state/redis';
import type { ImportEvent } from '../imports/import-snapshot';

/**
 * An import event on its way to the other instances; `origin` names the tracker that
 * published it, so that it does not hear its own news twice.
 */
export type SharedImportEvent = ImportEvent & { origin?: string };

/** Topics and their payloads: `import` by import key, `confirmation` by confirmation id. */
export type GatewayPubSub = PubSub<{
  import: [key: string, event: SharedImportEvent];
  /** A confirmation changed: the new record, sealed. */
  confirmation: [id: string, sealed: string];
}>;

export interface PubSubHandle {
  pubsub: GatewayPubSub;
  close(): void;
}

/**
 * graphql-yoga's pub/sub, the one type-graphql documents: in memory for one instance,
 * on Redis for several (a subscribing connection of its own, as Redis requires). Both
 * connections' errors are reported through `logger`, whoever made them.
 */
export function createGatewayPubSub(redis?: { connect: () => Redis; logger: Logger }): PubSubHandle {
  if (!redis) {
    return { pubsub: createPubSub(), close: () => undefined };
  }
  const { connect, logger } = redis;
  const publishClient = connect();
  const subscribeClient = connect();
  reportRedisErrors(publishClient, logger);
  reportRedisErrors(subscribeClient, logger);
  // Connected now, not at the first subscription: a subscription's SUBSCRIBE then goes
  // out at once, before its subscriber is shown the first event and can cause the next.
  for (const client of [publishClient, subscribeClient]) {
    if (client.status === 'wait') {
      client.connect().catch(() => undefined);
    }
  }
  const eventTarget = createRedisEventTarget({
    publishClient: withCaughtCommands(publishClient, logger),
    subscribeClient: withCaughtCommands(subscribeClient, logger),
  });
  return {
    pubsub: createPubSub({ eventTarget }),
    close() {
      publishClient.disconnect();
      subscribeClient.disconnect();
    },
  };
}

/**
 * The client as the event target uses it, with its commands' failures logged. The event
 * target fires `publish`, `subscribe` and `unsubscribe` without handling their promises,
 * so a Redis outage (or a shutdown that disconnects while an unsubscribe is queued)
 * would end in unhandled rejections. Lost events cost nothing lasting: the import store
 * holds every state, and pollers read it on their next tick.
 */
function withCaughtCommands(client: Redis, logger: Logger): Redis {
  const caught =
    (command: 'publish' | 'subscribe' | 'unsubscribe') =>
    (...args: unknown[]) =>
      (client[command] as (...a: unknown[]) => Promise<unknown>)(...args).catch((error: unknown) => {
        logger.warn({ ...redisErrorFields(error), command }, 'Redis pub/sub command failed');
      });
  return new Proxy(client, {
    get(target, property, receiver) {
      if (property === 'publish' || property === 'subscribe' || property === 'unsubscribe') {
        return caught(property);
      }
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
