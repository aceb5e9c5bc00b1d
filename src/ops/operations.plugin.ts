import type { ApolloServerPlugin } from '@apollo/server';

import type { Context } from '../context';
import type { Metrics } from './metrics';

export interface OperationsPluginOptions {
  metrics: Metrics;
  /** Operation names with a metrics series of their own; the rest share `(other)`. */
  maxOperationNames: number;
}

/** Label values that are not a client's operation name. */
export const ANONYMOUS = '(anonymous)';
export const OTHER = '(other)';

/**
 * One access-log line and one metrics observation per GraphQL request over HTTP
 * (CONTRACT.md, Operations). Operation names are chosen by clients, so the metrics keep
 * a bounded set of them: the first `maxOperationNames` seen, then `(other)`.
 */
export function operationsPlugin({ metrics, maxOperationNames }: OperationsPluginOptions): ApolloServerPlugin<Context> {
  const named = new Set<string>();
  const labelOf = (name: string | null | undefined): string => {
    if (!name) {
      return ANONYMOUS;
    }
    if (named.has(name)) {
      return name;
    }
    if (named.size < maxOperationNames) {
      named.add(name);
      return name;
    }
    return OTHER;
  };

  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ operation, operationName, errors, response, contextValue }) {
          const seconds = Number(process.hrtime.bigint() - started) / 1e9;
          const failed =
            Boolean(errors?.length) ||
            (response.body.kind === 'single' && Boolean(response.body.singleResult.errors?.length));
          const type = operation?.operation ?? 'unknown';
          metrics.operations.observe(
            { type, outcome: failed ? 'error' : 'ok', operation: labelOf(operation ? operationName : null) },
            seconds,
          );
          contextValue.logger.info(
            {
              operationName: operationName ?? null,
              operationType: type,
              status: response.http.status ?? 200,
              outcome: failed ? 'error' : 'ok',
              durationMs: Math.round(seconds * 10_000) / 10,
              providerCalls: contextValue.providerCalls(),
            },
            'graphql request',
          );
        },
      };
    },
  };
}
