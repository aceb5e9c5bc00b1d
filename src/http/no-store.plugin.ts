import type { ApolloServerPlugin } from '@apollo/server';

/**
 * `Cache-Control: no-store` on every GraphQL answer: they hold the caller's bank data. It
 * is what Apollo's cache-control plugin answers when nothing is cacheable, and nothing is
 * here (no type or field has a cache hint), so that plugin can be off
 * (`ApolloServerPluginCacheControlDisabled`): it runs a hook on every field of every
 * response, which cost more CPU than the rest of the gateway's plugins together.
 */
export function noStorePlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          response.http.headers.set('cache-control', 'no-store');
        },
      };
    },
  };
}
