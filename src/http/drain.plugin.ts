import type { ApolloServerPlugin } from '@apollo/server';

/**
 * Ends the gateway's own streams when Apollo drains: subscriptions first, so that each
 * sends its end before its stream closes, then the sockets and streams they ran on.
 */
export function drainStreamsPlugin(drain: () => Promise<unknown>): ApolloServerPlugin {
  return {
    async serverWillStart() {
      return {
        async drainServer() {
          await drain();
        },
      };
    },
  };
}
