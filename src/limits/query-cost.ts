import {
  getNamedType,
  getNullableType,
  isListType,
  isObjectType,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';
import type { ComplexityEstimator } from 'graphql-query-complexity';

/** What a list that is not a connection is assumed to hold (CONTRACT.md, Cost). */
export const LIST_FACTOR = 10;

/**
 * The contract's cost rule as a graphql-query-complexity estimator: every selected
 * field costs 1; a field with a `first` argument multiplies the cost of its selection
 * by `first` (its default when absent, the variable's value when it is one); a list
 * on a connection type (`edges`) does not multiply again; any other list field
 * multiplies the cost of its selection by 10.
 *
 * Introspection (`__schema`, `__type`) costs 1: it reads no bank data, INTROSPECTION
 * turns it off, and by the list rule GraphiQL's own introspection query alone would
 * cost about 50000.
 */
export function createCostEstimator(schema: GraphQLSchema): ComplexityEstimator {
  const connections = connectionTypesOf(schema);
  return ({ type, field, args, childComplexity }) => {
    if (field.name === '__schema' || field.name === '__type') {
      return 1;
    }
    const first = field.args.find((arg) => arg.name === 'first');
    if (first) {
      const count = typeof args.first === 'number' ? args.first : first.defaultValue;
      return 1 + Math.max(typeof count === 'number' ? count : LIST_FACTOR, 0) * childComplexity;
    }
    if (isListType(getNullableType(field.type)) && !connections.has(type)) {
      return 1 + LIST_FACTOR * childComplexity;
    }
    return 1 + childComplexity;
  };
}

/** The types that fields with a `first` argument return: their lists are that page. */
function connectionTypesOf(schema: GraphQLSchema): Set<GraphQLNamedType> {
  const connections = new Set<GraphQLNamedType>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) {
      continue;
    }
    for (const field of Object.values(type.getFields())) {
      if (field.args.some((arg) => arg.name === 'first')) {
        connections.add(getNamedType(field.type));
      }
    }
  }
  return connections;
}
