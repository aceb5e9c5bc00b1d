import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';

import type { Context } from '../context';
import { maskedCauseOf } from './errors';

type FormatError = (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;

/**
 * Finishes every response's errors: adds the failed providers' errors beside the
 * healthy ones' data (CONTRACT.md, Partial data), puts the request id on each error,
 * and logs what masked ones really were under that id, so a client's report can be
 * matched to the log.
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
            result.errors = finishErrors(contextValue, result.errors);
          }
        },
      };
    },
  };
}

/**
 * Formatted errors as they leave, over HTTP and the WebSocket: the cause of each masked
 * one logged (the client saw none of it), the request id on every one.
 */
export function finishErrors(
  context: Pick<Context, 'logger' | 'requestId'>,
  errors: readonly GraphQLFormattedError[],
): GraphQLFormattedError[] {
  return errors.map((error) => {
    const cause = maskedCauseOf(error);
    if (cause !== undefined) {
      context.logger.error({ err: cause, path: error.path }, 'unexpected error, masked for the client');
    }
    return { ...error, extensions: { ...error.extensions, requestId: context.requestId } };
  });
}
