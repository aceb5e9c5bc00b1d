import { responsePathAsArray, type GraphQLResolveInfo } from 'graphql';

import type { Context } from '../context';
import { GatewayError } from '../errors/errors';

/** Codes that one failing provider may add to a response that still carries the others' data. */
const PARTIAL_CODES = new Set(['UNAUTHENTICATED', 'PROVIDER_UNAVAILABLE', 'PROVIDER_ERROR']);

/**
 * Keeps a provider's failure beside the healthy providers' data (CONTRACT.md, Partial
 * data); anything else is not a provider's failure and is thrown on.
 */
export function recordPartial(context: Context, info: GraphQLResolveInfo, error: unknown): void {
  if (error instanceof GatewayError && PARTIAL_CODES.has(error.code)) {
    context.partialErrors.push({ error, path: responsePathAsArray(info.path) });
    return;
  }
  throw error;
}
