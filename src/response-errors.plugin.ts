import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';

import type { Context } from './context';

type FormatError = (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;

/**
 * Finishes every response's errors: adds the failed providers' errors beside the
 * healthy ones' data (CONTRACT.md, Partial data), and puts the request id on each
 * error so that it can be found in the logs.
 */
export function responseErrorsPlugin(formatError: FormatError): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single') {
            return;
          }
          const result = response.body.singleResult;
          if (contextValue.partialErrors.length > 0) {
            const extra = contextValue.partialErrors.map(({ error, path }) =>
              formatError({ message: error.message, path: [...path], extensions: error.extensions }, error),
            );
            result.errors = [...(result.errors ?? []), ...extra];
          }
          if (result.errors) {
            result.errors = result.errors.map((error) => ({
              ...error,
              extensions: { ...error.extensions, requestId: contextValue.requestId },
            }));
          }
        },
      };
    },
  };
}
