import type { ApolloServerPlugin } from '@apollo/server';

import { GatewayError } from '../errors/errors';

/** A Host header that can go into a message as it is: a name or an address, and a port. */
const PLAIN_HOST = /^(?:[A-Za-z0-9.-]{1,253}|\[[0-9A-Fa-f:.]{2,45}\])(?::\d{1,5})?$/;

/**
 * A subscription over plain HTTP (GET, or POST without Apollo's multipart Accept) has
 * no single answer: 400 BAD_REQUEST naming where subscriptions are served, instead of
 * executing it as a query (which fails inside the resolver, as an internal error) or,
 * over GET, Apollo's 405 that names no way to subscribe.
 */
export function subscriptionRefusalPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, request }) {
          if (operation?.operation === 'subscription') {
            throw new GatewayError('BAD_REQUEST', subscriptionEndpoints(request.http?.headers.get('host')));
          }
        },
        // Apollo refuses every non-query over GET before didResolveOperation.
        async willSendResponse({ operation, request, response }) {
          if (
            operation?.operation !== 'subscription' ||
            request.http?.method !== 'GET' ||
            response.body.kind !== 'single'
          ) {
            return;
          }
          response.http.status = 400;
          response.http.headers.delete('allow');
          response.body.singleResult.errors = [
            {
              message: subscriptionEndpoints(request.http.headers.get('host')),
              extensions: { code: 'BAD_REQUEST' },
            },
          ];
        },
      };
    },
  };
}

/** Where subscriptions are served, with this request's host. */
export function subscriptionEndpoints(host: string | undefined): string {
  const where = host && PLAIN_HOST.test(host) ? host : '<gateway host>';
  return (
    'Subscriptions are not answered over plain HTTP. Subscribe over the WebSocket ' +
    `ws://${where}/graphql (protocol graphql-transport-ws, e.g. the graphql-ws client), over ` +
    `Server-Sent Events at http://${where}/graphql/stream (the graphql-sse client), or POST to /graphql ` +
    'with Accept: multipart/mixed;subscriptionSpec=1.0 (Apollo Client).'
  );
}
