import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';

import { GatewayError } from '../errors/errors';
import { createQueryMeasure, isOverTokenLimit, type QueryLimits } from './query-limits';
import { QueryTooComplexError } from '../errors/limit-errors';
import { withoutSuggestions } from './suggestions';

/**
 * The query limits over HTTP, before anything executes. Apollo's own parse stops at
 * the token limit (`parseOptions.maxTokens`, set beside this plugin); this plugin
 * names that refusal QUERY_TOO_COMPLEX, measures every other limit once the operation
 * is known (the cost needs the request's variables), refuses an operation name that
 * names no operation, and takes graphql-js's "did you mean" suggestions out of errors.
 */
export function queryLimitsPlugin(limits: QueryLimits): ApolloServerPlugin {
  let measure: ReturnType<typeof createQueryMeasure> | undefined;
  return {
    async requestDidStart() {
      let overTokenLimit = false;
      return {
        async parsingDidStart({ source }) {
          return async (error) => {
            overTokenLimit = error !== undefined && isOverTokenLimit(source, limits.maxTokens);
          };
        },
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) {
            throw new GatewayError(
              'BAD_REQUEST',
              request.operationName
                ? `Unknown operation named "${request.operationName}".`
                : 'Must provide operation name if query contains multiple operations.',
            );
          }
          measure ??= createQueryMeasure(schema, limits);
          const refused = measure({ document, operationName: request.operationName, variables: request.variables });
          if (refused) {
            throw refused;
          }
        },
        async willSendResponse({ response }) {
          const result = response.body.kind === 'single' ? response.body.singleResult : undefined;
          const errors = result?.errors;
          if (!result || !errors?.length) {
            return;
          }
          result.errors = overTokenLimit
            ? [asFormatted(new QueryTooComplexError('tokens', limits.maxTokens), errors[0])]
            : errors.map((error) => {
                const message = withoutSuggestions(error.message);
                // The same object where nothing changes: a masked error is known by its identity.
                return message === error.message ? error : { ...error, message };
              });
        },
      };
    },
  };
}

/** The error as formatError shows a GatewayError, keeping what other plugins added (the request id). */
function asFormatted(error: GatewayError, replaced: GraphQLFormattedError): GraphQLFormattedError {
  const { http: _http, ...extensions } = error.extensions as Record<string, unknown>;
  return { message: error.message, extensions: { ...replaced.extensions, ...extensions } };
}
