import type { ApolloServerPlugin } from '@apollo/server';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';

const FIRST_QUERY = `# Your accounts at every provider your headers carry credentials for.
# The headers below are the sandbox's demo user, alice.
query MyAccounts {
  accounts {
    id
    provider
    iban
    bankName
    balance { decimal currency }
    transactions(first: 5) {
      totalCount
      edges { node { bookingDate amount { decimal currency } counterpartyName purpose } }
    }
  }
}
`;

/** The sandbox's demo user, so that the first query in GraphiQL returns data. */
export const sandboxDemoHeaders = {
  'X-Kontist-Authorization': 'Bearer sandbox-alice',
  'X-Bankimport-Token': 'sandbox-alice',
};

/**
 * GraphiQL served by the gateway itself: every asset is inlined into one page, so it
 * works offline and loads nothing from a CDN. Subscriptions go over the WebSocket.
 */
export function graphiqlLandingPage(options: { demoHeaders: boolean }): ApolloServerPlugin {
  const html = renderGraphiQL({
    title: 'Banking Gateway',
    endpoint: '/graphql',
    subscriptionsProtocol: 'WS',
    defaultQuery: FIRST_QUERY,
    headers: JSON.stringify(options.demoHeaders ? sandboxDemoHeaders : {}, null, 2),
    shouldPersistHeaders: false,
  } as Parameters<typeof renderGraphiQL>[0]);
  return {
    async serverWillStart() {
      return {
        async renderLandingPage() {
          return { html };
        },
      };
    },
  };
}
