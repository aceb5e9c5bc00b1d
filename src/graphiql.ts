import type { ApolloServerPlugin } from '@apollo/server';

import type { CredentialSource } from './credentials';
import { renderGraphiQLPage } from './graphiql-page';

const FIRST_QUERY = `# Your accounts at every provider your headers carry credentials for.
# The headers below are the sandbox's demo user, alice.
#
# Subscriptions go over the WebSocket, with the headers below.
# New transactions as they arrive, run in a tab of its own:
#
#   subscription { transactionAdded { id amount { decimal } purpose } }
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
 * Which header of GraphiQL's Headers tab goes into which key of the WebSocket's
 * `connection_init` payload (CONTRACT.md, Credentials); header names match
 * case-insensitively.
 */
export const connectionParamsByHeader = {
  'X-Kontist-Authorization': 'kontistAuthorization',
  'X-Bankimport-Token': 'bankimportToken',
} as const satisfies Record<string, keyof CredentialSource>;

/**
 * GraphiQL served by the gateway itself: every asset is inlined into one page, so it
 * works offline and loads nothing from a CDN. Subscriptions go over the WebSocket, with
 * the Headers tab in `connection_init`.
 */
export function graphiqlLandingPage(options: { demoHeaders: boolean }): ApolloServerPlugin {
  const html = renderGraphiQLPage({
    title: 'Banking Gateway',
    endpoint: '/graphql',
    connectionParamsByHeader,
    defaultQuery: FIRST_QUERY,
    headers: JSON.stringify(options.demoHeaders ? sandboxDemoHeaders : {}, null, 2),
    shouldPersistHeaders: false,
  });
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
