import { ApolloArmor } from '@escape.tech/graphql-armor';
import {
  GraphQLError,
  Lexer,
  Source,
  TokenKind,
  getOperationAST,
  parse,
  validate,
  type DocumentNode,
  type GraphQLSchema,
} from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';

import type { Config } from '../config';
import { createCostEstimator } from './query-cost';
import { QueryTooComplexError } from '../errors/limit-errors';

/** What one operation may ask for, checked before anything runs (CONTRACT.md, Configuration). */
export interface QueryLimits {
  /** Deepest field selection; a root field is depth 1. `MAX_QUERY_DEPTH`. @default 12 */
  maxDepth: number;
  /** Aliases in one operation. `MAX_QUERY_ALIASES`. @default 30 */
  maxAliases: number;
  /** The contract's cost (see query-cost.ts). `MAX_QUERY_COST`. @default 50000 */
  maxCost: number;
  /** Lexical tokens in the document, enforced while it is parsed: `MAX_QUERY_TOKENS`. */
  maxTokens: number;
  /** Directives in one operation: `MAX_QUERY_DIRECTIVES`. */
  maxDirectives: number;
  /** Selections the cost estimate may visit, fragments expanded: `MAX_QUERY_SELECTIONS`. */
  maxSelections: number;
}

/**
 * Fixed limits beside the configurable ones, far above what people write: GraphiQL's
 * introspection query has about 180 tokens and no directive. 10000 selections stop
 * documents that spread fragments within fragments to expand exponentially.
 */
export const MAX_QUERY_TOKENS = 5000;
export const MAX_QUERY_DIRECTIVES = 50;
export const MAX_QUERY_SELECTIONS = 10_000;

export function queryLimitsFrom(
  config: Pick<Config, 'maxQueryDepth' | 'maxQueryAliases' | 'maxQueryCost'>,
): QueryLimits {
  return {
    maxDepth: config.maxQueryDepth,
    maxAliases: config.maxQueryAliases,
    maxCost: config.maxQueryCost,
    maxTokens: MAX_QUERY_TOKENS,
    maxDirectives: MAX_QUERY_DIRECTIVES,
    maxSelections: MAX_QUERY_SELECTIONS,
  };
}

/** Which limit an operation went over. */
/**
 * Parses a document, giving up after `maxTokens` tokens (graphql-js counts them in its
 * one parse). Throws QueryTooComplexError for a document over the limit, and the
 * syntax error for any other.
 */
export function parseWithinLimits(source: string, limits: QueryLimits): DocumentNode {
  try {
    return parse(source, { maxTokens: limits.maxTokens });
  } catch (error) {
    throw isOverTokenLimit(source, limits.maxTokens) ? new QueryTooComplexError('tokens', limits.maxTokens) : error;
  }
}

/** Whether a source has more than `maxTokens` tokens; lexes at most that many. */
export function isOverTokenLimit(source: string, maxTokens: number): boolean {
  const lexer = new Lexer(new Source(source));
  try {
    for (let count = 0; count <= maxTokens; count++) {
      if (lexer.advance().kind === TokenKind.EOF) {
        return false;
      }
    }
    return true;
  } catch {
    return false;
  }
}

export interface MeasuredOperation {
  /** A parsed and valid document. */
  document: DocumentNode;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
}

/**
 * Checks a valid document against every limit but the token limit (which parsing
 * enforced): the first limit it goes over, or undefined. Depth, aliases and directives
 * are measured by graphql-armor over every operation of the document; the cost of the
 * operation that would run by graphql-query-complexity with the contract's estimator.
 * A document whose variables do not coerce is not costed: execution refuses it anyway.
 */
