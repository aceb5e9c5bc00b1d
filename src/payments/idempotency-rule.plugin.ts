import type { ApolloServerPlugin } from '@apollo/server';
import {
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  getDirectiveValues,
  type DocumentNode,
  type FragmentDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

import type { Context } from '../context';
import { BadUserInputError } from '../errors/errors';

const FIELD = 'Idempotency-Key';

/** The mutations an Idempotency-Key guards: those that create, change, cancel or confirm a payment order. */
export const PAYMENT_MUTATIONS: ReadonlySet<string> = new Set([
  'createTransfer',
  'confirmTransfer',
  'createStandingOrder',
  'updateStandingOrder',
  'cancelStandingOrder',
  'confirmStandingOrder',
  'createTimedOrder',
  'confirmTimedOrder',
  'cancelTimedOrder',
]);

/**
 * An operation that sends an Idempotency-Key may hold one payment mutation only
 * (CONTRACT.md, Payment outcomes): one key cannot stand for two orders, and the second
 * would replay the first's result or be refused after the first had already gone
 * upstream. Refused as BAD_USER_INPUT before anything runs.
 */
export function idempotencyRulePlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ contextValue }) {
      if (contextValue.idempotencyKey === undefined) {
        // Nothing to check: no listener, so Apollo's every stage has one less to call.
        return;
      }
      return {
        async didResolveOperation({ operation, document, request }) {
          if (operation?.operation !== 'mutation') {
            return;
          }
          const count = paymentMutations(operation.selectionSet, document, request.variables ?? {});
          if (count > 1) {
            const error = new BadUserInputError(
              FIELD,
              `An operation with an ${FIELD} may hold one payment mutation only; this one holds ${count}.`,
            );
            // Apollo answers a refusal at this stage with 500 unless the error names a status;
            // BAD_USER_INPUT is 200 (CONTRACT.md, Errors).
            Object.assign(error.extensions, { http: { status: 200 } });
            throw error;
          }
        },
      };
    },
  };
}

/**
 * Payment mutations that would run: distinct response keys (two aliases are two
 * executions; the same key twice is merged into one), through inline fragments and
 * fragment spreads, leaving out what `@skip` / `@include` leave out.
 */
function paymentMutations(root: SelectionSetNode, document: DocumentNode, variables: Record<string, unknown>): number {
  const fragments = new Map(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === 'FragmentDefinition')
      .map((d) => [d.name.value, d]),
  );
  const keys = new Set<string>();
  const visited = new Set<string>();
  const collect = (selectionSet: SelectionSetNode) => {
    for (const selection of selectionSet.selections) {
      if (!included(selection, variables)) {
        continue;
      }
      if (selection.kind === 'Field') {
        if (PAYMENT_MUTATIONS.has(selection.name.value)) {
          keys.add(selection.alias?.value ?? selection.name.value);
        }
      } else if (selection.kind === 'InlineFragment') {
        collect(selection.selectionSet);
      } else if (!visited.has(selection.name.value)) {
        // Validation has already refused fragment cycles; this only saves repeated work.
        visited.add(selection.name.value);
        const fragment = fragments.get(selection.name.value);
        if (fragment) {
          collect(fragment.selectionSet);
        }
      }
    }
  };
  collect(root);
  return keys.size;
}

function included(node: Parameters<typeof getDirectiveValues>[1], variables: Record<string, unknown>): boolean {
  const skip = getDirectiveValues(GraphQLSkipDirective, node, variables);
  if (skip?.if === true) {
    return false;
  }
  const include = getDirectiveValues(GraphQLIncludeDirective, node, variables);
  return include?.if !== false;
}
