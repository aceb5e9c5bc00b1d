import { GatewayError } from './errors';

/** The limits a request is held to (CONTRACT.md, Limits) and the errors that refuse it. */

export type QueryLimit = 'tokens' | 'depth' | 'aliases' | 'directives' | 'selections' | 'cost' | 'upstreamCalls';

const what: Record<QueryLimit, string> = {
  tokens: 'The query is too long',
  depth: 'The query is too deep',
  aliases: 'The query has too many aliases',
  directives: 'The query has too many directives',
  selections: 'The query expands to too many selections',
  cost: 'The query costs too much',
  upstreamCalls: 'The query needs too many calls to providers',
};

/** "depth 30", "31 aliases", "more than 5000 tokens". */
function measuredText(limit: QueryLimit, max: number, actual: number | undefined): string {
  const value = actual === undefined ? `more than ${max}` : String(actual);
  if (limit === 'upstreamCalls') {
    return `${value} (MAX_UPSTREAM_CALLS)`;
  }
  return limit === 'depth' || limit === 'cost' ? `${limit} ${value}` : `${value} ${limit}`;
}

/**
 * QUERY_TOO_COMPLEX: nothing was executed. `extensions.limit` names the limit,
 * `extensions.max` is its value and `extensions.actual` what the query measured
 * (absent for tokens and selections: counting stops right after the limit).
 */
export class QueryTooComplexError extends GatewayError {
  constructor(limit: QueryLimit, max: number, actual?: number) {
    super('QUERY_TOO_COMPLEX', `${what[limit]}: ${measuredText(limit, max, actual)}, limit ${max}.`, {
      limit,
      max,
      ...(actual === undefined ? {} : { actual }),
    });
  }
}

/** RATE_LIMITED: `extensions.retryAfter` is the whole seconds until the caller's window resets. */
export class RateLimitedError extends GatewayError {
  constructor(retryAfterS: number) {
    super('RATE_LIMITED', `Too many requests: try again in ${retryAfterS} s.`, { retryAfter: retryAfterS });
  }
}
