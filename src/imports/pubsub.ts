import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { createPubSub, type PubSub } from '@graphql-yoga/subscription';
import type { Redis } from 'ioredis';

import type { ImportEvent } from './import-snapshot';

/** Topics and their payloads: `import` by import key. */
export type GatewayPubSub = PubSub<{ import: [key: string, event: ImportEvent] }>;

export interface PubSubHandle {
  pubsub: GatewayPubSub;
  close(): void;
}

/**
 * graphql-yoga's pub/sub, the one type-graphql documents: in memory for one instance,
 * on Redis for several (a subscribing connection of its own, as Redis requires).
 */
export function createGatewayPubSub(connect?: () => Redis): PubSubHandle {
  if (!connect) {
    return { pubsub: createPubSub(), close: () => undefined };
  }
  const publishClient = connect();
  const subscribeClient = connect();
  return {
    pubsub: createPubSub({ eventTarget: createRedisEventTarget({ publishClient, subscribeClient }) }),
    close() {
      publishClient.disconnect();
      subscribeClient.disconnect();
    },
  };
}