export function createQueryMeasure(
  schema: GraphQLSchema,
  limits: QueryLimits,
): (operation: MeasuredOperation) => QueryTooComplexError | undefined {
  const estimators: ComplexityEstimator[] = [createCostEstimator(schema)];
  // The shape depends on the document alone, and Apollo hands the same DocumentNode for a
  // repeated query (its document store): measured once, not on every request.
  const shapes = new WeakMap<DocumentNode, Shape>();
  const costs = createCostCache();
  /** The cost, `over-selections`, or undefined for variables that do not coerce. */
  const measureCost = (
    operationName: string | undefined,
    document: DocumentNode,
    variables: Record<string, unknown> | null | undefined,
  ): Cost => {
    try {
      return getComplexity({
        schema,
        query: document,
        // graphql-query-complexity reads `name.value` of every operation when a name is given.
        operationName,
        variables: variables ?? {},
        estimators,
        maxQueryNodes: limits.maxSelections,
      });
    } catch (error) {
      if (
        error instanceof GraphQLError &&
        error.message.startsWith('Query exceeds the maximum allowed number of nodes')
      ) {
        return 'over-selections';
      }
      if (error instanceof GraphQLError) {
        return undefined;
      }
      throw error;
    }
  };
  return ({ document, operationName, variables }) => {
    let measured = shapes.get(document);
    if (!measured) {
      measured = measureShape(schema, document);
      shapes.set(document, measured);
    }
    if (measured.depth > limits.maxDepth) {
      return new QueryTooComplexError('depth', limits.maxDepth, measured.depth);
    }
    if (measured.aliases > limits.maxAliases) {
      return new QueryTooComplexError('aliases', limits.maxAliases, measured.aliases);
    }
    if (measured.directives > limits.maxDirectives) {
      return new QueryTooComplexError('directives', limits.maxDirectives, measured.directives);
    }
    const operation = getOperationAST(document, operationName);
    if (!operation) {
      return undefined;
    }
    const cost = costs.get(document, operation.name?.value, variables, () =>
      measureCost(operation.name?.value, document, variables),
    );
    if (cost === 'over-selections') {
      return new QueryTooComplexError('selections', limits.maxSelections);
    }
    if (cost === undefined) {
      return undefined;
    }
    return cost > limits.maxCost ? new QueryTooComplexError('cost', limits.maxCost, cost) : undefined;
  };
}

type Cost = number | 'over-selections' | undefined;

/** Variables longer than this as JSON are costed every time rather than kept as a key. */
const MAX_CACHED_VARIABLES_CHARS = 1024;
/** Costs kept per document: a document is rarely run with many different `first`s. */
const COSTS_PER_DOCUMENT = 32;

/**
 * Costs by document, operation and variables. The cost pass is a second full visit of
 * the document; a client repeating an operation with the same variables (a dashboard
 * polling, a list paging with the same `first`) pays it once.
 */
function createCostCache() {
  const byDocument = new WeakMap<DocumentNode, Map<string, Cost>>();
  return {
    get(
      document: DocumentNode,
      operationName: string | undefined,
      variables: Record<string, unknown> | null | undefined,
      measure: () => Cost,
    ): Cost {
      const json = variables ? JSON.stringify(variables) : '';
      if (json.length > MAX_CACHED_VARIABLES_CHARS) {
        return measure();
      }
      const key = `${operationName ?? ''}\n${json}`;
      let costs = byDocument.get(document);
      if (costs?.has(key)) {
        return costs.get(key);
      }
      const cost = measure();
      if (!costs) {
        costs = new Map();
        byDocument.set(document, costs);
      }
      if (costs.size >= COSTS_PER_DOCUMENT) {
        costs.delete(costs.keys().next().value as string);
      }
      costs.set(key, cost);
      return cost;
    },
  };
}

interface Shape {
  depth: number;
  aliases: number;
  directives: number;
}

/**
 * graphql-armor's depth, alias and directive rules as measures: with no limit of their
 * own they report every operation's count, and the gateway decides, so that a refusal
 * carries the limit and the measured value as numbers. Depth counts fields only
 * (fragments are flattened); `__schema` does not count, as INTROSPECTION governs it.
 */
function measureShape(schema: GraphQLSchema, document: DocumentNode): Shape {
  const shape: Shape = { depth: 0, aliases: 0, directives: 0 };
  const measure =
    (key: keyof Shape) =>
    (_context: unknown, { n }: { n: number }) => {
      shape[key] = Math.max(shape[key], n);
    };
  const { validationRules } = new ApolloArmor({
    maxDepth: {
      n: Infinity,
      flattenFragments: true,
      ignoreIntrospection: true,
      propagateOnRejection: false,
      onAccept: [measure('depth')],
    },
    // Every alias counts, `__typename`'s too (armor would let those pass).
    maxAliases: { n: Infinity, allowList: [], propagateOnRejection: false, onAccept: [measure('aliases')] },
    maxDirectives: { n: Infinity, propagateOnRejection: false, onAccept: [measure('directives')] },
    maxTokens: { enabled: false },
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: false },
  }).protect();
  validate(schema, document, validationRules);
  return shape;
}
