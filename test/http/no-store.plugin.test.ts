import { ApolloServer, HeaderMap } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';

import { noStorePlugin } from '../../src/http/no-store.plugin';

async function answer(plugins: ConstructorParameters<typeof ApolloServer>[0]['plugins'], query: string) {
  const server = new ApolloServer({ typeDefs: 'type Query { hello: String }', resolvers: {}, plugins });
  await server.start();
  try {
    return await server.executeHTTPGraphQLRequest({
      httpGraphQLRequest: {
        method: 'POST',
        headers: new HeaderMap([['content-type', 'application/json']]),
        search: '',
        body: { query },
      },
      context: async () => ({}),
    });
  } finally {
    await server.stop();
  }
}

describe('noStorePlugin', () => {
  it.each([
    ['an answer', '{ hello }'],
    ['an answer with errors', '{ nope }'],
  ])(
    "says no-store on %s, as Apollo's own cache-control plugin does where nothing is cacheable",
    async (_what, query) => {
      const apollos = await answer(undefined, query);
      const ours = await answer([ApolloServerPluginCacheControlDisabled(), noStorePlugin()], query);
      expect(ours.status).toBe(apollos.status);
      expect(apollos.headers.get('cache-control')).toBe('no-store');
      expect(ours.headers.get('cache-control')).toBe('no-store');
    },
  );
});
